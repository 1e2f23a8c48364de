"""Judged@10 and the pool of unjudged results: a returned document nobody judged is told apart from one judged
not relevant, so a set's score can say how much of it rests on documents never read for the query."""
from __future__ import annotations

import json

import pytest

from indexer.cli import main
from indexer.quality.evaluate_queries import (JudgedQuery, QueryEvaluation, QueryOutcome, format_query_report,
                                              load_judged)

from tests.conftest import ROOT

JUDGED = ROOT / "tests" / "data" / "judged_queries.jsonl"


def _evaluation() -> QueryEvaluation:
    """Two queries: one with a document judged not relevant among its results, one with nothing judged returned."""
    q1 = JudgedQuery("q1", "one", {"a": 2}, not_relevant=frozenset({"b"}))
    q2 = JudgedQuery("q2", "two", {"c": 1})
    return QueryEvaluation("f", "i", [QueryOutcome(q1, ["a", "b", "x"], 3, 1.0, 1.0, 1.0),
                                      QueryOutcome(q2, ["y", "z"], 2, 0.0, 0.0, 0.0)])


def test_unjudged_leaves_out_relevant_and_not_relevant_documents():
    first, second = _evaluation().outcomes
    assert first.unjudged == ["x"]
    assert second.unjudged == ["y", "z"]
    assert first.as_dict()["unjudged"] == ["x"]


def test_judged_share_counts_returned_documents_with_a_judgement():
    evaluation = _evaluation()
    assert evaluation.judged_share() == (2, 5)
    assert evaluation.summary()["judged@10"] == 0.4
    assert "judged@10 2/5 (40%)" in format_query_report(evaluation)


def test_pool_lists_each_query_with_unjudged_results_only_when_asked():
    evaluation = _evaluation()
    assert "pool to judge next" not in format_query_report(evaluation)
    text = format_query_report(evaluation, pool=True)
    assert "q1 'one': x" in text and "q2 'two': y, z" in text


def test_not_relevant_is_read_and_cannot_overlap_relevant(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"id": "x", "query": "q", "relevant": {"a.txt": 2}, "not_relevant": ["b.txt"]}))
    assert load_judged(good)[0].not_relevant == frozenset({"b.txt"})
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "x", "query": "q", "relevant": {"a.txt": 2}, "not_relevant": ["a.txt"]}))
    with pytest.raises(ValueError, match="not_relevant"):
        load_judged(bad)


@pytest.mark.reports
def test_evaluate_command_prints_judged_share_and_pool(runner, reports_index, tmp_path):
    # Two development queries (not the whole file: the floors' tests already run it) over the shared index.
    two = tmp_path / "two.jsonl"
    two.write_text("\n".join(JUDGED.read_text(encoding="utf-8").splitlines()[:2]) + "\n", encoding="utf-8")
    result = runner.invoke(main, ["evaluate", "--queries", str(two), "--index", str(reports_index), "--pool"])
    assert result.exit_code == 0, result.output
    assert "2 judged queries" in result.output and "judged@10" in result.output
    assert "pool to judge next" in result.output
