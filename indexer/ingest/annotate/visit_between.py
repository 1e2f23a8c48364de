"""Round 29 (issue 22): the year of an undated focused-visit page, between the inspection it names and the next one.

A focused visit (the ILACS framework's one-day-or-two look at one part of a service, from 2018) grades nothing and is
not in the official record, so the record cannot date a page about one. But such a page usually names the graded
inspection the visit follows ("since the single inspection in 2016", "at the last inspection, in April 2017"), and
the record then holds both that inspection and the council's next graded one: the visit fell between the two. Under
ILACS a council has one focused visit between its standard or short inspections, so the middle of that gap is the
best single guess; it is marked inferred, kept no earlier than 2018 (the first focused visits) and no later than the
next inspection's start. Nothing is guessed when the page names no anchor year, when the anchor was judged inadequate
(such a council is monitored until its re-inspection, and a focused visit comes after that), when the record has no
inspection after the anchor (the visit could be any time since), or when the gap closes before 2018.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from indexer.models import Outcome
from indexer.ingest.annotate.dates import MONTH_NAMES, MONTHS
from indexer.ingest.annotate.outcomes import for_council, inspected_year, official_grade
from indexer.ingest.annotate.own_event import ANCHOR
from indexer.ingest.annotate.visits import new_full_inspection

# The page's own event is a focused visit ("the focused visit to X found", "Ofsted's focused inspection").
_FOCUSED = re.compile(r"\bfocus+ed\s+(?:visit|inspection)s?\b", re.IGNORECASE)
# "at the last Ofsted inspection of <council>'s children's services, in April 2017": an earlier inspection and its
# date a few words on, inside one sentence (the anchor pattern of round 9 wants them side by side); "the 2016 single
# inspection", "at the January 2017 judgement inspection": the year set before the noun; "when inspectors last came,
# in April 2017".
_LAST_INSPECTION = re.compile(rf"\b(?:last|previous|most\s+recent|single|judgement)\s+(?:[\w'’-]+\s+){{0,2}}?"
                              rf"inspection\b[^.;:!?]{{0,80}}?\b(?:in|of)\s+(?:(?P<month>{MONTH_NAMES})\s+)?"
                              rf"(?P<year>(?:19|20)\d\d)\b"
                              rf"|\bthe\s+(?:(?P<month_b>{MONTH_NAMES})\s+)?(?P<year_b>(?:19|20)\d\d)\s+"
                              rf"(?:[\w'’-]+\s+){{0,2}}?inspection\b"
                              rf"|\b(?:inspectors|Ofsted)\s+last\s+(?:came|visited|inspected)\b[^.;]{{0,30}}?\bin\s+"
                              rf"(?:(?P<month_c>{MONTH_NAMES})\s+)?(?P<year_c>(?:19|20)\d\d)\b", re.IGNORECASE)
_FIRST_FOCUSED = dt.date(2018, 1, 1)
_WHOLE_SERVICE = frozenset({"SLAC", "SIF", "ILACS"})


@dataclass(frozen=True)
class VisitYear:
    """The guessed year, the anchor's publication year (a page dated no later than it is dated by the anchor), and
    why."""
    year: int
    anchor_year: int
    why: str


def _anchors(text: str) -> list[tuple[int, int | None, str]]:
    """(year, month or None, words) of every earlier inspection the page places behind its visit."""
    found = []
    for match in ANCHOR.finditer(text):
        year = match.group("year") or match.group("year2") or match.group("year3")
        month = match.group("month") or match.group("month2") or match.group("month3")
        found.append((int(year), MONTHS[month.lower()] if month else None, match.group(0)))
    for match in _LAST_INSPECTION.finditer(text):
        month = match.group("month") or match.group("month_b") or match.group("month_c")
        year = match.group("year") or match.group("year_b") or match.group("year_c")
        found.append((int(year), MONTHS[month.lower()] if month else None, match.group(0)))
    return found


def _held(outcome: Outcome, year: int, month: int | None) -> bool:
    """The inspection was held or published in the year (and month, when given) the page names for it."""
    days = [d for d in (outcome.start, outcome.end, outcome.published) if d]
    if month is not None:
        return any(d.year == year and d.month == month for d in days) or (
            inspected_year(outcome) == year and not (outcome.start or outcome.end))
    return year in {inspected_year(outcome), *(d.year for d in days)}


def focused_visit_year(text: str, code: str) -> VisitYear | None:
    """The middle of the gap between the inspection an undated focused-visit page names and the council's next."""
    if not _FOCUSED.search(text) or new_full_inspection(text):
        return None  # no focused visit, or a new graded inspection reported beside it (that one dates the page)
    graded = sorted((o for o in for_council(code) if o.framework in _WHOLE_SERVICE and o.published
                     and official_grade(o)), key=lambda o: o.published)
    anchors = {}
    for year, month, words in _anchors(text):
        fits = [o for o in graded if _held(o, year, month)]
        if len(fits) == 1:
            anchors[fits[0].published] = (fits[0], words)
    if len(anchors) != 1:
        return None  # no anchor, or two different inspections named: no one gap
    before, words = next(iter(anchors.values()))
    if official_grade(before) == "inadequate":
        return None  # an inadequate council gets monitoring visits until its re-inspection: no focused visit between
    later = [o for o in graded if o.published > before.published]
    if not later:
        return None
    after = later[0]
    closes = after.start or (after.published - dt.timedelta(days=42))
    if closes < _FIRST_FOCUSED:
        return None
    middle = before.published + (closes - before.published) / 2
    year = min(max(middle.year, _FIRST_FOCUSED.year, before.published.year), closes.year)
    return VisitYear(year, before.published.year, f"inferred: a focused visit after the {before.framework} inspection the page names "
                           f"(“{words[-60:]}”, published {before.published.isoformat()}) and before the council's "
                           f"next graded one (from {closes.isoformat()}): the middle of that gap, {year}")
