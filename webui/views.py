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
from indexer.api import result_as_dict
from indexer.export import neutralise_row
from indexer.limits import limited_query
from indexer.models import SearchRequest, SearchResult
from indexer.search import IndexDamaged, IndexMissing, SearchIndex
from indexer.search.facets import FACET_LABELS, FACETS
from indexer.search.params import request_from_params, request_params

bp = Blueprint("search", __name__)

def search_index() -> SearchIndex:
    """The app's index handle."""
    return current_app.extensions["reportsearch"]


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
    result = search_index().search(req)
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
    cf = request.args.get("cf", "").strip()[: settings.MAX_VALUE_CHARS]
    return render_template("search.html", result=result, req=req, cf=cf, labels=FACET_LABELS, facet_list=FACETS,
                           pages=_pages(result), histogram=_histogram(result), search_url=search_url,
                           per_page_choices=settings.PER_PAGE_CHOICES,
                           csv_cap=current_app.config["CSV_EXPORT_CAP"], hidden_state=request_params(req),
                           clear_filters={name: [] for name in req.filters})


def export_csv(req: SearchRequest) -> Response:
    """The matching paragraphs with their facets as CSV, capped."""
    cap = current_app.config["CSV_EXPORT_CAP"]
    rows, total = search_index().export_rows(req, cap=cap)
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
    bars = []
    for i, year in enumerate(range(first, last + 1)):
        count = counts.get(year, 0)
        h = 0 if not count else max(2, round(height * count / peak))
        bars.append({"year": year, "count": count, "x": i * (width + 2), "y": height - h, "h": h, "w": width,
                     "url": search_url(result.request, year=[], year_from=year, year_to=year)})
    return {"bars": bars, "width": len(bars) * (width + 2), "height": height, "first": first, "last": last}


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
    matches, marked = search_index().matching_paragraphs(doc_id, q) if q else ([], {})
    if as_json:
        return jsonify({**doc, "matching_paragraphs": matches})
    paragraphs = []
    previous_heading = None
    for para in doc["paragraphs"]:
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
                           outcome=doc.get("official_outcome"))


@bp.route("/about")
def about():
    """What is indexed, when it was built, from where; data attribution."""
    return render_template("about.html", info=search_index().stats(), labels=FACET_LABELS)


@bp.route("/about.json")
def about_json():
    """The about page's facts as JSON."""
    return jsonify(search_index().stats())


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
