"""Sub-judgements a news article reports: an area of work (care leavers, leadership) and the grade given to it.

Reports carry a judgement table (`severity.report_subjudgements`); articles say it in prose: "care leavers'
experiences and progress were rated inadequate", "Care leavers: Outstanding", "graded the leadership of the
council 'inadequate'". A grade counts for the area named just before it in the same clause (or just after it,
"rated inadequate for care leavers"), unless it is a past, left-behind or tallied grade. Used for ranking: a
question about a judged area reaches the articles that report that area's grade.
"""
from __future__ import annotations

import re

from indexer import settings
from indexer.grades import GRADE_RE, grade_of_match, is_cued_word
from indexer.ingest.annotate.grade_context import not_current

# The areas as articles write them, and the sub-judgement field each is (the report tables' fields).
AREAS = (
    (re.compile(r"\bcare\s+leavers?['’]?|\bleaving\s+care\b|\bleft\s+care\b", re.IGNORECASE), "care_leavers"),
    (re.compile(r"\bchildren\s+in\s+care\b|\blooked[\s-]+after\s+children\b|\bchildren\s+looked\s+after\b",
                re.IGNORECASE), "children_in_care"),
    (re.compile(r"\bhelp\s+and\s+protection\b|\bchildren\s+who\s+need\s+help\b", re.IGNORECASE), "help_and_protection"),
    (re.compile(r"\bleadership\b|\bleaders['’]?\s+impact\b|\bimpact\s+of\s+leaders\b", re.IGNORECASE), "leadership"),
)
# A rating verb, then the areas it grades, then the grade: "graded children in care and care leavers outstanding".
_VERB_THEN_AREA = re.compile(r"\b(?:rated|judged|graded|grades|awarded)\s+(?:(?:the|its|their|both)\s+)?(?:"
                             + "|".join(p.pattern for p, _ in AREAS) + r")(?:[\s,]+(?:and|&)?\s*(?:"
                             + "|".join(p.pattern for p, _ in AREAS) + r"))*['’]?\s+['‘“\"]?$", re.IGNORECASE)
AFTER_CHARS = 90  # how far after an area its grade may stand ("care leavers' experiences and progress … inadequate")
BEFORE_CHARS = 40  # how far before, joined by "for"/"in" ("rated inadequate for its care leavers")
# A grade given before its area: "rated inadequate for its care leavers".
_FOR_AREA = re.compile(r"^\W*(?:for|in)\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’]+\s+)?$")
_CLAUSE_END = re.compile(r"[.;]|\bwhile\b|\bbut\b|\bwhereas\b", re.IGNORECASE)


def _area_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, field) of every area the text names, in order."""
    return sorted((m.start(), m.end(), field) for pattern, field in AREAS for m in pattern.finditer(text))


def _current_grades(text: str) -> list[tuple[int, int, str]]:
    """(start, end, grade) of every grade in the text that reads as a current judgement."""
    out = []
    for match in GRADE_RE.finditer(text):
        before, after = text[max(0, match.start() - 60):match.start()], text[match.end():match.end() + 40]
        if is_cued_word(match.group().lower()) and not re.search(r"(rated|judged|graded|grades|awarded|as|was|were"
                                                                r"|is|are|be|:|[-–—])\W*['‘“\"]?$", before, re.IGNORECASE) \
                and not _VERB_THEN_AREA.search(before):
            continue  # "good practice" is not a grade
        if not_current(before, after):
            continue
        out.append((match.start(), match.end(), grade_of_match(match)))
    return out


def area_grades(sentence: str) -> dict[str, str]:
    """The sub-judgements one sentence or line states: {field: grade}."""
    areas, grades = _area_spans(sentence), _current_grades(sentence)
    out: dict[str, str] = {}
    for i, (start, end, field) in enumerate(areas):
        next_area = areas[i + 1][0] if i + 1 < len(areas) else len(sentence)
        after = [g for g in grades if end <= g[0] <= min(end + AFTER_CHARS, next_area + 1)
                 and not _CLAUSE_END.search(sentence[end:g[0]])]
        before = [g for g in grades if start - BEFORE_CHARS <= g[1] <= start and _FOR_AREA.match(sentence[g[1]:start])]
        chosen = after[0] if after else before[-1] if before else None
        if chosen is None and i + 1 < len(areas) and _JOINED.fullmatch(sentence[end:next_area]):
            continue  # "children in care and care leavers, which it grades outstanding": the list's grade, below
        if chosen and field not in out:
            out[field] = chosen[2]
    return _shared(sentence, areas, out)


# Areas joined into one list ("children in care and care leavers") share the grade given after the list.
_JOIN = r"['’]?\s*(?:,|and|&|as\s+well\s+as)\s*"
_JOINED = re.compile(_JOIN + r"(?:(?:for|of|the|its|their)\s+)*", re.IGNORECASE)
# Round 33: "children in care and young people leaving care", "children in care and those leaving care".
_JOINED_33 = re.compile(_JOIN + r"(?:(?:for|of|the|its|their|young\s+people|those|children)\s+)*", re.IGNORECASE)


def _shared(sentence: str, areas: list[tuple[int, int, str]], found: dict[str, str]) -> dict[str, str]:
    """Each area of a joined list without a grade of its own takes the grade of the list's last area (round 33: or,
    when the grade stands before the list, "judged 'outstanding' for how children in care and young people leaving
    care get on", of its first)."""
    out = dict(found)
    joined = _JOINED_33 if settings.ROUND33_JOINED_AREAS else _JOINED
    for i in range(len(areas) - 2, -1, -1):
        _, end, field = areas[i]
        later = areas[i + 1]
        if field not in out and later[2] in out and joined.fullmatch(sentence[end:later[0]]):
            out[field] = out[later[2]]
    if settings.ROUND33_JOINED_AREAS:
        for i in range(1, len(areas)):
            start, _, field = areas[i]
            earlier = areas[i - 1]
            if field not in out and earlier[2] in out and joined.fullmatch(sentence[earlier[1]:start]) \
                    and _graded_before(sentence, areas[i - 1][0]):
                out[field] = out[earlier[2]]
    return out


def _graded_before(sentence: str, start: int) -> bool:
    """Round 33: a grade stands just before the area at `start`, joined by "for"/"in" (the list's grade, first)."""
    return any(start - BEFORE_CHARS <= g[1] <= start and _FOR_AREA.match(sentence[g[1]:start])
               for g in _current_grades(sentence))


def article_subjudgements(sentences: list[str]) -> dict[str, str]:
    """The sub-judgements an article reports, the first statement of each area winning."""
    found: dict[str, str] = {}
    for sentence in sentences:
        for field, grade in area_grades(sentence).items():
            found.setdefault(field, grade)
    return found
