"""Counting by document gives exactly the paragraph-by-paragraph counts, mixed documents included."""
from __future__ import annotations

import numpy as np

from indexer.backends import open_backend
from indexer.backends.embedded.collector.counting import Matches, count_codes, document_codes
from indexer.backends.embedded.collector.facets import value_codes, value_counts, year_counts



def _paragraph_counts(gen, name: str, mask: np.ndarray) -> dict[str, int]:
    """An independent count: each value's postings intersected with the mask."""
    return {value: int(np.count_nonzero(mask[ids])) for value, ids in gen.keyword_postings[name].items()}


def test_document_view_lists_only_mixed_documents_paragraphs(fixture_index):
    gen = open_backend(fixture_index).generation()
    codes = value_codes(gen, "council").codes
    coded = document_codes(gen, ("keyword", "council"), codes)
    for doc in range(len(gen.doc_names)):
        paragraphs = gen.docnums_of(doc)
        uniform = len(set(codes[paragraphs].tolist())) == 1
        assert (coded.doc_codes[doc] == codes[paragraphs][0]) if uniform else coded.doc_codes[doc] == 0
        assert set(np.intersect1d(coded.mixed, paragraphs).tolist()) == (set() if uniform else set(paragraphs.tolist()))
    assert len(coded.mixed)  # the round-up fixtures mix councils within a document


def test_counts_equal_paragraph_counts_for_any_mask(fixture_index):
    gen = open_backend(fixture_index).generation()
    codes = value_codes(gen, "council").codes
    coded = document_codes(gen, ("keyword", "council"), codes)
    rng = np.random.default_rng(3)
    for _ in range(20):
        mask = rng.random(gen.size) < rng.random()
        expected = np.bincount(codes[mask], minlength=coded.size)
        assert count_codes(coded, codes, Matches(gen, mask))[1:].tolist() == expected[1:].tolist()


def test_per_document_counts_are_computed_once(fixture_index):
    gen = open_backend(fixture_index).generation()
    mask = np.random.default_rng(4).random(gen.size) < 0.3
    matches = Matches(gen, mask)
    assert matches.per_document.tolist() == np.bincount(gen.doc_ids[mask], minlength=len(gen.doc_names)).tolist()
    assert matches.per_document is matches.per_document


def test_real_index_facets_equal_paragraph_counting(fixture_index):
    gen = open_backend(fixture_index).generation()
    assert len(document_codes(gen, ("keyword", "council"), value_codes(gen, "council").codes).mixed)  # round-ups
    rng = np.random.default_rng(5)
    for share in (0.02, 0.5, 1.0):
        mask = rng.random(gen.size) < share
        for name in gen.keyword_postings:
            assert value_counts(gen, name, mask) == _paragraph_counts(gen, name, mask), name
        years, counts = np.unique(gen.years[mask & (gen.years > 0)], return_counts=True)
        assert year_counts(gen, mask) == {int(y): int(c) for y, c in zip(years, counts)}


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
