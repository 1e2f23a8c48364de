"""The official record overrules a grade read from a dated story about a report just out (round 14, issue 22).

A story printed within days of a council's graded inspection reports that inspection, and the council's grade on
that day is the record's. When the text's reading disagrees (a sub-judgement, the grade left, a neighbour's or a
school's grade taken for the council's), the record is the likelier truth: on the ten blind sets' first contact
(410 articles, each scored with the code that had never seen it) such disagreements were the record's 7 times in 7.
Only a printed date counts (an address's month is too loose), and only one graded inspection in the window.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from indexer import settings
from indexer.grades import grades_agree
from indexer.ingest.annotate import outcomes as outcome_table


@dataclass
class RecordCheck:
    """The record's grade for a council whose text grade disagrees with it, and the inspection behind it."""

    grade: str
    published: dt.date


def record_overrules(code: str, text_grade: str, printed: dt.date) -> RecordCheck | None:
    """The record's grade when exactly one graded inspection of the council was published just before (or just
    after) the printed date and its grade is not the one the text was read as giving."""
    if not text_grade:
        return None
    window = [o for o in outcome_table.for_council(code) if o.published and outcome_table.official_grade(o)
              and -settings.RECORD_CHECK_BEFORE_REPORT_DAYS <= (printed - o.published).days
              <= settings.RECORD_CHECK_AFTER_REPORT_DAYS]
    grades = {outcome_table.official_grade(o) for o in window}
    if len(grades) != 1:
        return None
    (official,) = grades
    if grades_agree(text_grade, official):
        return None
    return RecordCheck(official, window[-1].published)
