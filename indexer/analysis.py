"""The project's text analysis, the same for every backend: words by one pattern, lowercased, accents folded,
Snowball-stemmed, each cached per word (a corpus has few distinct words; a Snowball call per token was the
build's hot spot). The embedded backend wraps it as a Whoosh tokenizer (`backends/embedded/index/fields.py`).
"""
from __future__ import annotations

from functools import lru_cache

import re
import unicodedata

from nltk.stem.snowball import SnowballStemmer

# A word, with inner apostrophes ("children's") and inner dots ("e.g.", "1.5"); a dot before a capital ends the
# word: reports number their paragraphs as "45.Children in care …" and PDFs lose the space in "services.The".
TOKEN_PATTERN = r"\w+(?:(?:['’]|\.(?![A-Z]))\w+)*"
TOKEN_RE = re.compile(TOKEN_PATTERN)

# Letters without a decomposition that readers still see as an accented Latin letter.
_FOLD_SPECIAL = {"ß": "s", "ø": "o", "ð": "d", "đ": "d", "þ": "t", "ł": "l", "ħ": "h", "ı": "i", "ŀ": "l",
                 "ŧ": "t", "ƀ": "b", "ƈ": "c", "ɓ": "b"}


class _AccentFold(dict):
    """A str.translate table, filled on demand: a letter with accents -> its base letter (é -> e)."""

    def __missing__(self, codepoint: int):
        char = chr(codepoint)
        out = _FOLD_SPECIAL.get(char)
        if out is None:
            base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
            out = base if base != char and base.isascii() else char
        self[codepoint] = out
        return out


accent_map = _AccentFold()

from indexer.stemming import exception

@lru_cache(maxsize=1)
def _stemmer() -> SnowballStemmer:
    """NLTK's English Snowball stemmer."""
    return SnowballStemmer("english")


def stem(word: str) -> str:
    """Stem one lowercased word, treating the curly apostrophe like the straight one; domain exceptions first."""
    word = word.replace("’", "'")
    return exception(word) or _stemmer().stem(word)


_WORD_CACHE_LIMIT = 500_000
_stemmed: dict[str, str] = {}
_folded: dict[str, str] = {}


def _fold(word: str) -> str:
    """Lowercase and fold accents (LowercaseFilter then CharsetFilter), cached."""
    out = _folded.get(word)
    if out is None:
        if len(_folded) > _WORD_CACHE_LIMIT:
            _folded.clear()
        lowered = word.lower()
        out = _folded[word] = lowered if lowered.isascii() else lowered.translate(accent_map)
    return out


def fold_and_stem(word: str) -> str:
    """Lowercase, fold accents and stem, cached (a corpus has few distinct words)."""
    out = _stemmed.get(word)
    if out is None:
        if len(_stemmed) > _WORD_CACHE_LIMIT:
            _stemmed.clear()
        out = _stemmed[word] = stem(_fold(word))
    return out


_RAW_WORDS = TOKEN_RE


def raw_words(text: str) -> list[str]:
    """A text's words as written: the tokens the text analyzer folds and stems."""
    return _RAW_WORDS.findall(text)


def count_raw_words(counts: dict, text: str, pattern=_RAW_WORDS) -> None:
    """Add a paragraph's raw words (lowercased, accents folded, alphabetic, 3+ letters) to `counts`.

    The same words `raw_analyzer()` yields, without a generator chain per token.
    """
    for word in pattern.findall(text):
        word = _fold(word)
        if len(word) > 2 and word.isalpha():
            counts[word] = counts.get(word, 0) + 1



def folded_words(text: str) -> list[str]:
    """A text's words as written, lowercased and accent-folded (the unstemmed form every backend shares)."""
    return [_fold(w) for w in TOKEN_RE.findall(text)]
