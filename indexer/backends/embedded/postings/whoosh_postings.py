"""The only module that reads Whoosh's posting internals: a term's paragraphs and frequencies as numpy arrays."""
from __future__ import annotations

import numpy as np

from indexer.backends.embedded.collector.ranking import TermPostings

EMPTY = TermPostings(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32))


def block_reading_works(reader) -> bool:
    """True when every segment's posting matcher exposes the block arrays the fast path reads (checked once at open)."""
    for segment, _ in reader.leaf_readers():
        for fieldname in ("text", "heading"):
            if fieldname not in segment.indexed_field_names():
                continue
            for term in segment.lexicon(fieldname):
                matcher = segment.postings(fieldname, term)
                return all(hasattr(matcher, name) for name in ("_read_ids", "_read_weights", "_next_block"))
    return True


def read_postings(reader, fieldname: str, word: str, fast: bool) -> TermPostings:
    """A term's docnums (ascending) and frequencies from every segment."""
    btext = word.encode("utf-8")
    ids: list[np.ndarray] = []
    freqs: list[np.ndarray] = []
    for segment, offset in reader.leaf_readers():
        if (fieldname, btext) not in segment:
            continue
        seg_ids, seg_freqs = (_block_arrays if fast else _public_arrays)(segment, fieldname, btext)
        ids.append(seg_ids + offset)
        freqs.append(seg_freqs)
    if not ids:
        return EMPTY
    return TermPostings(np.concatenate(ids), np.concatenate(freqs))


def _block_arrays(segment, fieldname: str, btext: bytes) -> tuple[np.ndarray, np.ndarray]:
    """Whoosh's W3 block matcher keeps each block's ids and weights (= term frequencies) as arrays:
    reading them whole is several times faster than stepping through postings one by one."""
    matcher = segment.postings(fieldname, btext)
    if not hasattr(matcher, "_read_ids"):  # a term in a single paragraph is stored inline, without blocks
        return _public_arrays(segment, fieldname, btext)
    ids, freqs = [], []
    while matcher.is_active():
        matcher._read_ids()
        matcher._read_weights()
        ids.append(np.asarray(matcher._ids, dtype=np.int64))
        freqs.append(np.asarray(matcher._weights, dtype=np.float32))
        matcher._next_block()
    return np.concatenate(ids), np.concatenate(freqs)


def _public_arrays(segment, fieldname: str, btext: bytes) -> tuple[np.ndarray, np.ndarray]:
    """The public, slower way, for codecs without block arrays."""
    matcher = segment.postings(fieldname, btext)
    ids, freqs = [], []
    while matcher.is_active():
        ids.append(matcher.id())
        freqs.append(matcher.weight())
        matcher.next()
    return np.array(ids, dtype=np.int64), np.array(freqs, dtype=np.float32)

