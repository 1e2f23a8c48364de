"""Councils joined up: the gazetteer, the official inspection history and the documents indexed about each."""
from __future__ import annotations

import re

from indexer import settings
from indexer.ingest.annotate.gazetteer import authorities, display_name
from indexer.ingest.councils import Council, all_councils, find_council, regions  # noqa: F401 - the pages' names
from indexer.ingest.annotate.outcomes import for_council
from indexer.models import Outcome

# Frameworks before the 2013 single inspection framework graded on a scale whose third point was "adequate".
PRE_2013_FRAMEWORKS = {"SLAC", "CPI", "TLAC"}
SCALES = {
    "pre-2013": "2009–2013 scale: outstanding, good, adequate, inadequate",
    "2013": "2013 onwards scale: outstanding, good, requires improvement to be good, inadequate",
}
FRAMEWORK_NAMES = {
    "SLAC": "Safeguarding and looked after children", "CPI": "Child protection inspection",
    "TLAC": "Targeted looked after children", "SIF": "Single inspection framework",
    "ILACS": "Inspection of local authority children's services",
}
GRADE_SORT = (*settings.SEVERITY_ORDER, "")


def scale_of(outcome: Outcome) -> str:
    """Which grading scale an inspection used."""
    return "pre-2013" if outcome.framework in PRE_2013_FRAMEWORKS else "2013"


def inspection(outcome: Outcome) -> dict:
    """One official inspection as the council page shows it."""
    grade = outcome.overall or ""
    note = ""
    if not grade and outcome.framework == "SLAC":
        note = "two separate judgements, no single overall grade"
    elif not grade:
        note = "no overall effectiveness judgement"
    scale = scale_of(outcome)
    return {**outcome.as_dict(), "framework_name": FRAMEWORK_NAMES.get(outcome.framework, outcome.framework),
            "grade": grade or None, "scale": scale, "scale_label": SCALES[scale], "note": note or None,
            "as_council": display_name(outcome.la_code) if outcome.la_code in authorities() else outcome.la_name}


def history(council: Council) -> list[dict]:
    """The official inspections of a council and its predecessors, oldest first."""
    return [inspection(o) for o in for_council(council.code)]


def latest_own(council: Council) -> dict | None:
    """The council's own latest inspection (a predecessor's grade is not the successor's)."""
    own = [o for o in for_council(council.code) if o.la_code == council.code]
    return inspection(own[-1]) if own else None


def council_row(council: Council, documents: int) -> dict:
    """One line of the councils index."""
    latest = latest_own(council)
    return {**council.as_dict(), "current_grade": latest["grade"] if latest else None,
            "current_scale": latest["scale"] if latest else None,
            "last_inspection": latest["published"] if latest else None,
            "last_framework": latest["framework"] if latest else None, "documents": documents}


SORT_KEYS = {
    "name": lambda r: r["name"].lower(),
    "region": lambda r: (r["region"], r["name"].lower()),
    "grade": lambda r: (GRADE_SORT.index(r["current_grade"] or ""), r["name"].lower()),
    "inspected": lambda r: (r["last_inspection"] or "", r["name"].lower()),
    "documents": lambda r: (r["documents"], r["name"].lower()),
}


def council_rows(backend, region: str = "", grade: str = "", sort: str = "name", descending: bool = False,
                 include_abolished: bool = True) -> list[dict]:
    """Every council with its current grade, last inspection and document count, filtered and sorted."""
    counts = backend.document_counts() if backend is not None else {}
    rows = [council_row(c, counts.get(name, 0)) for name, c in all_councils().items()
            if include_abolished or c.abolished is None]
    if region:
        rows = [r for r in rows if r["region"] == region]
    if grade:
        rows = [r for r in rows if (r["current_grade"] or "none") == grade]
    return sorted(rows, key=SORT_KEYS.get(sort, SORT_KEYS["name"]), reverse=descending)


def council_page(backend, name: str) -> dict | None:
    """A council's page: official inspection history, indexed documents by year, distinctive terms; None if unknown."""
    council = find_council(name)
    if council is None:
        return None
    names = [council.name, *council.predecessors]
    exclude = {w for n in names for w in n.lower().replace(",", " ").split()}
    summary = backend.council_summary(names, exclude)
    return {"council": council.as_dict(), "names": names, "history": history(council), "latest": latest_own(council),
            "documents_by_year": [{"year": year, "documents": [d.__dict__ for d in docs]}
                                  for year, docs in summary.documents_by_year],
            "paragraphs": summary.paragraphs,
            "significant": {"terms": [t.as_dict() for t in summary.terms],
                            "phrases": [t.as_dict() for t in summary.phrases]}}


# "Buckinghamshire (Buckinghamshire County Council)": the old county council whose children's services the new
# unitary took over. The value stays (it is the facet key); the label drops the repetition.
_REDUNDANT = re.compile(r"^(?P<name>.+?) \((?P=name)\b[^)]*\)$")


def council_label(value: str) -> str:
    """A council facet value as it reads: "Buckinghamshire", not "Buckinghamshire (Buckinghamshire County Council)"."""
    match = _REDUNDANT.match(value or "")
    return match.group("name") if match else value
