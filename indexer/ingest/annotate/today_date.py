"""The day a story gives for its own "today" ("a report published today (August 5)", "released today, 5 August").

Two uses: a date printed at the top that falls on another day is the day the page was viewed, not the story's; and
an undated story's "today" is a clue for the official report it announces: the inspection published on that day
and month (candidates.py; official when that day is what singles it out).
"""
from __future__ import annotations

import datetime as dt
import re

from indexer.ingest.annotate.dates import MONTH_NAMES, MONTHS

_MONTH = rf"({MONTH_NAMES})"
_TODAY = re.compile(rf"\btoday\s*[(,]\s*(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
                    rf"(?:{_MONTH}\s+(\d{{1,2}})|(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH})(?:st|nd|rd|th)?\b(?!,?\s+(?:19|20)\d\d)",
                    re.IGNORECASE)


def today_day(text: str) -> tuple[int, int] | None:
    """(month, day) of the story's own 'today' when it gives one without a year."""
    m = _TODAY.search(text)
    if not m:
        return None
    month = m.group(1) or m.group(4)
    day = m.group(2) or m.group(3)
    return MONTHS[month.lower()], int(day)


def disagrees(printed: dt.date, text: str) -> bool:
    """The story's 'today' is another day of the year than the printed date."""
    found = today_day(text)
    if not found:
        return False
    try:
        told = dt.date(printed.year, *found)
    except ValueError:
        return False
    gap = abs((told - printed).days)
    return min(gap, 365 - gap) > SAME_STORY_DAYS  # a day or two apart: the story posted or reposted after its news


SAME_STORY_DAYS = 7
