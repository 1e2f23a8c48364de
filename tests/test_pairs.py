"""Phrases from word pairs with positions find exactly the paragraphs a check of the word sequences finds."""
from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np

from indexer.backends.embedded.write.build import rebuild
from indexer.backends import open_backend
from indexer.backends.embedded.postings.pairs import PairPart, pair_key, phrase_in_parts
from indexer.backends.embedded.write.update import update

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _by_sequences(gen, field: str, ids: list[int]) -> np.ndarray:
    """The phrase checked on every paragraph's word sequence (the slow, obvious way)."""
    return gen.sequences[1][field].containing(np.arange(gen.size), ids)


def _phrases(gen, field: str, rng, count: int) -> list[list[int]]:
    """Runs of 2-4 word ids taken from paragraphs, and a few shuffled ones that may occur nowhere."""
    seq = gen.sequences[1][field]
    out = []
    while len(out) < count:
        docnum = int(rng.integers(gen.size))
        length, start = int(seq.lengths[docnum]), int(seq.starts[docnum])
        size = int(rng.integers(2, 5))
        if length < size:
            continue
        at = start + int(rng.integers(0, length - size + 1))
        ids = [int(i) for i in seq.tokens[at: at + size]]
        out.append(ids if len(out) % 5 else ids[::-1])
    return out


def test_pairs_find_what_the_sequences_find(fixture_index):
    gen = open_backend(fixture_index).generation()
    assert set(gen.pairs) == {"text", "heading"}
    rng = np.random.default_rng(7)
    for field in ("text", "heading"):
        for ids in _phrases(gen, field, rng, 60):
            assert phrase_in_parts(gen.pairs[field], ids).tolist() == _by_sequences(gen, field, ids).tolist(), ids


def test_pairs_after_an_update_span_both_parts(tmp_path):
    folder = tmp_path / "src"
    shutil.copytree(SEEDS, folder)
    index_dir = tmp_path / "index"
    rebuild([folder], index_dir)
    shutil.copy(FIXTURES / "roundup-2024.html", folder / "roundup-2024.html")
    update([folder], index_dir)
    gen = open_backend(index_dir).generation()
    assert len(gen.pairs["text"]) == 2
    # The inverted postings of both parts are there too (a name clash once linked the pairs' files over them,
    # and every query fell back to decoding Whoosh's posting blocks: 40x slower at a million paragraphs).
    assert gen.inverted is not None and len(gen.inverted["text"]) == 2
    rng = np.random.default_rng(8)
    for ids in _phrases(gen, "text", rng, 60):
        assert phrase_in_parts(gen.pairs["text"], ids).tolist() == _by_sequences(gen, "text", ids).tolist(), ids


def test_a_phrase_needs_its_pairs_lined_up():
    # Paragraph 0: 1 2 3; paragraph 1: 1 2 9 2 3 (both pairs, not in a run); paragraph 2: 2 3 1 2 3.
    occurrences = {(1, 2): [(0, 0), (1, 0), (2, 2)], (2, 3): [(0, 1), (1, 3), (2, 0), (2, 3)],
                   (2, 9): [(1, 1)], (9, 2): [(1, 2)], (3, 1): [(2, 1)]}
    keys = sorted(occurrences, key=lambda k: int(pair_key(*k)))
    offsets = np.cumsum([0] + [len(occurrences[k]) for k in keys])
    docs = np.array([d for k in keys for d, _ in occurrences[k]], dtype=np.int32)
    pos = np.array([p for k in keys for _, p in occurrences[k]], dtype=np.uint16)
    part = PairPart(np.array([int(pair_key(*k)) for k in keys]), offsets, docs, pos)
    assert part.phrase([1, 2, 3]).tolist() == [0, 2]
    assert part.phrase([2, 3]).tolist() == [0, 1, 2]
    assert part.phrase([3, 2]).tolist() == []
