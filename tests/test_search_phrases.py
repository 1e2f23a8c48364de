"""Phrases matched on word-id sequences (numpy) equal Whoosh's positional phrase matching, on many phrases."""
from __future__ import annotations

import random

import numpy as np
import pytest
from whoosh import query as wq

from indexer.backends import SearchBackend, open_backend
from indexer.backends.embedded.query.phrases import phrase_docnums


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


def test_sequence_phrases_equal_whoosh_phrases(gen):
    checked = 0
    for words in _phrases(gen):
        q = wq.Phrase("text", words)
        ours = phrase_docnums(gen, q)
        matcher = q.matcher(gen.searcher)
        expected = list(matcher.all_ids()) if matcher.is_active() else []
        assert ours.tolist() == expected, words
        checked += bool(expected)
    assert checked > 150  # most sampled phrases do occur


def test_repeated_word_phrase(gen):
    ours = phrase_docnums(gen, wq.Phrase("text", ["very", "very"]))
    matcher = wq.Phrase("text", ["very", "very"]).matcher(gen.searcher)
    assert ours.tolist() == (list(matcher.all_ids()) if matcher.is_active() else [])


def test_slop_and_other_fields_are_left_to_whoosh(gen):
    assert phrase_docnums(gen, wq.Phrase("title", ["children", "in"])) is None
    assert phrase_docnums(gen, wq.Phrase("text", ["children", "care"], slop=3)) is None
    assert isinstance(phrase_docnums(gen, wq.Phrase("text", ["children", "in", "care"])), np.ndarray)


def test_unknown_word_phrase_matches_nothing(gen):
    assert phrase_docnums(gen, wq.Phrase("text", ["children", "zzzqqq"])).size == 0


def test_sequences_cover_every_paragraph(gen):
    vocab, fields = gen.sequences
    words = {i: w for w, i in vocab.items()}
    analyzer = gen.schema["text"].analyzer
    for field, seq in fields.items():
        assert len(seq.starts) == gen.size and int(seq.lengths.sum()) == len(seq.tokens)
        for docnum in range(0, gen.size, 7):
            start, length = int(seq.starts[docnum]), int(seq.lengths[docnum])
            assert [words[i] for i in seq.tokens[start:start + length]] == \
                [t.text for t in analyzer(gen.stored(docnum).get(field, ""))]


def test_heading_phrases_equal_whoosh(gen):
    for words in (["children", "in", "care"], ["the", "local", "author"], ["help", "and", "protect"]):
        q = wq.Phrase("heading", words)
        matcher = q.matcher(gen.searcher)
        assert phrase_docnums(gen, q).tolist() == (list(matcher.all_ids()) if matcher.is_active() else [])
