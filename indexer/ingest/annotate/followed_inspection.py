"""Round 22 (issue 22): a one-council page that gives no overall grade but dates the graded inspection it follows.

docs/labelling.md "The grade": such a page takes the official record's grade standing on its day. Two kinds of page,
told apart by their own words:

- (V) a page about a visit or letter ("the focused visit ...", "a follow-up visit", "Ofsted's letter") that dates the
  inspection it follows ("It followed the inspection Ofsted published in March 2016", "Inspectors rated the council
  inadequate in August 2016"): visits grade nothing, so that inspection's record grade is the standing one;
- (N) a page about a new full inspection that only dates the one before it ("improvement has been slow since the
  city was last inspected in 2014", "much better than at the previous inspection, in 2016"): the page reports the
  record's next graded inspection after the dated one, whose grade it is.

Earlier fills (record_grade.py) need the page's day or year to find the standing grade; an undated page whose year
is inferred wrongly, or not at all, got none. Here the dated inspection alone decides, so the page's year is only a
check: a (N) page whose year is known must be the year of the next inspection (or its report).
"""
from __future__ import annotations

import datetime as dt
import re

from indexer import settings
from indexer.models import Outcome
from indexer.ingest.annotate import outcomes as outcome_table
from indexer.ingest.annotate.dated_standing import dated_inspections, fits
from indexer.ingest.annotate.dates import MONTH_NAMES, MONTHS
from indexer.numbers import LATER_ORDINALS
from indexer.ingest.annotate.record_grade import RecordFill, announces_inspection
from indexer.ingest.annotate import confidence

_YEAR = r"(?:19|20)\d\d"
_MONTH = rf"(?:{MONTH_NAMES})"
# A page about its own visit or letter, not a full inspection: one visit, not earlier ones the page looks back on
# ("seven monitoring visits", "earlier focused visits", "a focused visit in March 2021" before a new inspection).
_VISIT = re.compile(rf"(?<!earlier\s)(?<!previous\s)(?<!last\s)(?<!prior\s)(?<!former\s)"
                    rf"\b(?:monitoring|focused|follow-up|follow\s+up)\s+(?:visit|letter)\b"
                    rf"(?!\s+in\s+(?:{_MONTH}\s+)?{_YEAR})", re.IGNORECASE)
# Round 31 (real page text): a visit counted or called the latest ("the inspectors' third visit since the
# judgement", "the latest visit to the borough", "a second visit") is one of the visits after a graded inspection, as
# "monitoring visit" is; not an earlier one the page looks back on (same look-behinds), nor one dated to a year.
_COUNTED_VISIT = re.compile(rf"(?<!earlier\s)(?<!previous\s)(?<!last\s)(?<!prior\s)(?<!former\s)"
                            rf"\b(?:{LATER_ORDINALS}|latest|most\s+recent)\s+"
                            rf"(?:Ofsted\s+)?visit\b(?!\s+in\s+(?:{_MONTH}\s+)?{_YEAR})", re.IGNORECASE)


def _visit_page(text: str) -> bool:
    """The page is about one of the visits after a graded inspection (round 31: also a counted or latest visit)."""
    return bool(_VISIT.search(text) or settings.ROUND31_COUNTED_VISIT and _COUNTED_VISIT.search(text))


# The dated earlier inspection in other shapes than dated_standing's: "the inspection ... published in March 2016",
# "rated the council inadequate in August 2016" (a rating verb whose date ends the clause).
_PUBLISHED = re.compile(rf"\binspection\b[^.;]{{0,60}}?\bpublished\s+in\s+(?:(?P<month>{_MONTH})\s+)?(?P<year>{_YEAR})\b",
                        re.IGNORECASE)
_RATED_IN = re.compile(rf"\b(?:rated|judged|graded|found)\b[^.;]{{0,60}}?\bin\s+(?:(?P<month>{_MONTH})\s+)?"
                       rf"(?P<year>{_YEAR})\b(?!\s*(?:-|to|and)\s*{_YEAR})", re.IGNORECASE)
# (N): the dated inspection is the one before ("since it was inspected in 2016", "the previous inspection, in 2016",
# "since the last inspection in 2014", "since its 2016 inspection"). Not the calendar ("last week", "earlier this
# year ... its 2017 action plan", "since then ... its 2022 inspection"): that year is any event's, not the
# inspection before.
_EARLIER = re.compile(rf"\b(?:since|previous|last|earlier|prior)\b(?!\s+(?:then|this|next|weeks?|months?|years?)\b)"
                      rf"[^.;]{{0,50}}?\b(?P<year>{_YEAR})\b", re.IGNORECASE)
# A new report the page is about ("Ofsted says", "the report", "inspectors found"): (N) needs one.
_REPORTS = re.compile(r"\b(?:Ofsted|inspectors|the\s+(?:inspection\s+)?report)\s+(?:says|said|found|finds|judged|"
                      r"rated|adds|noted)\b|\baccording\s+to\s+the\s+report\b", re.IGNORECASE)
# Round 31 (real page text): the report's voice in the other orders real pages print it: the attribution after a
# quote or a comma ("..., said Ofsted.", "...,” said the report", "..., says Ofsted" in a headline) and the perfect
# or past tense of a finding ("Ofsted has concluded", "inspectors have found", "the report identified").
_REPORTS_INVERTED = re.compile(r"[,’”\"']\s*(?:said|says|adds|added|noted|concluded)\s+"
                               r"(?:Ofsted|(?:the\s+)?inspectors|the\s+(?:inspection\s+)?report)\b"
                               r"|\b(?:Ofsted|inspectors|the\s+(?:inspection\s+)?report)\s+(?:has|have)\s+"
                               r"(?:concluded|found|said|judged|rated|noted|identified)\b"
                               r"|\bthe\s+(?:inspection\s+)?report\s+(?:identified|concluded|highlighted|noted)\b",
                               re.IGNORECASE)


# Round 23: the same dates as real pages word them. The publication as a noun: "Following publication of Ofsted's
# Inspection of Children's Social Care in March 2016"; the date opening the clause of the rating: "In August 2016
# inspectors gave the authority an 'inadequate' rating".
_PUBLICATION_OF = re.compile(rf"\bpublication\s+of\b[^.;]{{0,60}}?\binspection\b[^.;]{{0,60}}?\bin\s+"
                             rf"(?:(?P<month>{_MONTH})\s+)?(?P<year>{_YEAR})\b(?!\s*(?:-|to|and)\s*{_YEAR})", re.IGNORECASE)
_IN_DATE_RATED = re.compile(rf"\bin\s+(?:(?P<month>{_MONTH})\s+)?(?P<year>{_YEAR}),?\s+(?:Ofsted|(?:the\s+)?inspectors"
                            rf"|the\s+(?:watchdog|regulator))\s+(?:gave|handed|awarded|rated|judged|graded|branded)\b",
                            re.IGNORECASE)


def _patterns(rated: bool) -> tuple[re.Pattern, ...]:
    """The shapes of a dated inspection to read: publication always, a rating verb's date with `rated`."""
    extra = settings.ROUND23_DATED_SHAPES
    published = (_PUBLISHED, _PUBLICATION_OF) if extra else (_PUBLISHED,)
    return published + ((_RATED_IN, _IN_DATE_RATED) if extra else (_RATED_IN,)) if rated else published


def _dated(text: str, rated: bool = True) -> list[tuple[int, int | None]]:
    """Every (year, month or None) the text gives a graded inspection it names (`rated`: a rating verb's date too)."""
    found = list(dated_inspections(text))
    for pattern in _patterns(rated):
        for match in pattern.finditer(text):
            month = match.group("month")
            found.append((int(match.group("year")), MONTHS[month.lower()] if month else None))
    return found


def _reports(text: str) -> bool:
    """The page reports a new report ("Ofsted says"; round 31: "said Ofsted", "Ofsted has concluded")."""
    return bool(_REPORTS.search(text) or settings.ROUND31_REPORT_VOICE and _REPORTS_INVERTED.search(text))


def _graded(code: str) -> list[Outcome]:
    """The council's graded inspections, oldest first."""
    return outcome_table.graded_by(code, dt.date.max)


def _row_for(rows: list[Outcome], year: int, month: int | None) -> Outcome | None:
    """The one graded row a written date names: by year and month, else by the year alone (a page may give the
    month of another step, "published in March" of a May report); none when two fit."""
    for wanted in (month, None):
        fitting = [o for o in rows if fits(o, year, wanted)]
        if len(fitting) == 1:
            return fitting[0]
        if len(fitting) > 1:
            return None
    return None


def followed_rows(code: str, text: str, rated: bool = True) -> list[Outcome]:
    """The distinct graded rows of the council the text dates."""
    rows = _graded(code)
    found = []
    for year, month in _dated(text, rated):
        row = _row_for(rows, year, month)
        if row is not None and row not in found:
            found.append(row)
    return found


def _dated_as_previous(code: str, text: str, row: Outcome) -> bool:
    """True when a "since / previous / last ... <year>" names this row (not the page's own inspection, another year)."""
    rows = _graded(code)
    return any(_row_for(rows, int(m.group("year")), None) is row for m in _EARLIER.finditer(text))


def followed_fill(code: str, text: str, year: int | None, new_inspection: bool,
                  printed: dt.date | None = None) -> RecordFill | None:
    """(V) or (N): the record's grade of the inspection a gradeless page dates (V), or of the one after it (N). A
    printed page whose day has another row standing (a later grade replaced it) gets nothing."""
    if announces_inspection(text):
        return None
    rows = followed_rows(code, text)
    if len(rows) != 1:
        return None  # none dated, or several: the page does not say which one it follows
    (dated,) = rows
    standing = outcome_table.standing_on(code, printed) if printed else None
    if _visit_page(text) and not new_inspection:
        if not settings.ROUND22_FOLLOWED_VISIT or printed and standing is not dated:
            return None
        return RecordFill(outcome_table.official_grade(dated), "official grade of the inspection the visit page dates "
                          f"(published {dated.published.isoformat()}; a visit grades nothing)", confidence.INFERRED)
    if not settings.ROUND22_FOLLOWED_NEXT or not (_reports(text) and _dated_as_previous(code, text, dated)):
        return None
    # (N) dates the previous inspection with inspection words ("since it was last inspected in 2014"): a rating verb
    # with the old grade ("deteriorated since it was rated good in 2012") leaves the grade reached to the movement
    # readers, and round 8's policy (an inferred inspection lends no grade) stands for it.
    if followed_rows(code, text, rated=False) != [dated]:
        return None
    graded = _graded(code)
    later = [o for o in graded if o.published > dated.published]
    if not later:
        return None
    following = later[0]
    if printed and standing is not following:
        return None
    if year and year not in (outcome_table.inspected_year(following), following.published.year):
        return None  # the page's own year points elsewhere
    return RecordFill(outcome_table.official_grade(following), "official grade of the next inspection after the one "
                      f"the page dates as the previous (published {following.published.isoformat()})",
                      confidence.INFERRED)
