"""Numbers as people type them and as documents print them: "ten good, seven inadequate" finds "10 were good" and
"inadequate: 7". A number word and its digits are one query group (both ways), each an equal match."""
from __future__ import annotations

import re

from indexer import grades
from indexer.analysis import fold_and_stem
from indexer.search.synonyms import Alternative, Group

# Tallies in round-ups and annual reports rarely go past twenty in words; larger numbers are printed as digits.
# "one" is left out: it is mostly not a count ("one of the worst", "no one").
_WORDS = ("two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen"
          " eighteen nineteen twenty").split()
# Keyed by stem, as query groups hold words ("twelve" is "twelv").
WORD_TO_DIGITS = {fold_and_stem(word): str(n) for n, word in enumerate(_WORDS, 2)}
DIGITS_TO_WORD = {digits: word for word, digits in WORD_TO_DIGITS.items()}


def other_form(stem: str) -> str | None:
    """The digits of a number word's stem, or the word's stem of a number's digits; None for anything else."""
    return WORD_TO_DIGITS.get(stem) or DIGITS_TO_WORD.get(stem)


# A count just before a grade in a question is a tally ("ten good, seven inadequate", "12 inadequate councils").
TALLY_BEFORE = re.compile(r"\b(\d{1,3}|" + "|".join(_WORDS) + r")\s+$", re.IGNORECASE)


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
