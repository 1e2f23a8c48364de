"""A printed page that states no grade but dates an inspection ("the May 2025 inspection", "since the full inspection
in July 2018", "when Ofsted last carried out a full inspection, in 2016"): when that inspection is the council's
latest graded one on the page's date, its official grade is the grade standing, and the record fills it (round 10,
issue 22). Round 11: this module reads which inspections the text dates; `record_grade` applies the one policy."""
from __future__ import annotations

import re

from indexer import settings
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
# Round 26 (real page text): words between the inspection and its date. The services inspected ("the inspection of
# local authority children's services in July 2022": no school, home or other setting), the inspector and an adverb
# ("last inspected by Ofsted fully in 2016"), a passive verb ("The inspection was conducted in February / March
# 2011"). Two months joined ("February / March") give the year alone: the record dates most older inspections by
# their report only, whose month neither need be.
_SETTING = r"(?:schools?|nurser(?:y|ies)|academ(?:y|ies)|homes?|colleges?|hospitals?|prisons?|police)"
_BETWEEN = (r"(?:\s+(?:of|into)\s+(?:(?!" + _SETTING + r"\b)[\w'’-]+\s+){0,6}?(?:services?|care|departments?"
            + (r"|areas|work" if settings.ROUND32_INSPECTED_AREAS else "") + ")"
            r"|\s+by\s+(?:Ofsted|the\s+(?:regulator|watchdog|inspectorate))(?:\s+\w+ly)?"
            r"|\s+(?:was|were)\s+(?:conducted|carried\s+out|held|undertaken|completed))")
_PHRASED = re.compile(rf"\binspect(?:ion|ed)\b{_BETWEEN}\s*,?\s+(?:in|during)\s+"
                      rf"(?:(?P<month>{_MONTH})\s*(?P<range>(?:/|and|to|-)\s*{_MONTH}\s+)?\s*)?(?P<year>{_YEAR})\b"
                      rf"(?!\s*(?:-|to|and)\s*{_YEAR})", re.IGNORECASE)
# "since 2022's last full Ofsted inspection": the year as the inspection's possessive
_POSSESSIVE = re.compile(rf"\b(?P<year>{_YEAR})['’]s\s+(?:(?:last|latest|previous|most\s+recent)\s+)?"
                         r"(?:full\s+)?(?:Ofsted\s+)?inspection\b")


def dated_inspections(text: str) -> list[tuple[int, int | None]]:
    """Every (year, month or None) the text gives an inspection."""
    found = []
    for pattern in (_BEFORE, _AFTER):
        for match in pattern.finditer(text):
            month = match.group("month")
            found.append((int(match.group("year")), MONTHS[month.lower()] if month else None))
    if settings.ROUND26_DATED_PHRASES:
        found.extend(_phrased(text))
    return found


def _phrased(text: str) -> list[tuple[int, int | None]]:
    """Round 26: the dates real pages give an inspection with words between (or a possessive year)."""
    found = []
    for match in _PHRASED.finditer(text):
        month = match.group("month")
        single = month and not match.group("range")
        found.append((int(match.group("year")), MONTHS[month.lower()] if single else None))
    found.extend((int(m.group("year")), None) for m in _POSSESSIVE.finditer(text))
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
