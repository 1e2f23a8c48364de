"""Round 31 (listpage31): a page naming many councils at once (a table of every council's scores, a written answer
listing dozens) no longer crowds a question about one council's inspection: the council does not lift any paragraph
of such a list page, the row naming the council included (`settings.ROUND31_LIST_PAGE`,
`search/query.list_page_least`), in both backends; a question asking about councils as a set reads it as before.
Every text here is written for the test."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.models import SearchRequest
from indexer.search.query import best_match_plan

from tests.conftest import reader_on, write_story_and_notes

_MEMBERS = ("Oldham", "Bury", "Wigan", "Rochdale", "Trafford", "Stockport", "Salford", "Tameside", "Knowsley",
            "Sefton", "Wirral", "Halton", "Warrington", "Blackpool", "Blackburn with Darwen", "Cumbria", "Lancashire",
            "St Helens", "Liverpool", "Cheshire East", "Cheshire West and Chester", "Manchester", "Bolton",
            "Calderdale", "Kirklees", "Wakefield", "Barnsley", "Rotherham", "Doncaster", "Sheffield", "Leeds",
            "Bradford", "Hull", "York", "North Yorkshire", "Redcar and Cleveland", "Middlesbrough", "Stockton-on-Tees",
            "Hartlepool", "Darlington", "Durham", "Sunderland", "Gateshead", "South Tyneside", "North Tyneside",
            "Newcastle", "Northumberland", "Derbyshire", "Nottinghamshire", "Lincolnshire", "Leicestershire",
            "Staffordshire")
_TABLE = ("Councils with failing children's services\n\n"
          "Written answer to a member's question.\n\n"
          "Children's services inspection graded inadequate since the spring of 2014 (each children's services "
          "inspection report is on the inspectorate's site), by authority: "
          + ", ".join(_MEMBERS[:-1]) + " and " + _MEMBERS[-1] + ".\n\n"
          "Four of them now run their services through a trust.\n")
_STORY = ("A better report for the borough\n\n"
          "Oldham's children's services were found good when the inspection team came back this spring, after a long "
          "spell of steady work by the borough's social workers, their team leaders and managers, the family support "
          "staff who visit homes across the town each week, the reviewing officers who chair the meetings for every "
          "child in care, the virtual school and its teachers, the youth workers, and the partners in health, "
          "schools and the police who share the front door with the council and meet every morning to decide "
          "which referrals need a visit that day, while the council's finance team found money for two more "
          "social work teams, a new family hub in the east of the borough and extra training for newly qualified "
          "staff in their first year.\n\n"
          "The lead member thanked staff for their patience over the three weeks.\n")
_QUESTION = "Oldham children's services inspection"


def _listed(text: str) -> int:
    plan, _, _ = best_match_plan(text, False, None,
                                 lambda field: set(_MEMBERS) if field == "council" else set(),
                                 lambda stems: set(), lambda word: None)
    return plan.listed


def test_a_question_about_one_council_reads_list_pages():
    assert _listed(_QUESTION) == settings.ROUND31_LIST_PAGE > 0
    assert _listed("Oldham children's services rated good in 2019") == settings.ROUND31_LIST_PAGE
    assert _listed("Oldham safeguarding inadequate in 2010") == settings.ROUND31_LIST_PAGE


def test_a_question_about_councils_as_a_set_does_not():
    assert _listed("which councils were rated good alongside Oldham") == 0
    assert _listed("councils judged inadequate Oldham") == 0
    assert _listed("table of inspection marks Oldham") == 0
    assert _listed("Oldham and Bury children's services inspection") == 0
    assert _listed("children's services inspection marks") == 0


def test_switched_off_nothing_is_read(monkeypatch):
    monkeypatch.setattr(settings, "ROUND31_LIST_PAGE", 0)
    assert _listed(_QUESTION) == 0


# --- both backends: the council's own story before the list page ---

@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("list-pages")
    (folder / "table.txt").write_text(_TABLE, encoding="utf-8")
    (folder / "oldham-story.txt").write_text(_STORY, encoding="utf-8")
    write_story_and_notes(folder)
    return folder


@pytest.fixture(scope="module", params=["embedded", "postgres"])
def searched(request, tmp_path_factory, folder):
    yield from reader_on(request, tmp_path_factory, folder, "list_pages")


def _order(reader, question: str, per_page: int) -> list[str]:
    # (each test asks for its own page size: the embedded index caches a whole request's result, and a test switch
    # is not part of that key)
    hits = reader.search(SearchRequest(q=question, collapse=True, per_page=per_page)).hits
    return [h.doc_id for h in hits if h.doc_id in ("table.txt", "oldham-story.txt")]


def test_the_council_story_comes_before_the_list_page(searched):
    assert _order(searched, _QUESTION, 10) == ["oldham-story.txt", "table.txt"]


def test_the_list_page_still_ranks_shown_by_the_councils_paragraph(searched):
    hits = searched.search(SearchRequest(q=_QUESTION, collapse=True, per_page=11)).hits
    assert [h.paragraph for h in hits if h.doc_id == "table.txt"] == [2]


def test_a_question_about_councils_as_a_set_keeps_the_list_page_first(searched):
    assert _order(searched, "which councils had a children's services inspection graded inadequate, Oldham",
                  12)[0] == "table.txt"


def test_switched_off_the_list_page_comes_first(searched, monkeypatch):
    monkeypatch.setattr(settings, "ROUND31_LIST_PAGE", 0)
    assert _order(searched, _QUESTION, 9) == ["table.txt", "oldham-story.txt"]
