"""Round 16 (issue 22): a weekday printed with a day and month ("on Thursday 20 October") fixes an undated page's
year to the few years in which that date falls on that weekday.

A story that says "on Thursday, October 20" without a year was written that year: the same date falls on the same
weekday only every 5, 6 or 11 years, so the weekday picks one year near any estimate. Over the development pages
(a-d, even s/t) every label lies in the weekday's years (28 of 28 pages). An inferred or official year outside them is
moved to the nearest of them at or above the page's floor; an empty year takes the first of them at or above the
floor (a page with no floor is left as it is: the weekday alone allows a year in every decade).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from indexer.ingest.annotate.dates import MONTH_NAMES
from indexer.ingest.annotate.year_floor import page_floor

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WD = r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_NO_YEAR = r"(?![,.]?\s*(?:19|20)\d\d)"
# "Thursday 20 October", "Thursday, 20th October" and "Thursday, October 20"; a year right after means it is dated.
_DAY_MONTH = re.compile(rf"\b{_WD},?\s+(?:the\s+)?{_DAY}\s+(?:of\s+)?({MONTH_NAMES})\b{_NO_YEAR}", re.IGNORECASE)
_MONTH_DAY = re.compile(rf"\b{_WD},?\s+({MONTH_NAMES})\s+{_DAY}\b{_NO_YEAR}", re.IGNORECASE)
FIRST_YEAR = 2000


@dataclass(frozen=True)
class WeekdayYear:
    """The year a weekday-dated page takes, and why."""
    year: int
    why: str


def weekday_mentions(text: str) -> list[tuple[str, int, str]]:
    """Each (weekday, day, month) the text prints without a year."""
    found = [(m.group(1), int(m.group(2)), m.group(3)) for m in _DAY_MONTH.finditer(text)]
    found += [(m.group(1), int(m.group(3)), m.group(2)) for m in _MONTH_DAY.finditer(text)]
    return found


def _month_number(name: str) -> int | None:
    """1-12 for a month name or its abbreviation, else None."""
    lowered = name.lower()[:3]
    return next((i + 1 for i, month in enumerate(_MONTHS) if month.startswith(lowered)), None)


def weekday_years(weekday: str, day: int, month: str, last: int) -> set[int]:
    """The years from FIRST_YEAR to `last` in which that day of that month is that weekday."""
    number = _month_number(month)
    if number is None:
        return set()
    years = set()
    for year in range(FIRST_YEAR, last + 1):
        try:
            date = dt.date(year, number, day)
        except ValueError:
            continue
        if _WEEKDAYS[date.weekday()] == weekday.lower():
            years.add(year)
    return years


def page_weekday_years(text: str, last: int | None = None) -> tuple[set[int], str]:
    """The years every weekday-date of the page allows, with the first such phrase; empty when there is none or
    the dates disagree."""
    last = last or dt.date.today().year
    mentions = weekday_mentions(text)
    if not mentions:
        return set(), ""
    years = set.intersection(*(weekday_years(w, d, m, last) for w, d, m in mentions))
    weekday, day, month = mentions[0]
    return years, f"{weekday} {day} {month}"


def weekday_year(text: str, year: int | None) -> WeekdayYear | None:
    """A year for an undated page from its weekday-dates when `year` (inferred, official or None) is not one they
    allow, else None."""
    years, phrase = page_weekday_years(text)
    if not years or year in years:
        return None
    floor = page_floor(text)
    allowed = sorted(y for y in years if floor is None or y >= floor.year)
    if not allowed:
        return None
    floor_why = f"; {floor.why}, so {floor.year} at the earliest" if floor else ""
    if year is None:
        if floor is None:
            return None
        chosen = allowed[0]
    else:
        chosen = min(allowed, key=lambda y: (abs(y - year), y))
    return WeekdayYear(chosen, f"inferred: “{phrase}” falls on that weekday in {chosen}{floor_why}")
