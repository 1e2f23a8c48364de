"""Paragraph words as the index sees them (stems) beside the words as written, for term statistics."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache


from indexer.analysis import TOKEN_PATTERN, accent_map, stem

# Function words and report boilerplate: never "distinctive" (the index keeps stopwords for phrases, so we drop
# them here). NLTK's stopword corpus needs a download, which this machine cannot do.
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below between both
but by can could did do does doing down during each few for from further had has have having he her here hers
herself him himself his how i if in into is it its itself just let me more most my myself no nor not now of off on
once only or other our ours ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up upon very was we were what when where
which while who whom why will with would you your yours yourself yourselves us may might must shall within without
across however also although many much well being one two three four five six seven eight nine ten per new year
years month months week weeks day days time times make made ensure ensured including include includes
""".split())


@dataclass(frozen=True)
class Word:
    """One token: the indexed stem and the lower-cased form as written."""

    stem: str
    raw: str


_TOKEN = re.compile(TOKEN_PATTERN)


@lru_cache(maxsize=200_000)
def _stem(raw: str) -> str:
    """The index's stem of a lower-cased word."""
    return stem(raw)


def words(text: str) -> list[Word]:
    """Tokens of a text, stems beside raw forms, exactly as the text field's analyzer makes them.

    Whoosh's token pipeline is too slow for the thousands of paragraphs a council page reads, so its steps
    (tokenizer pattern, lower case, accent folding, Snowball stem) are applied directly, with stems memoised.
    """
    return [Word(_stem(raw), raw) for raw in _TOKEN.findall(_fold(text))]


def stems(text: str) -> tuple[str, ...]:
    """Only the stems of a text."""
    return tuple(_stem(raw) for raw in _TOKEN.findall(_fold(text)))


def _fold(text: str) -> str:
    """Lower case and accents folded (per character, so folding before tokenising gives the same tokens)."""
    return text.lower().translate(accent_map)


def is_content(word: Word) -> bool:
    """True for a word that can carry meaning on its own (not a stopword, number or fragment)."""
    return len(word.raw) > 2 and word.raw not in STOPWORDS and not any(ch.isdigit() for ch in word.raw)


def idf(size: int, df: int) -> float:
    """Inverse document frequency over paragraphs (BM25's, never negative)."""
    return math.log1p((size - df + 0.5) / (df + 0.5))


def doc_frequency(gen, stem: str) -> int:
    """How many paragraphs contain a stem in their text."""
    return int(gen.searcher.reader().doc_frequency("text", stem))
