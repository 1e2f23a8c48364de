"""Which councils a grade belongs to in round-ups (ingest/annotate/attribution.py), end to end on short articles."""
from __future__ import annotations

from tests.facet_helpers import article


def test_a_list_introduced_by_its_grade(tmp_path):
    doc = article(tmp_path, "Annual ratings published\n\nThe yearly ratings are out. Alongside Barnet, those rated "
                            "poor are Sutton, Merton and Bexley.\n\nMinisters said they would act.\n")
    assert set(doc.council) >= {"Sutton", "Merton", "Bexley"}
    assert dict(zip(doc.council, doc.severity))["Merton"] == "inadequate"


def test_rated_inadequate_at_a_list_of_councils(tmp_path):
    doc = article(tmp_path, "Child protection concerns\n\nInspectors said child protection was rated inadequate at "
                            "Luton, Bedford, Peterborough and Thurrock.\n")
    assert doc.council == ["Luton", "Bedford", "Peterborough", "Thurrock"]
    assert doc.severity == ["inadequate"] * 4


def test_both_refers_back_to_the_councils_just_named(tmp_path):
    doc = article(tmp_path, "Top marks in the north\n\nSunderland and Durham are among the best councils for "
                            "children.\n\nBoth were rated outstanding by Ofsted.\n")
    assert doc.council == ["Sunderland", "Durham"] and doc.severity == ["outstanding", "outstanding"]


def test_a_list_without_a_grade_takes_the_grade_just_given(tmp_path):
    doc = article(tmp_path, "Three councils rated good\n\nThree councils have had their children's services rated "
                            "good.\n\nSalford, Trafford and Bolton all earned the grade after visits in May.\n")
    assert doc.council == ["Salford", "Trafford", "Bolton"] and doc.severity == ["good"] * 3


def test_the_third_council_takes_the_grade_just_given(tmp_path):
    doc = article(tmp_path, "Top marks\n\nWIGAN and Bury are two of three councils given the top grade.\n\n"
                            "Both were rated outstanding by inspectors. The third council was Camden, in London.\n")
    assert dict(zip(doc.council, doc.severity)) == {"Wigan": "outstanding", "Bury": "outstanding",
                                                     "Camden": "outstanding"}


def test_councils_with_failing_services_are_a_graded_list(tmp_path):
    doc = article(tmp_path, "Child protection below standard\n\nOf 30 councils checked again, 10 were rated "
                            "inadequate.\n\nCouncils with failing children's services include Luton Borough Council, "
                            "Bolton MBC and Kent CC.\n")
    assert doc.council == ["Luton", "Bolton", "Kent"] and doc.severity == ["inadequate"] * 3


def test_a_grade_at_a_list_is_about_the_list_not_the_council_named_before(tmp_path):
    doc = article(tmp_path, "Safety ratings\n\nBesides Luton, child protection was judged inadequate at Bedford, "
                            "Thurrock and Slough councils.\n")
    assert set(doc.council) == {"Luton", "Bedford", "Thurrock", "Slough"}


def test_a_count_that_introduces_a_named_list_grades_the_list():
    """'Only three councils were outstanding: A, B and C' - a tally in form, a list in structure."""
    from indexer.ingest.annotate.attribution import attribute_grades
    from indexer.ingest.annotate.text_units import Sentence
    text = "Only three councils were outstanding across all their children's services: Gateshead, Kensington and Chelsea, and York."
    attributed, listed = attribute_grades([Sentence(text, 1, 0)], None, "E08000037")
    graded = {code: [s.grade for s in sts] for code, sts in attributed.items()}
    assert {"E08000037", "E09000020", "E06000014"} <= set(graded)
    assert all(g == ["outstanding"] for g in graded.values())


def test_a_bare_count_grades_nobody():
    from indexer.ingest.annotate.attribution import attribute_grades
    from indexer.ingest.annotate.text_units import Sentence
    attributed, _ = attribute_grades([Sentence("Across England, nine of the 146 councils got an inadequate rating.", 1, 0)],
                                     None, "E08000037")
    assert attributed == {}


def test_a_sub_judgement_alone_sets_no_overall_grade():
    from indexer.ingest.annotate.severity import decide, grade_statements
    sentence = "Ofsted found the leadership of the council and of its trust 'inadequate'."
    assert decide(grade_statements(sentence, 1)) == (None, [])
    assert decide(grade_statements("Children's services in Leeds were rated 'good'.", 1))[0] == "good"
