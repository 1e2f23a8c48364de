"""A page's own event against the anchor it names (round 9, issue 22).

A page about a monitoring or focused visit usually names the inspection the visit follows ("since judging them
inadequate in December 2021", "at its last full inspection, in 2016", "rated 'requires improvement' since 2019").
That inspection is the anchor: the page reports something later, so its year is not the anchor's. The year is taken
only where the text counts from the anchor ("six times in two years", "inadequate in July last year"); otherwise the
anchor is only a lower bound and the year is left empty rather than guessed.
"""
from __future__ import annotations

import datetime as dt
import re

from indexer import settings
from indexer.grades import GRADE_RE, grade_of_match, official_grades_for
from indexer.models import Outcome
from indexer.ingest.annotate import outcomes as outcome_table
from indexer.ingest.annotate.dates import MONTH_NAMES, MONTHS
from indexer.ingest.annotate.visits import new_full_inspection, reports_a_visit

_MONTH = MONTH_NAMES
# The inspection placed behind the page's event: "since judging them inadequate in December 2021", "since the full
# inspection of March 2020", "'requires improvement' since 2019", "at its last full inspection, in 2016".
# "Since" counts only with a judgement or inspection word between it and the year, or right after a grade: "three
# directors since 2021" is no anchor.
_JUDGED = r"(?:judg|rat|grad|inspect|found|verdict|report|branded|assess)\w*"
ANCHOR = re.compile(rf"\bsince\s+(?:[\w'’‘\"“”,-]+\s+){{0,6}}?{_JUDGED}\s+(?:[\w'’‘\"“”,-]+\s+){{0,4}}?(?:(?:in|of)\s+)?"
                     rf"(?:(?P<month>{_MONTH})\s+)?(?P<year>(?:19|20)\d\d)\b"
                     rf"|\b(?:inadequate|improvement|good|outstanding)['’”\"]?\s+since\s+(?:(?P<month3>{_MONTH})\s+)?"
                     rf"(?P<year3>(?:19|20)\d\d)\b"
                     rf"|\b(?:last|previous|most\s+recent|earlier)\s+(?:full\s+)?inspection,?\s+(?:in|of)\s+"
                     rf"(?:(?P<month2>{_MONTH})\s+)?(?P<year2>(?:19|20)\d\d)\b", re.IGNORECASE)
# "rated inadequate in July last year": the anchor's grade and month, one year before the page.
_LAST_YEAR = re.compile(rf"\b(?:rated|judged|graded|found\s+to\s+be|deemed)\s+['‘“\"]?(?P<grade>inadequate|requires?\s+"
                        rf"improvement|good|outstanding)['’”\"]?\s+in\s+(?P<month>{_MONTH})\s+last\s+year\b", re.IGNORECASE)
# Round 27: the same anchor as real pages print it: the object and "as" before the grade, a few words after it, the
# month optional ("rated the service as inadequate on every count in May last year", "judged 'inadequate' overall in
# March last year", "since it was rated 'inadequate' last year"). Not "the last year" (a span), "last year's"
# (another event), nor a comparison ("judged good, compared to four last year": a clause boundary stops it).
_LAST_YEAR_WIDE = re.compile(rf"\b(?:rated|judged|graded|found\s+to\s+be|deemed|branded)\s+(?:(?:the|its|their)\s+"
                             rf"(?:[\w'’-]+\s+){{0,3}}?as\s+|as\s+)?['‘“\"]?(?P<grade>inadequate|requires?\s+"
                             rf"improvement|good|outstanding)['’”\"]?(?:\s+(?!compared|than|from|against|to\b)"
                             rf"[a-z]+){{0,4}}?(?:\s+in\s+(?P<month>{_MONTH}))?\s+(?<!the\s)last\s+year\b(?!['’]s)", re.IGNORECASE)
# "six times in two years", "five visits over the past three years": visits counted over a span from the anchor.
_NUMBER = r"two|three|four|five|six|seven|eight|nine|ten|\d{1,2}"
_SPAN = re.compile(rf"\b(?:(?:{_NUMBER})\s+(?:times|visits)|twice)\s+(?:in|over|within)\s+(?:the\s+(?:last|past)\s+)?"
                   rf"(?P<n>a|one|{_NUMBER})\s+years?\b", re.IGNORECASE)
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10}
# "the latest visit, on 21 and 22 February", "a visit in late March": the visit's month without a year.
_VISIT_MONTH = re.compile(rf"\bvisit\w*\b[^.;]{{0,60}}?\b(?:in|on|during)\s+(?:(?:early|late|mid)[\s-]+)?"
                          rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:and|to|-|–)\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?"
                          rf"(?P<month>{_MONTH})\b(?!,?\s+(?:\d{{1,2}},?\s+)?(?:19|20)\d\d)", re.IGNORECASE)


# "a two-day inspection visit on 11 and 12 September": a visit by its length, besides monitoring and focused visits.
_OTHER_VISIT = re.compile(r"\b(?:(?:one|two|three)[\s-]day\s+(?:inspection\s+)?|inspection\s+)visits?\b", re.IGNORECASE)


def _reports_a_visit(text: str) -> bool:
    """True when the page's own event is a visit that grades nothing."""
    return reports_a_visit(text) or bool(_OTHER_VISIT.search(text)) and not new_full_inspection(text)


def _held_in(outcome: Outcome, year: int) -> bool:
    """True when an inspection was held or published in the year the text names for it."""
    return year in {outcome_table.inspected_year(outcome), outcome.published.year,
                    *(d.year for d in (outcome.start, outcome.end) if d)}


def anchor(text: str, outcome: Outcome) -> tuple[Outcome | None, str]:
    """The linked inspection when the text places it behind the page's event, with the words that do; else none.
    (An earlier inspection named so is no evidence against the linked one: a page reporting a new inspection names
    the previous one the same way.)"""
    for match in ANCHOR.finditer(text):
        if _held_in(outcome, int(match.group("year") or match.group("year2") or match.group("year3"))):
            return outcome, match.group(0)
    return None, ""


def _span_years(text: str) -> tuple[int, str] | None:
    """A span the text counts the visits over ("six times in two years")."""
    match = _SPAN.search(text)
    return (_COUNTS.get(match.group("n").lower()) or int(match.group("n")), match.group(0)) if match else None


def _nearest_with_month(target: dt.date, month: int) -> dt.date:
    """The day in `month` nearest to the target (the visit the text gives without its year)."""
    days = [dt.date(y, month, 15) for y in (target.year - 1, target.year, target.year + 1)]
    return min(days, key=lambda d: abs((d - target).days))


def visit_after_anchor(text: str, outcome: Outcome) -> tuple[bool, int | None, str]:
    """For an undated page linked to `outcome`: whether the page reports a visit after it (the anchor), and then the
    visit's year when the text counts from the anchor, else None (a lower bound only)."""
    if not _reports_a_visit(text):
        return False, None, ""
    outcome, phrase = anchor(text, outcome)
    if outcome is None:
        return False, None, ""
    span = _span_years(text)
    if not span:
        return True, None, f"the page reports a visit after the inspection it names (“{phrase}”), and nothing dates " \
                           "the visit"
    target = (outcome.end or outcome.published) + dt.timedelta(days=365 * span[0])
    month = _VISIT_MONTH.search(text)
    day = _nearest_with_month(target, MONTHS[month.group("month").lower()]) if month else target
    why = (f"inferred: a visit after the inspection it names (“{phrase}”), “{span[1]}” from it"
           + (f", the visit “{month.group(0)[-40:]}”" if month else "") + f": {day.year}")
    return True, day.year, why


def year_after_last_year_anchor(text: str, code: str) -> tuple[int | None, Outcome | None, str]:
    """'Rated inadequate in July last year': the council's one inspection with that grade published (or held) in that
    month is the anchor, and the page is from the year after it."""
    if "last year" not in text.lower():
        return None, None, ""
    pattern = _LAST_YEAR_WIDE if settings.ROUND27_LAST_YEAR_GRADE else _LAST_YEAR
    for match in pattern.finditer(text):
        wanted = official_grades_for(grade_of_match(GRADE_RE.search(match.group("grade"))))
        month = MONTHS[match.group("month").lower()] if match.group("month") else None
        fits = [o for o in outcome_table.for_council(code) if o.published
                and outcome_table.official_grade(o) in wanted
                and (month is None or month in {o.published.month, *(d.month for d in (o.start, o.end) if d)})]
        if len(fits) == 1:
            anchor = fits[0]
            held = [d.year for d in (anchor.start, anchor.end) if d and d.month == month]
            # without a month, "rated inadequate last year" is the year the rating came out: its report's
            year = (anchor.published.year if month is None or anchor.published.month == month or not held
                    else held[0]) + 1
            return year, anchor, (f"inferred: “{match.group(0)}” is the council's {anchor.published.isoformat()} "
                                  f"report, so the page is from {year}")
    return None, None, ""
