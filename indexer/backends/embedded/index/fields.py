"""The project's analysis (`indexer.analysis`) as Whoosh field types: one fused tokenizer, and a TEXT field that
indexes a repeated value (a document's title, a section heading) once."""
from __future__ import annotations

import re

from whoosh import fields
from whoosh.analysis import Token, Tokenizer

from indexer.analysis import _fold, fold_and_stem

class StemmedWords(Tokenizer):
    """Tokenise by a pattern, lowercase, fold accents and (unless `no_morph`) stem, in one pass."""

    is_morph = True

    def __init__(self, expression: str, stem_words: bool = True):
        self.expression = re.compile(expression, re.UNICODE)
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
