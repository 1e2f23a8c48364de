"""Dates a story gives with their weekday ("on Monday (September 5)"), and whether a printed date's year fits them.

A site header prints the day the page was viewed ("West Bridgford Wire | Saturday 24 February 2024"); a story that
says its findings "came out on Monday (September 5)" was written in a year when 5 September was a Monday. When no
weekday date of the story fits the header's year (or the year before it), the header is not the article's date.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re

_MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
WEEKDAYS = {name.lower(): n for n, name in enumerate(calendar.day_name)}
_WD = r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = "(" + "|".join(calendar.month_name[1:]) + ")"
# "Monday (September 5)", "Monday, September 5", "Monday 5 September", "Tuesday and Wednesday, September 22 and 23",
# "Tuesday 22 and Wednesday 23 September": the first weekday with the first day.
_OTHER_DAY = r"(?:\s+and\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))"
_WEEKDAY_DATE = re.compile(rf"\b{_WD}(?:{_OTHER_DAY}?[\s,(]+(?:(\d{{1,2}})(?:st|nd|rd|th)?{_OTHER_DAY}?(?:\s+\d{{1,2}}"
                           rf"(?:st|nd|rd|th)?)?\s+{_MONTH}|{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?))\b(?!,?\s+(?:19|20)\d\d)")


def weekday_dates(text: str) -> list[tuple[int, int, int]]:
    """(weekday, month, day) for every weekday date written without its year."""
    out = []
    for match in _WEEKDAY_DATE.finditer(text):
        month = match.group(3) or match.group(4)
        day = match.group(2) or match.group(5)
        out.append((WEEKDAYS[match.group(1).lower()], _MONTHS[month.lower()], int(day)))
    return out


def fits(year: int, weekday: int, month: int, day: int) -> bool:
    """True when that day of that year falls on the weekday."""
    try:
        return dt.date(year, month, day).weekday() == weekday
    except ValueError:
        return False


def contradicts(printed: dt.date, text: str) -> bool:
    """The story's weekday dates exist and none fits the printed date's year or the year before."""
    found = weekday_dates(text)
    return bool(found) and not any(fits(y, *w) for w in found for y in (printed.year, printed.year - 1))


def fitting_years(text: str, first: int, last: int) -> set[int]:
    """The years from first to last in which every weekday date of the story falls on its weekday."""
    found = weekday_dates(text)
    return {y for y in range(first, last + 1) if found and all(fits(y, *w) for w in found)}


# School inspection frameworks by the judgements they name: "personal development, behaviour and welfare" belongs
# to the common inspection framework (September 2015 to August 2019), "behaviour and attitudes" with "quality of
# education" to the education inspection framework (September 2019 on), "satisfactory" to the scale before
# September 2012.
_SCHOOL_ERAS = (
    (re.compile(r"personal development,? behaviour and welfare", re.IGNORECASE), 2015, 2019),
    (re.compile(r"behaviour and attitudes", re.IGNORECASE), 2019, dt.date.today().year),
    (re.compile(r"\bsatisfactory\b", re.IGNORECASE), 2005, 2012),
    # round 13: not a framework but an era all the same: a page naming Covid-19 was written in 2020 or later
    # (b05, n51, t16, x22: four outlets, each in the one year since 2020 its weekday dates fit)
    (re.compile(r"\b(?:covid(?:-?19)?|coronavirus)\b", re.IGNORECASE), 2020, dt.date.today().year),
)


def school_era_year(text: str) -> tuple[int | None, str]:
    """The one year, within the era of the school framework the text's judgement names, in which every weekday
    date of the story falls on its weekday ('Tuesday 22 … September' under the 2015-19 framework: 2015)."""
    for pattern, first, last in _SCHOOL_ERAS:
        named = pattern.search(text)
        if named:
            years = fitting_years(text, first, last)
            if len(years) == 1:
                year = years.pop()
                return year, (f"inferred: “{named.group(0)}” dates the page to {first}-{last}, and the "
                              f"story's weekday dates fall on their weekdays only in {year}")
    return None, ""
