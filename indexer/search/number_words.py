"""Numbers as people type them and as documents print them: a number word and its digits are one query group
(both ways), each an equal match ("ten" finds "10")."""
from __future__ import annotations

from indexer import numbers
from indexer.analysis import fold_and_stem

# Tallies in round-ups and annual reports rarely go past twenty in words; larger numbers are printed as digits.
# "one" is left out: it is mostly not a count ("one of the worst", "no one").
NUMBER_WORDS = numbers.words_between(2, 20)
# Keyed by stem, as query groups hold words ("twelve" is "twelv").
WORD_TO_DIGITS = {fold_and_stem(word): str(n) for n, word in enumerate(NUMBER_WORDS, 2)}
DIGITS_TO_WORD = {digits: word for word, digits in WORD_TO_DIGITS.items()}


def other_form(stem: str) -> str | None:
    """The digits of a number word's stem, or the word's stem of a number's digits; None for anything else."""
    return WORD_TO_DIGITS.get(stem) or DIGITS_TO_WORD.get(stem)
