"""Round 16 (issue 22): a weekday printed with a day and month ("on Thursday 20 October") fixes an undated page's
year to the few years in which that date falls on that weekday.

A story that says "on Thursday, October 20" without a year was written that year (or, for a date it looks back on,
soon after): the same date falls on the same weekday only every 5, 6 or 11 years, so the weekday picks one year near
any estimate. Over the design pages (sets a-u and d, even s/t) every label lies in the years its weekday dates
allow (26 of 26 pages). An inferred or official year outside them is moved to the nearest of them at or above the page's
floor (`year_floor.page_floor`); an empty year takes the first of them at or above the floor; a page with no floor
keeps its empty year (the weekday alone allows a year in every decade). The weekday dates are read as `weekdays.py`
reads them for printed dates (round 13).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from indexer.ingest.annotate.weekdays import fitting_years, weekday_dates
from indexer.ingest.annotate.year_floor import page_floor

FIRST_YEAR = 2000  # no page of the collection is older


@dataclass(frozen=True)
class WeekdayYear:
    """The year a weekday-dated page takes, and why."""
    year: int
    why: str


def weekday_year(text: str, year: int | None, today: dt.date | None = None) -> WeekdayYear | None:
    """A year for an undated page from its weekday dates when `year` (inferred, official or None) is not one they
    allow, else None."""
    if not weekday_dates(text):
        return None
    years = fitting_years(text, FIRST_YEAR, (today or dt.date.today()).year)
    if not years or year in years:
        return None
    floor = page_floor(text)
    allowed = sorted(y for y in years if floor is None or y >= floor.year)
    if not allowed or (year is None and floor is None):
        return None
    chosen = allowed[0] if year is None else min(allowed, key=lambda y: (abs(y - year), y))
    floor_why = f"; {floor.why}, so {floor.year} at the earliest" if floor else ""
    return WeekdayYear(chosen, f"inferred: the page's weekday dates fall on their weekdays in {chosen}{floor_why}")
