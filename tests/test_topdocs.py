"""The first documents found with bounds (collector/topdocs.py) are exactly those of ranking every document."""
from __future__ import annotations

import numpy as np
import pytest

from indexer.backends.embedded.collector.ranking import _rank_documents_sorted, order_key, rank_documents
from indexer.backends.embedded.collector.topdocs import top_documents


def _case(rng, documents: int, ties: str):
    """Contiguous documents' candidates with random tiers and scores: distinct, rounded (ties) or copies of one
    document's scores (the benchmark's repeated reports: every copy ties with the others)."""
    doc_ids = np.sort(rng.integers(0, documents, 6000)).astype(np.int32)
    candidates = np.flatnonzero(rng.random(len(doc_ids)) < 0.7)
    scores = rng.random(len(candidates)).astype(np.float32) * 10
    if ties == "rounded":
        scores = np.round(scores).astype(np.float32)
    elif ties == "copies":
        scores = (np.round(scores * 4) / 4 % 3).astype(np.float32)
    tiers = rng.integers(0, 3 if ties != "one tier" else 1, len(candidates)).astype(np.int16)
    whole = (rng.random(documents) * 3).astype(np.float32)
    if ties == "copies":
        whole = np.round(whole).astype(np.float32)
    return candidates, tiers, scores, doc_ids, whole


def _runs(candidates, doc_ids):
    docs = doc_ids[candidates]
    starts = np.flatnonzero(np.r_[True, np.diff(docs) != 0])
    return starts, np.diff(np.r_[starts, len(candidates)])


@pytest.mark.parametrize("ties", ["none", "rounded", "copies", "one tier"])
def test_top_documents_are_the_first_of_ranking_all(ties):
    rng = np.random.default_rng(23)
    for trial in range(40):
        candidates, tiers, scores, doc_ids, whole = _case(rng, int(rng.integers(3, 900)), ties)
        for document_scores in (whole, None):
            everything = _rank_documents_sorted(candidates, tiers, scores, doc_ids, 0.3, 3, document_scores)
            key = order_key(tiers, scores)
            for wanted in (1, 10, 20, 37, 5000):
                got = top_documents(candidates, tiers, scores, key, _runs(candidates, doc_ids), doc_ids, 0.3, 3,
                                    document_scores, wanted)
                assert got.tolist() == everything[:wanted].tolist(), (ties, trial, wanted)
                # and through rank_documents, which takes this path for documents in runs
                assert rank_documents(candidates, tiers, scores, doc_ids, 0.3, 3, document_scores,
                                      wanted=wanted).tolist() == everything[:wanted].tolist()


def test_a_frequent_word_drops_most_documents_after_the_first_pass():
    """One document far ahead of many weak ones (the weak ones leave after the first pass): the same first ten."""
    doc_ids = np.repeat(np.arange(1000), 20).astype(np.int32)
    candidates = np.arange(len(doc_ids))
    scores = np.full(len(candidates), 1.0, dtype=np.float32)
    scores[:20] = 50.0
    tiers = np.zeros(len(candidates), dtype=np.int16)
    everything = _rank_documents_sorted(candidates, tiers, scores, doc_ids, 0.3, 3)
    got = top_documents(candidates, tiers, scores, order_key(tiers, scores), _runs(candidates, doc_ids), doc_ids,
                        0.3, 3, None, 10)
    assert got.tolist() == everything[:10].tolist() and got[0] == 0


def test_negative_or_nan_scores_take_the_long_way_and_agree():
    rng = np.random.default_rng(3)
    candidates, tiers, scores, doc_ids, whole = _case(rng, 50, "none")
    scores[::7] = np.nan
    scores[::11] = -1.0
    everything = _rank_documents_sorted(candidates, tiers, scores, doc_ids, 0.3, 3, whole)
    assert rank_documents(candidates, tiers, scores, doc_ids, 0.3, 3, whole, wanted=10).tolist() == \
        everything[:10].tolist()
