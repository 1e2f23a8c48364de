"""Round 20 (issue 22): an undated page about a visit given its own days and year is from that year or the next.

"Ofsted's letter after its fourth monitoring visit, held on 21 and 22 February 2024", "the report covers a visit on
15 and 16 November 2023": a page that gives its visit's days is written close to it, when the letter comes out a few
weeks later. A visit from January to September is the page's year; one in October to December may be reported after
the turn of the year, so the page is that year or the next. The record's next inspection, often years later, is no
date for such a page (round 20: two pages dated by it were two years late). Used only when the page names no dated
event after the visit's year.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from indexer import settings
from indexer.ingest.annotate.dates import MONTH_NAMES, MONTHS

_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# "visit … on/held on/made on 21 and 22 February 2024", "visit on 30 July 2024": the visit's days, month and year.
_DATED_VISIT = re.compile(rf"\bvisit(?:s|ed)?\b[^.;]{{0,60}}?\b(?:on|between)\s+(?:{_DAY}(?:\s+(?:and|to)\s+|\s*[-–]\s*))?{_DAY}\s+"
                          rf"(?P<month>{MONTH_NAMES})\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
# "their previous monitoring visit on …", "the earlier focused visit on …": an earlier visit than the page's own, the
# word of time up to two words before "visit".
_EARLIER_VISIT = re.compile(r"\b(?:previous|earlier|prior|last)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


@dataclass
class VisitRange:
    """The years an undated page about a dated visit can be from, with the reasoning."""

    first: int
    last: int
    why: str

    def fit(self, year: int | None) -> int:
        """The year kept: `year` when it lies in the range, else the nearest end (the first when there is none)."""
        if year is None or year < self.first:
            return self.first
        return min(year, self.last)


def dated_visit_range(text: str, latest_event: int | None) -> VisitRange | None:
    """The years a page reporting a visit with its own days and year can be from; None when it names no such visit,
    or names a dated event after the visit's year."""
    if not settings.ROUND20_DATED_VISIT:
        return None
    visits = [m for m in _DATED_VISIT.finditer(text) if not _EARLIER_VISIT.search(text[max(0, m.start() - 40):m.start()])]
    if not visits:
        return None
    latest = max(visits, key=lambda m: (int(m.group("year")), MONTHS[m.group("month").lower()]))
    year, month = int(latest.group("year")), MONTHS[latest.group("month").lower()]
    if latest_event and latest_event > year + (month >= settings.VISIT_LATE_FROM_MONTH):
        return None
    last = year + 1 if month >= settings.VISIT_LATE_FROM_MONTH else year
    return VisitRange(year, last, f"inferred: the page reports the visit “{latest.group(0)[-70:]}”, so "
                                  + (f"{year}" if last == year else f"{year} or {last}"))
