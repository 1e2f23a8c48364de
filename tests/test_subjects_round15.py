"""Issue 22, facet round 15 (subjects15): who the subjects of a page are, by sentence shapes any outlet writes. Every
text here is written for the test (paraphrases of the shapes and cases that must not fire); none is an article's
wording."""
from __future__ import annotations

import pytest

from indexer.ingest.annotate.helper_roles import helper_councils
from indexer.ingest.annotate.heading_runs import _heading_grade

from tests.facet_helpers import article


def _found(doc) -> dict[str, str]:
    return dict(zip(doc.council, doc.severity or [""] * len(doc.council)))


# --- a council given an overall grade of its own is a subject, however briefly named ---

def test_a_council_graded_once_in_a_long_story_about_another_is_a_subject(tmp_path):
    doc = article(tmp_path, "Derby children's services judged good\n\nOfsted has judged Derby's children's services "
                            "good. Derby's director said Derby had worked hard. Staff in Derby were thanked, and Derby's "
                            "leaders were praised for the pace of change in Derby.\n\nNearby Nottingham, rated "
                            "'outstanding' by inspectors this spring, is the only council in the area with a better "
                            "grade.\n")
    assert _found(doc) == {"Derby": "good", "Nottingham": "outstanding"}


def test_a_council_graded_only_for_one_area_stays_out(tmp_path):
    doc = article(tmp_path, "Derby children's services judged good\n\nOfsted has judged Derby's children's services "
                            "good. Derby's director said Derby had worked hard. Staff in Derby were thanked, and Derby's "
                            "leaders were praised.\n\nNottingham's care leavers service was rated outstanding last "
                            "year.\n")
    assert doc.council == ["Derby"]


# --- a helper of another place's services is not a subject ---

@pytest.mark.parametrize("sentence", [
    "Hampshire County Council has run the island's children's services since 2013.",
    "The government paid for Essex County Council, graded outstanding, to support the islands' service.",
    "Since May, Leeds has been helping Bradford's children's services.",
    "Trafford took over the running of Stockport's social care services last year.",
])
def test_a_council_running_or_helping_another_places_services_is_a_helper(sentence):
    assert len(helper_councils(sentence, None)) == 1


@pytest.mark.parametrize("sentence", [
    "Leeds has run its children's services well for a decade.",
    "Leeds is running the city's children's services with fewer agency staff.",
    "Leeds helped families in crisis through the winter.",
    "Bradford's children's services were judged inadequate.",
])
def test_a_council_running_its_own_services_is_no_helper(sentence):
    assert helper_councils(sentence, None) == set()


def test_a_helper_named_again_only_through_its_director_stays_a_helper():
    text = ("Hampshire County Council has run the island's children's services since 2013. Hampshire's director of "
            "children's services said the report was a step forward.")
    assert helper_councils(text, None) == {"E10000014"}
    assert helper_councils(text + " Hampshire itself was judged good.", None) == set()


def test_a_graded_helper_is_not_made_a_subject(tmp_path):
    doc = article(tmp_path, "Isle of Wight children's services rated inadequate\n\nOfsted has rated the Isle of "
                            "Wight's children's services inadequate.\n\nThe Department for Education is paying so "
                            "that Hampshire County Council, graded outstanding, can support the island's children's "
                            "services.\n")
    assert doc.council == ["Isle of Wight"]


# --- councils in a list a judging sentence names ---

def test_a_judged_list_of_three_makes_each_a_subject_without_a_grade(tmp_path):
    doc = article(tmp_path, "Norfolk braced for inspectors\n\nOfsted inspectors return to Norfolk next week after the "
                            "county was rated inadequate in 2015. Norfolk's leaders say things have changed in Norfolk."
                            "\n\nElsewhere Slough, Sandwell and Sunderland have all lost control of their services "
                            "after critical inspections.\n")
    found = _found(doc)
    assert doc.council[0] == "Norfolk" and {found.get(c) for c in ("Slough", "Sandwell", "Sunderland")} == {""}


def test_the_main_council_listed_with_a_neighbour_in_a_judging_sentence_brings_it_in(tmp_path):
    doc = article(tmp_path, "Suffolk services rated good\n\nSuffolk's children's services were rated good overall. "
                            "Suffolk's leader was pleased.\n\nThe departments in Suffolk and Essex were both relieved "
                            "not to be criticised by the inspectors.\n")
    assert set(doc.council) == {"Suffolk", "Essex"}


@pytest.mark.parametrize("sentence", [
    "The trust's foster carers live in Kent, Medway and Surrey.",  # places, no judgement
    "Unlike Essex and Norfolk, the county has kept its director.",  # two, without the main council
])
def test_a_list_of_places_or_a_pair_of_others_is_no_judged_list(tmp_path, sentence):
    doc = article(tmp_path, "Suffolk services rated good\n\nSuffolk's children's services were rated good overall, "
                            f"and Suffolk's leader was pleased. {sentence}\n")
    assert doc.council == ["Suffolk"]


# --- entries headed by a bare council name under a heading that grades them ---

def test_entries_headed_by_council_names_under_a_graded_heading(tmp_path):
    html = ("<html><head><title>Tracking intervention</title></head><body><h1>Tracking intervention</h1>"
            "<p>This page follows what happens after a poor verdict.</p><h2>COUNCILS JUDGED INADEQUATE</h2>"
            "<h3>WIGAN</h3><ul><li>March: full inspection.</li><li>May: an improvement notice.</li></ul>"
            "<h3>Luton</h3><ul><li>June: a new director.</li></ul><h3>ROCHDALE</h3><p>A commissioner was sent in "
            "after the report.</p></body></html>")
    doc = article(tmp_path, html, name="a.html")
    assert _found(doc) == {"Wigan": "inadequate", "Luton": "inadequate", "Rochdale": "inadequate"}


def test_one_heading_with_a_council_name_is_not_a_run(tmp_path):
    html = ("<html><head><title>Care news</title></head><body><h1>Care news</h1><h2>Suffolk</h2>"
            "<p>Norfolk's children's services were rated good by Ofsted this week, and Norfolk's leaders were "
            "delighted.</p></body></html>")
    doc = article(tmp_path, html, name="a.html")
    assert doc.council == ["Norfolk"]


@pytest.mark.parametrize("heading, grade", [
    ("LOCAL AUTHORITIES RATED INADEQUATE", "inadequate"),
    ("Councils judged good", "good"),
    ("Councils now outstanding", "outstanding"),
    ("Ratings", ""),
    ("Good news from the north", ""),
])
def test_a_heading_grades_its_entries_only_through_a_rating_word(heading, grade):
    assert _heading_grade(heading) == grade
