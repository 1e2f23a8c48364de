"""An undated page's year from the latest dated event it reports: a page is written after what it recounts.

"Members saw figures for December 2017 and January 2018" puts minutes in 2018 at the earliest; "from June 2009 to
June this year" puts a story after 2009 (had it been 2009, both would be "this year"). The year is a lower bound
and is used only when nothing else dates the page; the caller labels it inferred.
"""
from __future__ import annotations

import datetime as dt
import re

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# A month with its year, or a full date: an event the page places in time.
_DATED_EVENT = re.compile(rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?((?:19|20)\d\d)\b")
_THIS_YEAR = re.compile(rf"\b{_MONTH}\s+this\s+year\b|\bthis\s+year['’]s\b|\bearlier this year\b", re.IGNORECASE)
# Years that are aims or plans, not events: "good by 2022", "until March 2026", "a visit due in May 2026".
_AIM = re.compile(r"\b(?:by|until|before|ahead of|target(?:ed|s)?(?: for)?|(?:due|expected|planned|scheduled|set)"
                  r"(?: to \w+)?(?: in| for)?|next \w+ in)\s+(?:the end of\s+)?$", re.IGNORECASE)


def latest_event_year(text: str) -> tuple[int | None, str]:
    """The year of the latest month-dated event the text names (the next year when it also speaks of an event
    'this year', which no named year can be); None when it names none."""
    limit = dt.date.today().year
    events = [(int(m.group(1)), m.group(0)) for m in _DATED_EVENT.finditer(text)
              if int(m.group(1)) <= limit and not _AIM.search(text[max(0, m.start() - 30):m.start()])]
    if not events:
        return None, ""
    year, phrase = max(events)
    this_year = _THIS_YEAR.search(text)
    if this_year and year < limit:
        return year + 1, (f"inferred: the latest dated event is “{phrase}”, and “{this_year.group(0)}” is later, "
                          f"so {year + 1} at the earliest")
    return year, f"inferred: the latest dated event the page reports is “{phrase}”"
