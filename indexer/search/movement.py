"""Grade movement named in a query ("no longer inadequate", "downgraded to inadequate", "from inadequate to
good"), read with the same rules as documents (ingest/annotate/movement.py), as `grade_change` values to boost."""
from __future__ import annotations

import re

from indexer import grades
from indexer.ingest.annotate.movement import CUE_WORD, DECLINED, IMPROVED, Move, change_values, sentence_moves
from indexer.search.understand import subjudgements_in

_Q = r"['‘“\"]?"
# A query may drop the verb: "councils from inadequate to good".
_FROM_BEFORE = re.compile(rf"\bfrom\s+(?:(?:the|an?)\s+)?{_Q}$", re.IGNORECASE)
_TO_BETWEEN = re.compile(rf"^{_Q}\s+to\s+(?:(?:the|an?)\s+)?{_Q}$", re.IGNORECASE)
# "rated good two years after inadequate", "inadequate after being good": the grade before "after" was reached, the
# one after it left. Only a stretch of time may come between the first grade and "after" ("good progress after
# inadequate" is no movement: "good" is no grade there).
_TIME_THEN_AFTER = re.compile(rf"^{_Q}\s+(?:(?:\d+|an?|one|two|three|four|five|six|just|only|some|few|years?|months?|"
                              rf"weeks?)\s+)*after\s+(?:(?:being|been|an?|the|its|their|years\s+of|rated|judged|"
                              rf"graded|once|previously)\s+)*{_Q}$", re.IGNORECASE)
# Without a grade only the unambiguous verbs say which way ("improved" alone is too common a word).
_DIRECTION_ONLY = ((re.compile(r"\bdowngrad(?:e|ed|es|ing)\b", re.IGNORECASE), DECLINED),
                   (re.compile(r"\bupgrad(?:e|ed|es|ing)\b", re.IGNORECASE), IMPROVED))


def movements_in(text: str) -> list[str]:
    """The `grade_change` values a query asks for: grades left and reached; a direction only when it names none."""
    moves = sentence_moves(text) + _from_to(text) + _after(text)
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


def _after(text: str) -> list[Move]:
    """"<grade> ... after <grade>": two different grades, the second after "after" with at most a stretch of time
    between ("rated good two years after inadequate"): the first reached, the second left. Not where the first is
    a judged area's grade ("care leavers good after inadequate" says nothing of the overall grade reached)."""
    found = list(grades.GRADE_RE.finditer(text))
    out = []
    for first, second in zip(found, found[1:]):
        reached, left = grades.grade_of_match(first), grades.grade_of_match(second)
        if reached != left and _TIME_THEN_AFTER.match(text[first.end():second.start()]) \
                and reached not in {grade for _, grade, _ in subjudgements_in(text)}:
            out += [Move(left=left), Move(reached=reached)]
    return out
