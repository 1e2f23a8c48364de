"""Round 33 (issue 22): a grade the page gives a council's child protection is the overall grade of the 2012-13 child
protection inspection (CPI) when the council had one with that grade.

The CPI (unannounced, 2012-13) judged a council's child protection and nothing else, so its overall grade reads on a
page as a grade "for child protection" or of "child protection services" -- words that under the later frameworks
name one area of the work (help and protection), a sub-judgement. The labels take such a grade as the overall one
when the record holds the council's CPI with it (aa23, ac27, af02, h11, j12). So a council whose only grades on the
page are sub-judgements naming child protection takes that grade when the record has a CPI that gave it.
"""
from __future__ import annotations

import datetime as dt
import re

from indexer.ingest.annotate.dates import YEAR_RE
from indexer.ingest.annotate.outcomes import giving

_CHILD_PROTECTION = re.compile(r"\bchild\s+protection\b", re.IGNORECASE)


def cpi_grade(statements: list, code: str, text: str, published: dt.date | None) -> tuple[str, list]:
    """The grade of the council's child protection inspection that sub-judgement statements naming child protection
    give ('' when they give none or another, or the council had no CPI with it in the years the page is about), and
    those statements."""
    named = [st for st in statements if st.sub_area and not st.tally and _CHILD_PROTECTION.search(st.sentence)]
    if not named or len({st.grade for st in named}) != 1 or any(not st.sub_area for st in statements):
        return "", []
    grade = named[0].grade
    years = {int(y) for y in YEAR_RE.findall(text)} | ({published.year} if published else set())
    for outcome in giving(code, grade):
        if outcome.framework != "CPI":
            continue
        near = {outcome.published.year - 1, outcome.published.year, outcome.published.year + 1}
        if not years or years & near:
            return grade, named  # the page names no year, or one near the CPI's (a 2008 round-up's is another's)
    return "", []
