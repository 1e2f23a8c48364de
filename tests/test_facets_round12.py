"""Round 12 (issue 22): structures that decide whether a grade word grades a council, on sentences written here."""
from __future__ import annotations

import pytest

from indexer.ingest.annotate.grade_context import about_any_council, negated
from indexer.ingest.annotate.severity import decide, grade_statements


def _grades(sentence: str) -> list[str]:
    """The grades a sentence gives as current judgements."""
    return [st.grade for st in grade_statements(sentence, 0)]


@pytest.mark.parametrize("sentence", [
    "Leaders have done well, and no part of the service is now inadequate.",
    "None of the areas inspectors looked at was judged inadequate.",
    "Nothing was found to be inadequate by the inspection team.",
    "Not one council in the region was rated outstanding this year.",
    "No other authority in the county has been judged 'good'.",
])
def test_a_negative_subject_grades_no_one(sentence):
    assert _grades(sentence) == []


@pytest.mark.parametrize("sentence, grade", [
    ("There is no doubt the service is inadequate, inspectors said.", "inadequate"),
    ("With no warning, inspectors arrived, and the service was judged inadequate.", "inadequate"),
    ("Despite no extra money, the department is now rated good.", "good"),
])
def test_a_negation_elsewhere_in_the_sentence_does_not_fire(sentence, grade):
    assert _grades(sentence) == [grade]


def test_negated_reads_only_the_clause_of_the_grade():
    assert negated("no part of the service is now ")
    assert not negated("no part of it was weak, but the service is ")


@pytest.mark.parametrize("sentence", [
    "An improvement notice is what the minister sends to a council whose services Ofsted has rated inadequate.",
    "The grant goes to any authority that inspectors have judged outstanding.",
    "Support is offered to councils which were found inadequate at their last inspection.",
])
def test_a_council_picked_out_by_a_relative_clause_is_no_council(sentence):
    assert _grades(sentence) == []


@pytest.mark.parametrize("sentence, grade", [
    # the first councils whose … : particular councils, named in the sentence
    ("Barset and Wessex are the first councils whose services Ofsted has rated outstanding.", "outstanding"),
    # an indefinite subject that opens a story about one council: the main verb's grade
    ("A council that inspectors once criticised for high caseloads is now rated good.", "good"),
    # the relative clause ends at a comma; the grade belongs to the department named before it
    ("Barset's children's services, a department that supports the most vulnerable children, are rated inadequate.",
     "inadequate"),
])
def test_particular_councils_keep_their_grade(sentence, grade):
    assert _grades(sentence) == [grade]


def test_about_any_council_needs_an_indefinite_after_a_preposition():
    assert about_any_council("a notice is sent to a council whose services Ofsted has rated ")
    assert not about_any_council("the three councils whose services Ofsted has rated ")


def test_a_verdict_dated_after_its_grade_gives_way_to_the_newer_grade():
    text = ["Inspectors have raised Barset's children's services from inadequate to requires improvement.",
            "Since the inadequate overall verdict of March 2016, leaders have rebuilt the service."]
    statements = [st for i, s in enumerate(text) for st in grade_statements(s, i)]
    dated = [st for st in statements if st.grade == "inadequate"]
    assert dated and all(st.standing and st.year == 2016 for st in dated)
    assert decide(statements)[0] == "requires improvement"


def test_a_dated_verdict_alone_still_stands():
    statements = grade_statements("The service remains under the inadequate judgement of 2019.", 0)
    assert decide(statements)[0] == "inadequate"


def test_a_pronoun_after_a_colon_keeps_the_area_the_sentence_opened_with():
    sentence = "Support for care leavers pleased inspectors most: criticised in 2016, they are now good."
    assert [st.sub_area for st in grade_statements(sentence, 0)] == [True]
    service = "The council's services pleased inspectors: criticised in 2016, they are now good."
    assert [st.sub_area for st in grade_statements(service, 0)] == [False]


@pytest.mark.parametrize("sentence", [
    "The fostering service of Barset Children's Trust has been rated good by Ofsted.",
    "The adoption agency of the council was judged outstanding last week.",
    "Barset's Safeguarding Children Board was also rated good.",
    "The local safeguarding board, reviewed at the same time, was judged inadequate.",
])
def test_a_provider_or_board_grade_is_a_sub_judgement(sentence):
    statements = grade_statements(sentence, 0)
    assert statements and all(st.sub_area for st in statements)
    assert decide(statements)[0] is None


def test_the_council_service_named_after_its_operator_is_not_a_sub_area():
    statements = grade_statements("The children's services of Barset Council have been rated good.", 0)
    assert [st.sub_area for st in statements] == [False]
