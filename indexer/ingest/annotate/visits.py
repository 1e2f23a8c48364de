"""Monitoring and focused visits grade nothing: a story about one keeps the council's standing grade, the official
overall grade in force when the visit took place (or when the page was printed)."""
from __future__ import annotations

import datetime as dt
import re

from indexer import settings
from indexer.ingest.annotate.dates import MONTH_NAMES, MONTHS

_VISIT = re.compile(r"\b(?:monitoring|focused)\s+(?:visits?|letters?|inspections?)\b", re.IGNORECASE)
# A new graded inspection reported alongside: then the visit does not carry the story.
_FULL = re.compile(r"\b(?:full|graded|standard|short)\s+(?:re-?)?inspections?\b|\bre-?inspect(?:ion|ed)\b", re.IGNORECASE)
_MONTH = rf"({MONTH_NAMES})"
# "a monitoring visit in late March", "the focused visit on 8 November": the month the visit took place.
_VISIT_MONTH = re.compile(rf"\b(?:monitoring|focused)\s+visits?\b[^.;]{{0,80}}?\b(?:in|on|during)\s+(?:(?:early|late|mid)"
                          rf"[\s-]+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}\b(?!,?\s+(?:\d{{1,2}},?\s+)?(?:19|20)\d\d)",
                          re.IGNORECASE)


# Round 6: "after the full inspection of July 2023", "since the last full inspection in 2017": an earlier inspection
# the visit follows, not a new graded one reported alongside.
_EARLIER_BEFORE = re.compile(r"\b(?:after|since|following|at|before)\s+(?:the|its|that)\s+(?:last\s+|previous\s+|most\s+recent\s+"
                             r"|earlier\s+)?$|\b(?:last|previous|earlier)\s+$", re.IGNORECASE)
_EARLIER_AFTER = re.compile(rf"^\s+(?:of|in)\s+(?:{_MONTH}\s+)?(?:19|20)\d\d\b", re.IGNORECASE)


# A plural with no determiner names the kind ("visits come between full inspections", "unlike graded inspections").
_GENERIC_BEFORE = re.compile(r"\b(?:between|unlike|than|of|from|for|and|or|with|like)\s+$", re.IGNORECASE)


# Round 31 (real page text): the inspection named by the framework's own words as the subject of a finding ("the
# inspection of children's services found", "the report of the inspection of local authority children's services at
# the council finds") is the new full inspection the page reports; not one a "since", "after" or "before" places
# earlier (a visit "since the inspection of children's services in May").
_INSPECTION_FOUND = re.compile(r"\b(?:the\s+)?(?:report\s+of\s+the\s+)?inspection\s+of\s+(?:local\s+authority\s+)?"
                               r"children['’]s\s+(?:social\s+care\s+)?services(?:\s+(?:at|in)\s+[A-Z][\w'’-]*){0,1}"
                               r"\s+(?:has\s+)?(?:found|finds|judged|rated)\b", re.IGNORECASE)
_PLACED_EARLIER = re.compile(r"\b(?:since|after|before|following)\s+(?:the\s+)?$", re.IGNORECASE)


def new_full_inspection(text: str) -> bool:
    """True when the text reports a graded inspection that is not one it places before the visit."""
    if settings.ROUND31_INSPECTION_FOUND and any(not _PLACED_EARLIER.search(text[max(0, m.start() - 30):m.start()])
                                                 for m in _INSPECTION_FOUND.finditer(text)):
        return True
    for match in _FULL.finditer(text):
        before, after = text[max(0, match.start() - 30):match.start()], text[match.end():match.end() + 25]
        if _GENERIC_BEFORE.search(before) and match.group(0).lower().endswith("s"):
            continue  # round 13: "in the gap between full inspections": the kind in general, no inspection reported
        if not (_EARLIER_BEFORE.search(before) or _EARLIER_AFTER.match(after)):
            return True
    return False


def reports_a_visit(text: str) -> bool:
    """True when the page is about a monitoring or focused visit and reports no new graded inspection."""
    return bool(_VISIT.search(text)) and not new_full_inspection(text)


def visit_day(text: str, year: int) -> dt.date:
    """The visit's day as far as the page tells it: its month in the given year, else the year's end."""
    month = _VISIT_MONTH.search(text)
    if month:
        return dt.date(year, MONTHS[month.group(1).lower()], 28)
    return dt.date(year, 12, 31)

