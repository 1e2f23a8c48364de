"""Ranking round 6: "<grade> after <grade>" questions are movements, and a movement question naming both grades is
shown the paragraph that tells the grade left (search/movement.py, search/answer.py), on a small index built here."""
from __future__ import annotations

import pytest

from indexer.backends import open_backend
from indexer.backends.embedded.write.build import rebuild
from indexer.models import SearchRequest


@pytest.fixture(scope="module")
def stories(tmp_path_factory):
    folder = tmp_path_factory.mktemp("round6")
    (folder / "halton-upgraded.txt").write_text(
        "Halton climbs two grades\n\nHalton Council's children's services have been upgraded from 'inadequate' to "
        "'good' by Ofsted, two years after the last inspection.\n\nThe director thanked social workers for their patience.\n", encoding="utf-8")
    (folder / "rutland-council-minutes.txt").write_text(
        "Council minutes\n\nThe council noted two years of rated judgement work: the fostering team was rated good "
        "by the panel, and one inadequate judgement of a school was noted after the council rated its plans.\n",
        encoding="utf-8")
    (folder / "havering-inadequate.txt").write_text(
        "Havering children's services\n\nOfsted has rated Havering Council's children's services 'inadequate' in a "
        "critical report.\n\nThe inspection took place over three weeks in the winter.\n\nUntil now the borough's "
        "children's services had held a 'good' rating from the inspectorate.\n", encoding="utf-8")
    # (Another council's fall gives the index the movement the Havering question names.)
    (folder / "swindon-downgraded.txt").write_text(
        "Swindon falls\n\nOfsted has downgraded Swindon's children's services from 'good' to 'inadequate'.\n",
        encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("round6-index")
    rebuild([folder], index_dir)
    return open_backend(index_dir)


def test_good_after_inadequate_finds_the_story_of_that_movement_first(stories):
    hits = stories.search(SearchRequest(q="council rated good two years after inadequate judgement",
                                        collapse=True)).hits
    assert [h.doc_id for h in hits][:1] == ["halton-upgraded.txt"]


def test_the_paragraph_telling_the_grade_left_is_shown(stories):
    hits = stories.search(SearchRequest(q="Havering rated inadequate after being good", collapse=True)).hits
    first = next(h for h in hits if h.doc_id == "havering-inadequate.txt")
    text = next(p.text for p in stories.document(first.doc_id).paragraphs if p.n == first.paragraph)
    assert "had held a 'good' rating" in text


def test_one_grade_and_nothing_else_is_the_overall_grade_asked():
    from indexer.search.implied_overall import implied_overall
    assert implied_overall("children's services rated outstanding 2025") == ["outstanding"]
    assert implied_overall("inadequate 2014") == ["inadequate"]
    # Not for a named council (its documents tell its history), a set or count of councils (round-ups), an area,
    # a movement or another inspected body.
    for query in ("Tameside inadequate", "councils rated poor 2010", "28 excellent 15 performing poorly",
                  "care leavers judged inadequate", "downgraded to inadequate", "nursery rated inadequate by Ofsted",
                  "children's home rated inadequate", "LSCB inadequate", "outstanding or good 2020"):
        assert implied_overall(query) == [], query


@pytest.fixture(scope="module")
def grades_2025(tmp_path_factory):
    folder = tmp_path_factory.mktemp("overall")
    (folder / "wigan-good-leaders.txt").write_text(
        "Wigan children's services good\n\nIn 2025 Ofsted rated Wigan's children's services good overall, and "
        "rated the impact of its leaders outstanding.\n", encoding="utf-8")
    (folder / "halton-outstanding.txt").write_text(
        "Halton outstanding\n\nHalton Council's children's services are outstanding, Ofsted said in its 2025 "
        "report.\n", encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("overall-index")
    rebuild([folder], index_dir)
    return open_backend(index_dir)


def test_the_document_giving_the_whole_service_the_grade_ranks_first(grades_2025):
    hits = grades_2025.search(SearchRequest(q="children's services rated outstanding 2025", collapse=True)).hits
    assert [h.doc_id for h in hits][:1] == ["halton-outstanding.txt"]
