"""Fast analysis for the build: one fused tokenizer (words, lowercase, accents, Snowball stem, cached per word)
and a TEXT field that indexes a repeated value (a document's title, a section heading) once.

Both produce exactly what the Whoosh chain `RegexTokenizer | LowercaseFilter | CharsetFilter | StemFilter`
produced: four generator layers and a Snowball call per token were the build's hot spot.
"""
from __future__ import annotations

from functools import lru_cache

from nltk.stem.snowball import SnowballStemmer
from whoosh import fields
from whoosh.analysis import Token, Tokenizer
from whoosh.support.charset import accent_map
from whoosh.util.text import rcompile

from .stemming import exception

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
        out = _folded[word] = word.lower().translate(accent_map)
    return out


def fold_and_stem(word: str) -> str:
    """Lowercase, fold accents and stem, cached (a corpus has few distinct words)."""
    out = _stemmed.get(word)
    if out is None:
        if len(_stemmed) > _WORD_CACHE_LIMIT:
            _stemmed.clear()
        out = _stemmed[word] = stem(_fold(word))
    return out


class StemmedWords(Tokenizer):
    """Tokenise by a pattern, lowercase, fold accents and (unless `no_morph`) stem, in one pass."""

    is_morph = True

    def __init__(self, expression: str, stem_words: bool = True):
        self.expression = rcompile(expression)
        self.stem_words = stem_words

    def __eq__(self, other) -> bool:
        return (self.__class__ is other.__class__ and self.expression.pattern == other.expression.pattern
                and self.stem_words == other.stem_words)

    def __hash__(self) -> int:
        return hash((self.expression.pattern, self.stem_words))

    def has_morph(self) -> bool:
        """Whoosh asks this to decide on separate spelling terms."""
        return self.stem_words

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True, start_pos=0,
                 start_char=0, tokenize=True, mode="", no_morph=False, **kwargs):
        fold = fold_and_stem if self.stem_words and not no_morph else _fold
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            t.original = value
            t.text = fold(value)
            t.boost = 1.0
            if positions:
                t.pos = start_pos
            if chars:
                t.startchar = start_char
                t.endchar = start_char + len(value)
            yield t
            return
        for pos, match in enumerate(self.expression.finditer(value)):
            word = match.group(0)
            t.text = fold(word)
            t.boost = 1.0
            if keeporiginal:
                t.original = word
            t.stopped = False
            if positions:
                t.pos = start_pos + pos
            if chars:
                t.startchar = start_char + match.start()
                t.endchar = start_char + match.end()
            yield t


_MEMO_LIMIT = 20_000
_memo: dict[tuple, list] = {}


class RepeatedText(fields.TEXT):
    """A TEXT field whose values repeat over many paragraphs: the indexed terms of a value are computed once."""

    def index(self, value, **kwargs):
        if kwargs or not isinstance(value, str):
            return super().index(value, **kwargs)
        key = (type(self.format).__name__, self.format.field_boost, value)
        out = _memo.get(key)
        if out is None:
            if len(_memo) > _MEMO_LIMIT:
                _memo.clear()
            out = _memo[key] = list(super().index(value))
        return iter(out)


_RAW_WORDS = rcompile(r"\w+(?:[.'’]\w+)*")  # schema.TOKEN_PATTERN


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

