"""A printed page that states no grade but dates an inspection ("the May 2025 inspection", "since the full inspection
in July 2018", "when Ofsted last carried out a full inspection, in 2016"): when that inspection is the council's
latest graded one on the page's date, its official grade is the grade standing, and the record fills it (round 10,
issue 22). Round 11: this module reads which inspections the text dates; `record_grade` applies the one policy."""
from __future__ import annotations

import re

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


def fits(outcome: Outcome, year: int, month: int | None) -> bool:
    """True when a written year (and month) names this inspection: the year it was held or published, and the month
    it ran through or its report came out in."""
    if year not in (inspected_year(outcome), outcome.published.year) and not _held_the_year_before(outcome, year):
        return False
    if month is None:
        return True
    spanned = set()
    if outcome.start and outcome.end:
        spanned = {outcome.start.month, outcome.end.month}
    return month in spanned or (outcome.published.month == month and outcome.published.year == year)



def _held_the_year_before(outcome: Outcome, year: int) -> bool:
    """Round 13: the record gives no dates for most inspections before 2018, only the report's publication. A page
    naming such an inspection by a year may give the year it began rather than the year its report came out ("the
    full inspection in 2016", a report published in 2017): the year before publication fits too, without a month."""
    return outcome.start is None and outcome.end is None and year == outcome.published.year - 1
