"""Phrases as word-pair lookups (the `text_pairs` field), checked by position only when longer than two words."""
from __future__ import annotations

import numpy as np
from whoosh import query as wq

from ..analysis import pair_term
from ..schema import as_text
from .postings import consecutive

PAIRS_FIELD = {"text": "text_pairs"}


def phrase_docnums(gen, q: wq.Phrase) -> np.ndarray | None:
    """Docnums where the phrase occurs, or None when the pair field cannot answer (Whoosh then does)."""
    pairs_field = PAIRS_FIELD.get(q.fieldname)
    if pairs_field is None or pairs_field not in gen.schema.names() or q.slop != 1 or len(q.words) < 2:
        return None
    words = [as_text(w) for w in q.words]
    postings = sorted((gen.term_postings(pairs_field, pair_term(a, b)).docnums
                       for a, b in dict.fromkeys(zip(words, words[1:]))), key=len)
    found = postings[0]
    for other in postings[1:]:
        if not len(found):
            break
        found = found[np.isin(found, other, assume_unique=True)]
    if len(words) > 2 and len(found):
        # Every adjacent pair is present; whether they line up as one run is a position check.
        found = consecutive(gen.searcher.reader(), q.fieldname, words, found)
    return found
