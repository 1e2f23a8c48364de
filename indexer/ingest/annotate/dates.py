"""Dates as written in reports and articles: full dates, inspection date ranges, bare months."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from indexer import settings

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
# The month names as a regular-expression alternation (no group), for the modules that read months in text.
MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
# The same with the short forms outlets print ("Sept", "Oct."), for the modules that read printed dates.
MONTH_WORDS = rf"(?:{MONTH_NAMES}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
_MONTH = rf"({MONTH_WORDS})\.?"
# A year as a page writes it ("2019"), the one definition the year rules share.
YEAR_RE = re.compile(r"\b((?:19|20)\d\d)\b")
DAY_MONTH_YEAR_RE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+((?:19|20)\d\d)\b", re.IGNORECASE)
MONTH_DAY_YEAR_RE = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b", re.IGNORECASE)
ISO_RE = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)(?:\b|(?=T\d\d:))")  # also a timestamp's date: 2017-06-14T09:00
# 05/03/2019 is 5 March in the UK; blogs and minutes also write 19-5-2017 and 19.05.2017 (one separator throughout)
UK_NUMERIC_RE = re.compile(r"\b(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d\d)\b")
URL_DATE_RE = re.compile(r"/((?:19|20)\d\d)/(\d{1,2})(?:/(\d{1,2}))?/")


def _range_re(day_of: str) -> re.Pattern:
    """The date-range pattern; `day_of` may let "of" stand between a day and its month."""
    # "15 July to 26 July 2019", "18 February to 1 March 2019", "15 – 19 July 2013", "between July 15 and 26"
    return re.compile(
        rf"(?:(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:{_MONTH})?\s*(?:,?\s*((?:19|20)\d\d))?\s*(?:to|until|–|-|and)\s*"
        rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+{day_of}{_MONTH}(?:,?\s+((?:19|20)\d\d))?)"
        rf"|(?:{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:to|until|–|-|and)\s*(?:{_MONTH}\s+)?(\d{{1,2}})(?:st|nd|rd|th)?"
        rf"(?:,?\s+((?:19|20)\d\d))?)",
        re.IGNORECASE)


# Round 23: "between 3-14 of June", "the 3rd to the 14th of June": the day's "of" before the month
# (settings.ROUND23_DAY_OF_MONTH chooses between the two at each call).
RANGE_RE = _range_re(r"(?:of\s+)?")
_RANGE_RE_BEFORE_23 = _range_re("")


# A date the page's furniture prints about the copy, not the story: when an archive or crawler saved or fetched it
# ("captured", "snapshot taken", "first seen", "downloaded", "accessed"), or a site header's today with the weather
# ("Sunday 3 March 2024 | 7.7C"). Never a dateline, never an event the page reports.
COPY_DATE_LINE = re.compile(r"\b(?:archiv\w*|captur\w*|snapshots?|retriev\w*|accessed|wayback|crawl\w*|scraped|fetched"
                            r"|downloaded|(?:first|last)\s+seen|(?:page|copy)\s+(?:was\s+)?(?:saved|stored|viewed|printed)"
                            r"|saved\s+(?:on|at)|viewed\s+on)\b|\|\s*-?\d{1,2}(?:\.\d)?\s*°?\s*[CF]\b(?!\w)", re.IGNORECASE)
# The words (or the bar of a header line) without which COPY_DATE_LINE cannot match: a cheap test before it.
_COPY_CUES = ("archiv", "captur", "snapshot", "retriev", "accessed", "wayback", "crawl", "scraped", "fetched",
              "downloaded", "seen", "saved", "stored", "viewed", "printed", "|")


def has_copy_date(text: str) -> bool:
    """True when the text prints a copy's date or a weather header (COPY_DATE_LINE), tested cheaply first."""
    low = text.lower()
    return any(c in low for c in _COPY_CUES) and bool(COPY_DATE_LINE.search(text))


@lru_cache(maxsize=16)
def without_copy_dates(text: str) -> str:
    """The text without the sentences or lines that print a copy's date (COPY_DATE_LINE) with a year."""
    if not has_copy_date(text):
        return text  # most pages print none
    parts = re.split(r"(?<=[.!?])\s+|(\n)", text)
    return "".join(p for p in parts if p and not (has_copy_date(p) and re.search(r"\b(?:19|20)\d\d\b", p))
                   or p == "\n")


def _month(name: str | None) -> int | None:
    """Month number from a name or abbreviation."""
    return MONTHS.get(name.lower().rstrip(".")) if name else None


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """A date, or None when the parts do not make one."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# Each pattern with how to read (year, month, day) from its groups.
_FULL_DATE_READERS = [
    (DAY_MONTH_YEAR_RE, lambda m: (int(m.group(3)), _month(m.group(2)), int(m.group(1)))),
    (MONTH_DAY_YEAR_RE, lambda m: (int(m.group(3)), _month(m.group(1)), int(m.group(2)))),
    (ISO_RE, lambda m: (int(m.group(1)), int(m.group(2)), int(m.group(3)))),
    (UK_NUMERIC_RE, lambda m: (int(m.group(4)), int(m.group(3)), int(m.group(1)))),
]


def full_dates(text: str) -> list[tuple[dt.date, int, int]]:
    """Every complete date in text with its span, in reading order."""
    found = []
    for pattern, read in _FULL_DATE_READERS:
        for m in pattern.finditer(text):
            d = safe_date(*read(m))
            if d:
                found.append((d, m.start(), m.end()))
    return sorted(found, key=lambda f: f[1])


class DateRange:
    """An inspection date range as written; year and months may be missing."""

    def __init__(self, start_day: int | None, start_month: int | None, end_day: int, end_month: int,
                 year: int | None, text: str):
        self.start_day, self.start_month = start_day, start_month or end_month
        self.end_day, self.end_month, self.year, self.text = end_day, end_month, year, text

    def end(self) -> dt.date | None:
        """The end date when the year is known."""
        return safe_date(self.year, self.end_month, self.end_day) if self.year else None

    def __repr__(self) -> str:
        return f"DateRange({self.text!r})"


def date_ranges(text: str) -> tuple[DateRange, ...]:
    """Inspection-style date ranges in text (read once per text: choosing an inspection asks twice)."""
    return _date_ranges(text, settings.ROUND23_DAY_OF_MONTH)


@lru_cache(maxsize=16)
def _date_ranges(text: str, day_of: bool) -> tuple[DateRange, ...]:
    """date_ranges, uncached (per setting)."""
    out = []
    for m in (RANGE_RE if day_of else _RANGE_RE_BEFORE_23).finditer(text):
        if m.group(4):  # "15 July to 26 July 2019" / "15 – 19 July 2013"
            end_month = _month(m.group(5))
            year = int(m.group(6)) if m.group(6) else (int(m.group(3)) if m.group(3) else None)
            out.append(DateRange(int(m.group(1)), _month(m.group(2)), int(m.group(4)), end_month, year, m.group()))
        elif m.group(7):  # "July 15 and 26" / "July 15 to August 2, 2019"
            start_month = _month(m.group(7))
            end_month = _month(m.group(9)) or start_month
            year = int(m.group(11)) if m.group(11) else None
            out.append(DateRange(int(m.group(8)), start_month, int(m.group(10)), end_month, year, m.group()))
    return tuple(r for r in out if r.end_month and 1 <= r.end_day <= 31)


def url_date(url: str) -> tuple[int, int | None] | None:
    """(year, month) from a URL path like /2019/08/."""
    m = URL_DATE_RE.search(url or "")
    if m and 1 <= int(m.group(2)) <= 12:
        return int(m.group(1)), int(m.group(2))
    m = re.search(r"[/_-]((?:19|20)\d\d)[/_-]?(0[1-9]|1[0-2])[/_-]?([0-3]\d)[/_-]", url or "")
    if m:
        return int(m.group(1)), int(m.group(2))
    # a month by its short name, as some national papers write it: /2010/dec/09/
    m = re.search(r"/((?:19|20)\d\d)/([a-z]{3,4})/\d{1,2}/", url or "", re.IGNORECASE)
    if m and _month(m.group(2)):
        return int(m.group(1)), _month(m.group(2))
    if settings.ROUND31_URL_DATE_SHAPES:
        # round 31: a day-first path, as council newsrooms print it (/24/08/2022/), and a year then the month's
        # whole name (/news-articles/2025/january/)
        m = _DAY_FIRST_PATH.search(url or "")
        if m:
            return int(m.group(3)), int(m.group(2))
        m = _MONTH_NAME_PATH.search(url or "")
        if m and _month(m.group(2)):
            return int(m.group(1)), _month(m.group(2))
    return None


_DAY_FIRST_PATH = re.compile(r"/(0[1-9]|[12]\d|3[01])/(0[1-9]|1[0-2])/((?:19|20)\d\d)/")
_MONTH_NAME_PATH = re.compile(rf"/((?:19|20)\d\d)/({MONTH_NAMES})/", re.IGNORECASE)
