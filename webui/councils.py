"""Council pages and the councils index; each serves HTML and .json from the same code."""
from __future__ import annotations

import datetime as dt

from flask import Blueprint, abort, jsonify, render_template, request, url_for

from indexer import settings
from indexer.features.councils import PRE_2013_FRAMEWORKS, SCALES, SORT_KEYS, council_page, council_rows, regions

from webui.views import search_index

bp = Blueprint("councils", __name__)

GRADE_CHOICES = (*settings.SEVERITY_ORDER, "none")
# Where each framework's era starts on the timeline (the first inspections under it).
ERAS = (("SLAC / CPI", dt.date(2009, 6, 1), "pre-2013"), ("SIF", dt.date(2013, 11, 1), "2013"),
        ("ILACS", dt.date(2018, 1, 1), "2013"))


@bp.route("/councils")
@bp.route("/councils.json", endpoint="councils_json")
def councils():
    """Every council with its current grade, last inspection and document count; sortable and filterable."""
    region = request.args.get("region", "")
    grade = request.args.get("grade", "")
    sort = request.args.get("sort", "name")
    sort = sort if sort in SORT_KEYS else "name"
    descending = request.args.get("order") == "desc"
    region = region if region in regions() else ""
    grade = grade if grade in GRADE_CHOICES else ""
    rows = council_rows(search_index(), region, grade, sort, descending)
    docs = request.args.get("docs", "")
    docs = docs if docs in ("some", "none") else ""
    if docs:  # the collection's coverage: councils with documents, or the gaps (current councils without any)
        rows = [r for r in rows if (r["documents"] > 0) == (docs == "some") and (docs == "some" or not r["abolished"])]
    if request.endpoint.endswith("_json"):
        return jsonify({"region": region or None, "grade": grade or None, "docs": docs or None, "sort": sort,
                        "order": "desc" if descending else "asc", "councils": rows})
    state = {"region": region or None, "grade": grade or None, "docs": docs or None}

    def sort_url(key: str) -> str:
        """This listing sorted by a column (again: the other direction)."""
        flip = key == sort and not descending
        return url_for(".councils", **state, sort=key, order="desc" if flip else None)

    return render_template("councils.html", rows=rows, regions=regions(), grades=GRADE_CHOICES, region=region,
                           grade=grade, docs=docs, sort=sort, descending=descending, sort_url=sort_url,
                           json_url=url_for(".councils_json", **state, sort=sort, order=request.args.get("order")))


@bp.route("/council/<path:name>")
def council(name: str):
    """One council: its inspection timeline, documents by year and what inspectors said distinctively."""
    as_json = name.endswith(".json")
    page = council_page(search_index(), name[:-5] if as_json else name)
    if page is None and as_json:
        page, as_json = council_page(search_index(), name), False
    if page is None:
        abort(404)
    if as_json:
        return jsonify(page)
    return render_template("council.html", page=page, council=page["council"], timeline=timeline(page["history"]),
                           scales=SCALES, pre_2013=PRE_2013_FRAMEWORKS,
                           term_url=lambda term: url_for("search.search", q=term["query"], council=page["names"]))


def timeline(history: list[dict], width: int = 760) -> dict | None:
    """SVG geometry for the inspection history: framework eras as bands, one marker per inspection."""
    dated = [h for h in history if h["published"]]
    if not dated:
        return None
    days = [dt.date.fromisoformat(h["published"]) for h in dated]
    first = min(2009, days[0].year)
    last = max(dt.date.today().year, days[-1].year) + 1
    left, right, axis_y = 24, width - 24, 110
    span = (dt.date(last, 1, 1) - dt.date(first, 1, 1)).days

    def x(day: dt.date) -> float:
        return round(left + (right - left) * (day - dt.date(first, 1, 1)).days / span, 1)

    eras = []
    for i, (label, start, scale) in enumerate(ERAS):
        end = ERAS[i + 1][1] if i + 1 < len(ERAS) else dt.date(last, 1, 1)
        if end.year > first:
            x0 = x(max(start, dt.date(first, 1, 1)))
            eras.append({"label": label, "scale": scale, "x": x0, "w": round(x(end) - x0, 1)})
    markers = []
    for i, (item, day) in enumerate(zip(dated, days)):
        grade = item["grade"] or _worst_sub(item)
        markers.append({"x": x(day), "y": 60 if i % 2 == 0 else 84, "grade": grade or "none",
                        "ungraded": not item["grade"], "label": item["framework"], "year": day.year,
                        "title": f"{item['published']}: {item['framework']}, "
                                 f"{item['grade'] or item['note'] or 'no grade'} ({item['scale_label']})"})
    ticks = [{"year": year, "x": x(dt.date(year, 1, 1))} for year in range(first, last + 1)]
    return {"width": width, "height": 140, "axis_y": axis_y, "eras": eras, "markers": markers, "ticks": ticks,
            "left": left, "right": right}


def _worst_sub(item: dict) -> str:
    """For an inspection without an overall grade, its lowest judgement (drawn hollow, never called overall)."""
    from indexer.ingest.annotate.grades import worst_grade

    return worst_grade(item["subjudgements"].values())
