"""Round 15 (issue 22): an undated page is never older than what it names, so an inferred year below that is moved.

A page is written after every past event it names: the latest past year it mentions, the year after an inspection it
counts from ("since it was judged inadequate in July 2022", "at the previous full inspection, in 2021", "the first
such inspection since 2010"), and the first year of the vocabulary it uses ("requires improvement" exists since
November 2013, focused visits since 2018, Covid-19 since 2020). Over the development labels no page's year falls
below that floor. When a year inferred from the record does, the page is about a later event than the inspection
the year came from: a monitoring or focused visit (the record holds none) takes the floor itself; any other page the
council's first whole-service inspection published in or after the floor (docs/facets.md, round 15).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from indexer import settings
from indexer.ingest.annotate.dates import MONTH_NAMES, YEAR_RE, without_copy_dates
from indexer.ingest.annotate.latest_event import AIM
from indexer.ingest.annotate.outcomes import for_council, inspected_year

_MONTH = rf"(?:{MONTH_NAMES})"
# An aim or plan before a month and its year: "an inspection by June 2020", "not expected back before May 2025"
# (AIM alone reads only the words right before the year).
_AIM_MONTH = re.compile(rf"\b(?:by|until|before|ahead of|due|expected|planned|scheduled|likely)(?: in)?\s+"
                        rf"(?:the end of\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}\s+$", re.IGNORECASE)
# Words and names a page cannot use before a year: (pattern, first year, what it is).
_ERA = tuple((re.compile(pattern, re.IGNORECASE), first, what) for pattern, first, what in (
    (r"\brequires?\s+improvement\b|\brequiring\s+improvement\b", 2013, "the grade “requires improvement” (2013 on)"),
    (r"\bsingle inspection framework\b", 2013, "the single inspection framework (2013 on)"),
    (r"\bILACS\b|\binspections? of local authority children['’]?s services\b|\bfocused\s+visits?\b", 2018,
     "the ILACS framework or its focused visits (2018 on)"),
    (r"\bcovid(?:-?19)?\b|\bcoronavirus\b", 2020, "Covid-19 (2020 on)"),
    (r"\bjoint targeted area inspections?\b|\bJTAIs?\b", 2016, "joint targeted area inspections (2016 on)"),
    (r"\bregional adoption agenc(?:y|ies)\b", 2016, "regional adoption agencies (2016 on)"),
    (r"\beducation,? health and care plans?\b|\bEHCPs?\b", 2014, "education, health and care plans (2014 on)"),
    (r"\bStable Homes,? Built on Love\b", 2023, "Stable Homes, Built on Love (2023 on)"),
    (r"\bindependent review of children['’]?s social care\b", 2021, "the independent care review (2021 on)"),
    (r"\bLocal Government and Social Care Ombudsman\b", 2017, "the Local Government and Social Care Ombudsman (2017 on)"),
    (r"\bDepartment for Education\b", 2010, "the Department for Education (2010 on)"),
))
# A clause that counts from an inspection or a judgement: the page reports something after the year it names.
_ANCHORS = tuple(re.compile(pattern, re.IGNORECASE) for pattern in (
    rf"\bsince\b[^.]{{0,60}}?\b(?:rated|judged|graded|found|inspected|inspection|visit|report)\w*\b[^.]{{0,30}}?"
    rf"\b(?:in\s+)?(?:{_MONTH}\s+)?((?:19|20)\d\d)\b",
    rf"\b(?:previous|last|earlier)\s+(?:full\s+|standard\s+)?(?:inspection|visit)s?\b,?\s*(?:(?:was\s+)?in\s+|of\s+)?"
    rf"(?:{_MONTH}\s+)?((?:19|20)\d\d)\b",
    rf"\bfirst\s+(?:such\s+|full\s+)?inspection\s+since\s+(?:{_MONTH}\s+)?((?:19|20)\d\d)\b",
    r"\bafter\s+(?:its|the|their)\s+((?:19|20)\d\d)\s+(?:inspection|visit|report)",
    rf"\bsince\s+(?:{_MONTH}\s+)?((?:19|20)\d\d),?\s+when\b",  # "since 2016, when every judgement was …"
))
_VISIT = re.compile(r"\b(?:monitoring|focused)\s+visits?\b|\bmonitoring\s+letters?\b", re.IGNORECASE)
# The frameworks that judge a council's children's services as a whole (as in empty_year.py).
_WHOLE_SERVICE = frozenset({"SLAC", "SIF", "ILACS"})


@dataclass(frozen=True)
class Floor:
    """The earliest year a page can have been written, and what sets it."""
    year: int
    why: str


def latest_past_year(text: str, limit: int) -> Floor | None:
    """The latest year up to `limit` the text names that is not an aim or a plan."""
    text = without_copy_dates(text)
    years = [int(m.group(1)) for m in YEAR_RE.finditer(text) if 2000 <= int(m.group(1)) <= limit
             and not AIM.search(text[max(0, m.start() - 30):m.start()])
             and not _AIM_MONTH.search(text[max(0, m.start() - 40):m.start()])
             and not _span_end(text, m)]
    return Floor(max(years), f"the page names {max(years)}") if years else None


def _span_end(text: str, match: re.Match) -> bool:
    """Round 24: the second year of a financial or school year ("in 2024-2025", "2017/2018") is where a budget or a
    plan ends, not a past event."""
    before = text[max(0, match.start() - 8):match.start()]
    return settings.ROUND24_SPAN_END and bool(re.search(rf"\b{int(match.group(1)) - 1}\s*[-–/]\s*$", before))


def anchor_floor(text: str) -> Floor | None:
    """The year after the latest inspection or judgement the page counts from."""
    found = [(int(m.group(1)), m.group(0)) for pattern in _ANCHORS for m in pattern.finditer(text)]
    if not found:
        return None
    year, phrase = max(found)
    return Floor(year + 1, f"the page counts from {year} (“{phrase.strip()[-80:]}”)")


def era_floor(text: str) -> Floor | None:
    """The first year of the newest vocabulary the page uses."""
    found = [(first, what) for pattern, first, what in _ERA if pattern.search(text)]
    if not found:
        return None
    first, what = max(found)
    return Floor(first, f"it speaks of {what}")


def page_floor(text: str, limit: int | None = None) -> Floor | None:
    """The highest of the three floors, or None when the page gives none."""
    limit = limit or dt.date.today().year
    floors = [f for f in (latest_past_year(text, limit), anchor_floor(text), era_floor(text)) if f]
    return max(floors, key=lambda f: f.year) if floors else None


def _counted_from(text: str, code: str, year: int) -> Floor | None:
    """The year after `year` when `year` is the publication of the council's inspection held (or published) in a year
    the page counts from: "since 2016, when every judgement …" with the 2016 inspection published in 2017 puts a
    page about a new inspection after 2017 (a visit page is not moved this way: a visit can follow its report within
    the year)."""
    counted = {int(m.group(1)) for pattern in _ANCHORS for m in pattern.finditer(text)}
    for outcome in for_council(code):
        if outcome.published and outcome.published.year == year and (
                inspected_year(outcome) in counted or outcome.published.year in counted):
            return Floor(year + 1, f"the page counts from the inspection published in {year}")
    return None


def raised_year(text: str, code: str, year: int) -> Floor | None:
    """A later year for an undated page whose inferred `year` lies below its floor, else None: a visit page takes
    the floor (the record holds no visits); another page the council's first whole-service inspection published in
    or after the floor, or the floor when the record has none."""
    floor = page_floor(text)
    visit = bool(_VISIT.search(text))
    counted = None if visit else _counted_from(text, code, year)
    if counted is not None and (floor is None or floor.year <= year):
        floor = counted
    if floor is None or year >= floor.year:
        return None
    if not visit:
        for outcome in for_council(code):
            if outcome.framework in _WHOLE_SERVICE and outcome.published and outcome.published.year >= floor.year:
                return Floor(outcome.published.year,
                             f"inferred: {floor.why}, so the page is later than {year}; the council's first inspection "
                             f"published since then is {outcome.published.isoformat()}")
    return Floor(floor.year, f"inferred: {floor.why}, so the page is later than {year}: {floor.year} at the earliest")
