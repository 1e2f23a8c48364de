"""Counting by document gives exactly the paragraph-by-paragraph counts, mixed documents included."""
from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from indexer.backends import SearchBackend, open_backend
from indexer.backends.embedded.collector.counting import Matches, count_codes, document_codes
from indexer.search.facets import value_codes, value_counts, year_counts

# Three documents: 0 uniform (code 2), 1 mixed (codes 1 and 3), 2 uniform with no value (code 0).
DOC_IDS = np.array([0, 0, 1, 1, 1, 2, 2], dtype=np.int32)
CODES = np.array([2, 2, 1, 3, 1, 0, 0], dtype=np.int32)
GEN = SimpleNamespace(doc_ids=DOC_IDS, doc_names=["a", "b", "c"])


def test_document_view_lists_only_mixed_documents_paragraphs():
    coded = document_codes(GEN, "t", CODES)
    assert coded.doc_codes.tolist() == [2, 0, 0]
    assert coded.mixed.tolist() == [2, 3, 4]
    assert coded.size == 4


def test_counts_equal_paragraph_counts_for_any_mask():
    coded = document_codes(GEN, "t", CODES)
    rng = np.random.default_rng(3)
    for _ in range(50):
        mask = rng.random(len(CODES)) < 0.5
        expected = np.bincount(CODES[mask], minlength=4)
        # code 0 (no value) is not counted: only codes 1.. are compared
        assert count_codes(coded, CODES, Matches(GEN, mask))[1:].tolist() == expected[1:].tolist()


def test_per_document_counts_are_computed_once():
    matches = Matches(GEN, np.array([1, 0, 1, 1, 0, 0, 1], dtype=bool))
    assert matches.per_document.tolist() == [1, 2, 1]
    assert matches.per_document is matches.per_document


def test_real_index_facets_equal_paragraph_counting(fixture_index):
    gen = open_backend(fixture_index).generation()
    assert len(document_codes(gen, ("keyword", "council"), value_codes(gen, "council").codes).mixed)  # round-ups
    paragraph_view = SimpleNamespace(size=gen.size, years=gen.years, keyword_postings=gen.keyword_postings)
    rng = np.random.default_rng(5)
    for share in (0.02, 0.5, 1.0):
        mask = rng.random(gen.size) < share
        for name in gen.keyword_postings:
            assert value_counts(gen, name, mask) == value_counts(paragraph_view, name, mask), name
        assert year_counts(gen, mask) == year_counts(paragraph_view, mask)


def test_generation_per_document_helpers_equal_gathers(fixture_index):
    gen = open_backend(fixture_index).generation()
    assert gen.document_runs is not None  # a rebuild numbers paragraphs document by document
    rng = np.random.default_rng(9)
    mask = rng.random(gen.size) < 0.3
    documents = len(gen.doc_names)
    assert gen.count_per_document(mask).tolist() == np.bincount(gen.doc_ids[mask], minlength=documents).tolist()
    expected = np.zeros(documents, dtype=bool)
    expected[gen.doc_ids[mask]] = True
    assert gen.any_per_document(mask).tolist() == expected.tolist()
    values = rng.integers(0, 9, documents)
    assert gen.per_paragraph(values).tolist() == values[gen.doc_ids].tolist()
    for doc in (0, documents // 2, documents - 1):
        assert gen.docnums_of(doc).tolist() == np.flatnonzero(np.asarray(gen.doc_ids) == doc).tolist()


def test_sums_per_document_equal_a_bincount(fixture_index):
    gen = open_backend(fixture_index).generation()
    rng = np.random.default_rng(10)
    for share in (0.001, 0.2, 1.0):
        docnums = np.flatnonzero(rng.random(gen.size) < share)
        values = rng.integers(1, 5, len(docnums)).astype(np.float32)
        expected = np.bincount(gen.doc_ids[docnums], weights=values, minlength=len(gen.doc_names))
        assert np.array_equal(gen.sum_per_document(docnums, values), expected)
