"""Words that only set one time against another ("since", "before", "until", "during", "ago") need not match: a
paragraph answering "first monitoring visit since inadequate" rarely says "since". Years after them are still
understood as ranges."""
from __future__ import annotations

import pytest

from indexer.backends import open_backend
from indexer.backends.embedded.write.build import rebuild
from indexer.models import SearchRequest
from indexer.search import query as query_module
from indexer.search.understand import years_in


def _counted(q: str) -> list[str]:
    plan, _, _ = query_module.best_match_plan(q, False, None, lambda field: set(), lambda stems: set(),
                                              lambda word: None)
    return [g.typed for g in plan.counted]


@pytest.mark.parametrize("word", ["since", "before", "until", "during", "ago"])
def test_time_connectives_are_not_required(word):
    assert word not in _counted(f"monitoring visit {word} inadequate rating")
    assert "after" in _counted("council leader apologises after inadequate rating")  # the aftermath is asked


def test_a_year_after_since_is_still_a_range():
    assert years_in("inadequate since 2018")[0] == [("since 2018", 2018, None)]
    assert years_in("rated good before 2015")[0] == [("before 2015", None, 2014)]


@pytest.fixture(scope="module")
def visits(tmp_path_factory):
    folder = tmp_path_factory.mktemp("time-words")
    (folder / "rutland-visit.txt").write_text(
        "Rutland monitoring visit\n\nInspectors made a monitoring visit to Rutland this spring. The service, rated "
        "inadequate last year, is changing the way it plans for children.\n", encoding="utf-8")
    (folder / "halton-staff.txt").write_text(
        "Halton hires staff\n\nSince the inadequate rating the council has hired forty staff and drawn up a plan "
        "for each family it has to visit.\n", encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("time-words-index")
    rebuild([folder], index_dir)
    return open_backend(index_dir)


def test_the_paragraph_saying_the_rest_of_the_question_comes_first(visits):
    hits = visits.search(SearchRequest(q="monitoring visit since inadequate", collapse=True)).hits
    assert [h.doc_id for h in hits][:1] == ["rutland-visit.txt"]
