"""Ranking round 11 (docs/news-devset.md, "Ranking round 11"): query understanding, tested on sentences and stories
written here, with cases that must not fire.

- a two-place council written with hyphens ("Stockton-on-Tees", "Stoke-on-Trent", "Southend-on-Sea") is asked about
  by its first place, as people say it and as the spaced names already were ("Telford", "Redcar", "Brighton"):
  before, "Stockton children's services requires improvement …" named no council, so the council's stories had no
  lift and other councils' reports, fuller of the question's other words, filled the page (set v's vq15 and vq16
  found none of their judged documents). Only where the first place names no other council ("Kingston" could be
  upon Hull or upon Thames), and "stoke", an everyday verb, only capitalised or before a council word.

- a judged area takes the grade English says of it: the grade after the area, or after the list of areas it opens
  ("children in care and care leavers good": both), with only a verb, a service noun or an adverb between ("care
  leaver service judged outstanding", "child protection only good"); else a grade just before it ("outstanding
  leadership") that ends no movement ("straight to good care leavers outstanding": good is the service's, reached)
  and follows no other area ("children in care good but help and protection requires improvement"); else, as
  before, the nearest. Before, the nearest grade by position took a movement's end or the next area's grade
  (eight questions of sets n, q, r, t and v misread: care leavers "good" for "care leavers outstanding" after a
  movement, help and protection "good" after a clause about children in care, …). "governance" names leadership
  (the 2013-2018 framework's "leadership, management and governance").

Both rules are in backend-neutral code (indexer/search/understand.py); the crafted corpus below checks the first on
both backends.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from indexer.models import SearchRequest
from indexer.search.understand import councils_in, overall_grades_in, subjudgements_in

from tests.conftest import backend_over, seeds_with


def _named(q: str) -> list[str]:
    """The council facet values a query names."""
    return [value for value, _ in councils_in(q)]


# --- a hyphenated two-place council by its first place -------------------------------------------------------------

def test_a_hyphenated_council_is_asked_about_by_its_first_place():
    assert _named("Stockton children's services requires improvement 2023") == ["Stockton-on-Tees"]
    assert _named("what did Ofsted say about Stockton care leavers") == ["Stockton-on-Tees"]
    assert _named("Stoke children's services inadequate 2022") == ["Stoke-on-Trent"]
    assert _named("Stoke council improvement notice") == ["Stoke-on-Trent"]
    # the full names and the spaced two-place names are read as before
    assert _named("Stockton-on-Tees good 2016") == ["Stockton-on-Tees"]
    assert _named("Stoke-on-Trent City Council inadequate") == ["Stoke-on-Trent"]
    assert _named("Southend back to good") == ["Southend-on-Sea"]
    assert _named("Telford outstanding") == ["Telford and Wrekin"]
    assert _named("Redcar inadequate") == ["Redcar and Cleveland"]


def test_a_first_place_that_is_ambiguous_or_an_everyday_word_is_not_a_council():
    # "Kingston" is the first place of two councils, but since round 16 an everyday name of the London borough (Hull
    # is "Hull"; docs/search.md "Round 16 (the lead)")
    assert _named("Kingston children's services good") == ["Kingston upon Thames"]
    assert _named("Kingston upon Thames children's services good") == ["Kingston upon Thames"]
    # "stoke" is a verb: lower case, it is not the council
    assert _named("inspection findings stoke fears for children in care") == []
    assert _named("ratings stoke debate about inspection") == []
    # a word merely containing the place is not it
    assert _named("Stocktonian schools") == []


# --- an area's grade as English says it ---------------------------------------------------------------------------

def _areas(q: str) -> dict[str, str]:
    """Judged area -> the grade the query says of it."""
    return {facet: grade for facet, grade, _ in subjudgements_in(q)}


def test_an_area_takes_the_grade_said_after_it():
    # a movement's end just before the area is the service's, not the area's
    assert _areas("Elmshire from inadequate straight to good care leavers outstanding") == \
        {"care_leavers": "outstanding"}
    assert _areas("Elmshire moved out of inadequate care leavers good") == {"care_leavers": "good"}
    # a grade after a clause about another area is that area's
    assert _areas("Elmshire children in care good but help and protection requires improvement") == \
        {"children_in_care": "good", "help_and_protection": "requires improvement"}
    assert _areas("Elmshire care leavers inadequate children in care requires improvement") == \
        {"care_leavers": "inadequate", "children_in_care": "requires improvement"}
    # a list of areas shares the grade after it
    assert _areas("Elmshire requires improvement, children in care and care leavers good") == \
        {"children_in_care": "good", "care_leavers": "good"}
    # an adverb or a service noun may stand between
    assert _areas("Elmshire outstanding overall but child protection only good") == {"help_and_protection": "good"}
    assert _areas("care leaver service judged outstanding though the council is good overall") == \
        {"care_leavers": "outstanding"}
    # the framework's full name for leadership
    assert _areas("Elmshire leadership, management and governance outstanding under an overall good") == \
        {"leadership": "outstanding"}


def test_an_area_keeps_the_grade_before_it_or_the_nearest_where_english_says_no_more():
    # must not change: a grade just before the area, a grade told with no area after, an area's own movement
    assert _areas("Elmshire from inadequate to good with outstanding leadership") == {"leadership": "outstanding"}
    assert _areas("Elmshire judged outstanding for child protection in 2012") == {"help_and_protection": "outstanding"}
    assert _areas("Elmshire impact of leaders moved up to outstanding overall still good")["leadership"] == \
        "outstanding"
    assert _areas("care leavers judged outstanding but overall good") == {"care_leavers": "outstanding"}
    assert overall_grades_in("care leavers judged outstanding but overall good") == ["good"]
    # the grade of the next clause's area is no overall grade
    assert overall_grades_in("Elmshire children in care good but help and protection requires improvement") == []
    # a grade said overall after the area is not the area's
    assert _areas("help and protection rated good while overall outstanding") == {"help_and_protection": "good"}
    assert overall_grades_in("help and protection rated good while overall outstanding") == ["outstanding"]


CRAFTED = {
    "round11-stockton-story.txt": """Stockton's children's services still need to improve

Example Gazette | 3 August 2023

Inspectors say Stockton Council's children's services still require improvement, and want better planning for young people leaving care.

Support for those leaving care is useful but uneven, and their pathway plans are weak.
""",
    "round11-stoke-story.txt": """Stoke's services for children judged inadequate

Example Sentinel | 9 June 2022

Ofsted has judged Stoke-on-Trent City Council's services for children inadequate, finding that help comes too late.
""",
    "round11-elsewhere-report.txt": """Inspection of Elmshire children's services

Example Inspectorate | 2023

The experiences and progress of care leavers: requires improvement to be good. Care leavers' plans are not always
reviewed, and care leavers say their plans do not reflect what they want. Children's services require improvement
in planning for care leavers in 2023.
""",
}


@pytest.fixture(scope="module")
def crafted(tmp_path_factory) -> Path:
    """The seeds (for realistic word statistics) and the documents above."""
    return seeds_with(tmp_path_factory, "round11", CRAFTED)


@pytest.fixture(scope="module", params=["embedded", "postgresql"])
def backend(request, crafted, tmp_path_factory):
    """The crafted corpus on one backend."""
    yield from backend_over(request, tmp_path_factory, "round11", crafted)


def _docs(backend, q: str, **kw) -> list[str]:
    """The documents of the first page of `q`, in order."""
    return list(dict.fromkeys(h.doc_id for h in backend.search(SearchRequest(q=q, per_page=20, **kw)).hits))


def test_a_question_naming_stockton_ranks_the_councils_story_first(backend):
    # another council's report holds more of the question's words; the named council's story comes first
    docs = _docs(backend, "Stockton children's services requires improvement 2023 care leavers plans")
    assert docs[0] == "round11-stockton-story.txt"
    assert "round11-elsewhere-report.txt" in docs
    assert _docs(backend, "Stoke children's services inadequate")[0] == "round11-stoke-story.txt"


def test_without_the_council_the_story_is_not_lifted(backend):
    # must not fire: the same question naming no council gives the Stockton story no lift (it is first only named)
    docs = _docs(backend, "children's services requires improvement 2023 care leavers plans")
    assert "round11-elsewhere-report.txt" in docs and docs[0] != "round11-stockton-story.txt"
    assert _docs(backend, "Stockton-on-Tees care leavers plans")[0] == "round11-stockton-story.txt"
