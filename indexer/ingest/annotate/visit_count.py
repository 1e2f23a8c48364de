"""Round 20 (issue 22): an undated page's year from the count of monitoring visits since the judgement it names.

"The sixth monitoring visit since the county was judged inadequate in March 2017", "the third monitoring visit since
Ofsted rated the service inadequate in December 2023": a council judged inadequate is visited on a regular cycle, so
the count of visits measures the time since the judgement. The record cannot date such a page (visits are not in it,
and the next inspection in it may be years later), so the count does: the first visit about six months after the
judgement, then one about every four months, and the page about a month after its visit (the letter). The year is
used only when the page names no dated event after it (a visit given its own date dates the page better).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from indexer import settings
from indexer.ingest.annotate.dates import MONTH_NAMES, MONTHS
from indexer.numbers import ORDINALS

_ORDINAL = "|".join(ORDINALS) + r"|(?:[1-9]|10)(?:st|nd|rd|th)"
# "<ordinal> monitoring visit since <who> was judged/rated <grade> in <Month> <year>": the count and the judgement.
_COUNTED = re.compile(rf"\b(?P<n>{_ORDINAL})\s+(?:Ofsted\s+)?(?P<monitoring>monitoring\s+)?visits?\s+since\s+"
                      rf"(?:[\w'’‘\"“”,-]+\s+){{0,8}}?"
                      rf"(?:judged|rated|graded|found|declared|branded|deemed)\s+(?:[\w'’‘\"“”-]+\s+){{0,3}}?"
                      rf"in\s+(?P<month>{MONTH_NAMES})\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
# Only a council judged inadequate is on the monitoring cycle: a visit count without "monitoring" needs the grade.
_INADEQUATE = re.compile(r"\binadequate\b", re.IGNORECASE)


@dataclass
class Counted:
    """A year read from a count of visits, with its reasoning."""

    year: int
    why: str


def _months_after(day: dt.date, months: int) -> dt.date:
    """The first of the month `months` after `day`'s month."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def counted_visit_year(text: str, latest_event: int | None) -> Counted | None:
    """The year of the page that reports the Nth monitoring visit since a dated judgement; None when the text has no
    such count, or names a dated event later than the count's year (then the event dates the page)."""
    if not settings.ROUND20_VISIT_COUNT:
        return None
    match = _COUNTED.search(text)
    if not match or not (match.group("monitoring") or _INADEQUATE.search(match.group(0))):
        return None  # "the first visit since the home was rated outstanding": no monitoring cycle to count by
    word = match.group("n").lower()
    n = ORDINALS.get(word) or int(re.match(r"\d+", word).group(0))
    judged = dt.date(int(match.group("year")), MONTHS[match.group("month").lower()], 1)
    months = settings.VISIT_FIRST_MONTHS + settings.VISIT_EVERY_MONTHS * (n - 1) + settings.VISIT_LETTER_MONTHS
    page = _months_after(judged, months)
    if page > dt.date.today() or (latest_event and latest_event > page.year):
        return None
    return Counted(page.year, f"inferred: “{match.group(0)[-90:]}”: visit {n} about {months} months after the "
                              f"judgement with its letter, so {page.year}")
