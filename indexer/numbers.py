"""Numbers written as words, in one table: the facet rules count them ("twelve councils", "two years after") and the
search matches a number word with its digits ("ten" finds "10")."""
from __future__ import annotations

# zero to twenty, then the tens: the counts that articles and reports write in words.
WORDS: dict[str, int] = {word: n for n, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
# Ordinals in words, first to tenth: "the sixth monitoring visit", "for the third time".
ORDINALS: dict[str, int] = {word: n for n, word in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth".split(), 1)}
# "second|third|...|tenth" as a pattern's alternation: a later one of a series ("the third monitoring visit").
LATER_ORDINALS = "|".join(word for word, n in ORDINALS.items() if n > 1)
TENS: dict[str, int] = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                        "eighty": 80, "ninety": 90}


def words_between(low: int, high: int) -> list[str]:
    """The number words from `low` to `high` (both included), in order."""
    return [word for word, n in WORDS.items() if low <= n <= high]


def value_of(word: str) -> int | None:
    """A count written in digits or as a word ("4", "four"); None for anything else."""
    return int(word) if word.isdigit() else WORDS.get(word.lower())
