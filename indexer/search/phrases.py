"""Phrases in paragraph text: a numpy AND of the words' postings, then a run check on word-id sequences."""
from __future__ import annotations

import numpy as np
from whoosh import query as wq

from ..schema import as_text


def phrase_docnums(gen, q: wq.Phrase) -> np.ndarray | None:
    """Docnums where the phrase occurs in the text, or None when this cannot answer (Whoosh then does)."""
    sequences = gen.sequences
    if q.fieldname != "text" or sequences is None or q.slop != 1 or len(q.words) < 2:
        return None
    words = [as_text(w) for w in q.words]
    ids = [sequences.vocab.get(w) for w in words]
    if None in ids:
        return np.zeros(0, dtype=np.int64)
    postings = sorted((gen.term_postings("text", w).docnums for w in dict.fromkeys(words)), key=len)
    found = postings[0]
    for other in postings[1:]:
        if not len(found):
            break
        found = found[np.isin(found, other, assume_unique=True)]
    return sequences.containing(found, ids) if len(found) else found
