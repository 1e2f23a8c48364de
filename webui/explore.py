"""Views across councils: the council x year grid of a search, similar paragraphs elsewhere, and Atom alerts."""
from __future__ import annotations

import csv
import datetime as dt
import io

from flask import Blueprint, Response, abort, jsonify, render_template, request, url_for

from indexer import settings
from indexer.features.export import neutralise_row
from indexer.features.feeds import atom_feed
from indexer.backends import ParagraphMissing
from indexer.features.grid import grid_page
from indexer.search.params import request_from_params, request_params
from indexer.contract import SIMILAR_SCOPES as SCOPES

from webui.views import search_index
from webui.baseurl import external, feed_id

bp = Blueprint("explore", __name__)
HEAT_LEVELS = 5


@bp.route("/search/grid")
@bp.route("/search/grid.<fmt>")
def grid(fmt: str = "html"):
    """Where a search's matches are, by council and year; also as CSV and JSON."""
    if fmt not in ("html", "json", "csv"):
        abort(404)
    req, problems = request_from_params(request.args)
    table = grid_page(search_index().grid(req), req)
    if fmt == "json":
        return jsonify({"query": req.q, **table.as_dict(), "message": " ".join(problems) or None})
    if fmt == "csv":
        return _grid_csv(table)
    for row in table.rows:
        for cell in row["cells"]:
            cell["level"] = 0 if not cell["count"] else 1 + (HEAT_LEVELS - 1) * cell["count"] // max(table.peak, 1)
    params = request_params(req, page=None)
    return render_template("grid.html", table=table, req=req, problems=problems,
                           search_href=url_for("search.search", **params),
                           csv_href=url_for(".grid", fmt="csv", **params),
                           json_href=url_for(".grid", fmt="json", **params))


def _grid_csv(table) -> Response:
    """The grid as CSV: one row per council, one column per year, totals last."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["council", *[str(y) if y else "year unknown" for y in table.years], "total"])
    for row in table.rows:
        cells = neutralise_row({"council": row["council"]})
        writer.writerow([cells["council"], *[c["count"] for c in row["cells"]], row["total"]])
    writer.writerow(["all councils", *table.column_totals, sum(table.column_totals)])
    response = Response(buffer.getvalue(), mimetype="text/csv")
    response.headers["Content-Disposition"] = 'attachment; filename="reportsearch-council-year.csv"'
    return response


@bp.route("/similar")
@bp.route("/similar.json", endpoint="similar_json")
def similar():
    """Paragraphs in other councils (or other documents) that share a paragraph's most distinctive words."""
    doc_id = request.args.get("doc", "")[: settings.MAX_VALUE_CHARS]
    scope = request.args.get("scope", SCOPES[0])
    scope = scope if scope in SCOPES else SCOPES[0]
    as_json = request.path.endswith(".json")
    try:
        paragraph = int(request.args.get("p", ""))
        found = search_index().similar(doc_id, paragraph, scope)
    except (ValueError, ParagraphMissing) as exc:
        message = str(exc) if isinstance(exc, ParagraphMissing) else "p must be a paragraph number"
        if as_json:
            return jsonify({"error": message}), 404
        return render_template("error.html", title="No such paragraph", message=message), 404
    if as_json:
        return jsonify(found.as_dict())
    return render_template("similar.html", found=found, doc_id=doc_id, paragraph=paragraph,
                           json_href=url_for(".similar_json", doc=doc_id, p=paragraph, scope=scope))


@bp.route("/search.atom")
def feed():
    """The search's newest matching paragraphs as an Atom feed (same parameters as /search)."""
    req, _ = request_from_params(request.args)
    hits, _ = search_index().newest(req, limit=settings.FEED_ENTRIES)
    params = request_params(req, page=None, sort=None, per_page=None)
    described = req.q or "all paragraphs"
    filters = ", ".join([*req.council, *req.severity, *map(str, req.year)])
    built = search_index().built_at()
    fallback = dt.datetime.fromisoformat(built) if built else dt.datetime.now(dt.timezone.utc)
    body = atom_feed(
        hits, title=f"reportsearch: {described}{' (' + filters + ')' if filters else ''}",
        feed_url=external(url_for(".feed", **params)), html_url=external(url_for("search.search", **params)),
        paragraph_url=lambda h: external(url_for("search.document", doc_id=h.doc_id, q=req.q or None))
        + f"#p-{h.paragraph}",
        fallback_updated=fallback, make_id=feed_id)
    return Response(body, mimetype="application/atom+xml")


@bp.app_context_processor
def search_links() -> dict:
    """Links every search view can show: its Atom feed and its council x year view."""
    return {"feed_href": feed_href, "grid_href": grid_href, "year_min": settings.YEAR_MIN, "year_max": settings.YEAR_MAX}


def feed_href(req) -> str:
    """The Atom feed URL of a search (for the search page's links)."""
    return url_for("explore.feed", **request_params(req, page=None, sort=None, per_page=None))


def grid_href(req) -> str:
    """The council x year view of a search."""
    return url_for("explore.grid", **request_params(req, page=None))
