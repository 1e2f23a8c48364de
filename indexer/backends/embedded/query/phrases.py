"""Phrases: lined-up word pairs (postings/pairs.py); for a generation without them, a numpy AND of the words'
postings, then a run check on the paragraphs' word-id sequences."""
from __future__ import annotations

import numpy as np

from indexer.search import querytree as qt
from indexer.backends.embedded.postings.pairs import phrase_in_parts


def phrase_docnums(gen, q: qt.Phrase) -> np.ndarray:
    """Docnums where the phrase occurs in the field (none for a field without word sequences)."""
    loaded = gen.sequences
    if loaded is None or q.field not in loaded[1]:
        return np.zeros(0, dtype=np.int64)
    vocab, fields = loaded
    words = list(q.words)
    ids = [vocab.get(w) for w in words]
    if None in ids:
        return np.zeros(0, dtype=np.int64)
    if q.field in gen.pairs:  # word pairs with positions: no sequence is read
        found = phrase_in_parts(gen.pairs[q.field], ids)
        return found if gen.live is None else found[gen.live[found]]  # not paragraphs an update removed
    postings = sorted((gen.term_postings(q.field, w).docnums for w in dict.fromkeys(words)), key=len)
    found = postings[0]
    for other in postings[1:]:
        if not len(found):
            break
        found = found[np.isin(found, other, assume_unique=True)]
    return fields[q.field].containing(found, ids) if len(found) else found
