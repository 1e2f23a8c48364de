"""Round 31 (issue 22, years31): whole years told as now on a visit page count on from the judgement it follows.

A page about a monitoring or focused visit reports no inspection of the official record (visits are not in it), so
the record link of such an undated page finds the graded inspection the visit follows, and the page took that
report's year. Such a page often says how long ago that judgement was, in whole years told from the page's own day:
"rated inadequate two years ago", "after two years of uncertainty", "some progress over the last two years". The page
is then from the judgement's year plus the count (inferred).

The judgement counted from is the council's last graded inspection published in the latest year the page names (the
page's "rated ... in 2022"), else the inspection the record links the page to. Nothing is read when the page reports a
new graded inspection, when that judgement's grade is not the page's, when the record holds another graded report of
the council about the count before the judgement (then the judgement is the page's own new one and the count looks
back from it), or when the record holds a graded inspection published between the judgement and the counted year (the
page would then report a standing grade the record had already replaced).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from indexer.grades import official_grades_for
from indexer.models import Outcome
from indexer.ingest.annotate import outcomes as outcome_table
from indexer.ingest.annotate.year import latest_year_mentioned, visit_page
from indexer.numbers import value_of, words_between

_N = "|".join(words_between(2, 10)) + r"|[2-9]|10|a\s+couple\s+of"
# "two years ago", "after two years of", "over the last two years": a count of whole years back from the page's day
_SPAN = re.compile(rf"\b(?:(?P<ago>{_N})\s+years\s+ago\b|after\s+(?P<of>{_N})\s+years\s+of\b"
                   rf"|(?:over|in|during)\s+the\s+(?:last|past)\s+(?P<last>{_N})\s+years\b)", re.IGNORECASE)
_WHOLE_SERVICE = frozenset({"SLAC", "CPI", "SIF", "ILACS"})


@dataclass
class YearsAgo:
    """The page's year from a count of whole years back to the judgement its visit follows, with its reasoning."""

    year: int
    why: str


def _count(word: str) -> int:
    """A count in digits or words ("a couple of" is two)."""
    word = " ".join(word.lower().split())
    return 2 if word == "a couple of" else value_of(word) or 0


def _agrees(outcome: Outcome, grade: str) -> bool:
    """True when the record's grade of the inspection is the page's."""
    return bool(official_grades_for(grade) & {outcome_table.official_grade(outcome)})


def years_ago_year(text: str, code: str, grade: str, linked: Outcome | None, page_year: int | None) -> YearsAgo | None:
    """The judgement's year plus the count of years the visit page tells back to it; None when no reading applies.
    `grade` is the page's own grade ("" when it states none: the judgement must then be one in the latest year the
    page names, the record link alone is not enough)."""
    if not visit_page(text):  # the page's own event must be a visit, which grades nothing
        return None
    match = _SPAN.search(text)
    if not match:
        return None
    count = _count(match.group("ago") or match.group("of") or match.group("last"))
    graded = sorted((o for o in outcome_table.for_council(code) if o.published and o.framework in _WHOLE_SERVICE
                     and outcome_table.official_grade(o)), key=lambda o: o.published)
    latest = latest_year_mentioned(text, None)
    in_latest = [o for o in graded if latest and o.published.year == latest]
    with_grade = [o for o in graded if grade and _agrees(o, grade)]
    # else the inspection the record links the page to, or the council's one inspection with the page's grade
    anchor = in_latest[-1] if in_latest else (linked or (with_grade[0] if len(with_grade) == 1 else None)) \
        if grade else None
    if anchor is None or anchor.published is None or (grade and not _agrees(anchor, grade)):
        return None  # no judgement to count from, or one whose grade is not the page's
    if page_year and page_year > anchor.published.year and not (linked and page_year == linked.published.year):
        return None  # the page is already dated after the judgement by words other than its record link
    back = anchor.published.year * 12 + anchor.published.month - 12 * count
    if any(o.published < anchor.published and abs(o.published.year * 12 + o.published.month - back) <= 6
           for o in graded):
        return None  # the count looks back from the judgement to an earlier report: the judgement is the page's own
    year = anchor.published.year + count
    if any(anchor.published < o.published < dt.date(year, 1, 1) for o in graded):
        return None  # a later graded inspection came between: the judgement no longer stood in that year
    said = " ".join(match.group(0).split())
    return YearsAgo(year, f"inferred: a visit page telling “{said}” back to the judgement it follows "
                          f"({anchor.framework}, published {anchor.published.isoformat()}): {year}")
