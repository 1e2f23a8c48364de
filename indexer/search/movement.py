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


# "inadequate in 2015, now requires improvement": a later grade introduced by "now" is the grade reached, an earlier
# different one the grade left (a question sets the two against each other as a headline would).
_NOW_BETWEEN = re.compile(rf"\bnow\s+(?:(?:rated|judged|graded|deemed|as|being|is|are)\s+)*{_Q}$", re.IGNORECASE)
# A rating cue before a grade makes it a grade whatever the words after ("rated good for the first time after
# inadequate"), so more than a stretch of time may stand before "after".
_CUED_BEFORE = re.compile(r"\b(?:rated|judged|graded|deemed|now)\s+(?:as\s+)?['‘“\"]?$", re.IGNORECASE)
_CUED_THEN_AFTER = re.compile(rf"^{_Q}(?:\s+[\w'’-]+){{0,6}}?\s+after\s+(?:(?:being|been|an?|the|its|their|years\s+of|"
                              rf"rated|judged|graded|once|previously)\s+)*{_Q}$", re.IGNORECASE)
# A change of state said by a verb, then the grade it came to: "deteriorated and rated inadequate", "got worse and
# was judged inadequate", "improved and is now rated good".
_CHANGE_THEN_GRADE = re.compile(rf"\b(?:(?P<down>deteriorat\w*|declin\w*|worsen\w*|got\s+worse)|(?P<up>improv(?:ed|es|ing)"
                                rf"|got\s+better))\s+(?:(?:and|to|be|been|being|has|have|had|is|are|was|were|now|rated|"
                                rf"judged|graded|deemed|found|as)\s+)+{_Q}$", re.IGNORECASE)

_RATING_WORD = re.compile(r"\b(?:rated|judged|graded|deemed|found|now)\b", re.IGNORECASE)


def movements_in(text: str) -> list[str]:
    """The `grade_change` values a query asks for: grades left and reached; a direction only when it names none."""
    moves = sentence_moves(text) + _from_to(text) + _after(text) + _now(text) + _changed_to(text)
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
        between = text[first.end():second.start()]
        timed = _TIME_THEN_AFTER.match(between) or \
            _CUED_BEFORE.search(text[:first.start()]) and _CUED_THEN_AFTER.match(between)
        if reached != left and timed and reached not in {grade for _, grade, _ in subjudgements_in(text)}:
            out += [Move(left=left), Move(reached=reached)]
    return out


def _now(text: str) -> list[Move]:
    """"<grade> ... now <grade>": two different grades, the second introduced by "now" (the grade reached), the first
    the grade left ("Darlington inadequate in 2015 now requires improvement to be good"); not an area's grades."""
    found = list(grades.GRADE_RE.finditer(text))
    areas = {grade for _, grade, _ in subjudgements_in(text)}
    out = []
    for first, second in zip(found, found[1:]):
        left, reached = grades.grade_of_match(first), grades.grade_of_match(second)
        if left != reached and _NOW_BETWEEN.search(text[first.end():second.start()]) and not {left, reached} & areas:
            out += [Move(left=left), Move(reached=reached)]
    return out


def _changed_to(text: str) -> list[Move]:
    """A verb of change and the grade it led to ("deteriorated and rated inadequate"): the grade reached, which way;
    not an area's grade ("care leavers improved and now judged good")."""
    areas = {grade for _, grade, _ in subjudgements_in(text)}
    out = []
    for match in grades.GRADE_RE.finditer(text):
        if grades.grade_of_match(match) in areas:
            continue
        verb = _CHANGE_THEN_GRADE.search(text[max(0, match.start() - 80):match.start()])
        # An everyday grade word needs a rating word after the verb ("improved to good effect" is no grade).
        if verb and (not grades.is_cued_word(match.group().lower()) or _RATING_WORD.search(verb.group())):
            out.append(Move(reached=grades.grade_of_match(match), direction=DECLINED if verb.group("down") else IMPROVED))
    return out
