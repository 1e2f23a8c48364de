"""The date a real page prints for itself, in the shapes scraped text carries it (round 24, issue 22).

The own-words fixtures give each story's date on a clean line under the headline; the real stored text of the same
pages prints it in shapes the older dateline reader (`year.dateline`) passes over:
- a labelled date field at the start of a line, the story's first paragraph run on after it on the same line
  ("date 2019-06-12 The county council has been judged …"): the reader skipped the whole line when that paragraph
  spoke of an inspection; only the label and its date are weighed now;
- a labelled publication line under a site's own date line ("Tuesday, 18 January 2011" above "• Published: Monday,
  1 December 2008"): the site's date is the day the page was viewed, the labelled one the story's;
- a byline stamp, a clock time and the date glued to the reporter's name ("… reporter12:12, 03 Jun 2025Arthur …");
- a header whose words each stand on a line of their own ("Hackney," / "26" / "October" / "2022" / "|" / "14:33");
- the page's own date given as today's ("the letter was published today (19 October 2021)").
Each shape reads a printed full date, never a year alone; archive, copy and update dates stay unread.
"""
from __future__ import annotations

import datetime as dt
import re

from indexer.ingest.annotate.dates import MONTH_WORDS, MONTHS, full_dates, has_copy_date, safe_date

# A publication label opening a line (after a bullet or bar): its date must follow it at once.
_FIELD = re.compile(r"^[\s|•·*]*(?:date|published|first\s+published|posted|report\s+published)\b(?:\s+on)?\s*:?\s*",
                    re.IGNORECASE)
_WEEKDAY_ROOM = 12  # "Wednesday, " may stand between the label and the date
# Words that make a date an archive's, a copy's or an event's, not the story's (as year._NOT_A_DATELINE).
_NOT_THE_PAGE = re.compile(r"archiv|captur|retriev|accessed|wayback|copyright|©|cookie|last modified|printed|inspect"
                           r"|updated", re.IGNORECASE)
# A byline stamp: a clock time, then at once the date, glued to the words around it as scraped bylines are
# ("reporter12:12, 03 Jun 2025Arthur", "11:08 18 July 2014").
_STAMP = re.compile(rf"(?<!\d)\d{{1,2}}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*(?:GMT|BST)?,?\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+"
                    rf"(?P<month>{MONTH_WORDS})\.?,?\s+(?P<year>(?:19|20)\d\d)(?!\d)", re.IGNORECASE)
# "published today (19 October 2021)", "out today, 3 May 2019,": the writer's own day.
_TODAY = re.compile(r"\btoday\s*(?:\(|,\s*)(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?$", re.IGNORECASE)
_SHORT = 14  # a header split word by word: no part longer than this
_HEAD = 8  # the lines a dateline is looked for in (as year.dateline)


def field_date(head: list[str]) -> tuple[dt.date, str] | None:
    """The first labelled publication date opening a head line, read from the label and its date alone."""
    for line in head:
        label = _FIELD.match(line)
        if not label:
            continue
        found = full_dates(line[label.end():])
        if not found or found[0][1] > _WEEKDAY_ROOM:
            continue
        own = line[:label.end() + found[0][2]]
        if _NOT_THE_PAGE.search(own) or has_copy_date(own):
            continue
        return found[0][0], line[:120]
    return None


def stamp_date(head: list[str]) -> tuple[dt.date, str] | None:
    """A byline stamp's date: a head line's one clock-and-date stamp, not an update's."""
    for line in head:
        stamps = [m for m in _STAMP.finditer(line) if not _NOT_THE_PAGE.search(line[max(0, m.start() - 40):m.start()])]
        days = {safe_date(int(m.group("year")), MONTHS[m.group("month").lower().rstrip(".")], int(m.group("day")))
                for m in stamps}
        if len(days) == 1 and None not in days:
            return days.pop(), line[:120]
    return None


def split_header(lines: list[str]) -> str | None:
    """A header printed one word to a line, joined back ("Hackney, 26 October 2022 | 14:33"), when it holds a date."""
    run: list[str] = []
    for line in lines[:_HEAD * 3]:
        if len(line) <= _SHORT:
            run.append(line)
            continue
        if len(run) >= 3 and full_dates(" ".join(run)):
            return " ".join(run)
        run = []
    return " ".join(run) if len(run) >= 3 and full_dates(" ".join(run)) else None


def today_date(text: str) -> tuple[dt.date, str] | None:
    """The one date the page calls today ("published today (19 October 2021)")."""
    found = {(d, text[max(0, s - 60):e + 1].strip()) for d, s, e in full_dates(text[:3000])
             if _TODAY.search(text[max(0, s - 30):s])}
    days = {d for d, _ in found}
    return next(iter(found)) if len(days) == 1 else None
