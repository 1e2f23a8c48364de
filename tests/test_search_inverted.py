"""Posting arrays inverted from the word sequences equal Whoosh's postings, word for word, in both fields."""
from __future__ import annotations

import pytest

from indexer.backends import open_backend
from indexer.backends.embedded.postings.whoosh_postings import read_postings


@pytest.fixture(scope="module")
def gen(fixture_index):
    return open_backend(fixture_index).generation()


@pytest.mark.parametrize("field", ["text", "heading"])
def test_inverted_postings_equal_whoosh_postings(gen, field):
    reader = gen.searcher.reader()
    assert gen.inverted is not None
    words = [t.decode("utf-8") for t in reader.lexicon(field)]
    assert len(words) > 30
    for word in words:
        ours = gen.term_postings(field, word)
        theirs = read_postings(reader, field, word, fast=False)
        assert ours.docnums.tolist() == theirs.docnums.tolist(), word
        assert ours.freqs.tolist() == theirs.freqs.tolist(), word


def test_word_not_in_the_corpus_has_no_postings(gen):
    assert gen.term_postings("text", "zzzqqq").docnums.size == 0
