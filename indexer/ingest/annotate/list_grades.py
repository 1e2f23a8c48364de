"""Round 21 (issue 22): a round-up's lists read as structures, each list with the one grade phrase that governs it.

Three structures, each made of a list of councils (gazetteer names joined by list separators, `places.council_groups`)
and the grade phrase it stands with:

- a headed list: a grade used as the adjective of a group noun, the list its complement ("The outstanding councils
  were A, B and C", "The four-star councils for children's services, which cover child protection, were A, …, Y");
- an "among them" list: a grade statement, then the councils it counts ("ten authorities were rated excellent,
  among them A, B and C"; "Nine councils are rated poorly, A among them, along with B");
- a likened list: "like them" / "like A and B" before a graded clause ("Only A, B and C: like them, D is rated
  inadequate"; "Like A and B, D was judged inadequate"): the councils likened share the clause's grade.
"""
from __future__ import annotations

import re

from indexer import settings
from indexer.grades import grade_of_match
from indexer.ingest.annotate.places import council_groups
from indexer.ingest.annotate.scan import grade_matches
from indexer.ingest.annotate.severity import GradeStatement

_GROUP_NOUN = r"(?:councils|authorities|local\s+authorities|boroughs|areas|counties|departments)"
# Before the grade adjective: a determiner, at most one more word, never one that moves the grade into the past.
_HEAD_BEFORE = re.compile(r"(?:^|\W)(?:the|these|those|this\s+year['’]s|England['’]s)\s+"
                          r"(?:(?!(?:previously|formerly|once|former|last|then|ex)\b)[\w-]+\s+)?['‘“\"]?$", re.IGNORECASE)
# From the grade to the list: the group noun, an optional qualifier or relative clause, then the copula.
_HEAD_TO_LIST = re.compile(rf"^['’”\"]?\s+{_GROUP_NOUN}\b[^.;:!?]{{0,100}}?\s(?:were|are|include|included|comprise|comprised)"
                           r"\s*:?\s*(?:the\s+)?$", re.IGNORECASE)
# Round 29 (roundup29): a grade that is the adjective of a list of council names itself, no group noun between ("welcomes
# good-rated A and B", "slow work at 'inadequate' C, D and E"): the "-rated" compound or a quoted grade, then the list.
ADJECTIVE_TO_LIST = re.compile(r"^(?:-rated|['’”\"](?:-rated)?)\s+(?:the\s+)?$", re.IGNORECASE)
# A star count used as a grade adjective ("the four-star councils"): the 2002-08 CPA's scale, one star the lowest.
_STAR_ADJECTIVE = re.compile(rf"\b(one|single|two|three|four|1|2|3|4)[- ]star(?=\s+{_GROUP_NOUN}\b)", re.IGNORECASE)
_STAR_GRADES = {"one": "inadequate", "single": "inadequate", "1": "inadequate", "two": "adequate", "2": "adequate",
                "three": "good", "3": "good", "four": "outstanding", "4": "outstanding"}
# "…, among them A, B and C", "…, such as A": the words between a statement and the list it counts.
_AMONG_BEFORE = re.compile(r"^[^.;:!?]{0,60}?,\s*(?:among\s+(?:them|whom)|amongst\s+them|such\s+as|namely|notably)\s+"
                           r"(?:the\s+)?$", re.IGNORECASE)
# "…, A among them, along with B": the list first, then "among them".
_AMONG_AFTER_GAP = re.compile(r"^[^.;:!?]{0,60}?,\s*(?:the\s+)?$")
_AMONG_AFTER = re.compile(r"^\s+(?:among|amongst)\s+them\b", re.IGNORECASE)
_ALONG_WITH = re.compile(r"^,?\s*(?:along\s+with|as\s+well\s+as|together\s+with|and|plus)\s+(?:the\s+)?$", re.IGNORECASE)
# "like them", "like these councils": the list named just before is likened; "like A and B": the list after.
_LIKE = re.compile(r"(?<![\w-])[Ll]ike\s+(?:(them|these|those)(?:\s+\w+)?\s*,|(?=[A-Z]))")
# "like" that likens opens its clause (the sentence, or after a comma, colon or dash): "would like Essex to help" is
# the verb.
_CLAUSE_OPENS = re.compile(r"(?:^|[,:;–—(])\s*$")


def headed_lists(text: str, paragraph: int, mentions: list) -> list[tuple[GradeStatement, list[str]]]:
    """(statement, councils) for each list a grade adjective of its group noun heads ("The outstanding councils were
    A, B and C")."""
    groups = council_groups(text, mentions)
    found = []
    for start, end, grade in _adjectives(text):
        after = [g for g in groups if g[0][0].start >= end]
        direct = settings.ROUND29_ADJECTIVE_LIST and after and ADJECTIVE_TO_LIST.match(text[end:after[0][0][0].start])
        if not after or not direct and (not _HEAD_BEFORE.search(text[:start])
                                        or not _HEAD_TO_LIST.match(text[end:after[0][0][0].start])):
            continue
        codes = list(dict.fromkeys(code for _, code in after[0]))
        if len(codes) >= 2:
            found.append((GradeStatement(grade, 1.0, text.strip(), paragraph, start), codes))
    return found


def _adjectives(text: str) -> list[tuple[int, int, str]]:
    """(start, end, grade) of every grade phrase and star count in a sentence."""
    spans = [(m.start(), m.end(), grade_of_match(m)) for m in grade_matches(text)]
    spans += [(m.start(), m.end(), _STAR_GRADES[m.group(1).lower()]) for m in _STAR_ADJECTIVE.finditer(text)]
    return spans


def among_members(text: str, mentions: list, position: int) -> list[str]:
    """The councils an "among them" list after a grade at `position` names ("…, among them A, B and C"; "…, A among
    them, along with B")."""
    groups = [g for g in council_groups(text, mentions) if g[0][0].start > position]
    if not groups:
        return []
    gap = text[position:groups[0][0][0].start]
    head = re.sub(r"^[\w'’-]*", "", gap)  # the grade phrase's own first word
    if _AMONG_BEFORE.match(head):
        return list(dict.fromkeys(code for _, code in groups[0]))
    if not (_AMONG_AFTER_GAP.match(head) and _AMONG_AFTER.match(text[groups[0][-1][0].end:])):
        return []
    chosen = list(groups[0])
    tail = _AMONG_AFTER.match(text[groups[0][-1][0].end:]).end() + groups[0][-1][0].end
    if len(groups) > 1 and _ALONG_WITH.match(text[tail:groups[1][0][0].start]):
        chosen += groups[1]
    return list(dict.fromkeys(code for _, code in chosen))


def likened(text: str, mentions: list, position: int) -> list[str]:
    """The councils a grade's clause likens its subject to ("A, B and C: like them, D is rated inadequate"; "Like A
    and B, D was judged inadequate")."""
    clause_start = max(text.rfind(c, 0, position) for c in ".;!?")
    groups = council_groups(text, mentions)
    for like in _LIKE.finditer(text, clause_start + 1, position):
        if not _CLAUSE_OPENS.search(text, 0, like.start()):
            continue
        if like.group(1):
            before = [g for g in groups if g[-1][0].end <= like.start()]
            if before and re.fullmatch(r"[\s:;,–—-]*", text[before[-1][-1][0].end:like.start()]):
                return list(dict.fromkeys(code for _, code in before[-1]))
        else:
            after = [g for g in groups if g[0][0].start == like.end()]
            if after and after[0][-1][0].end < position:
                return list(dict.fromkeys(code for _, code in after[0]))
    return []

