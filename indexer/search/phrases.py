"""Phrases: lined-up word pairs (search/pairs.py); for a generation without them, a numpy AND of the words'
postings, then a run check on the paragraphs' word-id sequences."""
from __future__ import annotations

import numpy as np
from whoosh import query as wq

from ..schema import as_text
from .pairs import phrase_in_parts


def phrase_docnums(gen, q: wq.Phrase) -> np.ndarray | None:
    """Docnums where the phrase occurs in the field, or None when this cannot answer (Whoosh then does)."""
    loaded = gen.sequences
    if loaded is None or q.fieldname not in loaded[1] or q.slop != 1 or len(q.words) < 2:
        return None
    vocab, fields = loaded
    words = [as_text(w) for w in q.words]
    ids = [vocab.get(w) for w in words]
    if None in ids:
        return np.zeros(0, dtype=np.int64)
    if q.fieldname in gen.pairs:  # word pairs with positions: no sequence is read
        found = phrase_in_parts(gen.pairs[q.fieldname], ids)
        return found if gen.live is None else found[gen.live[found]]  # not paragraphs an update removed
    postings = sorted((gen.term_postings(q.fieldname, w).docnums for w in dict.fromkeys(words)), key=len)
    found = postings[0]
    for other in postings[1:]:
        if not len(found):
            break
        found = found[np.isin(found, other, assume_unique=True)]
    return fields[q.fieldname].containing(found, ids) if len(found) else found
