"""Round 26 (issue 22, branch aims26): a grade word whose role in its clause gives no current rating (aims, praise of
a thing, a span of time behind the news). Every sentence here is our own invention."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.annotate.severity import decide, grade_statements


def _grades(sentence: str) -> list[str]:
    """The grades a sentence states as current judgements."""
    return [st.grade for st in grade_statements(sentence, 0)]


def _decided(text: str) -> str | None:
    """The grade a run of sentences (one per line) decides."""
    return decide([st for n, line in enumerate(text.splitlines()) for st in grade_statements(line, n)])[0]


# --- (A) the object of an aim, a hope or an expectation ---------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The board accepts there is a long road ahead to reach the goal of being rated as 'good' by 2027.",
    "We have not yet met our objective of being assessed as outstanding, the cabinet member said.",
    "Its chances of becoming 'outstanding' next year look slim.",
    "Leaders say the service is now much closer to receiving a 'good' rating than it was.",
    "The department still has some distance to go to earn a 'good' rating.",
    "I will only relax when every team is judged outstanding.",
    "The finding is likely to mean the borough's rating is cut from two stars to a one-star 'performs poorly' grade.",
    "The council is set to be downgraded to 'inadequate' when the annual ratings appear.",
])
def test_an_aim_or_expectation_is_no_grade(sentence):
    assert _grades(sentence) == []


@pytest.mark.parametrize("sentence, grade", [
    # reached, held or reported: the round 25 readings stand
    ("The council achieved its goal and was rated 'good' by inspectors.", "good"),
    ("When inspectors visited in May they judged the service 'good'.", "good"),
    ("Ofsted has moved the borough up to 'good' after the latest inspection.", "good"),
])
def test_a_grade_reached_or_reported_stays(sentence, grade):
    assert grade in _grades(sentence)


def test_the_page_keeps_the_grade_it_states_elsewhere():
    text = ("Inspectors found the service 'requires improvement to be good' in every area.\n"
            "The director said the council is now closer to receiving a 'good' rating.")
    assert _decided(text) == "requires improvement"


def test_aim_objects_off_is_round_25(monkeypatch):
    monkeypatch.setattr(settings, "ROUND26_AIM_OBJECTS", False)
    assert _grades("Leaders say the service is now much closer to receiving a 'good' rating.") == ["good"]


# --- (P) an adjective on a thing that is no service, council or rating --------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The new recruits marked what the director called a “good cultural shift” in the teams.",
    "The health regulator praised the 'outstanding therapy support' offered to teenagers.",
    "There is good consideration of each child's wishes in the plans.",
    "Strengths included such as good joint working with the police.",
])
def test_praise_of_a_thing_is_no_grade(sentence):
    assert _grades(sentence) == []


@pytest.mark.parametrize("sentence, grade", [
    ("Inspectors gave the council an 'outstanding' rating this week.", "outstanding"),
    ("It is an 'inadequate' local authority, the report concluded.", "inadequate"),
    ("The borough now has a 'good' children's services department.", "good"),
    ("Ofsted rated the service as 'good' overall.", "good"),
    ("The new rating of 'good' means the borough now ranks among the best in its region.", "good"),
    ("Ofsted has now given the county a 'good' quality of protection services, the letter says.", "good"),
])
def test_a_rated_noun_keeps_the_grade(sentence, grade):
    assert grade in _grades(sentence)


def test_attributive_off_is_round_25(monkeypatch):
    monkeypatch.setattr(settings, "ROUND26_ATTRIBUTIVE", False)
    assert _grades("There is good consideration of each child's wishes in the plans.") == ["good"]


# --- (S) a span of time behind the news --------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Having been classed as 'poor' for several years, the department was inspected again in June.",
    "The service is still patchy after years of being deemed 'requiring improvement' and 'inadequate' by Ofsted.",
    "“In previous inspections, we were always rated 'good' by Ofsted,” a spokeswoman said.",
    "The move comes eight months after a scathing report condemned fostering in the borough as inadequate.",
])
def test_a_span_behind_the_news_is_no_grade(sentence):
    assert _grades(sentence) == []


def test_a_span_leaves_the_new_grade():
    text = ("Having been classed as 'poor' for several years, the department was inspected again in June.\n"
            "Inspectors now judge it 'adequate'.")
    assert _decided(text) == "adequate"


def test_past_spans_off_is_round_25(monkeypatch):
    monkeypatch.setattr(settings, "ROUND26_PAST_SPANS", False)
    assert "inadequate" in _grades("The service is still patchy after years of being deemed 'requiring improvement' "
                                   "and 'inadequate' by Ofsted.")


# --- (C) an area named by the grade's "for" / "in the areas of" complement ----------------------------------------
# (shipped off in round 26, on since round 28; these tests switch it on themselves)

@pytest.fixture
def area_on(monkeypatch):
    """The area complement reading switched on."""
    monkeypatch.setattr(settings, "ROUND26_AREA_COMPLEMENT", True)


def test_a_grade_for_an_area_further_on_is_a_subjudgement(area_on):
    text = ("The borough's services were graded 'Good' overall.\n"
            "It also earned its first 'Outstanding' grade for how well it looks after children in care.")
    assert _decided(text) == "good"


def test_in_the_areas_of_names_the_areas(area_on):
    statements = grade_statements("Services were rated 'good' in the areas of care leavers' experiences and "
                                  "progress.", 0)
    assert statements and all(st.sub_area for st in statements)


@pytest.mark.parametrize("sentence, grade", [
    ("Inspectors rated the county as 'overall good' in its arrangements for children in care.", "good"),
    ("Ofsted gave a 'good' rating for its children's services, praising adoption.", "good"),
    ("Ofsted rated the town 'inadequate' for its safeguarding and looked after children services.", "inadequate"),
])
def test_the_whole_service_or_overall_stays_overall(area_on, sentence, grade):
    assert _decided(sentence) == grade


def test_area_complement_off_is_round_25(monkeypatch):
    monkeypatch.setattr(settings, "ROUND26_AREA_COMPLEMENT", False)
    assert _decided("It earned an 'Outstanding' grade for how well it looks after children in care.") == "outstanding"
