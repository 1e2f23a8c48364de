"""Round 19 (issue 22): an event an undated page names by a late month and its year alone came before the page's year.

A page that says "the monitoring visit in December 2016" or "after the November 2012 inspection" without the day is
telling of it from a distance: the letter or report of a November or December visit comes out after the turn of
the year, and a page written the same month would say "this month" or give the day ("26 November 2008"). Over the
labelled pages (docs/facets.md, round 19) no undated page whose latest dated event is a November or December named
this way is labelled that event's year; October was left out (a report can follow an October inspection before the
year ends) until round 33 measured it: each of the three undated pages whose latest event is an October so named is
labelled the next year.
"""
from __future__ import annotations

import re

from indexer import settings
from indexer.ingest.annotate.dates import MONTH_NAMES, MONTHS

# A dated event's whole phrase when it is a month and a year with no day: "December 2016", not "26 November 2008"
# or "December 18th, 2008" (the dated-event phrase carries its day on either side).
_MONTH_YEAR = re.compile(rf"(?P<month>{MONTH_NAMES})\s+(?P<year>(?:19|20)\d\d)")


def late_month_year(events: list[tuple[int, str]], limit: int) -> tuple[int | None, str]:
    """The year after the latest dated event when that event is a November or December named without its day
    (`events` are the page's (year, phrase) dated events, aims left out; never past `limit`); else None."""
    if not settings.ROUND19_LATE_MONTH or not events:
        return None, ""
    top = max(year for year, _ in events)
    latest = max((p for y, p in events if y == top), key=_month_and_day)
    found = _MONTH_YEAR.fullmatch(latest.strip())
    late = settings.LATE_MONTHS | ({"October"} if settings.ROUND33_LATE_OCTOBER else set())
    if not found or found.group("month") not in late or top >= limit:
        return None, ""
    return top + 1, (f"inferred: the latest dated event the page reports is “{latest}”, named without its day: its "
                     f"letter or report came out after the turn of the year, so {top + 1}")


def _month_and_day(phrase: str) -> tuple[int, bool]:
    """The calendar month a dated phrase names (0 when none), then whether it gives the day: of two phrases of the
    same month ("December 2016", "20 December 2016") the day-dated one wins, so the order they come in does not matter."""
    found = re.search(MONTH_NAMES, phrase)
    return (MONTHS[found.group(0).lower()] if found else 0), not _MONTH_YEAR.fullmatch(phrase.strip())
