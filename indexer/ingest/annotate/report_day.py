"""Round 21 (issue 22): a report's publication given without its year ("the report, published on 29 October",
"the inspectorate's July report", "the findings, which came out on Wednesday") picks the one inspection of the
council's official history published then.

A page rarely prints the year of a report it announces as news: the day, the month or the weekday is enough for its
readers. The official record holds every full inspection's publication day, so the council's inspections published
on that day (a few days either way: the record's day and the outlet's can differ), in that month, or on that weekday
are the page's candidates; with the page's grade agreeing, exactly one must fit, else nothing is chosen. A day and
month fit the record as closely as a dated report does; a month or a weekday alone is a guess by elimination.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from indexer import settings
from indexer.models import Outcome
from indexer.ingest.annotate.dates import MONTH_NAMES, MONTHS, safe_date
from indexer.ingest.annotate.regimes import regimes_reported
from indexer.ingest.annotate.weekdays import WEEKDAYS

# A month's name capitalised (the patterns ignore case otherwise): "in may be" is the verb, not May.
_MONTH_NAMES = f"(?-i:{MONTH_NAMES}|{MONTH_NAMES.upper()})"
_WEEKDAY_NAMES = "|".join(calendar.day_name)
_DAY = r"(?P<{}>\d{{1,2}})(?:st|nd|rd|th)?"
# The day the report came out, as a page writes it without a year: "on 29 October", "on October 29th", "on Friday",
# "last Monday", "in July", "on Wednesday 5 June" (a weekday with its day is weekday_dated's; read here only when
# that finds nothing, e.g. the day fits no recorded day exactly).
# Round 27 (years27): also the day a page calls today in brackets ("its report, published today (July 12)"), its year
# left out (page_date.today_date reads it with one).
_WHEN = (rf"(?:(?:on|in)\s+|last\s+" + (r"|today\s*\(\s*" if settings.ROUND27_TODAY_DAY else "") + ")"
         rf"(?:(?P<weekday>{_WEEKDAY_NAMES})\b,?\s*)?"
         rf"(?:{_DAY.format('day')}\s+(?P<month>{_MONTH_NAMES})\b|(?P<month_first>{_MONTH_NAMES})\b(?:\s+{_DAY.format('day_after')}\b)?)?")
# Words that name the report itself (not a monitoring or focused visit's letter, which the record does not hold).
_REPORT = r"\b(?:report|judgement|judgment|findings|verdict|ratings?)\b"
# "out" only as "is out" or after a comma ("the report, out on Friday"): "carried out in March" is the inspection.
_VERB = r"(?:published|released|issued|came\s+out|comes\s+out|made\s+public|(?:was|is)\s+out|(?<=,\s)out)"
# "the report, published on 29 October", "its findings, which came out on Wednesday"
_PUBLISHED = re.compile(rf"{_REPORT}[^.;!?]{{0,40}}?\b{_VERB}\s+{_WHEN}", re.IGNORECASE)
# "the inspectorate's July report", "Ofsted's report in July": a report named by its month alone.
_MONTH_REPORT = re.compile(rf"\b(?:Ofsted|inspectorate|watchdog|regulator)['’]s\s+(?:(?P<month>{_MONTH_NAMES})\s+report"
                           rf"|report\s+in\s+(?P<month_after>{_MONTH_NAMES}))\b", re.IGNORECASE)
# A year right after the day: a dated report, which published_report.py reads.
_YEAR_AFTER = re.compile(r"\s*,?\s*(?:19|20)\d\d\b")
# A visit's own letter or report, a children's home's or a school's: the record holds the council's full
# inspections only, so their day dates none of them (read in the phrase's sentence).
_VISIT = re.compile(r"\b(?:monitoring|focus+ed)\s+(?:[\w'’-]+\s+)?visits?\b|\bvisit\s+letter\b"
                    r"|\bchildren['’]s\s+homes?\b|\b(?:school|academy|nursery)\b", re.IGNORECASE)
# A page about an area SEND or joint targeted area inspection (anywhere on it): a day or weekday alone would match
# one of the council's own inspections by chance.
_OTHER_INSPECTION = re.compile(r"\b(?:SEND|[Ss]pecial educational needs)\b[^.]{0,80}?\binspect"
                               r"|\binspect\w*[^.]{0,40}?\b(?:SEND|[Ss]pecial educational needs)\b"
                               r"|\b[Jj]oint targeted area inspection|\bJTAI\b")


@dataclass(frozen=True)
class ReportDay:
    """A publication day as the page gives it: any of weekday, month and day may be missing."""
    phrase: str
    weekday: int | None
    month: int | None
    day: int | None

    def fits(self, published: dt.date) -> bool:
        """True when the record's publication day agrees with every part the page gives."""
        if self.weekday is not None and self.day is None and published.weekday() != self.weekday:
            return False
        if self.month is None:
            return True
        slack = settings.REPORT_DAY_SLACK_DAYS
        if self.day is None:  # a month alone: its days, with the slack at either end
            first = safe_date(published.year, self.month, 1)
            last = safe_date(published.year, self.month, calendar.monthrange(published.year, self.month)[1])
            return (first - dt.timedelta(days=slack)) <= published <= (last + dt.timedelta(days=slack))
        # a weekday with its day names the page's date (its year), which may stand a few days off the record's
        return any(abs((published - d).days) <= slack for y in (published.year - 1, published.year, published.year + 1)
                   if (d := safe_date(y, self.month, self.day)) is not None
                   and (self.weekday is None or d.weekday() == self.weekday))

    def exact(self) -> bool:
        """A day and month (not a month or weekday alone): as close as a dated report."""
        return self.day is not None and self.month is not None


def report_days(text: str) -> list[ReportDay]:
    """Every publication day of a report the text gives without its year."""
    found = []
    for match in _PUBLISHED.finditer(text):
        if not (match.group("weekday") or match.group("month") or match.group("month_first")):
            continue  # "published in full", "out in force": no day at all
        if _YEAR_AFTER.match(text, match.end()) or _in_visit_sentence(text, match):
            continue
        month = match.group("month") or match.group("month_first")
        day = match.group("day") or match.group("day_after")
        found.append(ReportDay(match.group(0), WEEKDAYS[match.group("weekday").lower()] if match.group("weekday")
                               else None, MONTHS[month.lower()] if month else None, int(day) if day else None))
    for match in _MONTH_REPORT.finditer(text):
        if _YEAR_AFTER.match(text, match.end()) or _in_visit_sentence(text, match):
            continue
        month = match.group("month") or match.group("month_after")
        found.append(ReportDay(match.group(0), None, MONTHS[month.lower()], None))
    return found


def _in_visit_sentence(text: str, match: re.Match) -> bool:
    """True when the phrase's sentence is about a monitoring or focused visit."""
    start = max(text.rfind(". ", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
    ends = [i for i in (text.find(". ", match.end()), text.find("\n", match.end())) if i >= 0]
    return bool(_VISIT.search(text[start:min(ends) if ends else len(text)]))


def report_day_outcome(text: str, rows: list[Outcome], grade_agrees) -> tuple[Outcome | None, str]:
    """The one inspection of `rows` (grade agreeing) whose publication fits every yearless report day the text
    gives; the reason starts with "inferred" unless a day and month decide it. None when none or several fit."""
    days = report_days(text)
    if not days or _OTHER_INSPECTION.search(text):
        return None, ""
    # a page scoring councils in an older regime (annual ratings, the CPA) reports none of the later inspections
    last = min((r.last for r in regimes_reported(text)), default=None)
    fit = [o for o in rows if o.published and grade_agrees(o) and all(d.fits(o.published) for d in days)
           and (last is None or o.published.year <= last)]
    if len(fit) != 1:
        return None, ""
    phrases = "; ".join(f"“{d.phrase.strip()[-60:]}”" for d in days)
    why = f"the text dates the report without a year ({phrases}); one official inspection was published then"
    return fit[0], why if any(d.exact() for d in days) else f"inferred: {why}"
