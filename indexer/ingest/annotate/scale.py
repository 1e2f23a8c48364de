"""A sentence that runs through the grading scale ("the scale runs inadequate, requires improvement, good,
outstanding") explains the grades and gives none: three or more different grades joined only by commas, "and",
"or" or "to", with no place between them. Round 11: also a span from one end of the scale to the other in a sentence
that names the scale ("each on a four-point scale from inadequate to outstanding", "grades range from outstanding
down to inadequate")."""
from __future__ import annotations

import re

from indexer.grades import grade_of_match

_JOIN = re.compile(r"['’”\"]?\s*(?:,|,?\s*(?:and|or|(?:down\s+|up\s+)?to|then|through)\b)?\s*['‘“\"]?", re.IGNORECASE)
MIN_GRADES = 3
# The sentence speaks of the scale itself: "a four-point scale", "Ofsted's scale", "four grades", "grades range from".
_SCALE_WORD = re.compile(r"\bscale\b|\b(?:four|4)[-\s](?:point|grades?|ratings?|judgements?)\b"
                         r"|\b(?:grades?|ratings?|judgements?)\s+(?:run|runs|range|ranging|ranges|go|goes)\b", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s*['‘“\"]?\s*$", re.IGNORECASE)
_ENDS = {"inadequate", "outstanding"}


def names_the_scale(sentence: str, matches: list) -> bool:
    """True when a run of at least three different grades stands joined only by list words."""
    run: list = []
    for match in matches:
        if run and not _JOIN.fullmatch(sentence[run[-1].end():match.start()]):
            run = []
        run.append(match)
        if len({grade_of_match(m) for m in run}) >= MIN_GRADES:
            return True
        if ({grade_of_match(m) for m in run} == _ENDS and _FROM.search(sentence[:run[0].start()])
                and _SCALE_WORD.search(sentence)):
            return True  # "on a four-point scale from inadequate to outstanding": its two ends
    return False
