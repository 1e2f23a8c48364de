"""Postings handed to Whoosh's posting writer a term at a time: the blocks its writer would make, in bulk."""
from __future__ import annotations

import pickle
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from whoosh.system import pack_uint
from whoosh.util.numeric import byte_to_length

from indexer import settings


class TermPostings:
    """One small field's postings of one term, in docnum order."""

    __slots__ = ("docs", "weights", "values")

    def __init__(self):
        self.docs = array("I")
        self.weights = array("f")
        self.values: list[bytes] = []


def sorted_ranks(words: Sequence[str]) -> np.ndarray:
    """Each word id's rank in Whoosh's term order (UTF-8 bytes)."""
    order = sorted(range(len(words)), key=lambda i: words[i].encode("utf-8"))
    ranks = np.empty(len(words), dtype=np.int64)
    ranks[np.asarray(order, dtype=np.int64)] = np.arange(len(words))
    return ranks


def position_bytes(deltas: list[int]) -> bytes:
    """Whoosh's Positions encoding of one posting (formats.Positions.encode, given the deltas)."""
    return pack_uint(len(deltas)) + pickle.dumps(deltas, 2)


def encoded_positions(deltas: np.ndarray, first: np.ndarray, freqs: np.ndarray) -> list[bytes]:
    """Every posting's encoded positions (its deltas start at `first`); one shared value per lone position."""
    out = np.empty(len(first), dtype=object)
    single = freqs == 1
    lone, which = np.unique(deltas[first[single]], return_inverse=True)
    table = [position_bytes([p]) for p in lone.tolist()]
    out[single] = [table[i] for i in which.tolist()]
    several = np.flatnonzero(~single)
    delta_list = deltas.tolist()
    out[several] = [position_bytes(delta_list[at: at + f])
                    for at, f in zip(first[several].tolist(), freqs[several].tolist())]
    return out.tolist()


def encoded_frequencies(freqs: np.ndarray) -> list[bytes]:
    """Every posting's value in Whoosh's Frequency format (formats.Frequency: the frequency as a uint)."""
    table = {f: pack_uint(f) for f in np.unique(freqs).tolist()}
    return [table[f] for f in freqs.tolist()]


@dataclass
class BlockFacts:
    """What Whoosh's posting writer works out for each block of a field's postings, computed for all at once.

    Blocks are those write_term makes: each term's postings cut every `limit`. Per block: its first posting,
    its id deltas as Whoosh pickles them (_mini_ids), its weights as pickled (_mini_weights: None when all are
    1.0, the one value when all are equal), its highest weight and its shortest non-zero and longest length.
    """

    starts: list[int]
    deltas: list[int]          # per posting: its docnum minus the previous one in the block (the first as is)
    weights: list              # per block: None, one float, or None for "as the tuple of the block's weights"
    uniform: list[bool]        # per block: its weights are all equal (so `weights` holds the value to pickle)
    weight_list: list[float]   # per posting
    max_weight: list[float]
    min_length: list[int | None]
    max_length: list[int]

    @classmethod
    def of(cls, docs: np.ndarray, weights: np.ndarray, term_starts: np.ndarray, term_ends: np.ndarray,
           limit: int, lengths: np.ndarray | None) -> "BlockFacts":
        """The blocks of postings `docs` / `weights` (uint32 / float32, term after term)."""
        sizes = term_ends - term_starts
        per_term = -(-sizes // limit)
        first = np.repeat(term_starts, per_term)
        index = np.arange(int(per_term.sum())) - np.repeat(np.cumsum(per_term) - per_term, per_term)
        starts = first + index * limit
        wide = docs.astype(np.int64)
        deltas = wide.copy()
        deltas[1:] -= wide[:-1]
        deltas[starts] = wide[starts]
        low, high = np.minimum.reduceat(weights, starts), np.maximum.reduceat(weights, starts)
        uniform = low == high
        shown = [None if u and w == 1.0 else float(w) if u else None for u, w in zip(uniform.tolist(), low.tolist())]
        if lengths is None:
            min_length, max_length = [None] * len(starts), [0] * len(starts)
        else:
            lens = lengths[docs]
            big = np.iinfo(np.int64).max
            shortest = np.minimum.reduceat(np.where(lens > 0, lens, big), starts)
            min_length = [None if v == big else v for v in shortest.tolist()]
            max_length = np.maximum.reduceat(lens, starts).tolist()
        return cls(starts.tolist(), deltas.tolist(), shown, uniform.tolist(), weights.tolist(),
                   [w if w > 0 else 0 for w in high.tolist()], min_length, max_length)


def _start_term(fieldwriter, btext: bytes):
    """Start a term in Whoosh's field writer; its posting writer, set to the project's zlib level."""
    fieldwriter.start_term(btext)
    writer = fieldwriter._postwriter
    # Whoosh reads each block's zlib level. Level 1 keeps a third of the bytes (54 -> 19 MB at 31k paragraphs:
    # positions compress well) for some writing time; 0 stores blocks plain (settings.POSTING_ZLIB_LEVEL).
    writer._compression = settings.POSTING_ZLIB_LEVEL
    return writer


def write_term_blocks(fieldwriter, btext: bytes, docs: array, weights: array, values: list[bytes],
                      facts: BlockFacts, block: int, offset: int) -> int:
    """One term's postings (`offset` = its first posting in the field) through Whoosh's posting writer, each
    block's facts taken from `facts` from block number `block` on; the next term's block number.

    Byte for byte what write_term writes (tests/test_segment_writer.py compares the files): Whoosh's own
    `_write_block` still pickles, compresses and records each block, only the per-posting Python loops it
    would run (delta encoding, weight checks, length bounds) are replaced by the numpy ones in BlockFacts.
    """
    writer = _start_term(fieldwriter, btext)
    limit, size, has_values = writer._blocklimit, len(docs), bool(values)
    deltas = facts.deltas
    try:
        for start in range(0, size, limit):
            end = min(start + limit, size)
            writer._ids = docs[start:end]
            writer._weights = weights[start:end]
            writer._values = values[start:end] if has_values else []
            writer._maxweight = facts.max_weight[block]
            writer._minlength, writer._maxlength = facts.min_length[block], facts.max_length[block]
            ids = tuple(deltas[offset + start: offset + end])
            shown = facts.weights[block] if facts.uniform[block] else tuple(
                facts.weight_list[offset + start: offset + end])
            writer._mini_ids = lambda ids=ids: ids  # instance attributes: Whoosh's _write_block calls them
            writer._mini_weights = lambda shown=shown: shown
            block += 1
            if end < size:
                writer._write_block()
        fieldwriter.finish_term()
    finally:
        writer.__dict__.pop("_mini_ids", None)
        writer.__dict__.pop("_mini_weights", None)
    return block


def write_small_field(fieldwriter, terms: dict[bytes, TermPostings], lengths: np.ndarray | None) -> None:
    """A small field's terms (the fields other than the text, their postings kept per term) in term order."""
    order = sorted(terms)
    if not settings.POSTING_BLOCKS_IN_NUMPY or not order:
        for btext in order:
            p = terms[btext]
            write_term(fieldwriter, btext, p.docs, p.weights, p.values, lengths)
        return
    sizes = np.array([len(terms[b].docs) for b in order], dtype=np.int64)
    ends = np.cumsum(sizes)
    facts = BlockFacts.of(np.concatenate([np.frombuffer(terms[b].docs, dtype=np.uint32) for b in order]),
                          np.concatenate([np.frombuffer(terms[b].weights, dtype=np.float32) for b in order]),
                          ends - sizes, ends, fieldwriter._postwriter._blocklimit, lengths)
    block = 0
    for btext, start in zip(order, (ends - sizes).tolist()):
        p = terms[btext]
        block = write_term_blocks(fieldwriter, btext, p.docs, p.weights, p.values, facts, block, start)


def write_term(fieldwriter, btext: bytes, docs: array, weights: array, values: list[bytes],
               lengths: np.ndarray | None = None) -> None:
    """One term's postings through Whoosh's posting writer, a full block at a time.

    The blocks are those `add_posting` makes one posting at a time: full blocks of the codec's limit, the
    last one written by `finish_postings`; each block's length bounds come from `lengths` (the field length
    of every paragraph of the segment, as Whoosh reads it back), so any Whoosh reader sees true statistics.
    """
    writer = _start_term(fieldwriter, btext)
    limit, size, has_values = writer._blocklimit, len(docs), bool(values)
    for start in range(0, size, limit):
        chunk_weights = weights[start: start + limit]
        writer._ids = docs[start: start + limit]
        writer._weights = chunk_weights
        writer._values = values[start: start + limit] if has_values else []
        writer._maxweight = max(0, max(chunk_weights))
        writer._minlength, writer._maxlength = _length_bounds(lengths, docs, start, limit)
        if start + limit < size:
            writer._write_block()
    fieldwriter.finish_term()


def _length_bounds(lengths: np.ndarray | None, docs: array, start: int, limit: int) -> tuple[int | None, int]:
    """The smallest non-zero and the largest field length of a block's paragraphs (Whoosh's block statistics)."""
    if lengths is None:
        return None, 0
    chunk = lengths[np.frombuffer(docs, dtype=np.uint32)[start: start + limit]]
    present = chunk[chunk > 0]
    return (int(present.min()) if present.size else None), int(chunk.max()) if chunk.size else 0


def decoded_lengths(length_bytes, count: int) -> np.ndarray:
    """Field lengths per paragraph from their one-byte column values, as Whoosh's readers decode them."""
    table = np.array([byte_to_length(b) for b in range(256)], dtype=np.int64)
    raw = np.zeros(count, dtype=np.int64)
    if length_bytes is not None:
        values = np.frombuffer(length_bytes, dtype=np.uint8)[:count]
        raw[: len(values)] = values
    return table[raw]


@dataclass
class GroupedPostings:
    """A field's word occurrences grouped into postings, ordered by term (as Whoosh orders terms), then docnum."""

    word_ids: np.ndarray  # per posting: the word
    docs: np.ndarray      # per posting: the docnum (uint32)
    freqs: np.ndarray     # per posting: how often the word occurs in the paragraph
    first: np.ndarray     # per posting: where its position deltas start in `deltas`
    deltas: np.ndarray    # every occurrence's position minus the previous one in the same posting

    def terms(self):
        """(word id, first posting, end) for each term, in order."""
        bounds = np.flatnonzero(np.diff(self.word_ids)) + 1
        starts, ends = np.concatenate([[0], bounds]), np.concatenate([bounds, [len(self.word_ids)]])
        return zip(self.word_ids[starts].tolist(), starts.tolist(), ends.tolist())


def group_postings(tokens: np.ndarray, lengths: np.ndarray, ranks: np.ndarray) -> GroupedPostings:
    """Postings from paragraphs' word ids (`tokens`, `lengths` words per paragraph) and each word's term rank."""
    tokens, lengths = tokens.astype(np.int64), lengths.astype(np.int64)
    count = max(len(lengths), 1)
    docs = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    positions = np.arange(len(tokens), dtype=np.int64) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    keys = ranks[tokens] * count + docs
    order = np.argsort(keys, kind="stable")  # stable: positions stay ascending within a posting
    keys, positions = keys[order], positions[order]
    unique, first, freqs = np.unique(keys, return_index=True, return_counts=True)
    deltas = positions.copy()
    deltas[1:] -= positions[:-1]
    deltas[first] = positions[first]  # each posting's first position is stored from 0
    word_of_rank = np.empty(len(ranks), dtype=np.int64)
    word_of_rank[ranks] = np.arange(len(ranks))
    return GroupedPostings(word_of_rank[unique // count], (unique % count).astype(np.uint32), freqs, first, deltas)


def write_text_postings(fieldwriter, field, text_ids: array, text_lengths: array,
                        vocabulary: dict[str, int], lengths: np.ndarray | None = None) -> None:
    """A text field's postings from its paragraphs' word ids, each term handed to Whoosh's posting writer."""
    words = [""] * len(vocabulary)
    for word, i in vocabulary.items():
        words[i] = word
    grouped = group_postings(np.frombuffer(text_ids, dtype=np.int32), np.frombuffer(text_lengths, dtype=np.int32),
                             sorted_ranks(words))
    values = (encoded_positions(grouped.deltas, grouped.first, grouped.freqs) if field.format.supports("positions")
              else encoded_frequencies(grouped.freqs))
    weight_array = (grouped.freqs * field.format.field_boost).astype(np.float32)
    docs, weights = grouped.docs.tobytes(), weight_array.tobytes()
    terms = list(grouped.terms())
    if not settings.POSTING_BLOCKS_IN_NUMPY:
        for word_id, start, end in terms:
            write_term(fieldwriter, words[word_id].encode("utf-8"), array("I", docs[start * 4: end * 4]),
                       array("f", weights[start * 4: end * 4]), values[start:end], lengths)
        return
    bounds = np.array([(start, end) for _, start, end in terms], dtype=np.int64).reshape(-1, 2)
    facts = BlockFacts.of(grouped.docs, weight_array, bounds[:, 0], bounds[:, 1],
                          fieldwriter._postwriter._blocklimit, lengths)
    block = 0
    for word_id, start, end in terms:
        block = write_term_blocks(fieldwriter, words[word_id].encode("utf-8"), array("I", docs[start * 4: end * 4]),
                                  array("f", weights[start * 4: end * 4]), values[start:end], facts, block, start)
