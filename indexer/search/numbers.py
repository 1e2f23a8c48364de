"""Tallies in questions: "ten good, seven inadequate" finds "10 were good" and "inadequate: 7"."""
from __future__ import annotations

import re

from indexer import grades
from indexer.analysis import fold_and_stem
from indexer.search.number_words import NUMBER_WORDS, other_form
from indexer.search.synonyms import Alternative, Group

# A count just before a grade in a question is a tally ("ten good, seven inadequate", "12 inadequate councils").
TALLY_BEFORE = re.compile(r"\b(\d{1,3}|" + "|".join(NUMBER_WORDS) + r")\s+$", re.IGNORECASE)


def tallies_in(text: str) -> list[tuple[str, str, str]]:
    """(count as typed, grade as typed, grade value) for each tally a question names."""
    out = []
    for match in grades.GRADE_RE.finditer(text):
        count = TALLY_BEFORE.search(text[max(0, match.start() - 12):match.start()])
        if count:
            out.append((count.group(1), match.group(0), grades.grade_of_match(match)))
    return out


def tally_groups(text: str) -> list[Group]:
    """One optional group per tally: the count beside its grade, either order, in words or digits ("ten good"
    finds "good: 10" and "10 good"). Not required (a round-up may print "10 councils were good"); it lifts the
    documents that print the tally as the question does."""
    out = []
    for count, typed, _ in tallies_in(text):
        number = fold_and_stem(count.lower())
        counts = [number] + [other for other in [other_form(number)] if other]
        grade = tuple(fold_and_stem(w) for w in re.findall(r"\w+", typed.lower()))
        alternatives = [Alternative((c, *grade), 1.0, f"{c} {typed}") for c in counts] + \
                       [Alternative((*grade, c), 1.0, f"{typed} {c}") for c in counts]
        out.append(Group(f"{count} {typed}", tuple(alternatives), counted=False))
    return out
