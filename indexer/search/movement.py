"""Grade movement named in a query ("no longer inadequate", "downgraded to inadequate", "from inadequate to
good"), read with the same rules as documents (ingest/annotate/movement.py), as `grade_change` values to boost."""
from __future__ import annotations

import re

from indexer import grades
from indexer.ingest.annotate.movement import CUE_WORD, DECLINED, IMPROVED, Move, change_values, sentence_moves

_Q = r"['‘“\"]?"
# A query may drop the verb: "councils from inadequate to good".
_FROM_BEFORE = re.compile(rf"\bfrom\s+(?:(?:the|an?)\s+)?{_Q}$", re.IGNORECASE)
_TO_BETWEEN = re.compile(rf"^{_Q}\s+to\s+(?:(?:the|an?)\s+)?{_Q}$", re.IGNORECASE)
# Without a grade only the unambiguous verbs say which way ("improved" alone is too common a word).
_DIRECTION_ONLY = ((re.compile(r"\bdowngrad(?:e|ed|es|ing)\b", re.IGNORECASE), DECLINED),
                   (re.compile(r"\bupgrad(?:e|ed|es|ing)\b", re.IGNORECASE), IMPROVED))


def movements_in(text: str) -> list[str]:
    """The `grade_change` values a query asks for: grades left and reached; a direction only when it names none."""
    moves = sentence_moves(text) + _from_to(text)
    values = [v for v in change_values(moves) if v not in (IMPROVED, DECLINED)]
    if values:
        return values
    return [direction for pattern, direction in _DIRECTION_ONLY if pattern.search(text)][:1]


def _from_to(text: str) -> list[Move]:
    """"from <grade> to <grade>" with no verb before it; in a query "from" may go too ("Newham inadequate to good
    turnaround"): two different grades joined by "to" name a move, as a headline would."""
    found = list(grades.GRADE_RE.finditer(text))
    out = []
    for first, second in zip(found, found[1:]):
        left, reached = grades.grade_of_match(first), grades.grade_of_match(second)
        joined = _TO_BETWEEN.match(text[first.end():second.start()])
        if joined and (_FROM_BEFORE.search(text[:first.start()]) or left != reached):
            out += [Move(left=left), Move(reached=reached)]
    return out


def is_cue_word(word: str) -> bool:
    """True for a query word that only says a grade changed ("longer", "moved", "downgraded", "grades")."""
    return bool(CUE_WORD.fullmatch(word))
