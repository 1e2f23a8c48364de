"""Councils named as the members of a counted group of councils: "28 councils (including A) are rated excellent",
"two other councils (A and B) hold the rating", "nine councils are rated poor, including A and B", "the other three
were A, …". The count says the sentence is about a set of councils judged alike; the list after it names members of
that set, so each is a subject of a round-up (round 24, issue 22: real pages write these where the own-words
fixtures had a colon-introduced list).

A bracketed editorial insertion inside the list ("A [PDF report here] and B") is read past. The group's grade is the
one grade its sentence names ("nine councils are rated poor, including …"), else the one grade of the sentence before
("… were given one star, for 'inadequate'. The other three were …"); a member the text grades itself keeps its own.
"""
from __future__ import annotations

import datetime as dt
import re

from indexer import numbers, settings
from indexer.grades import GRADE_RE, grade_of_match
from indexer.ingest.annotate.places import council_groups, subject_mentions
from indexer.ingest.annotate.severity import grade_statements

_COUNT = r"(?:\d{1,3}|" + "|".join(numbers.words_between(2, 20)) + r")"
_GROUP = r"(?:councils|(?:local\s+)?authorities|boroughs|counties)"
# The counted group, then what attaches its members: a bracket right after it, or "including", "among them",
# "namely" after a short predicate ("nine councils are rated poor, including"); or "the other three (councils) were".
_COUNTED = re.compile(rf"\b{_COUNT}\s+(?:other\s+)?(?:[\w-]+\s+)?{_GROUP}\b"
                      rf"(?:\s*\(\s*(?:including\s+)?|[^.;:()\[\]]{{0,40}}?,?\s*\b(?:including|among\s+them|namely)\s+)"
                      rf"|\bthe\s+other\s+{_COUNT}\s+(?:{_GROUP}\s+)?(?:were|are)\s+", re.IGNORECASE)
# Round 29 (roundup29): two more shapes, each kept only when its list names exactly the counted number of councils.
# "The other three authorities graded poor overall are A, B and C": "the other N" with a predicate before the verb;
# "none were rated poor last year, against four now – A, B, C and D": a count a dash or colon hands to its list.
_OTHER_N = re.compile(rf"\bthe\s+other\s+({_COUNT})\s+(?:[\w-]+\s+)?{_GROUP}\b[^.;:()]{{0,80}}?"
                      rf"\b(?:are|were|include|included)\s+", re.IGNORECASE)
_COUNT_DASH = re.compile(rf"\b({_COUNT})\b(?:\s+(?!of\b)[\w'’-]+){{0,3}}\s*(?::|[–—]|\s-)\s*", re.IGNORECASE)
# "[PDF report here]", "[link]": an editor's note inside a sentence.
_INSERTION = re.compile(r"\s*\[[^\[\]]{1,40}\]")
_GAP = 12  # characters allowed between the attaching words and the first member ("the London Borough of")


def counted_members(sentences: list, day: dt.date | None) -> dict[str, tuple[str | None, str]]:
    """The councils listed right after a counted group of councils: code -> (the group's grade or None, sentence)."""
    found: dict[str, tuple[str | None, str]] = {}
    previous = ""
    for sentence in sentences:
        text = _INSERTION.sub("", sentence.text)
        heads = [m.end() for m in _COUNTED.finditer(text)]
        groups = council_groups(text, subject_mentions(text, day)) if heads else []
        for end in heads:
            group = next((g for g in groups if 0 <= g[0][0].start - end <= _GAP), None)
            if group:
                grade = _one_grade(text) or _one_grade(previous)
                for _, code in group:
                    found.setdefault(code, (grade, text))
        if settings.ROUND29_COUNTED_GROUP:
            _exact_groups(text, previous, day, found)
        previous = text
    return found


def _exact_groups(text: str, previous: str, day: dt.date | None, found: dict) -> None:
    """Round 29: the members of a counted group whose list names exactly that many councils, after "the other N
    ... are" or after a count and a dash or colon. The group's grade is the sentence's one grade (not one said of an
    area of the work: "the other seven assessed as inadequate for keeping children safe are ..."), else the one grade
    of the sentence before."""
    heads = [(m.end(), m.group(1)) for pattern in (_OTHER_N, _COUNT_DASH) for m in pattern.finditer(text)]
    groups = council_groups(text, subject_mentions(text, day)) if heads else []
    for end, word in heads:
        group = next((g for g in groups if 0 <= g[0][0].start - end <= _GAP), None)
        wanted = int(word) if word.isdigit() else numbers.WORDS.get(word.lower(), 0)
        codes = list(dict.fromkeys(code for _, code in group)) if group else []
        if wanted < 2 or len(codes) != wanted:
            continue
        if GRADE_RE.search(text):
            grade = _one_grade(text)
            if grade and any(st.sub_area for st in grade_statements(text, 1)):
                grade = None  # a grade of an area of the work ("in its safeguarding work alone"), not of the service
        else:
            grade = _one_grade(previous)
        for code in codes:
            found.setdefault(code, (grade, text))


def _one_grade(text: str) -> str | None:
    """The grade a sentence names, when it names exactly one."""
    grades = {grade_of_match(m) for m in GRADE_RE.finditer(text)}
    return grades.pop() if len(grades) == 1 else None
