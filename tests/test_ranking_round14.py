"""Ranking round 14: cross-validated constants.

- every constant read when a query is ranked lives in one object, `settings.Ranking` (`settings.RANKING`), and one
  opened index answers for any setting of it (its caches are keyed by it): no rebuild between settings;
- the harness (`indexer/quality/crossval.py`) scores every judged set per fold for a setting, keeps the odd half of
  sets s and t out, and keeps a change only where the value each fold chose does not hurt the other fold;
- `reportsearch evaluate --crossval` prints it. The stories here are written for the tests.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from indexer import settings
from indexer.models import SearchRequest
from indexer.quality import crossval as cv
from indexer.quality.crossval import FoldScore, SetScore, Trial

from indexer.search.answer import asked_by, shown_paragraph
from indexer.search.query import read_query

from tests.conftest import backend_over, seeds_with
from tests.test_ranking_round7 import _Words

CRAFTED = {
    "round14-elmshire-exploitation.txt": """Elmshire council acts on child sexual exploitation

Example Gazette | 4 May 2021

Elmshire council has set up a new team to tackle child sexual exploitation after a review of missing children.

The team will work with police and schools.
""",
    "round14-fenwold-cse.txt": """Fenwold CSE review

Example Courier | 9 June 2021

Fenwold's CSE panel met for the first time this week to review cases of children who go missing.
""",
    "round14-gorston-good.txt": """Gorston's children's services judged good

Example Herald | 2 July 2024

Gorston's children's services are now rated 'good' by Ofsted.

Gorston council's children's services, inspected in May, have a new director of children's services and new social work teams, the council said this week.

Inspectors found services for children in Gorston 'good' in every area, with leaders who know their children's services well.

Councillor Ann Hale said staff in Gorston's children's services had worked hard for years.
""",
}


@pytest.fixture(scope="module")
def crafted(tmp_path_factory) -> Path:
    """The seeds (for realistic word statistics) and the documents above."""
    return seeds_with(tmp_path_factory, "round14", CRAFTED)


@pytest.fixture(scope="module", params=["embedded", "postgresql"])
def backend(request, crafted, tmp_path_factory):
    """The crafted corpus on one backend."""
    yield from backend_over(request, tmp_path_factory, "round14", crafted)


def _docs(backend, q: str) -> list[str]:
    """The documents of the first page of `q`."""
    return [h.doc_id for h in backend.search(SearchRequest(q=q, per_page=20)).hits]


# --- one settings object, read when a query is ranked ----------------------------------------------------------------

def test_a_synonym_line_switched_off_changes_what_one_open_index_finds(backend):
    # "CSE" finds Elmshire's "child sexual exploitation" through its synonym line, on the same opened index,
    # before, without and again with the line: nothing stale from a cache
    assert "round14-elmshire-exploitation.txt" in _docs(backend, "CSE")
    with settings.ranking(settings.RANKING.but(synonyms_off=frozenset({"CSE"}))):
        assert "round14-elmshire-exploitation.txt" not in _docs(backend, "CSE")
    assert "round14-elmshire-exploitation.txt" in _docs(backend, "CSE")


@pytest.mark.parametrize("change", [{"bm25_k1": 2.0}, {"bm25_b": 0.3}, {"coverage_power": 2.0}])
def test_a_constant_changed_after_the_index_is_open_changes_the_scores(backend, change):
    # PostgreSQL's final score is ts_rank's: k1 and b only pick its candidates, so its score must stay as it was
    fixed = "coverage_power" not in change and getattr(backend, "db", None) is not None

    def score() -> float:
        # the story lacks "caseloads": the share of the query it matches is below 1, so the coverage power counts
        hits = backend.search(SearchRequest(q="Fenwold panel review caseloads", per_page=20)).hits
        return next(h.score for h in hits if h.doc_id == "round14-fenwold-cse.txt")
    before = score()
    with settings.ranking(settings.RANKING.but(**change)):
        assert (score() == pytest.approx(before)) if fixed else (score() != pytest.approx(before))
    assert score() == pytest.approx(before)


def test_the_ranking_context_restores_the_live_constants():
    before = settings.RANKING
    with pytest.raises(RuntimeError):
        with settings.ranking(before.but(coverage_power=2.0)):
            assert settings.RANKING.coverage_power == 2.0
            raise RuntimeError
    assert settings.RANKING is before


def test_settings_parse_from_the_command_line_form():
    value = cv.parse_setting(["coverage_power=4.5", "answer_candidates=10", "synonyms_off=CSE;RI"])
    assert (value.coverage_power, value.answer_candidates, value.synonyms_off) == (4.5, 10, frozenset({"CSE", "RI"}))
    with pytest.raises(ValueError, match="NAME=VALUE"):
        cv.parse_setting(["no_such_constant=1"])
    with pytest.raises(ValueError, match="takes a int"):
        cv.parse_setting(["answer_candidates=many"])


# --- the harness ---------------------------------------------------------------------------------------------------

def _write_sets(root: Path) -> None:
    """Two tiny judged sets: 'dev' (fold A) and 's' (fold B, whose odd ids are held out)."""
    data = root / "tests" / "data"
    data.mkdir(parents=True)
    rows = {"judged_queries.jsonl": [("q01", "CSE", "round14-elmshire-exploitation.txt")],
            "judged_queries_heldout_s.jsonl": [("sq01", "held out question", "round14-fenwold-cse.txt"),
                                               ("sq02", "Fenwold CSE panel", "round14-fenwold-cse.txt")]}
    for name, queries in rows.items():
        (data / name).write_text("".join(json.dumps({"id": i, "query": q, "relevant": {d: 2}}) + "\n"
                                         for i, q, d in queries), encoding="utf-8")


def test_the_harness_scores_each_set_and_fold_and_keeps_the_odd_half_out(backend, tmp_path):
    _write_sets(tmp_path)
    sets = cv.load_sets(tmp_path)
    assert sorted(sets) == ["dev", "s"] and [q.id for q in sets["s"]] == ["sq02"]  # missing sets left out
    scores = cv.score_all(backend, sets)
    assert scores["dev"].recall == 1.0 and scores["s"].recall == 1.0
    off = cv.score_all(backend, sets, settings.RANKING.but(synonyms_off=frozenset({"CSE"})))
    assert off["dev"].recall == 0.0 and off["s"].recall == 1.0
    assert cv.fold(off, cv.FOLD_A).ndcg == 0.0 and cv.fold(off, cv.FOLD_B).ndcg == 1.0
    assert "fold A: macro recall@10 0.000" in cv.format_scores(off)


def test_the_command_prints_every_set_for_a_setting(crafted, tmp_path, monkeypatch):
    # the harness runs over an index folder (one opened embedded index answers for every setting)
    from indexer.backends import open_writer
    from indexer.cli import main

    index = tmp_path / "index"
    open_writer(index_dir=index).rebuild([crafted])
    _write_sets(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["evaluate", "--crossval", "--index", str(index), "--rank",
                                       "synonyms_off=CSE"])
    assert result.exit_code == 0, result.output
    assert "fold A: macro recall@10 0.000" in result.output and "fold B: macro recall@10 1.000" in result.output
    bad = CliRunner().invoke(main, ["evaluate", "--crossval", "--index", str(index), "--rank", "k1"])
    assert bad.exit_code != 0 and "NAME=VALUE" in bad.output


def _trial(constant: str, value, a: tuple[float, int], b: tuple[float, int]) -> Trial:
    """A trial whose folds have one set each with the given nDCG and shown paragraphs (of 10)."""
    return Trial(constant, value, FoldScore((SetScore("dev", 1, 1.0, a[0], 1.0, a[1], 10, 0),)),
                 FoldScore((SetScore("k", 1, 1.0, b[0], 1.0, b[1], 10, 0),)))


def test_a_change_is_kept_only_when_each_folds_choice_holds_on_the_other():
    base = _trial("base", None, (0.90, 8), (0.90, 8))
    decisions = {d.constant: d for d in cv.decide(base, [
        _trial("both", 1, (0.92, 8), (0.91, 8)),        # both folds gain: kept
        _trial("one fold", 1, (0.95, 8), (0.89, 8)),    # fold A chose it; it lowers fold B: fold B keeps the base
        _trial("shown falls", 1, (0.93, 7), (0.93, 8)),  # nDCG up on both, but fold A shows fewer answers
        _trial("apart", 1, (0.95, 8), (0.85, 8)), _trial("apart", 2, (0.85, 8), (0.95, 8)),
    ])}
    assert decisions["both"].kept == 1
    assert decisions["one fold"].kept is None and decisions["one fold"].chose_b == "base"
    assert decisions["shown falls"].kept is None
    assert (decisions["apart"].chose_a, decisions["apart"].chose_b, decisions["apart"].kept) == (1, 2, None)
    assert "lowers the other fold" in decisions["apart"].reason


# --- the paragraph shown: a tie below the best-ranked goes past the opening paragraph --------------------------------

def _asked(q: str):
    """What the question asks (over a lexicon that knows every word)."""
    return asked_by(read_query(_Words(), q).plan)


def test_a_tie_below_the_best_ranked_goes_to_the_paragraph_after_the_opening():
    asked = _asked("Gorston children's services rated good")
    # ranking order: the best-ranked (no grade), the opening (states the grade), a later one (states it too)
    candidates = [(2, "Gorston's children's services have a new director."),
                  (1, "Gorston's children's services are now rated 'good' by Ofsted."),
                  (3, "Inspectors found services for children in Gorston 'good' in every area.")]
    assert shown_paragraph(asked, candidates) == 2  # before round 14: the opening (position 1)
    # the best-ranked still stays when it answers as well as any, opening or not
    assert shown_paragraph(asked, [candidates[1], candidates[2]]) == 0
    # and the opening is shown when it alone answers
    assert shown_paragraph(asked, [candidates[0], candidates[1], (4, "Councillor Ann Hale thanked staff.")]) == 1


def test_both_backends_show_the_paragraph_after_the_opening_when_they_answer_alike(backend):
    hit = next(h for h in backend.search(SearchRequest(q="Gorston children's services new director good",
                                                        per_page=20)).hits
               if h.doc_id == "round14-gorston-good.txt")
    shown = {p.n: p.text for p in backend.document("round14-gorston-good.txt").paragraphs}[hit.paragraph]
    assert shown.startswith("Inspectors found services for children in Gorston")


def test_the_ilacs_line_is_gone_and_the_others_stay():
    lines = cv.synonym_lines()
    assert "ILACS" not in lines and {"CSE", "LAC", "RI", "SIF", "care leavers"} <= set(lines)
