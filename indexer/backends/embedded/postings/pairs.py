"""Word pairs with their positions, for phrases: Elasticsearch's `index_phrases`, positional.

Every two adjacent words of a paragraph are one pair, recorded with the paragraph and the position it starts at.
A phrase of n words is then n - 1 pair lookups whose occurrences must line up (pair i at the phrase's start + i),
an intersection of sorted arrays: no paragraph's word sequence is read, however common the words ("children in
care" is in 12 % of the paragraphs, and checking every candidate's words took half a second at a million).

Files per field and part (beside the inverted postings, postings/inverted.py): inv_<field>_<part>_pair_{keys,
offsets,docs,pos}.npy: pair keys (left id << 32 | right id) ascending, where each key's occurrences start, and the
occurrences' docnums and positions, ordered by (docnum, position) within a key.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from indexer.backends.embedded.postings.sequences import Sequences

_CHUNK_TOKENS = 20_000_000  # occurrences sorted per pass (bounds the build's memory)
_NAMES = ("keys", "offsets", "docs", "pos")


def pair_files(folder: Path, field: str, part: str) -> dict[str, Path]:
    """The four files of one field's pairs in one part."""
    return {n: Path(folder) / f"inv_{field}_{part}_pair_{n}.npy" for n in _NAMES}


def pair_key(left: int | np.ndarray, right: int | np.ndarray):
    """One integer for two adjacent word ids."""
    return (np.asarray(left, dtype=np.int64) << 32) | np.asarray(right, dtype=np.int64)


def write_pairs(files: dict[str, Path], seq: Sequences, first: int, vocab_size: int) -> None:
    """Record every adjacent pair of the sequences of docnums `first`.. (contiguous at the end of the token file)."""
    starts = np.asarray(seq.starts[first:], dtype=np.int64)
    lengths = np.asarray(seq.lengths[first:], dtype=np.int64)
    order = np.argsort(starts, kind="stable")
    low = int(starts[order[0]]) if len(starts) else 0
    ordered_lengths = lengths[order]
    tokens = np.asarray(seq.tokens[low: low + int(ordered_lengths.sum())])
    owner = np.repeat(order.astype(np.int32), ordered_lengths)  # docnum - first, per word
    first_word = np.zeros(len(order), dtype=np.int64)           # docnum - first -> its first word's index
    first_word[order] = np.cumsum(ordered_lengths) - ordered_lengths
    longest = int(lengths.max(initial=0))  # positions in one byte when every paragraph is that short
    pos_type = np.uint8 if longest <= 1 << 8 else np.uint16 if longest <= 1 << 16 else np.int32
    in_order = bool(np.all(np.diff(order) > 0))  # words laid out by docnum: word order is (docnum, position)
    same = owner[:-1] == owner[1:] if len(tokens) > 1 else np.zeros(0, dtype=bool)  # a pair starts here
    vocab_size = max(vocab_size, int(tokens.max(initial=0)) + 1)
    # Passes over ranges of the left word, each about _CHUNK_TOKENS pairs.
    counts = np.bincount(tokens, minlength=vocab_size)
    edges = np.searchsorted(np.cumsum(counts), np.arange(_CHUNK_TOKENS, max(len(tokens), 1), _CHUNK_TOKENS))
    bounds = [0, *sorted({int(e) + 1 for e in edges if 0 < int(e) + 1 < vocab_size}), vocab_size]
    keys, offsets, docs, positions, written = [], [], [], [], 0
    for low_id, high_id in zip(bounds, bounds[1:]):
        left = tokens[:-1]
        at = np.flatnonzero(same & (left >= low_id) & (left < high_id))
        dense, at = _sorted_pairs(tokens, at, vocab_size, owner if not in_order else None)
        new = np.r_[True, dense[1:] != dense[:-1]] if len(dense) else np.zeros(0, dtype=bool)
        keys.append(pair_key(dense[new] // vocab_size, dense[new] % vocab_size))
        offsets.append(np.flatnonzero(new) + written)
        chunk_owner = owner[at]
        docs.append((chunk_owner + first).astype(np.int32))
        positions.append((at - first_word[chunk_owner]).astype(pos_type))
        written += len(at)
    np.save(files["keys"], np.concatenate(keys) if keys else np.zeros(0, np.int64))
    np.save(files["offsets"], np.append(np.concatenate(offsets) if offsets else np.zeros(0), written).astype(np.int64))
    np.save(files["docs"], np.concatenate(docs) if docs else np.zeros(0, np.int32))
    np.save(files["pos"], np.concatenate(positions) if positions else np.zeros(0, pos_type))


def _sorted_pairs(tokens: np.ndarray, at: np.ndarray, vocab_size: int,
                  owner: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """The pairs starting at word indexes `at` as dense ids (left * vocab_size + right), ordered by pair, then by
    word index (or, when words are not laid out by docnum, by `owner` then word index); and the indexes so."""
    dense = tokens[at].astype(np.int64) * vocab_size + tokens[at + 1]
    if owner is None and vocab_size * vocab_size * (len(tokens) + 1) < 1 << 62:
        # One plain sort of (pair, word index) packed in an integer: three times faster than a stable argsort.
        packed = dense * len(tokens) + at
        packed.sort()
        dense = packed // len(tokens)
        return dense, packed - dense * len(tokens)
    sort = np.lexsort((at, dense) if owner is None else (at, owner[at], dense))
    return dense[sort], at[sort]


@dataclass
class PairPart:
    """One field's pairs in one part, memory-mapped."""

    keys: np.ndarray
    offsets: np.ndarray
    docs: np.ndarray
    pos: np.ndarray

    def occurrences(self, key: int) -> tuple[np.ndarray, np.ndarray]:
        """Docnums and positions of one pair (empty when absent)."""
        i = int(np.searchsorted(self.keys, key))
        if i == len(self.keys) or int(self.keys[i]) != key:
            return self.docs[:0], self.pos[:0]
        start, end = int(self.offsets[i]), int(self.offsets[i + 1])
        return self.docs[start:end], self.pos[start:end]

    def phrase(self, ids: list[int]) -> np.ndarray:
        """Docnums (ascending, unique) where the word ids occur as one run."""
        size = len(ids)
        found = None
        lookups = sorted(((self.occurrences(int(pair_key(ids[i], ids[i + 1]))), i) for i in range(size - 1)),
                         key=lambda item: len(item[0][0]))
        for (docs, pos), i in lookups:
            if not len(docs):
                return np.zeros(0, dtype=np.int64)
            # Where the phrase would start, shifted by its length so it is never negative; one sorted integer.
            starts = (docs.astype(np.int64) << 32) | (pos.astype(np.int64) + (size - i))
            if found is None:
                found = starts
                continue
            at = np.minimum(np.searchsorted(starts, found), len(starts) - 1)
            found = found[starts[at] == found]
            if not len(found):
                return np.zeros(0, dtype=np.int64)
        docnums = found >> 32
        return docnums[np.r_[True, docnums[1:] != docnums[:-1]]] if len(docnums) else docnums


def load_pairs(folder: Path, field: str, parts: list[str]) -> list[PairPart] | None:
    """A field's pairs in every part, or None when any part has none (a generation built before them)."""
    out = []
    for part in parts:
        files = pair_files(folder, field, part)
        if not all(path.exists() for path in files.values()):
            return None
        try:
            out.append(PairPart(*(np.load(path, mmap_mode="r") for path in files.values())))
        except (OSError, ValueError):
            return None
    return out


def phrase_in_parts(parts: list[PairPart], ids: list[int]) -> np.ndarray:
    """Docnums (ascending) where the word ids occur as one run, over every part (parts hold disjoint docnums)."""
    found = [part.phrase(ids) for part in parts]
    found = [f for f in found if len(f)]
    return np.concatenate(found) if found else np.zeros(0, dtype=np.int64)
