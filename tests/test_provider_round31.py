"""Round 31 (provider31): a question about another inspected provider, `settings.ROUND31_PROVIDER`.

A question naming a children's or care home, a children's or family centre, a nursery, a school or academy, or a
fostering service or agency gives the grade it names to that provider (search/provider.py): no council's overall
grade is read from it, the council it names lifts nothing, and the provider's name is one phrase group. Off is round
30. The questions, places and paragraphs here are written for the tests.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from indexer import settings
from indexer.models import SearchRequest
from indexer.search.implied_overall import council_movements, implied_overall, names_other_body
from indexer.search.provider import names_provider, provider_phrases
from indexer.search.query import best_match_plan, named_councils

from tests.conftest import backend_over, seeds_with


def _plan(question: str):
    plan, _, _ = best_match_plan(question, False, None, lambda field: set(), lambda stems: set(), lambda word: None)
    return plan


PROVIDER_QUESTIONS = [
    "children's centres group rated requires improvement by Ofsted",
    "family centre in Brackenfold judged good",
    "children's home rated inadequate by Ofsted",
    "care home for teenagers rated good",
    "Brackenfold council leaders urgent meeting over fostering service Ofsted report",
    "independent fostering agency judged outstanding",
    "day nursery rated requires improvement",
    "academy rated inadequate by Ofsted",
]


@pytest.mark.parametrize("question", PROVIDER_QUESTIONS)
def test_a_provider_is_named(monkeypatch, question):
    monkeypatch.setattr(settings, "ROUND31_PROVIDER", True)
    assert names_provider(question) and names_other_body(question) and not implied_overall(question)
    monkeypatch.setattr(settings, "ROUND31_PROVIDER", False)
    assert not names_provider(question)


@pytest.mark.parametrize("question", [
    "Halton private fostering arrangements not checked",       # a duty of the council's services
    "Brackenfold virtual school head praised by inspectors",   # part of the council's services
    "Brackenfold social work academy newly qualified staff",
    "Brackenfold children's services inadequate though its schools are good",  # the council's grade, as before
    "children's services rated requires improvement 2016",
    "return home interviews for children who go missing",
])
def test_other_questions_name_no_provider(monkeypatch, question):
    monkeypatch.setattr(settings, "ROUND31_PROVIDER", True)
    assert not names_provider(question)


def test_a_centres_grade_is_no_councils_overall_grade(monkeypatch):
    question = "children's centres group rated requires improvement by Ofsted"
    monkeypatch.setattr(settings, "ROUND31_PROVIDER", True)
    assert ("severity", "requires improvement") not in _plan(question).boosts
    monkeypatch.setattr(settings, "ROUND31_PROVIDER", False)
    assert ("severity", "requires improvement") in _plan(question).boosts


def test_a_fostering_services_movement_is_not_a_councils(monkeypatch):
    question = "fostering service downgraded from good to inadequate"
    monkeypatch.setattr(settings, "ROUND31_PROVIDER", True)
    assert council_movements(question) == []
    monkeypatch.setattr(settings, "ROUND31_PROVIDER", False)
    assert council_movements(question)


def test_the_council_named_beside_a_fostering_service_lifts_nothing(monkeypatch):
    question = "Northumberland council leaders urgent meeting over fostering service Ofsted report"
    monkeypatch.setattr(settings, "ROUND31_PROVIDER", True)
    assert named_councils(question, {"Northumberland"}) == ()
    monkeypatch.setattr(settings, "ROUND31_PROVIDER", False)
    assert named_councils(question, {"Northumberland"}) == (("council", "Northumberland"),)


@pytest.mark.parametrize("question, phrase, also", [
    ("children's home rated inadequate by Ofsted", ("children", "home"), ("care", "home")),
    ("childrens centres judged good", ("children", "centr"), ("famili", "centr")),
    ("meeting over fostering service Ofsted report", ("foster", "servic"), ("foster", "agenc")),
])
def test_the_providers_name_is_one_group(monkeypatch, question, phrase, also):
    monkeypatch.setattr(settings, "ROUND31_PROVIDER", True)
    groups = [g for g in _plan(question).groups if g.alternatives[0].stems == phrase]
    assert len(groups) == 1 and also in [a.stems for a in groups[0].alternatives]
    monkeypatch.setattr(settings, "ROUND31_PROVIDER", False)
    assert not [g for g in _plan(question).groups if g.alternatives[0].stems == phrase]


def test_other_questions_keep_their_groups(monkeypatch):
    monkeypatch.setattr(settings, "ROUND31_PROVIDER", True)
    question = "children in care return home quickly after going missing"
    groups = list(_plan(question).groups)
    assert provider_phrases(question, groups) == groups


# --- both backends ----------------------------------------------------------------------------------------------

HOME = "round31p-larchway-home.txt"
COUNCIL = "round31p-brackenfold-services.txt"
CENTRES = "round31p-brackenfold-centres.txt"
REPORT_RI = "round31p-halton-requires-improvement.txt"
CRAFTED = {
    HOME: """Larchway children's home rated inadequate

The Larchway children's home, which the council runs for four teenagers on the edge of the town beside the old mill and the allotments, was found inadequate by the inspectorate after an unannounced visit in March that lasted two days and took in the kitchen, the garden and the staff rota.

Staff had not written down when they held a child, and two night workers had no training.
""",
    COUNCIL: """Brackenfold children's services inadequate, says Ofsted

Ofsted inspectors rated Brackenfold children's services inadequate: children in care waited months to go home, and children who ran away from home were not seen on their return home.

The council's leader said the children's services would get more money and a new director.
""",
    CENTRES: """Brackenfold children's centres group rated requires improvement

The group of five children's centres the council runs across the south of Brackenfold was rated requires improvement by Ofsted after a two-day inspection in June.

Inspectors said too few fathers took part in the sessions at the centres, though the outreach work reached new families.
""",
    REPORT_RI: """Halton children's services require improvement

Ofsted has rated Halton's children's services as requires improvement to be good.

Inspectors said children's centres and early help workers passed on worries quickly, but the group of managers gave social workers too little supervision.
""",
}


@pytest.fixture(scope="module")
def crafted(tmp_path_factory) -> Path:
    """The seeds (for realistic word statistics) and the documents above."""
    return seeds_with(tmp_path_factory, "round31p", CRAFTED)


@pytest.fixture(scope="module", params=["embedded", "postgresql"])
def backend(request, crafted, tmp_path_factory):
    """The crafted corpus on one backend."""
    yield from backend_over(request, tmp_path_factory, "round31p", crafted)


def _first(backend, monkeypatch, on: bool, question: str, docs: tuple[str, str]) -> str:
    monkeypatch.setattr(settings, "ROUND31_PROVIDER", on)
    # the page sizes differ so that neither backend answers one switch's state from the other's cache
    request = SearchRequest(q=question, per_page=19 if on else 16)
    return [h.doc_id for h in backend.search(request).hits if h.doc_id in docs][0]


@pytest.mark.parametrize("on, first", [(True, HOME), (False, COUNCIL)])
def test_both_backends_rank_the_homes_story_first(backend, monkeypatch, on, first):
    # off, "children's" and "home" are two words, which the council's story has apart
    assert _first(backend, monkeypatch, on, "children's home rated inadequate by Ofsted", (HOME, COUNCIL)) == first


@pytest.mark.parametrize("on, first", [(True, CENTRES), (False, REPORT_RI)])
def test_both_backends_rank_the_centres_story_first(backend, monkeypatch, on, first):
    # off, the council's report is lifted as holding the grade overall
    question = "children's centres group rated requires improvement by Ofsted"
    assert _first(backend, monkeypatch, on, question, (CENTRES, REPORT_RI)) == first


@pytest.mark.parametrize("question", [
    "Bolton children's homes inadequate",
    "Derby audit committee children's homes and schools inspection results",
    "Bolton nursery and schools inspection results",
])
def test_a_set_of_providers_lifts_no_council_either(monkeypatch, question):
    # round 28 kept the lift for a council's homes or schools as a set; the provider is still what is asked
    monkeypatch.setattr(settings, "ROUND31_PROVIDER", True)
    assert named_councils(question, {"Bolton", "Derby"}) == ()
    monkeypatch.setattr(settings, "ROUND31_PROVIDER", False)
    assert named_councils(question, {"Bolton", "Derby"})
