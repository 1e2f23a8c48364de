"""How values read to a user: council labels, dates, cut facet lists, the front page's and About page's facts."""
from __future__ import annotations

import datetime as dt

from flask import Blueprint

from indexer.features import councils
from indexer import settings
from indexer.contract import Collection, DocumentView

bp = Blueprint("presenting", __name__)

@bp.app_template_filter("council_label")
def council_label(value: str) -> str:
    """A council facet value as it reads (indexer.councils.council_label)."""
    return councils.council_label(value)


@bp.app_template_filter("readable_date")
def readable_date(value: str | None) -> str:
    """An ISO date or timestamp as "6 December 2026" (with the time, "6 December 2026, 01:09 UTC")."""
    if not value:
        return "unknown"
    try:
        stamp = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    day = f"{stamp.day} {stamp:%B %Y}"
    if len(value) <= 10:
        return day
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(dt.timezone.utc)
    return f"{day}, {stamp:%H:%M} UTC"


def shown_values(values: list, name: str, show_all: bool) -> tuple[list, int]:
    """The values a facet list shows (the top ones, selected always kept) and how many are left out."""
    if name == "year" or show_all or len(values) <= settings.FACET_TOP_VALUES + 2:
        return values, 0  # a near-complete list is shown whole: "all 11…" for one more value helps nobody
    top = values[: settings.FACET_TOP_VALUES]
    top += [v for v in values[settings.FACET_TOP_VALUES:] if v.selected]
    return top, len(values) - len(top)


def collection_facts(held: Collection) -> dict:
    """The front page's numbers: kinds, councils covered of the current 153, the year span."""
    years = [y for y, _ in held.years]
    return {"documents": held.documents, "by_kind": held.by_kind, "councils": len(held.councils_with_documents),
            "current": held.current_councils, "current_covered": held.current_covered,
            "gaps": held.current_councils - held.current_covered,
            "first_year": years[0] if years else None, "last_year": years[-1] if years else None,
            "years": held.years, "peak": max((n for _, n in held.years), default=1)}


def source_name(path: str) -> str:
    """A source folder or file as a user may see it: its last part, never the server's full path."""
    return path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or path


def about_facets(held: Collection) -> list[dict]:
    """The About page's grade facets, in documents, with their labels (no internal field names)."""
    from indexer.search.facets import FACETS

    out = []
    for facet in FACETS:
        values = held.facet_documents.get(facet.name, {})
        if facet.name in ("council", "year") or not values:
            continue  # councils and years have their own lines
        order = list(getattr(facet, "order", ()) or sorted(values))
        out.append({"label": facet.label, "hint": getattr(facet, "hint", ""),
                    "grades": [(v, values[v]) for v in order if v in values]})
    return out


def grade_notes(doc: DocumentView) -> dict:
    """A document page's grades explained: the document's own, the official outcome of the inspection it
    reports, and each council's latest official grade, with what each grade means on its scale."""
    from indexer.features import councils
    from indexer import grades

    own = [{"grade": g, "meaning": grades.meaning(g)} for g in doc.severity or []]
    outcome = doc.official_outcome or {}
    official = outcome.get("overall_grade")
    same_point = bool(official) and any(g["grade"] != official and grades.grades_agree(g["grade"], official)
                                        for g in own)
    latest = []
    for name in doc.council or []:
        council = councils.find_council(name)
        found = councils.latest_own(council) if council else None
        if found and found.get("published") != outcome.get("published"):
            latest.append({"council": name, "grade": found["grade"], "published": found["published"],
                           "framework": found["framework"], "note": found["note"]})
    return {"own": own, "official": official, "official_meaning": grades.meaning(official),
            "same_point": same_point, "latest": latest}
