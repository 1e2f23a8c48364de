"""A printed page that states no grade but dates an inspection ("the May 2025 inspection", "since the full inspection
in July 2018", "when Ofsted last carried out a full inspection, in 2016"): when that inspection is the council's
latest graded one on the page's date, its official grade is the grade standing, and the record fills it (round 10,
issue 22: the round-8 policy, "the record fills a grade when the text dates the inspection", for pages about what
came after an inspection: a visit, an action plan, a decision)."""
from __future__ import annotations

import datetime as dt
import re

from indexer.ingest.annotate import outcomes as outcome_table
from indexer.ingest.annotate.dates import MONTH_NAMES, MONTHS
from indexer.ingest.annotate.outcomes import Outcome, inspected_year

_MONTH = rf"(?:{MONTH_NAMES})"
_YEAR = r"(?:19|20)\d\d"
# "the May 2025 inspection", "its 2016 Ofsted inspection": a date written before the inspection word
_BEFORE = re.compile(rf"\b(?:(?P<month>{_MONTH})\s+)?(?P<year>{_YEAR})\s+(?:full\s+|Ofsted\s+|ILACS\s+|SIF\s+)?"
                     r"inspection\b(?!\s+(?:of|by)\s+(?:the\s+)?(?:school|nursery|academy|home|college))")
# "the full inspection in July 2018", "a full inspection, in 2016", "last inspected in 2016", "inspection of June 2019"
_AFTER = re.compile(rf"\binspect(?:ion|ed)\s*,?\s+(?:in|of|during)\s+(?:(?P<month>{_MONTH})\s+)?(?P<year>{_YEAR})\b"
                    rf"(?!\s*(?:-|to|and)\s*{_YEAR})")


def dated_inspections(text: str) -> list[tuple[int, int | None]]:
    """Every (year, month or None) the text gives an inspection."""
    found = []
    for pattern in (_BEFORE, _AFTER):
        for match in pattern.finditer(text):
            month = match.group("month")
            found.append((int(match.group("year")), MONTHS[month.lower()] if month else None))
    return found


def _fits(outcome: Outcome, year: int, month: int | None) -> bool:
    """True when a written year (and month) names this inspection: the year it was held or published, and the month
    it ran through or its report came out in."""
    if year not in (inspected_year(outcome), outcome.published.year):
        return False
    if month is None:
        return True
    spanned = set()
    if outcome.start and outcome.end:
        spanned = {outcome.start.month, outcome.end.month}
    return month in spanned or (outcome.published.month == month and outcome.published.year == year)


def standing_dated_grade(code: str, text: str, published: dt.date | None) -> tuple[str, Outcome | None]:
    """The official grade of the inspection the text dates, when it is the latest graded one on the printed date
    ('' when the page is undated, dates no inspection of the council, or a later report came out before it)."""
    if published is None:
        return "", None
    graded = [o for o in outcome_table.for_council(code) if o.published and o.published <= published
              and outcome_table.official_grade(o)]
    if not graded:
        return "", None
    latest = graded[-1]
    for year, month in dated_inspections(text):
        if _fits(latest, year, month):
            return outcome_table.official_grade(latest), latest
    return "", None
