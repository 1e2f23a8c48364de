"""The end state of a movement the text states without naming it: "no longer inadequate", "has left special
measures". The council's current grade is then the official one in force when the article was written (the
outcomes table), shown with the official record as its source; with no date to place the article, it stays empty.
"""
from __future__ import annotations

import datetime as dt
import re

from indexer.ingest.annotate import outcomes as outcome_table
from indexer.ingest.annotate.attribution import council_mentions
from indexer.ingest.annotate.movement import sentence_moves
from indexer.ingest.annotate.scan import grade_matches

# Special measures is the inadequate grade's consequence: leaving it is leaving inadequate.
_LEFT_SPECIAL_MEASURES = re.compile(r"\b(?:left|leaves|leaving|out of|exit(?:ed|s)?|emerged from|came out of|come out of"
                                    r"|no longer in|removed from|lifted out of)\s+special measures\b", re.IGNORECASE)


def left_without_end_state(sentences: list, code: str, day: dt.date | None) -> bool:
    """A sentence naming the council says it left a grade and names no grade it reached."""
    for sentence in sentences:
        text = sentence.text
        moves = sentence_moves(text)
        special = _LEFT_SPECIAL_MEASURES.search(text)
        if not (any(m.left for m in moves) or special) or any(m.reached for m in moves):
            continue
        # the council the movement is about: the one named last before the grade (not a partner named after it)
        at = min([m.start() for m in grade_matches(text)] + ([special.start()] if special else []), default=len(text))
        before = [c for m, c in council_mentions(text, day) if m.start < at]
        if before and before[-1] == code:
            return True
    return False


def official_grade_on(code: str, day: dt.date) -> str:
    """The council's official overall grade in force on a day ('' when none is recorded by then)."""
    standing = outcome_table.standing_on(code, day)
    return outcome_table.official_grade(standing) if standing is not None else ""
