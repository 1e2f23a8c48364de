"""Best-match order: lifts (named council, judgement, movement) first, then score x idf-weighted share matched."""
from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from indexer import settings
from indexer.models import SearchRequest
from indexer.backends import open_backend
from indexer.backends.embedded.query.bestmatch import share_matched
from indexer.backends.embedded.collector.ordering import tiers_and_scores
from indexer.search.query import named_councils


def _hits(scores, share, lifts, own, tiers=None):
    """A stand-in for PlanHits with only the arrays tiers_and_scores reads."""
    n = len(scores)
    return SimpleNamespace(scores=np.array(scores, dtype=np.float32), weighted=np.array(share, dtype=np.float32),
                           idf_total=1.0,
                           lifts=np.array(lifts, dtype=np.int16), own=np.array(own, dtype=np.int16),
                           tiers=np.array(tiers if tiers is not None else [0] * n, dtype=np.int16), whole_share=False)


def test_share_is_the_matched_idf_over_the_query_idf():
    weighted = np.array([0.0, 1.0, 4.0], dtype=np.float32)
    assert share_matched(weighted, 4.0).tolist() == [0.0, 0.25, 1.0]
    assert share_matched(weighted, 0.0).tolist() == [1.0, 1.0, 1.0]  # a query without weight scales nothing


def test_missing_a_common_word_costs_little_and_a_rare_one_much(monkeypatch):
    monkeypatch.setattr(settings, "RANKING", settings.RANKING.but(coverage_power=6.0))
    # Same BM25F score; the first lacks a word of 2 % of the query's idf, the second one of 25 %.
    tiers, scores = tiers_and_scores(_hits([10.0, 10.0], [0.98, 0.75], [0, 0], [3, 3]), np.array([0, 1]))
    assert tiers.tolist() == [0, 0]
    assert scores[0] == pytest.approx(10 * 0.98 ** 6, rel=1e-5) and scores[0] > 8.5
    assert scores[1] == pytest.approx(10 * 0.75 ** 6, rel=1e-5) and scores[1] < 2.0


def test_power_zero_restores_groups_matched_first(monkeypatch):
    monkeypatch.setattr(settings, "RANKING", settings.RANKING.but(coverage_power=0))
    tiers, scores = tiers_and_scores(_hits([1.0, 9.0], [1.0, 0.5], [0, 0], [2, 1], tiers=[3, 2]), np.array([0, 1]))
    assert tiers.tolist() == [3, 2] and scores.tolist() == [1.0, 9.0]


def test_lifts_need_some_own_word(monkeypatch):
    monkeypatch.setattr(settings, "RANKING", settings.RANKING.but(coverage_power=6.0))
    # A paragraph of the named council that shares no word with the query is not lifted by its council alone.
    tiers, _ = tiers_and_scores(_hits([5.0, 1.0], [1.0, 1.0], [1, 1], [1, 0]), np.array([0, 1]))
    assert tiers.tolist() == [1, 0]


@pytest.mark.parametrize("text, councils", [
    ("Kent return home interviews", (("council", "Kent"),)),
    ("Kent Police missing children", ()),                        # another body
    ("reading age of care leavers", ()),                         # an everyday word
    ("Leeds and Calderdale Leeds", (("council", "Leeds"), ("council", "Calderdale"))),  # once each
])
def test_named_councils_become_ranking_boosts(text, councils):
    assert named_councils(text) == councils


def test_the_council_boost_can_be_turned_off(monkeypatch):
    monkeypatch.setattr(settings, "NAMED_COUNCIL_BOOST", False)
    assert named_councils("Kent return home interviews") == ()


@pytest.mark.reports
def test_a_named_councils_documents_rank_first(reports_index):
    # Other councils' reports hold every topic word; Kent's reports and article match "Kent" only as context.
    result = open_backend(reports_index).search(
        SearchRequest(q="Kent return home interviews children who go missing", per_page=20))
    kent = [i for i, h in enumerate(result.hits) if "Kent" in h.council]
    assert len(result.hits) == 20 and kent[:3] == [0, 1, 2], [(h.doc_id, h.council) for h in result.hits]
    assert any("Kent" not in h.council for h in result.hits)  # a boost, not a filter


def test_whole_powers_by_squaring_match_powf():
    from indexer.backends.embedded.collector.ordering import _power

    values = np.linspace(0, 1, 101, dtype=np.float32)
    for power in (1, 2, 3, 6, 7, 2.5):
        assert np.allclose(_power(values, power), values ** np.float32(power), rtol=1e-5, atol=1e-7), power
