"""Posting arrays for every word of text and heading, inverted from the word sequences at build time.

Reading a common word's postings from Whoosh meant decoding hundreds of blocks in Python (~0.25 s for a
word in 90% of 100k paragraphs); these are memory-mapped slices. A full build writes one part; each
update adds a part for its new paragraphs (older parts are shared by hard link, removed ones masked).
Files in `arrays/`: inv_<field>_<part>_{terms,offsets,docs,freqs}.npy and inverted.json (the parts).
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from indexer.backends.embedded.postings.pairs import pair_files, write_pairs
from indexer.backends.embedded.postings.sequences import Sequences

PARTS = "inverted.json"
_CHUNK_TOKENS = 20_000_000  # words inverted per pass (bounds the build's memory)
_NAMES = ("terms", "offsets", "docs", "freqs")


def _files(folder: Path, field: str, part: str) -> dict[str, Path]:
    return {n: folder / f"inv_{field}_{part}_{n}.npy" for n in _NAMES}


def build_part(folder: Path, sequences: dict[str, Sequences], first: int, vocab_size: int,
               previous: Path | None = None) -> None:
    """Invert the sequences of docnums `first`.. into a new part (after the previous generation's parts)."""
    folder = Path(folder)
    parts = load_parts(previous) if previous is not None else []
    for part in parts:  # unchanged parts are shared with the previous generation
        for field in sequences:
            for files in (_files, pair_files):
                mine = files(folder, field, part)
                for name, path in files(previous, field, part).items():
                    if path.exists():  # a generation built before word pairs has none (phrases read sequences)
                        os.link(path, mine[name])
    part = str(len(parts))
    for field, seq in sequences.items():
        _invert(_files(folder, field, part), seq, first, vocab_size)
        write_pairs(pair_files(folder, field, part), seq, first, vocab_size)
    (folder / PARTS).write_text(json.dumps({"parts": [*parts, part]}), encoding="utf-8")


def _invert(files: dict[str, Path], seq: Sequences, first: int, vocab_size: int) -> None:
    """One field's postings for docnums `first`.. (their words are contiguous at the end of the token file)."""
    starts = np.asarray(seq.starts[first:], dtype=np.int64)
    lengths = np.asarray(seq.lengths[first:], dtype=np.int64)
    span = len(starts)
    order = np.argsort(starts, kind="stable")
    low = int(starts[order[0]]) if span else 0
    tokens = np.asarray(seq.tokens[low: low + int(lengths.sum())])
    owner = np.repeat(order.astype(np.int32), lengths[order])  # docnum - first, per word (int32: bounded memory)
    counts = np.bincount(tokens, minlength=vocab_size) if len(tokens) else np.zeros(vocab_size, np.int64)
    edges = np.searchsorted(np.cumsum(counts), np.arange(_CHUNK_TOKENS, max(len(tokens), 1), _CHUNK_TOKENS))
    bounds = [0, *sorted({int(e) + 1 for e in edges if 0 < int(e) + 1 < vocab_size}), vocab_size]
    terms, offsets, docs, freqs = [], [], [], []
    written = 0
    for low_id, high_id in zip(bounds, bounds[1:]):
        picked = np.flatnonzero((tokens >= low_id) & (tokens < high_id))
        keys, tf = np.unique(tokens[picked].astype(np.int64) * max(span, 1) + owner[picked], return_counts=True)
        del picked
        # Each pass keeps only its compact results (int32 docs, uint16 frequencies, one entry per term):
        # holding every posting's term as int64 until the end took 3 GB at a million paragraphs.
        chunk_terms, chunk_first = np.unique(keys // max(span, 1), return_index=True)
        terms.append(chunk_terms.astype(np.int32))
        offsets.append(chunk_first + written)
        docs.append((keys % max(span, 1) + first).astype(np.int32))
        freqs.append(np.minimum(tf, 65535).astype(np.uint16))
        written += len(keys)
    np.save(files["terms"], np.concatenate(terms) if terms else np.zeros(0, np.int32))
    np.save(files["offsets"], np.append(np.concatenate(offsets) if offsets else np.zeros(0), written).astype(np.int64))
    np.save(files["docs"], np.concatenate(docs) if docs else np.zeros(0, np.int32))
    freqs = np.concatenate(freqs) if freqs else np.zeros(0, np.uint16)
    # A word rarely occurs 256 times in one paragraph: one byte a posting then (readers widen as they read).
    np.save(files["freqs"], freqs.astype(np.uint8) if int(freqs.max(initial=0)) < 256 else freqs)


def load_parts(folder: Path) -> list[str]:
    """The part names of a generation (empty when it has no inverted postings)."""
    try:
        return json.loads((Path(folder) / PARTS).read_text(encoding="utf-8"))["parts"]
    except (OSError, ValueError, KeyError):
        return []


@dataclass
class Part:
    """One field's postings in one part, memory-mapped."""

    terms: np.ndarray
    offsets: np.ndarray
    docs: np.ndarray
    freqs: np.ndarray

    def postings(self, word_id: int) -> tuple[np.ndarray, np.ndarray] | None:
        i = int(np.searchsorted(self.terms, word_id))
        if i == len(self.terms) or self.terms[i] != word_id:
            return None
        start, end = int(self.offsets[i]), int(self.offsets[i + 1])
        return self.docs[start:end], self.freqs[start:end]


def load(folder: Path, fields) -> dict[str, list[Part]] | None:
    """Each field's parts, or None when the generation has none."""
    parts = load_parts(folder)
    if not parts:
        return None
    try:
        return {field: [Part(*(np.load(p, mmap_mode="r") for p in _files(Path(folder), field, part).values()))
                        for part in parts] for field in fields}
    except (OSError, ValueError):
        return None


def postings(parts: list[Part], word_id: int, boost: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """A word's docnums (int64, ascending) and weights (float32: frequency x the field's boost, as Whoosh
    stores them) across the parts."""
    found = [p for p in (part.postings(word_id) for part in parts) if p is not None]
    if not found:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    return (np.concatenate([d for d, _ in found]).astype(np.int64),
            (np.concatenate([f for _, f in found]).astype(np.float64) * boost).astype(np.float32))
