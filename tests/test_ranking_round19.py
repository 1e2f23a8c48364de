"""Ranking round 19: a paragraph reporting this inspection's finding may be shown from past the candidates.

- a finding sentence: an inspection noun before a judging or reporting verb, or the service judged in the passive;
  not told against an earlier time, not dated only by years before the page's, not someone else's words;
- where the question asks a grade, the finding sentence states it;
- the paragraph chosen among the candidates keeps its place when it reports a finding itself, when the question names
  a year before the page's, or when the other paragraph has too few of the question's words; reactions never win;
- `finding_rule=off` leaves the choice as before; both backends show the same paragraph.
The sentences here are written for the tests.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from indexer import settings
from indexer.models import SearchRequest
from indexer.quality.crossval import parse_setting
from indexer.search.finding import asks_earlier, finding_instead, query_years, reports_finding

from tests.conftest import backend_over, seeds_with
from tests.test_ranking_round15 import _asked


# --- the finding sentence ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Inspectors have judged the service the county gives to children in care to be 'adequate'.",
    "The report, published on Monday, says social workers now know their children well.",
    "Children's services in the borough were rated inadequate.",
    "A short paragraph first. Ofsted found that the front door deals quickly with referrals.",
])
def test_a_sentence_reporting_the_inspections_finding(text):
    assert reports_finding(text, 2024)


@pytest.mark.parametrize("text", [
    "It was the third monitoring visit since the service was rated inadequate.",  # an earlier judgement
    "At the previous inspection the service had been judged good.",
    "The council says it welcomes the report and will act on it.",  # no inspection as the subject
    "Ofsted's latest findings, the council leader said, were fair.",  # someone else's words
    "The visit looked at how contacts and referrals are handled.",  # no judging verb
])
def test_a_sentence_that_reports_no_finding_of_this_inspection(text):
    assert not reports_finding(text, 2024)


def test_a_sentence_dated_only_before_the_pages_year_is_an_earlier_event():
    text = "Ofsted rated the service good in 2019."
    assert not reports_finding(text, 2023)
    assert reports_finding(text, 2019)
    assert reports_finding(text, 0)  # the page's year unknown: no test of time


def test_the_asked_grade_must_be_in_the_finding_sentence():
    text = "Inspectors found the front door quicker. The service is still rated good by its users."
    assert reports_finding(text, 2024)
    assert not reports_finding("Inspectors found the front door quicker.", 2024, frozenset({"good"}))
    assert reports_finding("Inspectors found the service good overall.", 2024, frozenset({"good"}))


def test_years_a_question_names_and_whether_it_asks_about_an_earlier_event():
    assert query_years("Medway adequate in 2011 then inadequate") == (2011,)
    assert asks_earlier((2011,), 2013) and not asks_earlier((2013,), 2013) and not asks_earlier((2011,), 0)


# --- the choice --------------------------------------------------------------------------------------------------

QUESTION = "Rotherham children in care adequate after a joint inspection with health inspectors"
SHOWN = ("The joint inspection with health inspectors covered children in care across Rotherham, and the "
         "leaving care team.", 6)
FINDING = (1, 4, "Inspectors have judged the service Rotherham gives to children in its care to be 'adequate'.")
ASIDE = (3, 4, "Rotherham looks after 600 children, and 200 more have protection plans.")


def _choose(wider, shown=SHOWN, question=QUESTION, year=2024):
    asked = _asked(question)
    return finding_instead(asked, shown, [(n, own) for n, own, _ in wider], lambda i: wider[i][2], year,
                           query_years(question))


def test_a_finding_with_the_asked_grade_is_shown_from_past_the_candidates():
    assert _choose([ASIDE, FINDING]) == 1


def test_the_chosen_paragraph_keeps_its_place_when_it_reports_a_finding_itself():
    shown = ("Inspectors said the joint inspection found children in care across Rotherham well served.", 6)
    assert _choose([FINDING], shown=shown) is None


def test_a_question_naming_a_year_before_the_pages_changes_nothing():
    assert _choose([FINDING], question=QUESTION + " 2019", year=2024) is None
    assert _choose([FINDING], question=QUESTION + " 2024", year=2024) == 0


def test_a_paragraph_with_too_few_of_the_questions_words_or_a_reaction_is_not_shown():
    few = (1, 3, FINDING[2])  # 3 of the chosen paragraph's 6 own words: below finding_share
    assert _choose([few]) is None
    reaction = (2, 5, "Councillor Jones, cabinet member for children, said inspectors had judged the service "
                      "'adequate' and she was pleased.")
    assert _choose([reaction]) is None


def test_a_finding_without_the_asked_grade_is_not_shown():
    other = (2, 5, "Inspectors found that children in care wait too long for health checks.")
    assert _choose([other]) is None


def test_the_rule_off_leaves_the_choice():
    with settings.ranking(parse_setting(["finding_rule=off"])):
        assert _choose([FINDING]) is None


# --- both backends -------------------------------------------------------------------------------------------------

CRAFTED = {
    "round19-rotherham-care.txt": """Thursday, 6 March 2025

Rotherham care services adequate, inspectors say

Example Gazette

Thursday, 6 March 2025

Inspectors have judged the service Rotherham gives to children in care to be 'adequate'.

The joint inspection with health inspectors covered children in care across Rotherham, the leaving care team and the health checks that children in care receive, over two weeks in January.

Rotherham looks after 600 children, and 200 more have protection plans.

A spokesperson said staff were proud of the work.
""",
}


@pytest.fixture(scope="module")
def crafted(tmp_path_factory) -> Path:
    """The seeds (for realistic word statistics) and the document above."""
    return seeds_with(tmp_path_factory, "round19", CRAFTED)


@pytest.fixture(scope="module", params=["embedded", "postgresql"])
def backend(request, crafted, tmp_path_factory):
    """The crafted corpus on one backend."""
    yield from backend_over(request, tmp_path_factory, "round19", crafted)


def _shown(backend, q: str) -> str:
    hit = next(h for h in backend.search(SearchRequest(q=q, per_page=20)).hits
               if h.doc_id == "round19-rotherham-care.txt")
    return {p.n: p.text for p in backend.document("round19-rotherham-care.txt").paragraphs}[hit.paragraph]


def test_both_backends_show_the_finding_from_past_the_candidates(backend):
    assert _shown(backend, QUESTION).startswith("Inspectors have judged the service")
    with settings.ranking(parse_setting(["finding_rule=off"])):
        assert _shown(backend, QUESTION).startswith("The joint inspection with health inspectors")
