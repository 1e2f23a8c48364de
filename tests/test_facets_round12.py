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


# --- councils: whole pages written for the test, read as the evaluation reads a fixture -----------------------------

def _page(tmp_path, name: str, text: str):
    """A written news page, read and annotated."""
    from indexer.ingest.documents import load_document
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_document(path)


def test_a_place_and_a_council_word_in_the_header_name_the_publisher(tmp_path):
    doc = _page(tmp_path, "a.txt", "Praise for early help after inspectors' visit\n\nBury Borough Council news\n\n"
                "12 March 2019\n\nInspectors have praised the council's front door after a focused visit last month. "
                "The council's leaders thanked staff for their work with families.\n")
    assert doc.council == ["Bury"]
    doc = _page(tmp_path, "b.txt", "Praise for early help after inspectors' visit\n\nBury Times\n\n12 March 2019\n\n"
                "Inspectors have praised the council's front door after a focused visit last month.\n")
    assert doc.council == []  # a newspaper named after the town is not the council


def test_services_for_children_rated_as_a_whole_are_not_a_school_story(tmp_path):
    doc = _page(tmp_path, "c.txt", "Good news for Oldham families\n\nInspectors have rated Oldham council's services "
                "for children and young people as performing well. Most schools, nurseries and childminders were "
                "good, one primary school was weak and sixth form teaching was only satisfactory; the pupils in special "
                "schools did well.\n")
    assert doc.council == ["Oldham"] and doc.severity == ["good"]


def test_two_places_sharing_one_head_noun_are_both_named():
    from indexer.ingest.annotate.gazetteer import find_mentions
    assert [m.alias for m in find_mentions("East and West Sussex councils agreed")] == ["East Sussex", "West Sussex"]
    assert [m.alias for m in find_mentions("the North and West Midlands")] == []  # no authority of that name


def test_a_split_council_named_on_a_page_printed_after_the_split_is_its_successors(tmp_path):
    text = ("Cumbria children's services rated good\n\n{date}\n\nOfsted's report, published today, rates children's "
            "services in Cumbria as good, praising leaders for steady work.\n")
    after = _page(tmp_path, "d.txt", text.format(date="14 June 2024"))
    assert sorted(after.council) == ["Cumberland", "Westmorland and Furness"]
    assert after.severity == ["good", "good"]
    before = _page(tmp_path, "e.txt", text.format(date="14 June 2022"))
    assert before.council == ["Cumbria"]


def test_a_page_naming_one_successor_stays_with_that_one(tmp_path):
    doc = _page(tmp_path, "f.txt", "Council responds to Ofsted\n\n14 June 2024\n\nWestmorland and Furness Council says "
                "its children's services have been rated good, the first grade since Cumbria was split.\n")
    assert doc.council == ["Westmorland and Furness"]


def test_split_siblings_share_an_inherited_grade():
    from indexer.ingest.annotate.successors import split_siblings
    assert split_siblings("E06000061", "E06000062")  # North and West Northamptonshire, from Northamptonshire
    assert not split_siblings("E06000061", "E06000063")  # North Northamptonshire and Cumberland: other parents


def test_a_and_b_councils_is_one_plural_subject(tmp_path):
    doc = _page(tmp_path, "g.txt", "Leaders meet over fostering report\n\n23 March 2023\n\nLeaders of Leeds and Bradford "
                "councils met the trust's officers last night about an inspection report.\n")
    assert sorted(doc.council) == ["Bradford", "Leeds"]
    doc = _page(tmp_path, "h.txt", "Leaders meet over fostering report\n\n23 March 2023\n\nLeeds council leaders met "
                "officers last night; Bradford was mentioned once as a neighbour.\n")
    assert doc.council == ["Leeds"]


@pytest.mark.parametrize("sentence, grades", [
    ("She said an inadequate grade often drives experienced staff away.", []),
    ("A good rating would cost the council millions, the report warned.", []),
    ("An inadequate grade was given to the borough last week.", ["inadequate"]),
])
def test_an_indefinite_grade_with_a_habitual_verb_grades_no_one(sentence, grades):
    assert _grades(sentence) == grades
