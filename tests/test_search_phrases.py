"""Phrases matched on word-id sequences (numpy) equal Whoosh's positional phrase matching, on many phrases."""
from __future__ import annotations

import random

import pytest

from indexer.search import querytree as qt

from indexer.backends import open_backend
from indexer.backends.embedded.query.phrases import phrase_docnums
from tests import phrase_reference as reference


@pytest.fixture(scope="module")
def gen(fixture_index):
    return open_backend(fixture_index).generation()


def _phrases(gen, count: int = 300) -> list[list[str]]:
    """Runs of 2-5 analysed words from the corpus, some reversed (absent), and common-word phrases."""
    rng = random.Random(7)
    analyzer = gen.schema["text"].analyzer
    texts = [gen.stored(d).get("text", "") for d in range(gen.size)]
    out = [[t.text for t in analyzer(p)] for p in ("requires improvement to be good", "children in care",
                                                   "the local authority", "of the", "to be", "in the")]
    while len(out) < count:
        words = [t.text for t in analyzer(rng.choice(texts))]
        if len(words) < 6:
            continue
        size = rng.randint(2, 5)
        start = rng.randrange(len(words) - size)
        run = words[start:start + size]
        out.append(run[::-1] if rng.random() < 0.2 else run)
    return out


def test_pair_phrases_equal_a_scan_of_the_stored_text(gen):
    # Whoosh's postings keep no positions (index/schema.py): the reference is the stored text, analysed.
    checked = 0
    for words in _phrases(gen):
        ours = phrase_docnums(gen, qt.Phrase("text", tuple(words)))
        expected = reference.phrase_docnums(gen, "text", words)
        assert ours.tolist() == expected, words
        checked += bool(expected)
    assert checked > 150  # most sampled phrases do occur


def test_repeated_word_phrase(gen):
    ours = phrase_docnums(gen, qt.Phrase("text", ("very", "very")))
    assert ours.tolist() == reference.phrase_docnums(gen, "text", ["very", "very"])


def test_a_field_without_word_sequences_has_no_phrases(gen):
    assert phrase_docnums(gen, qt.Phrase("title", ("children", "in"))).tolist() == []
    assert phrase_docnums(gen, qt.Phrase("text", ("children", "in", "care"))).size > 0
