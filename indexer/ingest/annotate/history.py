"""Choosing among a council's official inspections by what an article says about the change: the grade it left
("moved from inadequate"), the direction ("downgraded", "has deteriorated"), the framework it names.

Used by year.py when several inspections fit an undated article's grade, months or years.
"""
from __future__ import annotations

import re
from functools import lru_cache

from indexer.grades import BY_VALUE, compares_as, grades_agree
from indexer.models import Outcome
from indexer.ingest.annotate import outcomes as outcome_table
from indexer.ingest.annotate.calendar import named_frameworks


def _previous_grade(outcome: Outcome) -> str:
    """The official grade of the council's graded inspection before this one ('' when none)."""
    earlier = [o for o in outcome_table.for_council(outcome.la_code) if o.published and outcome.published
               and o.published < outcome.published and outcome_table.official_grade(o)]
    return outcome_table.official_grade(earlier[-1]) if earlier else ""


# A direction of change the text states without the grade left: "downgraded", "has rapidly deteriorated".
_DECLINE = re.compile(r"\b(?:downgrad\w*|deteriorat\w*|declined|worsened|got worse"
                      r"|(?:slipped|dropped|fallen|fell|slumped|sunk|sank|plummeted)\s+(?:back\s+)?(?:to|into)\b)\b",
                      re.IGNORECASE)
_IMPROVE = re.compile(r"\b(?:upgrad\w*|no longer (?:rated |judged )?(?:inadequate|failing)|out of special measures"
                      r"|(?:improved|risen|rose|climbed|moved up|jumped|leapt)\s+(?:\w+\s+)?(?:to|into)\b)\b", re.IGNORECASE)


def _rank(grade: str) -> int:
    """Where a grade sorts on the current scale (1 = best)."""
    return BY_VALUE[compares_as(grade)].rank


def _first_inspection(outcome: Outcome) -> bool:
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


def _direction_fits(outcome: Outcome, text: str) -> bool:
    """True unless the text states one direction of change (or none: the grade kept) that this inspection's
    grades contradict. A stated change needs an earlier graded inspection to change from."""
    down, up, kept = _change_words(text)
    previous, current = _previous_grade(outcome), outcome_table.official_grade(outcome)
    if (down == up and not kept) or not previous or current not in BY_VALUE or previous not in BY_VALUE:
        return True
    if kept:
        return _rank(current) == _rank(previous)
    return _rank(current) > _rank(previous) if down else _rank(current) < _rank(previous)


def movement_fits(rows: list, left: list[str], text: str = "") -> list:
    """Of several inspections, those whose previous official grade is one the text says the council left
    ("moved from inadequate to requires improvement"), else those that fit the direction it states
    ("downgraded"); all of them when none fits or the text says neither."""
    def outcome(row) -> Outcome:
        return row[0] if isinstance(row, tuple) else row
    if left:
        fitting = [row for row in rows if any(grades_agree(g, _previous_grade(outcome(row))) for g in left)]
    else:
        fitting = [row for row in rows if _direction_fits(outcome(row), text)] if text else rows
        if len(fitting) >= 2 and _states_change(text):
            # "slipped to requires improvement" is not the council's first inspection, which changed nothing
            fitting = [row for row in fitting if not _first_inspection(outcome(row))] or fitting
    return fitting or rows


def _states_change(text: str) -> bool:
    """The text states one direction of change, or that the grade was kept."""
    down, up, kept = _change_words(text)
    return down != up or kept


# Words one of whose forms every phrase of _DECLINE, _IMPROVE or _KEPT contains: a text with none skips the scans.
_DECLINE_CUES = ("downgrad", "deteriorat", "declined", "worsened", "got worse", "slipped", "dropped", "fell", "fallen",
                 "slumped", "sunk", "sank", "plummeted")
_IMPROVE_CUES = ("upgrad", "no longer", "special measures", "improved", "risen", "rose", "climbed", "moved up",
                 "jumped", "leapt")
_KEPT_CUES = ("kept", "keep", "retain", "maintain", "held on", "holds on", "remain", "stay", "again")


@lru_cache(maxsize=64)
def _change_words(text: str) -> tuple[bool, bool, bool]:
    """(declined, improved, kept) as the text's words say; scanned once per text, not once per inspection."""
    low = text.lower()
    down = any(c in low for c in _DECLINE_CUES) and bool(_DECLINE.search(text))
    up = any(c in low for c in _IMPROVE_CUES) and bool(_IMPROVE.search(text))
    return down, up, not down and not up and any(c in low for c in _KEPT_CUES) and bool(_KEPT.search(text))


def preferred(rows: list, text: str) -> list:
    """Of several fitting inspections, those of a framework the text names ("under the single inspection
    framework"); all of them when it names none or none fits."""
    named = named_frameworks(text)
    return [r for r in rows if (r[0] if isinstance(r, tuple) else r).framework in named] or rows


# "rated outstanding three times in a row", "at a second inspection in a row", "a third consecutive good": the
# article reports the inspection that completes a run of that many equal grades.
_RUN = re.compile(r"\b(?:(?:a|the|for a|for the)\s+)?(two|three|four|five|second|third|fourth|fifth)\s+(?:[\w-]+\s+)?"
                  r"(?:(?:times?|inspections?)\s+(?:in a row|running)|consecutive|successive|straight)\b", re.IGNORECASE)
_RUN_LENGTH = {"two": 2, "second": 2, "three": 3, "third": 3, "four": 4, "fourth": 4, "five": 5, "fifth": 5}


def run_length(text: str) -> int:
    """How many equal grades in a row the text says the latest inspection makes (0 when it says none)."""
    match = _RUN.search(text)
    return _RUN_LENGTH[match.group(1).lower()] if match else 0


def run_fits(rows: list, text: str) -> list:
    """Of several inspections, those that complete the run of equal grades the text states ("outstanding for a
    third time running"): the grade of this one and the ones before it are equal that many times, and no more;
    all of them when the text states no run or none fits."""
    wanted = run_length(text)
    if not wanted:
        return rows

    def completes(outcome: Outcome) -> bool:
        graded = [o for o in outcome_table.for_council(outcome.la_code) if o.published and outcome.published
                  and o.published <= outcome.published and outcome_table.official_grade(o)]
        grades = [compares_as(outcome_table.official_grade(o)) for o in graded]
        run = 0
        for grade in reversed(grades):
            if grade != grades[-1]:
                break
            run += 1
        return run == wanted
    fitting = [row for row in rows if completes(row[0] if isinstance(row, tuple) else row)]
    return fitting or rows
