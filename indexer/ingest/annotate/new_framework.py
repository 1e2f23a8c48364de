"""An undated story that calls the inspection it reports "new" (a new framework, a new-style inspection) without
naming the framework: the council's official inspection published in the first year of some framework, with the
grade the story gives, when exactly one fits (labelled inferred)."""
from __future__ import annotations

import re

from indexer.grades import grades_agree
from indexer.ingest.annotate import outcomes as outcome_table
from indexer.ingest.annotate.calendar import FRAMEWORK_FIRST_YEAR

_NEW_KIND = re.compile(r"\bnew(?:-style)?\s+(?:[\w'’-]+\s+){0,2}(?:framework|regime|inspections?)\b"
                       r"|\bfirst\s+(?:\w+\s+){0,2}(?:councils?|authorities)\s+to\s+be\s+inspected\s+under\b",
                       re.IGNORECASE)
# "the new report", "a new inspection date": new things that are not a kind of inspection
_NOT_A_KIND = re.compile(r"\bnew\s+(?:report|director|inspection\s+(?:date|visit))\b", re.IGNORECASE)


def first_year_outcome(code: str, grade: str | None, text: str):
    """The council's one official outcome with an agreeing grade published in its framework's first year."""
    if not grade or not _NEW_KIND.search(_NOT_A_KIND.sub(" ", text)):
        return None
    rows = [o for o in outcome_table.for_council(code)
            if o.published and FRAMEWORK_FIRST_YEAR.get(o.framework) == o.published.year
            and grades_agree(grade, outcome_table.official_grade(o))]
    return rows[0] if len(rows) == 1 else None
