"""A round-up printed as a table or a run of short result lines ("Bury – Good", "Leeds | Inadequate", "Kent: outstanding"):
each line gives its council's grade. Such lines are too short to be paragraphs (the reader keeps them as headings), so
the sentence rules never see them; they are read here, line by line, from the page's raw text.
"""
from __future__ import annotations

import datetime as dt
import re

from indexer.grades import GRADE_RE, grade_of_match
from indexer.ingest.annotate.places import subject_mentions
from indexer.ingest.annotate.scan import has_cue

MAX_LINE = 90
# The separator between a name and its grade: a dash, a colon, a bar or a tab.
_SEPARATOR = re.compile(r"\s*(?:[–—:|\t]|\s-\s)\s*")
# What may follow the grade on its line: a year or a date in brackets, "overall", "(previously …)".
_AFTER_GRADE = re.compile(r"^['’”\"]?\s*(?:overall)?\s*(?:\([^()]{0,40}\))?\s*[.;]?\s*$", re.IGNORECASE)
_COUNCIL_TAIL = re.compile(r"^\s*(?:(?:City|Borough|County|Metropolitan Borough|District)\s+)?(?:Council|MBC|CC|BC)?\s*$",
                           re.IGNORECASE)


def result_lines(raw_text: str, day: dt.date | None) -> list[tuple[str, str, str]]:
    """(council code, grade, line) for every line that is one council's name, a separator and a grade."""
    out = []
    for line in raw_text.split("\n"):
        line = line.strip().lstrip("-•*· ").strip()
        if not line or len(line) > MAX_LINE or not _SEPARATOR.search(line) or not has_cue(line):
            continue  # cheap gates first: most lines are prose
        found = _one_result(line, day)
        if found:
            out.append((*found, line))
    return out if len(out) >= 2 else []  # one such line is a headline's shape, not a table


def _one_result(line: str, day: dt.date | None) -> tuple[str, str] | None:
    """The (code, grade) of a 'Name – Grade' line, else None."""
    sep = _SEPARATOR.search(line)
    name, rest = line[:sep.start()], line[sep.end():]
    mentions = subject_mentions(name, day)
    if len(mentions) != 1 or name[:mentions[0][0].start].strip() or not _COUNCIL_TAIL.match(name[mentions[0][0].end:]):
        return None
    grade = GRADE_RE.match(rest.lstrip("'‘“\""))
    if not grade or not _AFTER_GRADE.match(rest.lstrip("'‘“\"")[grade.end():]):
        return None
    return mentions[0][1], grade_of_match(grade)
