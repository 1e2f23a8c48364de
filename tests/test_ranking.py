"""Numpy BM25F and best-per-document ordering."""
from __future__ import annotations

import numpy as np
import pytest

from indexer.backends.embedded.collector.ranking import FieldStats, TermPostings, best_first, bm25f


def test_bm25f_prefers_rarer_terms_higher_tf_and_shorter_paragraphs():
    lengths = np.array([10, 10, 100, 10], dtype=np.float32)
    field = FieldStats(lengths, float(lengths.mean()), 1.0)
    common = TermPostings(np.array([0, 1, 2, 3]), np.array([1, 1, 1, 1], dtype=np.float32))
    rare = TermPostings(np.array([1]), np.array([1], dtype=np.float32))
    scores = bm25f(4, [(common, field), (rare, field)])
    assert scores.argmax() == 1  # has the rare term too
    assert scores[0] > scores[2]  # same tf, shorter paragraph
    repeated = bm25f(4, [(TermPostings(np.array([0, 3]), np.array([1, 3], dtype=np.float32)), field)])
    assert repeated[3] > repeated[0] > 0 and repeated[1] == 0


def test_boost_scales_a_field():
    lengths = np.ones(2, dtype=np.float32)
    postings = TermPostings(np.array([0]), np.array([1], dtype=np.float32))
    plain = bm25f(2, [(postings, FieldStats(lengths, 1.0, 1.0))])
    boosted = bm25f(2, [(postings, FieldStats(lengths, 1.0, 2.0))])
    assert np.isclose(boosted[0], 2 * plain[0])


def test_best_first_collapses_per_document_keeping_the_best_paragraph():
    candidates = np.array([0, 1, 2, 3, 4])
    scores = np.array([0.5, 0.9, 0.7, 0.8, 0.1], dtype=np.float32)
    doc_ids = np.array([0, 0, 1, 1, 2])
    assert best_first(candidates, scores, doc_ids, 10, collapse=True).tolist() == [1, 3, 4]
    assert best_first(candidates, scores, doc_ids, 2, collapse=False).tolist() == [1, 3]


def test_documents_rank_by_tier_then_best_paragraph_plus_a_share_of_others():
    from indexer.backends.embedded.collector.ranking import rank_documents

    candidates = np.array([0, 1, 2, 3, 4, 5])
    doc_ids = np.array([0, 1, 0, 1, 0, 2])
    tiers = np.array([2, 2, 1, 2, 2, 3])
    scores = np.array([1.0, 0.9, 5.0, 1.5, 0.9, 0.1], dtype=np.float32)
    # doc 2 matches more words; doc 1: 1.5 + 0.5 x 0.9 = 1.95; doc 0: 1.0 + 0.5 x 0.9 (paragraph 2 is a lower tier)
    assert rank_documents(candidates, tiers, scores, doc_ids, 0.5, 3).tolist() == [5, 3, 0]
    # with no share, one long document's many paragraphs cannot lift it
    assert rank_documents(candidates, tiers, scores, doc_ids, 0.0, 3).tolist() == [5, 3, 0]
    only_best = rank_documents(candidates, np.full(6, 2), scores, doc_ids, 0.0, 3)
    assert only_best.tolist() == [2, 3, 5]


def test_a_documents_whole_text_score_is_added_within_its_tier():
    from indexer.backends.embedded.collector.ranking import rank_documents

    candidates = np.array([0, 1, 2])
    doc_ids = np.array([0, 1, 2])
    tiers = np.array([2, 2, 3])
    scores = np.array([1.0, 1.2, 0.1], dtype=np.float32)
    assert rank_documents(candidates, tiers, scores, doc_ids, 0.3, 3).tolist() == [2, 1, 0]
    # doc 0's words, over its whole text, outweigh doc 1's slightly better paragraph; the tier still comes first
    whole = np.array([0.5, 0.1, 0.0], dtype=np.float32)
    assert rank_documents(candidates, tiers, scores, doc_ids, 0.3, 3, whole).tolist() == [2, 0, 1]


def test_whole_document_scores_are_highest_for_the_document_with_the_words(seed_index):
    from indexer.backends import open_backend
    from indexer.backends.embedded.query.bestmatch import BestMatchPlan, plan_hits
    from indexer.search.synonyms import group_words, stems_of

    gen = open_backend(seed_index).generation()
    documents = plan_hits(gen, BestMatchPlan(tuple(group_words(stems_of("MASH referrals"))))).documents
    names = list(gen.doc_names)
    medway = names.index("000_f098993525120d5e.txt")  # the only seed naming the MASH
    assert documents[medway] == documents.max() > 0
    assert all(documents[i] < documents[medway] for i in range(len(names)) if i != medway)


def test_integer_key_orders_exactly_as_the_lexsort_it_replaced():
    """Tier, then score, then position: the same order and top-k as sorting the two keys (ties included)."""
    from indexer.backends.embedded.collector.ranking import best_positions, rank_documents, rank_paragraphs

    rng = np.random.default_rng(5)
    size = 5000
    candidates = np.sort(rng.choice(50_000, size, replace=False))
    tiers = rng.integers(0, 6, size).astype(np.int16)
    scores = rng.choice(np.array([0.0, 1.5, 2.25, 7.0, 11.125], dtype=np.float32), size)  # many ties
    scores[:5] = -0.0
    want = candidates[np.lexsort((-scores, -tiers))]
    assert np.array_equal(rank_paragraphs(candidates, tiers, scores), want)
    for count in (1, 100, 4999, 6000):
        assert np.array_equal(candidates[best_positions(tiers, scores, count)], want[:count])
    doc_ids = rng.integers(0, 300, 50_000)
    order = np.lexsort((-scores, -tiers))
    grouped = order[np.argsort(doc_ids[candidates[order]], kind="stable")]
    starts = np.flatnonzero(np.r_[True, np.diff(doc_ids[candidates[grouped]]) != 0])
    best = grouped[starts]
    expected = candidates[best[np.lexsort((-scores[best], -tiers[best]))]]
    assert np.array_equal(rank_documents(candidates, tiers, scores, doc_ids, 0.0, 0), expected)


def test_a_nan_or_negative_score_sorts_last_not_first():
    from indexer.backends.embedded.collector.ranking import rank_paragraphs

    candidates = np.arange(4)
    tiers = np.zeros(4, dtype=np.int16)
    scores = np.array([1.0, np.nan, -2.0, 3.0], dtype=np.float32)
    assert rank_paragraphs(candidates, tiers, scores).tolist() == [3, 0, 1, 2]


def _random_ranking_case(rng, documents: int, ties: bool):
    """Candidates of contiguous documents with random tiers and scores (few distinct values when `ties`)."""
    doc_ids = np.sort(rng.integers(0, documents, 4000)).astype(np.int32)
    candidates = np.flatnonzero(rng.random(len(doc_ids)) < 0.6)
    scores = rng.random(len(candidates)).astype(np.float32) * 10
    if ties:
        scores = np.round(scores).astype(np.float32)
    tiers = rng.integers(1, 4, len(candidates)).astype(np.int16)
    whole = (rng.random(documents) * 3).astype(np.float32)
    return candidates, tiers, scores, doc_ids, whole


@pytest.mark.parametrize("ties", [False, True])
def test_first_documents_only_are_the_same_as_ranking_all(ties):
    from indexer.backends.embedded.collector.ranking import _rank_documents_sorted, rank_documents

    rng = np.random.default_rng(11)
    for trial in range(30):
        candidates, tiers, scores, doc_ids, whole = _random_ranking_case(rng, int(rng.integers(5, 400)), ties)
        everything = _rank_documents_sorted(candidates, tiers, scores, doc_ids, 0.3, 3, whole)
        assert rank_documents(candidates, tiers, scores, doc_ids, 0.3, 3, whole).tolist() == everything.tolist()
        for wanted in (1, 10, 50):
            first = rank_documents(candidates, tiers, scores, doc_ids, 0.3, 3, whole, wanted=wanted)
            assert first.tolist() == everything[:wanted].tolist(), (trial, wanted)


@pytest.mark.parametrize("ties", [False, True])
def test_best_first_shortcut_is_the_same_as_sorting_everything(ties):
    from indexer.backends.embedded.collector.ranking import rank_paragraphs

    rng = np.random.default_rng(12)
    for trial in range(30):
        candidates, tiers, scores, doc_ids, _ = _random_ranking_case(rng, int(rng.integers(5, 400)), ties)
        order = candidates[np.argsort(-scores, kind="stable")]
        _, first = np.unique(doc_ids[order], return_index=True)
        collapsed = order[np.sort(first)]
        for wanted in (1, 10, 50):
            assert best_first(candidates, scores, doc_ids, wanted, True).tolist() == collapsed[:wanted].tolist()
            assert best_first(candidates, scores, doc_ids, wanted, False).tolist() == order[:wanted].tolist()
            assert rank_paragraphs(candidates, tiers, scores, wanted).tolist() == \
                rank_paragraphs(candidates, tiers, scores)[:wanted].tolist()


def test_bm25f_at_some_paragraphs_equals_scoring_all():
    from indexer.backends.embedded.collector.ranking import bm25f_at

    rng = np.random.default_rng(4)
    lengths = rng.integers(1, 200, 500).astype(np.float32)
    field = FieldStats(lengths, float(lengths.mean()), 1.3)
    terms = []
    for share in (0.02, 0.3, 0.9):
        ids = np.flatnonzero(rng.random(500) < share)
        terms.append((TermPostings(ids, rng.integers(1, 5, len(ids)).astype(np.float32)), field))
    for share in (0.01, 0.1, 0.95):  # far fewer candidates than postings, fewer, and more
        candidates = np.flatnonzero(rng.random(500) < share)
        assert np.array_equal(bm25f_at(candidates, terms, 480), bm25f(500, terms, counted=480)[candidates])
