"""The year a question asks about, as a ranking lift (ranking round 16).

"Telford and Wrekin outstanding 2020" asks about the 2020 judgement: a story of that year answers it, and one of
2024 that mentions 2020 in passing ("first rated outstanding in 2020") answers it less. Before, a year in a question
was one more word, found in a paragraph's text or its document's year alike; a document filed under the asked year
now also gets one tier, as a named judgement does. Only single years ("2016", not "2014 to 2016" nor "since 2019",
which query understanding already reads as ranges) and only when the question names one or two of them.
"""
from __future__ import annotations

import re

from indexer import settings
from indexer.grades import GRADE_RE
from indexer.search.understand import years_in

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")

# A question naming more years than this lists them (a history): no one year is the one asked about.
MAX_YEARS = 2


# "2013-14", "2019/20": a financial or school year, not a year a judgement was made in.
_SPAN_AFTER = re.compile(r"^\s*[-–/]\s*\d\d\b")
# "from good in 2017 to outstanding", "outstanding after good in 2018": the year dates the grade left (as movement.py
# reads "from" and "after"), not the one asked about.
_FROM_BEFORE = re.compile(r"\b(?:from|after)\s+(?:an?\s+|being\s+)?['‘“\"]?$", re.IGNORECASE)
_DATING = re.compile(r"^['’”\"]?\s+(?:rating\s+|grade\s+)?(?:in|of)\s+$", re.IGNORECASE)


def asked_years(text: str) -> tuple[int, ...]:
    """The single years a question asks about, as the document year facet holds them (empty when the lift is off)."""
    if not settings.RANKING.year_lift and settings.RANKING.year_factor == 1.0:
        return ()
    ranges, singles = years_in(text)
    if ranges:
        return ()
    years = tuple(dict.fromkeys(int(m.group(0)) for m in _YEAR.finditer(text)
                                if m.group(0) in singles and not _SPAN_AFTER.match(text[m.end():])
                                and not _dates_grade_left(text, m.start())))
    return years if len(years) <= MAX_YEARS else ()


def _dates_grade_left(text: str, at: int) -> bool:
    """True when the year at `at` follows a grade left in a movement ("from good in 2017", "after good in 2018")."""
    before = [g for g in GRADE_RE.finditer(text) if g.end() <= at]
    if not before:
        return False
    grade = before[-1]
    return bool(_DATING.match(text[grade.end():at]) and _FROM_BEFORE.search(text[:grade.start()]))
