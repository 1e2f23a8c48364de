"""Two general fixes found on blind set u after it was scored once (issue 22): the 2005-2012 annual assessments of
children's services are not school stories, and the gazetteer's "Dorset Council" is the old Dorset county's
same-named successor (the second is tested with the other same-named pairs in test_facets_round9.py)."""
from __future__ import annotations

import pytest

from indexer.ingest.annotate.council import is_school_inspection
from indexer.ingest.annotate.gazetteer import find_mentions
from tests.facet_helpers import article

_SCHOOLS = ("Pupils in the borough's primary schools did well, secondary schools and the sixth form college improved, "
            "and teachers and headteachers were praised.")


@pytest.mark.parametrize("opening", [
    "The annual children's services assessment from Ofsted, out this week, is the best yet.",
    "Ofsted's annual performance assessment for 2008 says the council is doing well.",
    "In its children's services assessment, the watchdog found most things improving.",
    "The annual rating of children's services, published today, says the council performs well.",
])
def test_an_annual_assessment_of_childrens_services_is_no_school_story(opening):
    assert is_school_inspection("Services improving", f"{opening} {_SCHOOLS}") == (False, "")


@pytest.mark.parametrize("opening", [
    "The annual assessment of the school found pupils happy.",
    "Ofsted inspected the school last month.",
])
def test_a_school_story_with_no_council_wide_assessment_stays_one(opening):
    assert is_school_inspection("School praised", f"{opening} {_SCHOOLS}")[0]


def test_an_annual_assessment_story_full_of_school_words_gets_its_council_and_grade(tmp_path):
    doc = article(tmp_path, "Children in Gateshead doing well\n\n12 December 2009\n\n"
                            "Ofsted's annual children's services assessment says Gateshead Council performs well. "
                            f"{_SCHOOLS} Most primary schools and nurseries are good, and the school results at 16 "
                            "keep rising.\n")
    assert doc.council == ["Gateshead"] and doc.severity == ["good"]


# Round 10 (issue 22): a printed page that states no grade but dates the inspection standing on its date takes that
# inspection's official grade (u07 Wessex FM, u09 a council decision record, u32 a council newsroom). Hartlepool's
# record: ILACS July 2018 good (published 28 August 2018), ILACS March 2024 outstanding (published 16 May 2024).
from indexer.ingest.annotate.dated_standing import dated_inspections  # noqa: E402


@pytest.mark.parametrize("sentence, expected", [
    ("The action plan drawn up after the May 2025 inspection is on track.", [(2025, 5)]),
    ("Practice has improved since the full inspection in July 2018.", [(2018, 7)]),
    ("When Ofsted last carried out a full inspection, in 2016, most areas needed work.", [(2016, None)]),
    ("The council was last inspected in 2019.", [(2019, None)]),
    ("Its 2016 Ofsted inspection found weaknesses.", [(2016, None)]),
])
def test_a_dated_inspection_is_read(sentence, expected):
    assert dated_inspections(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "The council spent 2 million pounds in 2018.",
    "Inspection rules changed between 2017 and 2018.",
    "The 2019 inspection of the school was positive.",
    "The inspection ran from 2017 to 2018.",
])
def test_no_dated_inspection_is_read(sentence):
    assert dated_inspections(sentence) == []


_VISIT_PAGE = ("Praise for Hartlepool's social workers\n\n{date}\n\nInspectors spent two days with Hartlepool Borough "
               "Council's children's services team last month. {anchor} Leaders were thanked for their work, and the "
               "letter lists what could be better.\n")


@pytest.mark.parametrize("anchor", [
    "Their letter says practice has kept improving since the full inspection in July 2018.",
    "When Ofsted last carried out a full inspection, in 2018, it found strong practice.",
    "The team has built on the July 2018 inspection.",
])
def test_a_page_dating_the_standing_inspection_takes_its_grade(tmp_path, anchor):
    doc = article(tmp_path, _VISIT_PAGE.format(date="30 March 2020", anchor=anchor))
    assert doc.council == ["Hartlepool"] and doc.severity == ["good"]
    assert doc.confidence["severity"] == "official"


@pytest.mark.parametrize("date, anchor", [
    # a later report came out before the page: the dated inspection no longer stands
    ("30 June 2024", "Their letter says practice has kept improving since the full inspection in July 2018."),
    # no inspection dated: nothing to fill
    ("30 March 2020", "Their letter says practice has kept improving."),
    # a dated inspection that is not the council's latest on the page's date
    ("30 March 2020", "The council has come a long way since the inspection in 2014."),
])
def test_no_grade_without_the_standing_inspection_dated(tmp_path, date, anchor):
    doc = article(tmp_path, _VISIT_PAGE.format(date=date, anchor=anchor))
    assert doc.council == ["Hartlepool"] and doc.severity == []


def test_a_round_up_dating_an_inspection_fills_no_grade(tmp_path):
    doc = article(tmp_path, "Three councils' children's services\n\n10 April 2024\n\nSunderland City Council's "
                            "children's services were rated outstanding by Ofsted and Gateshead Council's were rated "
                            "good. Hartlepool Borough Council, last inspected in 2018, had a focused visit, which "
                            "gives no grade.\n")
    graded = dict(zip(doc.council, doc.severity))
    assert graded["Sunderland"] == "outstanding" and graded["Gateshead"] == "good"
    assert not graded.get("Hartlepool")


# Round 10: a sub-judgement adds no weight to an overall grade the text also states (u21, Shields Gazette: "rated
# them 'good'" against "rated the adoption service 'outstanding'" plus one more "outstanding"). Before, two areas'
# grades could outweigh the one overall grade.
@pytest.mark.parametrize("areas", [
    "Inspectors rated the adoption service 'outstanding'. Leadership was judged outstanding. The service for care "
    "leavers was rated outstanding too.",
    "Care leavers' services were judged outstanding. The adoption service was rated outstanding, and leadership was "
    "judged outstanding as well.",
])
def test_area_grades_do_not_outweigh_the_overall_grade(tmp_path, areas):
    doc = article(tmp_path, "Good news for Hartlepool\n\n13 January 2018\n\nHartlepool Borough Council's children's "
                            f"services have been rated 'good' by Ofsted. {areas} The report goes to councillors "
                            "next week.\n")
    assert doc.council == ["Hartlepool"] and doc.severity == ["good"]


def test_the_overall_grade_still_wins_over_areas_graded_lower(tmp_path):
    doc = article(tmp_path, "Hartlepool rated outstanding\n\n20 May 2024\n\nHartlepool Borough Council's children's "
                            "services have now been rated outstanding by Ofsted. Inspectors judged the service for "
                            "care leavers good.\n")
    assert doc.severity == ["outstanding"]


# Round 10: "the old county council", "the former council": a back-reference to the one council the text names as
# replaced, so the grades of its sentence are that council's (u10, The Mail; n37, the council's own newsroom, names
# "the old Cumbria County Council" and was already right).
from indexer.ingest.annotate.predecessors import refers_to_predecessor  # noqa: E402
from indexer.ingest.annotate.attribution import grade_statements  # noqa: E402

_SUCCESSOR = ("Cumberland's children's services rated good\n\nCumberland Council's children's services have been "
              "judged good by Ofsted in the first inspection since the council took over from Cumbria County Council "
              "in April 2023. {history} The director thanked staff.\n")


@pytest.mark.parametrize("history", [
    "Services under the old county council were rated as requiring improvement.",
    "The former council was judged to require improvement at its last inspection.",
    "Its predecessor authority was rated as requiring improvement.",
])
def test_a_predecessor_referred_to_without_its_name_takes_its_grades(tmp_path, history):
    doc = article(tmp_path, _SUCCESSOR.format(history=history))
    graded = dict(zip(doc.council, doc.severity))
    assert graded["Cumberland"] == "good" and graded.get("Cumbria") == "requires improvement"


@pytest.mark.parametrize("sentence", [
    "The council's old children's home was rated good.",
    "The former director was praised.",
    "The county council was rated good.",
])
def test_no_predecessor_reference(sentence):
    assert not refers_to_predecessor(sentence)


def test_the_old_council_with_no_replaced_council_named_moves_nothing(tmp_path):
    # Dated away from any real report of Hartlepool's (the record's 16 May 2024 outstanding would overrule "good")
    doc = article(tmp_path, "Hartlepool rated good\n\n20 May 2021\n\nHartlepool Borough Council's children's services "
                            "have now been rated good by Ofsted. The old council had been rated good in 2018 too.\n")
    assert doc.council == ["Hartlepool"] and doc.severity == ["good"]


# Round 10: a children's centre (or a group of them) is a setting Ofsted inspects on its own scale, like a children's
# home (u02, a council's newsroom on its children's centres group); the council running it is no subject.
@pytest.mark.parametrize("title, body", [
    ("Inspectors praise Hartlepool children's centres",
     "Ofsted has published its report on the group of children's centres in Hartlepool. The centres were judged good, "
     "and parents said the centres had helped them. Hartlepool Borough Council runs them."),
    ("Children's centre rated good",
     "The Rossmere children's centre in Hartlepool was rated good by Ofsted. Staff at the centre were thanked, and "
     "the centre will now open longer hours."),
])
def test_a_childrens_centre_inspection_grades_no_council(tmp_path, title, body):
    doc = article(tmp_path, f"{title}\n\n{body}\n")
    assert doc.severity == []


def test_a_council_story_mentioning_childrens_centres_keeps_its_grade(tmp_path):
    doc = article(tmp_path, "Hartlepool children's services rated good\n\nHartlepool Borough Council's children's "
                            "services have now been rated good by Ofsted. The report praised the children's centres "
                            "and the centre staff who work with families.\n")
    assert doc.council == ["Hartlepool"] and doc.severity == ["good"]


# Round 10: a grade word praising a success, an achievement, a job or an effort is no grade (u21's councillor: "the
# council's children's services are an outstanding success story").
@pytest.mark.parametrize("sentence", [
    "Yet the report shows the council's children's services are an outstanding success story.",
    "The mayor said the services are an outstanding achievement for the town.",
    "The leader said the service had done a good job this year.",
])
def test_praise_words_are_no_grade(sentence):
    assert grade_statements(sentence, 1) == []


def test_praise_words_do_not_outvote_the_grade(tmp_path):
    doc = article(tmp_path, "Hartlepool rated good\n\n20 May 2019\n\nHartlepool Borough Council's children's services "
                            "were rated good by Ofsted. The council leader said its children's services are an "
                            "outstanding success story. The mayor said the services are an outstanding achievement "
                            "for the town, and staff had done an outstanding job.\n")
    assert doc.severity == ["good"]


@pytest.mark.parametrize("sentence", [
    "Hartlepool Borough Council's children's services are outstanding, Ofsted says.",
    "Ofsted rated Hartlepool Borough Council's children's services 'outstanding', a success for the town.",
])
def test_a_grade_followed_by_other_words_stays_a_grade(tmp_path, sentence):
    doc = article(tmp_path, f"Hartlepool praised\n\n20 May 2024\n\n{sentence}\n")
    assert doc.severity == ["outstanding"]


# --- everyday short names followed by "council" (found on blind set v after its scoring: v19, v20) ----------------

@pytest.mark.parametrize("text, code", [("Stockton Council said it was disappointed.", "E06000004"),
                                        ("Stockton Borough Council's children's services", "E06000004"),
                                        ("Barking Council has appointed a new director.", "E09000002")])
def test_a_short_name_before_council_names_the_council(text, code):
    assert [m.codes for m in find_mentions(text)] == [(code,)]


@pytest.mark.parametrize("text", ["She grew up in Stockton Heath.", "the Stockton and Darlington railway line",
                                  "a flat in Barking, east London"])
def test_a_short_name_alone_names_no_council(text):
    assert all(m.codes not in {("E06000004",), ("E09000002",)} for m in find_mentions(text))
