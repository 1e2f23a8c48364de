"""A line that is nothing but a date (round 12, issue 22): one reader with a table of the forms outlets print.

Outlets print the story's date on a line of its own under the headline, in many forms: "25.10.18" and "05/04/22"
(day, month, two-digit year: trade magazines), "07-04-2016", "2016-04-07", "Monday July 23, 2018",
"Published: Wednesday, January 24, 2024", "24th January 2024, 10:30am". A line made only of such a date (an optional
label, weekday and clock time around it) is a dateline; the same digits inside a sentence are not read here, so a
version number or a score ("2.5.10") in the text is never taken for a date.

Numeric dates are read day first (British outlets), unless only the month-first reading makes a date (07/23/18).
A two-digit year is read in this century and never after the current year plus one.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Callable

from indexer.ingest.annotate.dates import MONTH_WORDS, MONTHS

_MONTH = rf"(?P<month>{MONTH_WORDS})\.?"
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR4 = r"(?P<year>(?:19|20)\d\d)"
# The label must end as a word: "Published19 September 2017" is a related story's link text run together.
_LABEL = r"^(?:(?:(?:first\s+)?published|posted|updated|last\s+updated|date|on)\b(?:\s+on\b)?\s*:?\s*)?"
_CLOCK = r"(?:\s*(?:,|\bat\b|-|–|\|)?\s*\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*(?:GMT|BST|UTC))?)?"
_TAIL = _CLOCK + r"\s*$"
_CLOCK_FIRST = r"(?:\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?\s*(?:,|-|–|\|)?\s*)?"


def _numeric(m: re.Match) -> tuple[int, int, int] | None:
    """(year, month, day) of a numeric date, day first unless only month first makes a date."""
    a, b, year = int(m.group("a")), int(m.group("b")), m.group("y")
    full = int(year) if len(year) == 4 else _century(int(year))
    if full is None:
        return None
    if a > 12 >= b or (a <= 12 and b <= 12):
        return full, b, a  # 25.10.18, 05/04/22: day, month
    if b > 12 >= a:
        return full, a, b  # 07/23/18: a US month-first date
    return None


def _century(yy: int) -> int | None:
    """A two-digit year in this century, none later than next year (a '98' is no date this project reads)."""
    year = 2000 + yy
    return year if year <= dt.date.today().year + 1 else None


def _named(m: re.Match) -> tuple[int, int, int] | None:
    """(year, month, day) of a date with its month's name."""
    return int(m.group("year")), MONTHS[m.group("month").lower().rstrip(".")], int(m.group("day"))


def _iso(m: re.Match) -> tuple[int, int, int] | None:
    """(year, month, day) of an ISO date."""
    return int(m.group("year")), int(m.group("m")), int(m.group("d"))


# Each form a dateline is printed in, with how to read it; the label, weekday and clock are the same for all.
DATE_LINE_FORMS: list[tuple[str, re.Pattern, Callable[[re.Match], tuple[int, int, int] | None]]] = [
    ("day month year", re.compile(_LABEL + _CLOCK_FIRST + _WEEKDAY + _DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR4 + _TAIL,
                                  re.IGNORECASE), _named),
    ("month day, year", re.compile(_LABEL + _CLOCK_FIRST + _WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR4 + _TAIL,
                                   re.IGNORECASE), _named),
    ("ISO", re.compile(_LABEL + _YEAR4 + r"-(?P<m>\d\d)-(?P<d>\d\d)(?:T\d\d:\d\d(?::\d\d)?\S*)?" + _TAIL, re.IGNORECASE),
     _iso),
    ("numeric", re.compile(_LABEL + _WEEKDAY + r"(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d\d)"
                           + _TAIL, re.IGNORECASE), _numeric),
]


def read_date_line(line: str) -> dt.date | None:
    """The date a line prints when the line is only a (labelled) date, else None."""
    text = line.strip().strip("|").strip()
    if len(text) > 70:
        return None
    for _name, pattern, read in DATE_LINE_FORMS:
        m = pattern.match(text)
        if not m:
            continue
        parts = read(m)
        if parts:
            try:
                return dt.date(*parts)
            except ValueError:
                return None
    return None


# The parts of a header line: "Social Work Today | Children's | 17/01/24", "November 26, 2021 11.39 am", then
# "- This story is over 28 months old" in the same line. Spaces on both sides, so a date's own hyphens
# ("07-04-2016") never split it.
_SEGMENT_SPLIT = re.compile(r"\s+[|•·]\s+|\s+[-–—]\s+")


def segment_date(line: str) -> dt.date | None:
    """The date of a header line made of parts, when exactly one part is only a date."""
    parts = _SEGMENT_SPLIT.split(line.strip())
    if len(parts) < 2:
        return None
    found = {d for part in parts if (d := read_date_line(part))}
    return found.pop() if len(found) == 1 else None


def story_date_line(head: list[str]) -> tuple[dt.date, str] | None:
    """The story's date line when the head prints exactly two date-only lines that disagree, else None.

    A page saved from an archive can print two: the site's own date above the masthead and the story's under its
    headline; the last one, nearest the story, is the story's date (three or more are a list of related stories, not
    datelines; one, or two that agree, are read as any dateline is)."""
    dated = [(d, line) for line in head if (d := read_date_line(line))]
    return dated[-1] if len(dated) == 2 and dated[0][0] != dated[1][0] else None


def head_dates_disagree(head: list[str]) -> bool:
    """True when the head prints exactly two date-only lines and they give different days."""
    return story_date_line(head) is not None
