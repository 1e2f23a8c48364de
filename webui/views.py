"""Search, document and about views; each serves HTML and JSON (search also CSV) from the same code."""
from __future__ import annotations

import csv
import io
import re
from urllib.parse import quote

from flask import Blueprint, Response, abort, current_app, g, jsonify, render_template, request, url_for
from markupsafe import Markup
from werkzeug.exceptions import HTTPException

from indexer import settings
from indexer.search.api import result_as_dict
from indexer.features.export import neutralise_row
from indexer.search.limits import limited_query
from indexer.models import SearchRequest, SearchResult
from indexer.backends import IndexDamaged, IndexMissing, SearchBackend
from webui.backend import get_backend
from indexer.search.facets import FACET_LABELS, FACETS
from indexer.search.present import run_search as search_with_links
from indexer.search.params import request_from_params, request_params

from webui.presenting import about_facets, collection_facts, grade_notes, shown_values, source_name

bp = Blueprint("search", __name__)

def search_index() -> SearchBackend:
    """The app's search backend."""
    return get_backend()


@bp.app_errorhandler(IndexMissing)
def no_index(exc):
    """A friendly page when no index has been built yet, or the live one is damaged (503 with the reason)."""
    if request.path.endswith(".json"):
        return jsonify({"error": str(exc)}), 503
    title = "Index unavailable" if isinstance(exc, IndexDamaged) else "No index yet"
    return render_template("error.html", title=title, message=str(exc)), 503


@bp.app_errorhandler(Exception)
def unexpected(exc):
    """An unexpected failure: a 503 with the reason when the index's files turn out damaged, else raised on."""
    if isinstance(exc, HTTPException):
        return exc
    reason = search_index().damage()
    if not reason:
        raise exc
    return no_index(IndexDamaged(reason))


def search_url(req: SearchRequest, endpoint: str = ".search", **changes) -> str:
    """A URL for the search with changes (page resets to 1 unless given)."""
    changes.setdefault("page", 1)
    return url_for(endpoint, **request_params(req, **changes))


def run_search(req: SearchRequest, problems: list[str]) -> SearchResult:
    """Search, with any parameter problems added to the message."""
    result = search_with_links(search_index(), req)
    if problems:
        result.message = " ".join([*problems, result.message or ""]).strip()
    return result


@bp.route("/")
@bp.route("/search")
@bp.route("/search.<fmt>")
def search(fmt: str = "html"):
    """The search page, and the same search as JSON or CSV."""
    if fmt not in ("html", "json", "csv"):
        abort(404)
    req, problems = request_from_params(request.args)
    if fmt == "csv":
        return export_csv(req)
    result = run_search(req, problems)
    if fmt == "json":
        return jsonify(result_as_dict(result))
    held = search_index().collection()
    if _is_front_page(req, problems):
        return render_template("home.html", req=req, facts=collection_facts(held), newest=held.newest,
                               built_at=held.built_at, examples=settings.EXAMPLE_SEARCHES,
                               per_page_choices=settings.PER_PAGE_CHOICES)
    cf = request.args.get("cf", "").strip()[: settings.MAX_VALUE_CHARS]
    show_all = [name for name in dict.fromkeys(request.args.getlist("all")) if name in result.facets]
    facets = {name: shown_values(values, name, name in show_all or bool(cf))
              for name, values in result.facets.items()}
    return render_template("search.html", result=result, req=req, cf=cf, labels=FACET_LABELS, facet_list=FACETS,
                           pages=_pages(result), histogram=_histogram(result), search_url=search_url,
                           per_page_choices=settings.PER_PAGE_CHOICES,
                           csv_cap=current_app.config["CSV_EXPORT_CAP"], hidden_state=request_params(req),
                           clear_filters={name: [] for name in req.filters}, facets=facets, show_all=show_all,
                           all_url=lambda name: _with_all(req, show_all, name),
                           councils_with_documents=len(held.councils_with_documents),
                           next_steps=next_steps(result) if not result.total else [])


def _is_front_page(req: SearchRequest, problems: list[str]) -> bool:
    """Nothing asked yet: no words, no filters, the first page, no parameter trouble to report."""
    chosen = req.council or req.severity or req.year or req.year_from or req.year_to or any(req.filters.values())
    return not req.q.strip() and not chosen and req.page == 1 and not problems and req.sort == "relevance"


def _with_all(req: SearchRequest, show_all: list[str], name: str) -> str:
    """This search with one more facet listed whole (a plain link: works without JavaScript)."""
    return url_for(".search", **request_params(req), all=[*show_all, name]) + f"#facet-{name}"


def next_steps(result: SearchResult) -> list[dict]:
    """What to try when nothing matched: drop each filter, the spelling correction, the query without a name."""
    req = result.request
    steps = []
    for name in ("council", "severity", "year"):
        for value in getattr(req, name):
            rest = [v for v in getattr(req, name) if v != value]
            steps.append({"text": f"Remove the filter {FACET_LABELS.get(name, name).lower()}: {value}",
                          "url": search_url(req, **{name: rest})})
    if req.year_from or req.year_to:
        steps.append({"text": "Remove the year range", "url": search_url(req, year_from=None, year_to=None)})
    for name, values in req.filters.items():
        for value in values:
            steps.append({"text": f"Remove the filter {FACET_LABELS.get(name, name).lower()}: {value}",
                          "url": search_url(req, **{name: [v for v in values if v != value]})})
    if req.match == "all":
        steps.append({"text": "Show best matches for most of your words", "url": search_url(req, match="best")})
    if result.suggestion:
        steps.append({"text": f"Search for “{result.suggestion}” (spelling)", "url": search_url(req, q=result.suggestion)})
    return steps


def export_csv(req: SearchRequest) -> Response:
    """The matching paragraphs with their facets as CSV, capped."""
    cap = current_app.config["CSV_EXPORT_CAP"]
    exported, total = search_index().export_rows(req, cap=cap)
    rows = [row.as_dict() for row in exported]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=["doc_id", "paragraph", "title", "url", "council", "year", "severity",
                                                "heading", "text", "score"])
    writer.writeheader()
    writer.writerows(neutralise_row(row) for row in rows)
    response = Response(buffer.getvalue(), mimetype="text/csv")
    response.headers["Content-Disposition"] = 'attachment; filename="reportsearch.csv"'
    response.headers["X-Total-Matches"] = str(total)
    response.headers["X-Export-Cap"] = str(cap)
    response.headers["X-Exported-Rows"] = str(len(rows))
    return response


def _pages(result: SearchResult) -> dict:
    """Previous/next and nearby page links (pages count documents, as hits are collapsed)."""
    req = result.request
    last = max(1, -(-result.total_docs // req.per_page))
    nearby = [p for p in range(max(1, req.page - 3), min(last, req.page + 3) + 1)]
    return {"last": last, "current": req.page,
            "prev": search_url(req, page=req.page - 1) if req.page > 1 else None,
            "next": search_url(req, page=req.page + 1) if req.page < last else None,
            "nearby": [(p, search_url(req, page=p)) for p in nearby]}


def _histogram(result: SearchResult) -> dict | None:
    """Bars for hits per year, as SVG geometry computed on the server."""
    data = result.year_histogram
    if not data:
        return None
    first, last = data[0][0], data[-1][0]
    counts = dict(data)
    peak = max(counts.values()) or 1
    width, height = 16, 60
    years = range(first, last + 1)
    total = max(len(years) * (width + 2), 90)  # room for a label even when one year remains
    offset = (total - len(years) * (width + 2)) // 2  # a few bars sit in the middle, not squeezed at the left
    bars = []
    for i, year in enumerate(years):
        count = counts.get(year, 0)
        h = 0 if not count else max(2, round(height * count / peak))
        bars.append({"year": year, "count": count, "x": offset + i * (width + 2), "y": height - h, "h": h,
                     "w": width, "url": search_url(result.request, year=[], year_from=year, year_to=year)})
    return {"bars": bars, "width": total, "height": height, "first": first, "last": last}


@bp.route("/doc/<path:doc_id>")
def document(doc_id: str):
    """One document, opened at the hit, with the query's words highlighted; .json for the data."""
    as_json = False
    doc = search_index().document(doc_id)
    if doc is None and doc_id.endswith(".json"):
        doc_id, as_json = doc_id[:-5], True
        doc = search_index().document(doc_id)
    if doc is None:
        abort(404)
    q = limited_query(request.args.get("q", ""), [])
    found = search_index().matching_paragraphs(doc_id, q) if q else None
    matches, marked = (found.numbers, found.marked) if found else ([], {})
    if as_json:
        return jsonify({**doc.as_dict(), "matching_paragraphs": matches})
    paragraphs = []
    previous_heading = None
    for para in doc.as_dict()["paragraphs"]:
        n = para["n"]
        i = matches.index(n) if n in matches else None
        paragraphs.append({
            **para,
            "html": Markup(marked[n]) if n in marked else None,
            "new_heading": para["heading"] if para["heading"] != previous_heading else None,
            "prev_match": matches[i - 1] if i else None,
            "next_match": matches[i + 1] if i is not None and i + 1 < len(matches) else None,
        })
        previous_heading = para["heading"]
    return render_template("doc.html", doc=doc, paragraphs=paragraphs, q=q, matches=matches,
                           outcome=doc.official_outcome, notes=grade_notes(doc))


@bp.route("/about")
def about():
    """What is indexed, when it was built, from where; data attribution."""
    info = search_index().stats()
    held = search_index().collection()
    return render_template("about.html", info=info, labels=FACET_LABELS, facts=collection_facts(held),
                           facets=about_facets(held), sources=[source_name(s) for s in info.sources],
                           skipped=[{**s, "path": source_name(s["path"])} for s in info.skipped],
                           councils=sorted(held.councils_with_documents.items()))


@bp.route("/about.json")
def about_json():
    """The about page's facts as JSON."""
    return jsonify(search_index().stats().as_dict())


@bp.app_template_filter("council_url")
def council_url(name: str) -> str:
    """The council page's URL; built from one url_for per request (a results page links hundreds of councils)."""
    prefix = getattr(g, "council_url_prefix", None)
    if prefix is None:
        prefix = g.council_url_prefix = url_for("councils.council", name="-").removesuffix("-")
    return prefix + quote(name, safe="")


@bp.app_template_filter("plural")
def plural(count: int, word: str) -> str:
    """'1 paragraph', '3 paragraphs'."""
    return f"{count:,} {word}{'' if count == 1 else 's'}"


@bp.app_template_filter("grade_class")
def grade_class(grade: str) -> str:
    """A CSS class for a grade badge."""
    return "grade-" + re.sub(r"\W+", "-", grade or "unknown")
