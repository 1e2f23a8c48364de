"""An undated page's year from the latest dated event it reports: a page is written after what it recounts.

"Members saw figures for December 2017 and January 2018" puts minutes in 2018 at the earliest; "from June 2009 to
June this year" puts a story after 2009 (had it been 2009, both would be "this year"). The year is a lower bound
and is used only when nothing else dates the page; the caller labels it inferred.
"""
from __future__ import annotations

import datetime as dt
import re

from indexer import settings
from indexer.ingest.annotate.dates import MONTH_NAMES, without_copy_dates
from indexer.ingest.annotate.late_month import late_month_year

_MONTH = rf"(?:{MONTH_NAMES})"
# A month with its year, or a full date: an event the page places in time.
_DATED_EVENT = re.compile(rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?((?:19|20)\d\d)\b")
_THIS_YEAR = re.compile(rf"\b{_MONTH}\s+this\s+year\b|\bthis\s+year['’]s\b|\bearlier this year\b", re.IGNORECASE)
# Years that are aims or plans, not events: "good by 2022", "until March 2026", "a visit due in May 2026", "the next
# inspection is likely in 2026" (round 7).
AIM = re.compile(r"\b(?:by|until|before|ahead of|target(?:ed|s)?(?: for)?|(?:due|expected|planned|scheduled|set|likely)"
                 r"(?: to \w+)?(?: in| for)?|next \w+ in)\s+(?:the end of\s+)?$"
                 # round 27 (years27): the grade a service is to become ("to turn the department into one rated
                 # 'good' in 2021", "becoming judged outstanding by 2026"): an aim's year, not a past one
                 + (r"|\b(?:into|become|becoming)\s+(?:one\s+|an?\s+\w+\s+)?(?:rated|judged)\s+['‘“\"]?"
                    r"(?:good|outstanding|requires?\s+improvement)['’”\"]?\s+(?:in|by)\s+$"
                    if settings.ROUND27_LAST_YEAR_GRADE else ""), re.IGNORECASE)


def latest_event_year(text: str) -> tuple[int | None, str]:
    """The year of the latest month-dated event the text names (the next year when it also speaks of an event
    'this year', which no named year can be); None when it names none."""
    limit = dt.date.today().year
    text = without_copy_dates(text)
    events = [(int(m.group(1)), m.group(0)) for m in _DATED_EVENT.finditer(text)
              if int(m.group(1)) <= limit and not AIM.search(text[max(0, m.start() - 30):m.start()])]
    if not events:
        return None, ""
    year, phrase = max(events)
    later = _later_bare_month(text, year, phrase) if _SINCE_EVENT.search(_before(text, phrase)) else ""
    if later and year < limit:
        return year + 1, (f"inferred: the latest dated event is “{phrase}”, and the visit “{later}” names no year, so "
                          f"it came after: {year + 1} at the earliest")
    this_year = _THIS_YEAR.search(text)
    if this_year and year < limit and not _same_event(text, phrase, this_year):
        return year + 1, (f"inferred: the latest dated event is “{phrase}”, and “{this_year.group(0)}” is later, "
                          f"so {year + 1} at the earliest")
    late, why = late_month_year(events, limit)  # round 19: "December 2016" without its day is last year's
    if late:
        return late, why
    return year, f"inferred: the latest dated event the page reports is “{phrase}”"


# Round 13: "the visit earlier this year", "the inspection in March this year": a definite noun refers back to an
# event the page has named; when the latest dated event's sentence names that noun, "this year" is that event's year.
_THE_EVENT_BEFORE = re.compile(r"\bthe\s+(?:[\w-]+\s+)?(visit|inspection|report|judgement|letter)s?\s+(?:\w+\s+){0,2}$",
                               re.IGNORECASE)


def _same_event(text: str, phrase: str, this_year: re.Match) -> bool:
    """True when the 'this year' phrase follows a definite noun naming the kind of event the dated phrase's
    sentence reports ("In February 2019 a focused visit found …" … "the low point of the visit earlier this year")."""
    noun = _THE_EVENT_BEFORE.search(text[max(0, this_year.start() - 60):this_year.start()])
    if not noun:
        return False
    at = text.find(phrase)
    noun_at = max(0, this_year.start() - 60) + noun.start()
    end = min(at + 200, noun_at) if noun_at > at else at + 200  # the dated sentence, never the "this year" words
    sentence = re.split(r"(?<=[.!?])\s+", text[:at])[-1] + text[at:end].split(". ")[0]
    return bool(re.search(rf"\b{noun.group(1)}", sentence, re.IGNORECASE))


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
# A visit or inspection placed in a month with no year ("visited in late March", "a monitoring visit on 8 November").
_BARE_VISIT = re.compile(rf"\b(?:visit(?:s|ed)?|inspect(?:ed|ion|ors))\b[^.;]{{0,60}}?\b(?:in|on|during)\s+"
                         rf"(?:(?:early|late|mid)[\s-]+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?({_MONTH})\b"
                         rf"(?!\s+\d{{1,2}}\b|,?\s+(?:19|20)\d\d)", re.IGNORECASE)


# "their previous visit in March", "an earlier visit in May": a visit the page places before another.
EARLIER_ONE = re.compile(r"\b(?:previous|earlier|prior|last)\s+$", re.IGNORECASE)


def _later_bare_month(text: str, year: int, phrase: str) -> str:
    """A visit the page places in a month without a year that falls no later in the calendar than the latest dated
    event: written without its year, it is the page's own (later) year, e.g. July 2022, then "in March" → 2023."""
    dated = next((i for i, name in enumerate(_MONTHS) if name in phrase.lower()), None)
    if dated is None:
        return ""
    for m in _BARE_VISIT.finditer(text):
        if EARLIER_ONE.search(text[max(0, m.start() - 15):m.start()]):
            continue  # "their previous visit in March": a visit before the latest one, not after it
        if _MONTHS.index(m.group(1).lower()) <= dated:
            return m.group(0)[-40:]
    return ""


# The dated event stands in a clause the page puts behind the visit: "the first since … judged inadequate in July 2022".
_SINCE_EVENT = re.compile(r"\b(?:since|after|following)\b[^.;]{0,80}$", re.IGNORECASE)


def _before(text: str, phrase: str) -> str:
    """The words of the sentence before the latest dated event's phrase."""
    at = text.find(phrase)
    return re.split(r"[.!?]\s", text[max(0, at - 120):at])[-1] if at >= 0 else ""
