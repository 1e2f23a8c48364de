"""One official-record policy for a grade the text does not state (round 11, issue 22).

When the text names no current overall grade for its council but dates the inspection, or the monitoring or focused
visit that follows one, the record fills the grade: the grade of the inspection the text dates, or the grade standing
at the visit (a visit grades nothing). When the text neither states nor dates one, the grade stays empty. Three fills
grew up side by side (round 8's through the linked outcome, round 10's dated standing inspection, round 4's visit);
this module is the one place that decides between them:

- a page about a visit takes the grade standing on the visit's day, never the grade of an inspection published
  after it (a visit "in March" can match a later inspection's month);
- a page that announces an inspection to come ("begins next week", "plans to publish on 4 November") takes no
  grade: the inspection its dates name had none yet;
- otherwise the outcome the text's dates link (confidence official), else, on a printed page about one council, the
  inspection it dates when that is the latest graded one by the page's date.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from indexer import settings
from indexer.grades import grade_of_match, grades_agree
from indexer.models import Outcome
from indexer.ingest.annotate import confidence
from indexer.ingest.annotate import outcomes as outcome_table
from indexer.ingest.annotate.dated_standing import dated_inspections, fits
from indexer.ingest.annotate.dates import MONTH_NAMES, MONTHS
from indexer.numbers import LATER_ORDINALS
from indexer.ingest.annotate.scan import grade_matches
from indexer.ingest.annotate.visits import new_full_inspection, reports_a_visit, visit_day


@dataclass
class RecordFill:
    """A grade the official record gives a council the text names no grade for, and why."""

    grade: str
    source: str
    confidence: str

    def evidence(self, council: str, note: str = "") -> dict:
        """The facet-evidence entry of this fill for one council (`note` says how it reached that council)."""
        return {"council": council, "value": self.grade, "source": f"{self.source} {note}".strip(),
                "confidence": self.confidence}


# An inspection still to come: "the inspection begins next week", "inspectors are due to arrive on Monday",
# "Ofsted plans to publish its report on 4 November", "Ofsted will inspect the council's services next month".
_UPCOMING = re.compile(
    r"\b(?:inspections?|inspectors?)\b[^.;]{0,80}?\b(?:(?-i:begins?|starts?)|will\s+(?:begin|start|run|arrive|take\s+place)"
    r"|(?:is|are)\s+(?:due|set|expected|scheduled)\s+to\s+(?:begin|start|arrive|run|take\s+place))"
    r"\s+(?:next|on|this|tomorrow|in|at|from)\b"  # a time or place follows the verb ("a faltering start after" is a noun)
    r"|\b(?:plans?|planned|intends?|intended|is\s+due|was\s+due|expects?)\s+to\s+publish\b"
    r"|\b(?:will|to)\s+inspect\b[^.;]{0,80}?\bnext\s+(?:week|month)\b", re.IGNORECASE)
# "the first inspection since the council was judged inadequate in 2012", "its first full inspection since 2017":
# the text dates its inspection by the one before it (the record's next graded inspection after that year).
_FIRST_SINCE = re.compile(r"\bfirst\s+(?:full\s+|graded\s+|standard\s+|Ofsted\s+)?inspection\s+(?:since|after)\b"
                          r"[^.;]{0,80}?\b((?:19|20)\d\d)\b", re.IGNORECASE)
# The page tells of a report just out ("the latest Ofsted inspection, published today").
_JUST_OUT = re.compile(r"\b(?:published|released|out)\s+today\b|\b(?:latest|new|today['’]s)\s+(?:Ofsted\s+)?"
                       r"(?:inspection|report)\b", re.IGNORECASE)
# Monitoring visits follow an inadequate judgement (focused visits may follow any grade).
_MONITORING = re.compile(r"\bmonitoring\s+(?:visits?|letters?)\b", re.IGNORECASE)
_RATED = re.compile(r"\b(?:judged|rated|graded|found to be|deemed|judge?ments?\s+of)\b", re.IGNORECASE)
# Round 24 (real page text): the grade named through a rating noun or a gerund, as pages write it ("handed a damning
# rating of 'inadequate'", "since rating it 'inadequate'", "since the 'inadequate' judgement was received"); read only
# for the inadequate judgement a monitoring visit follows (the looser fills keep the verbs: an undated page naming an
# agency's "rating of requires improvement" is no council grade).
_RATED_NOUN = re.compile(r"\b(?:ratings?|rating\s+(?:it|them|the\s+\w+)|judge?ments?|verdicts?|grades?|grading)\b",
                         re.IGNORECASE)


# Round 29 (sev29): an inspection under way or about to start, in the words pages use for it: "a full inspection is
# taking place at the council", "the inspection is now under way", "Ofsted will start its inspection of the
# borough's services on Monday", "the inspection will commence on 3 March", "inspectors will be inspecting the
# county for the next fortnight" (no comma between the inspection and its verb: "after the inspection, work is under
# way" is about the work). Its dates name an inspection not yet graded, as `_UPCOMING`'s do.
_UNDER_WAY = re.compile(
    r"\binspection\b[^.;,]{0,80}?\b(?:is|are)\s+(?:now\s+)?(?:taking\s+place|under\s*way)\b"
    r"|\bwill\s+(?:begin|start|commence)\s+(?:its|their|an?|the)\s+(?:[\w-]+\s+){0,2}inspection\b"
    r"|\b(?:inspections?|inspectors?)\b[^.;,]{0,80}?\bwill\s+commence\b"
    r"|\bwill\s+be\s+inspecting\b[^.;]{0,60}?\b(?:next|this|for\s+the\s+next)\s+(?:\w+\s+)?(?:days?|weeks?|fortnight|month)\b",
    re.IGNORECASE)


def announces_inspection(text: str) -> bool:
    """True when the page tells of an inspection still to come (its dates name an inspection not yet graded); round
    29: or of one under way."""
    return bool(_UPCOMING.search(text) or settings.ROUND29_UNDER_WAY and _UNDER_WAY.search(text))


def record_grade(code: str, text: str, published: dt.date | None, printed: bool, year: int | None,
                 outcome: Outcome | None, outcome_level: str, one_council: bool) -> RecordFill | None:
    """The record's grade for a council the text gives no grade, when the text dates its inspection or visit."""
    if announces_inspection(text):
        return None
    monitored = _monitored_inadequate(code, text, published if printed else None) if one_council else None
    if monitored is not None:
        return monitored
    if reports_a_visit(text):
        return _visit_fill(code, text, published, printed, year, outcome, outcome_level, one_council)
    if outcome is not None and outcome_level == confidence.OFFICIAL and outcome_table.official_grade(outcome):
        return RecordFill(outcome_table.official_grade(outcome), "official outcome (the text states no current "
                          "grade and dates the inspection)", confidence.OFFICIAL)
    if settings.ROUND31_THIS_YEAR_MONTHS and one_council and outcome is not None and not printed \
            and outcome_table.official_grade(outcome) and _months_this_year(text, outcome):
        return RecordFill(outcome_table.official_grade(outcome), "official grade of the inspection the text dates by "
                          "its months “this year”, which fit the linked report's inspection (published "
                          f"{outcome.published.isoformat()})", confidence.INFERRED)
    if one_council and outcome is not None and _reports_first_since(code, text) is outcome:
        return RecordFill(outcome_table.official_grade(outcome), "official outcome (the text states no current grade "
                          "and reports the council's first inspection after a dated one)", confidence.OFFICIAL)
    if one_council:  # in a round-up a dated inspection may be any named council's
        latest = _dated_latest(code, text, published)
        if latest is not None:
            return RecordFill(outcome_table.official_grade(latest), "official grade of the inspection the text dates "
                              f"(published {latest.published.isoformat()}, the latest before the page)",
                              confidence.OFFICIAL)
    if one_council and published and printed:
        standing = _named_standing(code, text, published)
        if standing is not None:
            return RecordFill(outcome_table.official_grade(standing), "the grade the text names in the past, still "
                              f"standing on the printed date (the record's report of {standing.published.isoformat()})",
                              confidence.OFFICIAL)
    return None


def _named_standing(code: str, text: str, day: dt.date) -> Outcome | None:
    """Round 14: the council's standing inspection on the page's printed day, when the page names its grade with a
    rating verb ("a year after it was rated inadequate"): a past judgement no later one replaced is the current one."""
    standing = outcome_table.standing_on(code, day)
    if standing is None:
        return None
    official = outcome_table.official_grade(standing)
    return standing if _names_grade(text, official) else None


def _visit_fill(code: str, text: str, published: dt.date | None, printed: bool, year: int | None,
                outcome: Outcome | None, outcome_level: str, one_council: bool) -> RecordFill | None:
    """The grade standing on the visit's day, when the text dates it: it names that grade, or dates the inspection
    that set it, or (a printed page) reports a monitoring visit, which only follows an inadequate judgement."""
    if not (published or year):
        return None
    day = published or visit_day(text, year)
    standing = outcome_table.standing_on(code, day)
    if standing is None:
        return None
    official = outcome_table.official_grade(standing)
    named = _names_grade(text, official)
    dated = (outcome is standing and outcome_level == confidence.OFFICIAL
             or one_council and any(fits(standing, y, m) for y, m in dated_inspections(text)))
    monitored = printed and official == "inadequate" and bool(_MONITORING.search(text))
    if not (named or dated or monitored):
        return None
    return RecordFill(official, f"official grade in force on {day.isoformat()} (a monitoring or focused visit grades "
                                "nothing; the standing grade stays)",
                      confidence.OFFICIAL if printed or dated else confidence.INFERRED)


def _monitored_inadequate(code: str, text: str, printed: dt.date | None) -> RecordFill | None:
    """Round 14: a page about a monitoring visit or letter that names the inadequate judgement it follows ("the first
    monitoring visit since the council was judged inadequate in 2014"): monitoring follows only an inadequate grade, so
    that grade stands, unless a new full inspection is reported too. A printed page must also have it standing in
    the record on its day."""
    special = settings.ROUND31_SPECIAL_MEASURES and _special_measures(text)
    if not (_MONITORING.search(text) or special) or new_full_inspection(text) \
            or not (special or _names_grade(text, "inadequate", nouns=settings.ROUND24_RATING_NOUN)):
        return None
    if printed is not None:
        standing = outcome_table.standing_on(code, printed)
        if standing is None or outcome_table.official_grade(standing) != "inadequate":
            return None
    return RecordFill("inadequate", "a monitoring visit follows the inadequate judgement the text names",
                      confidence.STATED if printed is None else confidence.OFFICIAL)


# Round 31 (visit31): monitoring told as a monitoring report or a counted visit since a judgement ("the third
# monitoring report since ...", "their fifth visit since the authority was ..."), and that judgement told as special
# measures ("put into special measures last December", "placed in special measures"): Ofsted monitors a council's
# children's services only after an inadequate judgement. Not a way out ("out of special measures", "lifted from").
_MONITORED_SINCE = re.compile(r"\bmonitoring\s+(?:visits?|letters?|reports?)\b"
                              rf"|\b(?:{LATER_ORDINALS}|latest)\s+visit\s+since\b",
                              re.IGNORECASE)
_SPECIAL_MEASURES = re.compile(r"\b(?:put|placed|plunged|went|go(?:ne)?)\s+(?:in|into)\s+['‘“\"]?special\s+measures\b",
                               re.IGNORECASE)


def _special_measures(text: str) -> bool:
    """Round 31: a page about monitoring that says the services were put into special measures."""
    return bool(_MONITORED_SINCE.search(text) and _SPECIAL_MEASURES.search(text))


# Round 31 (visit31): the inspection's months told against the page's own year ("an inspection in June this year", "a
# visit across May and June this year"): a visit word here is the inspectors' visit of the inspection itself; a
# monitoring or focused visit in the same sentence is not read.
_THIS_YEAR_MONTHS = re.compile(rf"\b(?:inspect\w*|visit(?:ed|s|ing)?)\b[^.;]{{0,60}}?\b(?:in|during|covering|over|across"
                               rf"|between|throughout)\s+(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<first>{MONTH_NAMES})"
                               rf"(?:\s+(?:and|to|into|-|–)\s+(?P<second>{MONTH_NAMES}))?\s+this\s+year\b", re.IGNORECASE)
_OTHER_VISIT = re.compile(r"\b(?:monitoring|focus+ed|follow-?\s?up)\s+(?:[\w'’-]+\s+)?visits?\b", re.IGNORECASE)


def _months_this_year(text: str, outcome: Outcome) -> bool:
    """Round 31: the text gives the months "this year" of an inspection (not of a monitoring or focused visit), and
    they fit the linked inspection: its recorded months, else the months before its report in the report's year."""
    for match in _THIS_YEAR_MONTHS.finditer(text):
        start = max(text.rfind(c, 0, match.start()) for c in ".;\n") + 1
        if _OTHER_VISIT.search(text[start:match.end()]):
            continue
        months = {MONTHS[m.lower()] for m in (match.group("first"), match.group("second")) if m}
        if outcome.start and outcome.end:
            held = {d.month for d in (outcome.start, outcome.end)} if outcome.start.year == outcome.end.year else set()
            if months & held:
                return True
        elif outcome.published and all(0 < outcome.published.month - m <= 4 for m in months):
            return True
    return False


def _names_grade(text: str, grade: str, nouns: bool = False) -> bool:
    """True when the page gives `grade` (or its pre-2013 equal) with a rating verb (or, with `nouns`, a rating noun)."""
    return any(grades_agree(g, grade) for g in _named_grades(text, nouns))


def _named_grades(text: str, nouns: bool = False) -> set[str]:
    """Grades the page gives with a rating verb (with `nouns`, also with a rating noun)."""
    return {grade_of_match(m) for sentence in re.split(r"(?<=[.!?])\s+", text)
            if _RATED.search(sentence) or nouns and _RATED_NOUN.search(sentence)
            for m in grade_matches(sentence)}


def _reports_first_since(code: str, text: str) -> Outcome | None:
    """The inspection a page reports as just out and as the council's first since a year it names (one year only)."""
    years = {int(m.group(1)) for m in _FIRST_SINCE.finditer(text)}
    if len(years) != 1 or not _JUST_OUT.search(text):
        return None
    (year,) = years
    later = [o for o in outcome_table.for_council(code) if outcome_table.official_grade(o)
             and outcome_table.inspected_year(o) > year]
    return later[0] if later else None


def _dated_latest(code: str, text: str, published: dt.date | None) -> Outcome | None:
    """The council's latest graded inspection by the page's date, when the text dates it."""
    latest = outcome_table.standing_on(code, published) if published else None
    return latest if latest is not None and any(fits(latest, y, m) for y, m in dated_inspections(text)) else None
