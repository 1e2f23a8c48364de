"""A sentence that runs through the grading scale ("the scale runs inadequate, requires improvement, good,
outstanding") explains the grades and gives none: three or more different grades joined only by commas, "and",
"or" or "to", with no place between them."""
from __future__ import annotations

import re

from indexer.grades import grade_of_match

_JOIN = re.compile(r"['’”\"]?\s*(?:,|,?\s*(?:and|or|to|then|through)\b)?\s*['‘“\"]?", re.IGNORECASE)
MIN_GRADES = 3


def names_the_scale(sentence: str, matches: list) -> bool:
    """True when a run of at least three different grades stands joined only by list words."""
    run: list = []
    for match in matches:
        if run and not _JOIN.fullmatch(sentence[run[-1].end():match.start()]):
            run = []
        run.append(match)
        if len({grade_of_match(m) for m in run}) >= MIN_GRADES:
            return True
    return False
