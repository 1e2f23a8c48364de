"""A phrase reference independent of the index's postings: the paragraphs' stored text, analysed and scanned."""
from __future__ import annotations

import numpy as np

from indexer.backends.embedded.postings.sequences import analysed_words

_SEP = "\x00"
_joined: dict[tuple[int, str], list[str]] = {}


def _texts(gen, field: str) -> list[str]:
    """Every paragraph's analysed words of one field, joined between separators (cached per generation)."""
    key = (id(gen), field)
    if key not in _joined:
        _joined[key] = [_SEP + _SEP.join(analysed_words(gen.stored(d).get(field, "") or "")) + _SEP
                        for d in range(gen.size)]
    return _joined[key]


def phrase_docnums(gen, field: str, words) -> list[int]:
    """Docnums whose stored `field`, analysed, holds `words` as one run."""
    needle = _SEP + _SEP.join(words) + _SEP
    return [d for d, text in enumerate(_texts(gen, field)) if needle in text]


def phrase_mask(gen, words) -> np.ndarray:
    """Paragraphs with the phrase in their text or heading."""
    mask = np.zeros(gen.size, dtype=bool)
    for field in ("text", "heading"):
        mask[phrase_docnums(gen, field, words)] = True
    return mask
