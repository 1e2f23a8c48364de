"""Facts about one inspection in a council's official history that an article's words can fit: the grade before
it, the direction of change ("downgraded", "has deteriorated", "kept its rating"), a run of equal grades.

Used by candidates.py, which scores every inspection of the council against all of an article's clues.
"""
from __future__ import annotations

import re
from functools import lru_cache

from indexer import settings
from indexer.grades import BY_VALUE, compares_as, grades_agree
from indexer.models import Outcome
from indexer.ingest.annotate import outcomes as outcome_table


def previous_grade(outcome: Outcome) -> str:
    """The official grade of the council's graded inspection before this one ('' when none)."""
    earlier = [o for o in outcome_table.for_council(outcome.la_code) if o.published and outcome.published
               and o.published < outcome.published and outcome_table.official_grade(o)]
    return outcome_table.official_grade(earlier[-1]) if earlier else ""


# A direction of change the text states without the grade left: "downgraded", "has rapidly deteriorated".
# Round 11: "a decline in overall effectiveness", "had become less effective": the same direction in a noun or a
# comparative (BBC, Community Care and council pages word it so).
_DECLINE = re.compile(r"\b(?:downgrad\w*|deteriorat\w*|declined|worsened|got worse"
                      r"|(?:become|became|been|grown|got)\s+less\s+effective"
                      r"|\bdecline\s+(?:in\s+(?:(?:its|the|their|overall)\s+)*(?:effectiveness|services?|standards"
                      r"|quality|performance|practice)|since\s+(?:the\s+|its\s+)?(?:last|previous|(?:19|20)\d\d))"
                      r"|(?:slipped|dropped|fallen|fell|slumped|sunk|sank|plummeted)\s+(?:back\s+)?(?:to|into)\b)\b",
                      re.IGNORECASE)
_IMPROVE = re.compile(r"\b(?:upgrad\w*|no longer (?:rated |judged )?(?:inadequate|failing)|out of special measures"
                      r"|(?:improved|risen|rose|climbed|moved up|jumped|leapt)\s+(?:\w+\s+)?(?:to|into)\b)\b", re.IGNORECASE)


def _rank(grade: str) -> int:
    """Where a grade sorts on the current scale (1 = best)."""
    return BY_VALUE[compares_as(grade)].rank


def first_inspection(outcome: Outcome) -> bool:
    """True when the record holds no earlier inspection of the council (graded or not)."""
    return not any(o.published and outcome.published and o.published < outcome.published
                   for o in outcome_table.for_council(outcome.la_code))


# The grade stayed: "kept its outstanding rating", "retains its good grade", "remains good", "good again".
_KEPT = re.compile(r"\b(?:kept|keeps|keeping|retain(?:s|ed|ing)?|maintain(?:s|ed|ing)?|held on to|holds on to)\s+"
                   r"(?:its|their|the)\s+(?:['‘“\"]?\w+['’”\"]?\s+){0,2}(?:rating|grade|judgement|status)\b"
                   r"|\b(?:remains?|remained|stays?|stayed)\s+(?:rated\s+|judged\s+)?['‘“\"]?(?:good|outstanding|inadequate"
                   r"|requires? improvement)\b"
                   r"|\b(?:good|outstanding|inadequate|requires? improvement(?: to be good)?)['’”\"]?\s+(?:once\s+)?again\b",
                   re.IGNORECASE)


def direction_fits(outcome: Outcome, text: str) -> bool:
    """True unless the text states one direction of change (or none: the grade kept) that this inspection's
    grades contradict. A stated change needs an earlier graded inspection to change from."""
    down, up, kept = change_words(text)
    previous, current = previous_grade(outcome), outcome_table.official_grade(outcome)
    if (down == up and not kept) or not previous or current not in BY_VALUE or previous not in BY_VALUE:
        return True
    if kept:
        return _rank(current) == _rank(previous)
    return _rank(current) > _rank(previous) if down else _rank(current) < _rank(previous)


def states_change(text: str) -> bool:
    """The text states one direction of change, or that the grade was kept."""
    down, up, kept = change_words(text)
    return down != up or kept


# Words one of whose forms every phrase of _DECLINE, _IMPROVE or _KEPT contains: a text with none skips the scans.
_DECLINE_CUES = ("downgrad", "deteriorat", "declined", "worsened", "got worse", "slipped", "dropped", "fell", "fallen",
                 "slumped", "sunk", "sank", "plummeted", "less effective", "decline ")
_IMPROVE_CUES = ("upgrad", "no longer", "special measures", "improved", "risen", "rose", "climbed", "moved up",
                 "jumped", "leapt")
_KEPT_CUES = ("kept", "keep", "retain", "maintain", "held on", "holds on", "remain", "stay", "again")


# Round 23: "attendance had not declined", "services have never deteriorated": a change denied is no change.
_DENIED = re.compile(r"\b(?:not|n['’]t|never|nor)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def _stated(pattern: re.Pattern, text: str) -> bool:
    """The pattern names a change somewhere in the text that no negation right before it denies."""
    if not settings.ROUND23_DENIED_CHANGE:
        return bool(pattern.search(text))
    return any(not _DENIED.search(text, max(0, m.start() - 20), m.start()) for m in pattern.finditer(text))


@lru_cache(maxsize=64)
def change_words(text: str) -> tuple[bool, bool, bool]:
    """(declined, improved, kept) as the text's words say; scanned once per text, not once per inspection."""
    low = text.lower()
    down = any(c in low for c in _DECLINE_CUES) and _stated(_DECLINE, text)
    up = any(c in low for c in _IMPROVE_CUES) and _stated(_IMPROVE, text)
    return down, up, not down and not up and any(c in low for c in _KEPT_CUES) and bool(_KEPT.search(text))


# "rated outstanding three times in a row", "at a second inspection in a row", "a third consecutive good": the
# article reports the inspection that completes a run of that many equal grades.
_RUN = re.compile(r"\b(?:(?:a|the|for a|for the)\s+)?(two|three|four|five|second|third|fourth|fifth)\s+(?:[\w-]+\s+)?"
                  r"(?:(?:times?|inspections?)\s+(?:in a row|running)|consecutive|successive|straight)\b", re.IGNORECASE)
_RUN_LENGTH = {"two": 2, "second": 2, "three": 3, "third": 3, "four": 4, "fourth": 4, "five": 5, "fifth": 5}


def run_length(text: str) -> int:
    """How many equal grades in a row the text says the latest inspection makes (0 when it says none)."""
    match = _RUN.search(text)
    return _RUN_LENGTH[match.group(1).lower()] if match else 0


def completes_run(outcome: Outcome, wanted: int) -> bool:
    """True when this inspection's grade and the ones right before it are equal exactly `wanted` times."""
    graded = outcome_table.graded_by(outcome.la_code, outcome.published) if outcome.published else []
    grades = [compares_as(outcome_table.official_grade(o)) for o in graded]
    run = 0
    for grade in reversed(grades):
        if grade != grades[-1]:
            break
        run += 1
    return run == wanted
