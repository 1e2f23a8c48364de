"""Issue 22, round 29 (recall29): a question naming one council of the years since 2013 lifts the council's own
stories above a round-up's paragraph filed under many councils that does not name it
(`settings.ROUND29_CROWDED_COUNCIL`, `search/query.crowded_least`), in both backends. Every text here is written for
the test."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.models import SearchRequest
from indexer.search.query import best_match_plan

from tests.conftest import reader_on, write_story_and_notes

_ROUNDUP = ("Sixteen councils climb in the inspection tables\n\n"
            "Oldham, Bury, Wigan, Rochdale, Trafford, Stockport, Bolton, Salford, Tameside, Knowsley, Sefton, "
            "Wirral, Halton, Warrington, Blackpool and Blackburn with Darwen were all rated good this year.\n\n"
            "Children's services at each of the sixteen improved from inadequate to good, and every one improved "
            "its social work.\n\n"
            "The summary covers every authority inspected since the spring.\n")
_STORY = ("Oldham back on its feet\n\n"
          "Inspectors say Oldham's children's services improved from inadequate to good over two years of steady "
          "work by the borough's social workers, their team managers, the family support staff who visit homes "
          "across the town every week, the independent reviewing officers, the virtual school and the partners in "
          "health and the police who share the front door with the council.\n\n"
          "The director thanked social workers for their patience.\n")
_QUESTION = "Oldham children's services improved from inadequate to good"


def _least(text: str) -> int:
    plan, _, _ = best_match_plan(text, False, None, lambda field: {"Oldham", "Bury"} if field == "council" else set(),
                                 lambda stems: set(), lambda word: None)
    return plan.crowded if plan.crowded_groups else 0


def test_a_question_naming_one_council_reads_the_crowding():
    assert _least(_QUESTION) == settings.ROUND29_CROWDED_COUNCIL > 0


def test_several_councils_or_the_older_years_do_not():
    assert _least("Oldham and Bury improved from inadequate to good") == 0
    assert _least("Oldham safeguarding inadequate in 2010") == 0
    assert _least("Oldham children's services adequate") == 0
    assert _least("children's services improved from inadequate to good") == 0


def test_switched_off_nothing_is_read(monkeypatch):
    monkeypatch.setattr(settings, "ROUND29_CROWDED_COUNCIL", 0)
    assert _least(_QUESTION) == 0


# --- both backends: the story before the round-up ---

@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("crowded-council")
    (folder / "roundup.txt").write_text(_ROUNDUP, encoding="utf-8")
    (folder / "oldham-story.txt").write_text(_STORY, encoding="utf-8")
    write_story_and_notes(folder)
    return folder


@pytest.fixture(scope="module", params=["embedded", "postgres"])
def searched(request, tmp_path_factory, folder):
    yield from reader_on(request, tmp_path_factory, folder, "crowded_council")


def _order(reader, per_page: int) -> list[str]:
    # (each test asks for its own page size: the embedded index caches a whole request's result, and a test switch
    # is not part of that key)
    hits = reader.search(SearchRequest(q=_QUESTION, collapse=True, per_page=per_page)).hits
    return [h.doc_id for h in hits if h.doc_id in ("roundup.txt", "oldham-story.txt")]


def test_the_council_story_comes_before_the_roundup(searched):
    assert _order(searched, 10) == ["oldham-story.txt", "roundup.txt"]


def test_a_roundup_paragraph_naming_the_council_keeps_its_lift(searched):
    hits = searched.search(SearchRequest(q=_QUESTION, collapse=False, per_page=20)).hits
    assert ("roundup.txt", 1) in [(h.doc_id, h.paragraph) for h in hits]


def test_switched_off_the_roundup_comes_first(searched, monkeypatch):
    monkeypatch.setattr(settings, "ROUND29_CROWDED_COUNCIL", 0)
    assert _order(searched, 9) == ["roundup.txt", "oldham-story.txt"]
