"""Round 7 (issue 22): general structures of how grades are written, tested on sentences written for the test.

Each rule has several paraphrases that should fire and some that should not; every one of the firing cases failed
on the rules before this round.
"""
from __future__ import annotations

import pytest

from indexer.ingest.annotate.severity import decide, grade_statements


def _grades(sentence: str) -> list[str]:
    """The current grades a sentence states (past, negated and target grades dropped; standing grades kept)."""
    return [st.grade for st in grade_statements(sentence, 2) if not st.standing and not st.tally]


def _decided(*sentences: str) -> str | None:
    """The overall grade several sentences decide together."""
    statements = [st for i, s in enumerate(sentences) for st in grade_statements(s, i + 2)]
    return decide(statements)[0]


# --- "no longer" + a verb phrase negates the grade, whatever the verb -------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Caseloads and delays in assessment no longer count as 'inadequate', inspectors said.",
    "The department is no longer regarded by Ofsted as inadequate.",
    "Its front door is no longer seen as inadequate.",
    "Services in the borough no longer carry an 'inadequate' label.",
])
def test_no_longer_with_any_verb_negates_the_grade(sentence):
    assert "inadequate" not in _grades(sentence)


@pytest.mark.parametrize("sentence, grade", [
    ("The council is no longer inadequate but is now rated good.", "good"),
    ("Services are no longer failing and are now rated good.", "good"),
])
def test_no_longer_does_not_reach_past_a_second_grade(sentence, grade):
    assert grade in _grades(sentence)


# --- a temporal clause with a named subject dates its grade before the news --------------------------------------

@pytest.mark.parametrize("sentence", [
    'Two years after Barnsley Council\'s child protection services were judged "inadequate", inspectors returned.',
    "Since the department was rated inadequate, three directors have come and gone.",
    "Months after Kent's children's services were found to be inadequate, a new director arrived.",
    "Before the county's services were judged outstanding, the council had spent heavily on staff.",
])
def test_a_grade_in_an_earlier_temporal_clause_is_past(sentence):
    assert _grades(sentence) == []


@pytest.mark.parametrize("sentence, grade", [
    ("After the inspection the services were judged good.", "good"),
    ("After Ofsted came in March the department was judged inadequate.", "inadequate"),
    ("Kent's children's services were judged good after a two-week inspection.", "good"),
])
def test_a_time_phrase_that_names_no_earlier_grade_keeps_the_grade(sentence, grade):
    assert _grades(sentence) == [grade]


def test_the_past_clause_gives_way_to_the_new_grade():
    assert _decided('Two years after the borough\'s services were judged "inadequate", inspectors have rated them '
                    '"requires improvement".') == "requires improvement"


# --- the destination of a movement is the end state, the year is the grade left's -------------------------------

@pytest.mark.parametrize("sentence, grade", [
    ('The island\'s services, ranked "inadequate" in 2012, have moved up to "requires improvement".',
     "requires improvement"),
    ("Judged good in 2018, the county has since slipped to 'requires improvement'.", "requires improvement"),
    ("Rated inadequate in 2016, the service was upgraded to good this week.", "good"),
])
def test_a_movement_after_a_dated_grade_ends_at_the_current_grade(sentence, grade):
    assert _grades(sentence) == [grade]


def test_a_dated_grade_without_a_movement_stays_dated():
    statements = grade_statements("In 2012 the council was rated inadequate.", 2)
    assert [st.standing for st in statements] == [True]


# --- "not yet" + a giving verb + its object is Ofsted's "not yet good" -------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Inspectors found the council was not yet giving children good help and protection.",
    "The service is not yet offering its families good support.",
])
def test_not_yet_giving_someone_good_is_requires_improvement(sentence):
    assert _grades(sentence) == ["requires improvement"]


@pytest.mark.parametrize("sentence", [
    "Practice is not yet consistently good.",
    "It is not yet known whether the council will be rated good.",
])
def test_not_yet_with_an_adverb_or_a_doubt_is_no_grade(sentence):
    assert "requires improvement" not in _grades(sentence) and "good" not in _grades(sentence)


# --- a grade wished for or forecast is a target ------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The council would not sit back, she said, and aims to be rated good next time.",
    "Leaders hope to become outstanding within three years.",
    "The borough is expected to be judged good when inspectors return.",
    "Staff are determined to get to good.",
    "The council will be rated outstanding if the trend holds.",
    "Leaders said the service could become good within a year.",
    "The service is on track to be rated outstanding, the director said.",
])
def test_a_grade_someone_intends_is_a_target(sentence):
    assert _grades(sentence) == []


@pytest.mark.parametrize("sentence, grade", [
    ("The council expects to publish its plan after being rated good.", None),
    ("The service was rated good, as the director had hoped.", "good"),
])
def test_an_intent_elsewhere_in_the_sentence_keeps_the_grade(sentence, grade):
    assert (_grades(sentence) or [None])[0] == grade


# --- "since YEAR" reaches only its own clause --------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The inspection found real improvement since 2015 and gave the services a new grade: 'requires improvement'.",
    "Progress since 2019 was clear and inspectors now rate the council 'requires improvement'.",
])
def test_a_grade_after_a_since_year_and_a_new_clause_is_current(sentence):
    assert _grades(sentence) == ["requires improvement"]


def test_a_grade_inside_a_since_year_clause_is_past():
    assert _grades("Nothing has changed since a 2012 inspection rated it inadequate.") == []
