"""Round 28 (issue 22, branch sevwrong28): wrong grades on the real text of one-council pages -- a grade for one area
read as the overall one, two grades offered as alternatives behind a closing quotation mark, the staff's morale read
as a grade (its rule shipped off and was removed in round 32), and a tie between a past and a present grade. Every
sentence here is our own invention."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.annotate.severity import decide, grade_statements
from tests.facet_helpers import article


def _grades(sentence: str) -> list[str]:
    """The grades a sentence states as overall judgements (a sub-judgement left out)."""
    return [st.grade for st in grade_statements(sentence, 0) if not st.sub_area]


def _decided(text: str) -> str | None:
    """The grade a run of sentences (one per line) decides."""
    return decide([st for n, line in enumerate(text.splitlines()) for st in grade_statements(line, n)])[0]


# --- (A) a grade whose "for" complement names an area ------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Bexley picked up a first 'Outstanding' grade for the way it supports children in care.",
    "That 'outstanding' rating was for the borough's care leavers' team and the help it gives young adults.",
    "Services were judged 'good' in the areas of adoption and fostering.",
])
def test_a_grade_for_an_area_is_a_sub_judgement(sentence):
    assert _grades(sentence) == []


_AREA_PAGE = """Inspectors praise Bexley's work with children

Inspectors marked Bexley 'Good' in their letter overall with a first 'outstanding' grade for the way it supports children in care.
Bexley picked up a first 'Outstanding' grade for the way it supports children in care.
"""


def test_the_overall_grade_beside_an_area_grade_stays():
    assert _decided(_AREA_PAGE.split("\n\n", 1)[1].strip()) == "good"


def test_the_page_takes_the_overall_grade(tmp_path):
    assert article(tmp_path, _AREA_PAGE).severity == ["good"]


def test_area_complement_off_is_round_27(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND26_AREA_COMPLEMENT", False)
    assert article(tmp_path, _AREA_PAGE).severity == ["outstanding"]


# --- (B) an outcome strand or a group of children at risk is an area -----------------------------------------------

@pytest.mark.parametrize("sentence", [
    "On its 'being healthy' outcome the borough was given a grade of 'good'.",
    "Work on economic well-being is 'good', the letter said.",
    "Help for runaways who go missing from home is good, according to the inspectors.",
    "Help for children at risk of sexual exploitation was judged 'outstanding'.",
])
def test_an_outcome_strand_or_a_group_at_risk_is_an_area(sentence):
    assert _grades(sentence) == []


_OUTCOME_PAGE = """Torbay told its children's services are only adequate

Inspectors this year rated Torbay Council's services for young people as "adequate".
On its 'being healthy' outcome the borough was given a grade of 'good'.
Work on economic well-being is 'good', the letter said.
"""


def test_the_outcome_page_keeps_its_overall_grade(tmp_path):
    assert article(tmp_path, _OUTCOME_PAGE).severity == ["adequate"]


def test_outcome_areas_off_is_round_27(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND28_OUTCOME_AREAS", False)
    assert article(tmp_path, _OUTCOME_PAGE).severity == ["good"]


# --- (C) alternatives with a closing quotation mark ----------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Most of the region's councils now hold ‘good’ or ‘outstanding’.",
    "A fifth of those inspected were rated “inadequate” or “requires improvement”.",
    "The rest were found to be ‘requiring improvement’ or ‘inadequate’.",
])
def test_two_grades_offered_together_grade_no_one(sentence):
    assert _grades(sentence) == []


def test_one_quoted_grade_stays():
    assert _grades("Ofsted rated the county ‘good’ on Friday.") == ["good"]


def test_closed_alternatives_off_is_round_27(monkeypatch):
    monkeypatch.setattr(settings, "ROUND28_CLOSED_ALTERNATIVES", False)
    assert "outstanding" in _grades("Most of the region's councils are now rated ‘good’ or ‘outstanding’.")


# --- (D) the staff's morale (shipped off, a never-read year fell with it; removed in round 32) ---------------------

def test_a_grade_said_of_morale_is_read():
    assert _grades("Team morale was reported as good and caseloads are falling.") == ["good"]


# --- (E) a grade placed in the present period wins a tie ----------------------------------------------------------

_TIE = ("Four years ago, Ofsted found serious failings in the borough's work with children.\n"
        "The inspectors judged its children's services 'inadequate' and repeated the verdict a year later.\n"
        "Inspectors came back this spring and rated the service 'good'.")


def test_the_present_grade_wins_a_tie():
    assert _decided(_TIE) == "good"


def test_this_time_off_is_round_27(monkeypatch):
    monkeypatch.setattr(settings, "ROUND28_THIS_TIME", False)
    assert _decided(_TIE) == "inadequate"
