"""Posting arrays read a block at a time equal Whoosh's public postings, and the fallback agrees."""
from __future__ import annotations

import pytest

from indexer.backends import open_backend
from indexer.backends.embedded.postings.whoosh_postings import block_reading_works, read_postings


@pytest.fixture(scope="module")
def gen(fixture_index):
    return open_backend(fixture_index).generation()  # kept alive: its searchers close when it is collected


@pytest.fixture(scope="module")
def reader(gen):
    return gen.searcher.reader()


def test_block_reading_is_available_on_this_codec(reader):
    assert block_reading_works(reader)


@pytest.mark.parametrize("fast", [True, False])
def test_block_postings_equal_whoosh_postings(reader, fast):
    for word in ("children", "caseload", "inadequ", "medway"):
        got = read_postings(reader, "text", word, fast=fast)
        slow = list(reader.postings("text", word.encode()).items_as("frequency"))
        assert slow and got.docnums.tolist() == [d for d, _ in slow]
        assert got.freqs.tolist() == [float(f) for _, f in slow]


def test_unknown_word_has_no_postings(reader):
    assert read_postings(reader, "text", "zzzqqq", fast=True).docnums.size == 0
