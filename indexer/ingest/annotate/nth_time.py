"""'Rated inadequate for the third time' counts official judgements: the report is the council's third inspection
with that grade in the outcomes table ("in a row" / "consecutive": the third of an unbroken run). Labelled
inferred, since a count can include inspections the table lacks."""
from __future__ import annotations

import re

from indexer.grades import grades_agree
from indexer.numbers import ORDINALS
from indexer.ingest.annotate import outcomes as outcome_table

_NTH_TIME = re.compile(r"\bfor\s+(?:the\s+|a\s+)?(second|third|fourth|fifth)\s+(consecutive\s+|straight\s+|successive\s+)?"
                       r"time\b(\s+in\s+a\s+row)?"
                       # round 11: "for the second time this year", "… in a month", "… in six weeks": events counted
                       # within a year or less (criticisms, visits), not the council's judgements ("for the second
                       # time in six years" still counts them)
                       r"(?!\s+(?:(?:this|that|in\s+(?:a|one|the\s+same))\s+(?:year|month|week|spring|summer|autumn|winter)\b"
                       r"|in\s+(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)\s+(?:months|weeks|days)\b))",
                       re.IGNORECASE)


def nth_judgement(code: str, grade: str | None, text: str):
    """The outcome that is the counted judgement with the grade, when the text counts one ('for the third time')."""
    match = _NTH_TIME.search(text)
    if not match or not grade:
        return None
    wanted = ORDINALS[match.group(1).lower()]
    in_a_row = bool(match.group(2) or match.group(3))
    count = 0
    for outcome in outcome_table.for_council(code):
        official = outcome_table.official_grade(outcome)
        if not official or not outcome.published:
            continue
        if grades_agree(grade, official):
            count += 1
            if count == wanted:
                return outcome
        elif in_a_row:
            count = 0
    return None
