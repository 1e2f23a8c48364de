"""Round 15: an undated page about one council that names a grade it was given, with no date, when the official record
has that grade standing through the whole of the page's (inferred) year.

Round 14 filled such a grade on printed pages only ("a year after it was rated inadequate", the record's grade on the
printed day). An undated page has no day, but its year is known or inferred; where the record's standing inspection is
the same on the year's first and last day and the text names its grade with a rating verb, that grade stood whenever
in the year the page was written. A year in which a new grade was published decides nothing, and neither does a page
the year was not found for.
"""
from __future__ import annotations

import datetime as dt

from indexer.ingest.annotate import confidence
from indexer.ingest.annotate import outcomes as outcome_table
from indexer.ingest.annotate.record_grade import RecordFill, _names_grade  # one "does the page name it" test


def standing_through(code: str, year: int) -> str:
    """The official grade standing all through a year ('' when none, or when a new one was published in it)."""
    first = outcome_table.standing_on(code, dt.date(year, 1, 1))
    last = outcome_table.standing_on(code, dt.date(year, 12, 31))
    if first is None or first is not last:
        return ""
    return outcome_table.official_grade(last) or ""


def undated_named_standing(code: str, text: str, year: int | None) -> RecordFill | None:
    """The grade an undated one-council page names with a rating verb, when it stood all through the page's year."""
    if not year:
        return None
    grade = standing_through(code, year)
    if not grade or not _names_grade(text, grade):
        return None
    return RecordFill(grade, f"the grade the text names, standing all through {year} in the official record (the "
                             "page is undated)", confidence.INFERRED)
