"""The report's own publication date stated in the text ("the full report was released on Friday, 26 August 2016",
"the new judgement, published in April 2023"): on an undated page it picks the official inspection published then
(round 6, issue 22)."""
from __future__ import annotations

import datetime as dt
import re

from indexer.models import Outcome
from indexer.ingest.annotate.dates import MONTHS

_MONTH_NAMES = r"January|February|March|April|May|June|July|August|September|October|November|December"
# "report … published on 26 August 2016", "judgement, published in April 2023", "report was released on Friday, 26th
# August 2016", "findings came out in May 2019": a report word, then its publication verb, then the date.
_PUBLISHED = re.compile(rf"(?:\b(?:report|judgement|judgment|findings|verdict|results?|letter)s?\b[^.;]{{0,60}}?\b"
                        rf"(?:published|released|issued|came\s+out|made\s+public)"
                        # round 8: the inspectorate as the subject ("Ofsted published it on 13 June 2017", "Ofsted
                        # released its report in May 2019"): the object names the report or refers back to it
                        rf"|\b(?:Ofsted|the\s+inspectorate|inspectors)\s+(?:published|released|issued)\s+"
                        rf"(?:it|them|(?:its|their|the)\s+(?:\w+\s+)?(?:report|judgement|judgment|findings|verdict|letter)s?))"
                        rf"\s+(?:on|in)\s+"
                        rf"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
                        rf"(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<month>{_MONTH_NAMES})\s+(?P<year>(?:19|20)\d\d)\b",
                        re.IGNORECASE)
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_GATE = ("published", "released", "issued", "came out", "made public")


def published_in_text(text: str, rows: list[Outcome], grade_agrees) -> tuple[Outcome | None, str]:
    """The one official inspection of `rows` published on the date (or in the month) the text gives for its report,
    with a grade that agrees; of several dated mentions, the latest."""
    lower = text.lower()
    if not any(word in lower for word in _GATE):
        return None, ""  # cheap gate
    found: list[tuple[dt.date, Outcome, str]] = []
    for match in _PUBLISHED.finditer(text):
        year, month = int(match.group("year")), MONTHS[match.group("month").lower()]
        day = int(match.group("day")) if match.group("day") else None
        fit = [o for o in rows if o.published and o.published.year == year and o.published.month == month
               and (day is None or abs(o.published.day - day) <= 3) and grade_agrees(o)]
        if len(fit) == 1:
            found.append((fit[0].published, fit[0], f"the text dates the report: “{match.group(0).strip()[-70:]}”"))
    if not found:
        return None, ""
    _, outcome, why = max(found, key=lambda f: f[0])
    return outcome, why


def weekday_dated(text: str, rows: list[Outcome], grade_agrees) -> tuple[Outcome | None, str]:
    """The one official inspection one of whose recorded days (start, end, publication) the text gives without a
    year but with its weekday ("from Monday 27 January", "the report out on Tuesday 11 March"), when that day really
    fell on that weekday in the inspection's year."""
    from indexer.ingest.annotate.weekdays import weekday_dates
    if not any(name in text for name in _WEEKDAY_NAMES):
        return None, ""  # cheap gate: no weekday names
    dates = weekday_dates(text)
    fit = {id(o): o for o in rows for weekday, month, day in dates if grade_agrees(o)
           for d in (o.start, o.end, o.published) if d and (d.month, d.day, d.weekday()) == (month, day, weekday)}
    if len(fit) == 1:
        outcome = next(iter(fit.values()))
        return outcome, "the text's weekday dates fall on the official inspection's recorded days"
    return None, ""
