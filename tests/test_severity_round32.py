"""Round 32: "consistently good" is practice or an aim, never a grade (`settings.ROUND32_CONSISTENTLY`); a grade some of
the judged areas got, or parts of the service have, is a sub-judgement, unless the count is all the areas but one
(`settings.ROUND32_COUNTED_AREAS`). Invented pages about real councils, in the project's own words."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.annotate.severity import counted_areas
from tests.facet_helpers import article

AIM = ("Lewisham told services will take two years to improve\n\n"
       "Councillors heard that children in Lewisham will not get “consistently good” social care for at least two "
       "more years.\n\n"
       "The July inspection found every area of the service requires improvement to be good, the director said.\n")
COUNTED = ("Knowsley praised for pace of change\n\n"
           "The council leader wrote that three out of the five areas inspected were graded ‘good’ this time.\n\n"
           "The leader thanked social workers for their work since the last inspection.\n")


@pytest.mark.parametrize("on", [True, False])
def test_consistently_good_is_no_grade(monkeypatch, tmp_path, on):
    monkeypatch.setattr(settings, "ROUND32_CONSISTENTLY", on)
    assert ("good" in article(tmp_path, AIM).severity) is not on


@pytest.mark.parametrize("on", [True, False])
def test_a_count_of_areas_graded_good_is_not_the_overall_grade(monkeypatch, tmp_path, on):
    monkeypatch.setattr(settings, "ROUND32_COUNTED_AREAS", on)
    severity = article(tmp_path, COUNTED).severity
    assert (severity == ["good"]) is not on  # the areas' grade is no overall grade: none is given


@pytest.mark.parametrize("before, after, counted", [
    ("the leader wrote that three out of the five areas inspected were graded ‘", "’ this time", True),
    ("there were several ‘", "’ aspects of the services", True),
    ("among the areas ruled ", " are:", True),  # areas as the subject of the grading verb
    ("the parts of the service judged to be ", " were", True),
    ("inspectors judged four out of five areas of practice to be “", "” overall", False),  # all but one: theirs
    ("inspectors rated the council's children's services ‘", "’ overall", False),
])
def test_counted_areas(before, after, counted):
    assert counted_areas(before, after) is counted


@pytest.mark.parametrize("text, dated", [
    ("improvement since the last inspection of these areas in May 2023", [(2023, 5)]),
    ("progress since the inspection of its work in 2019", [(2019, None)]),
    ("the inspection of the school's classrooms in May 2023", []),  # a setting's inspection dates nothing here
])
def test_an_inspection_dated_through_the_areas_it_looked_at(text, dated):
    """Round 32 (`settings.ROUND32_INSPECTED_AREAS`, on): "the last inspection of these areas in May 2023"."""
    from indexer.ingest.annotate.dated_standing import dated_inspections
    assert dated_inspections(text) == dated


@pytest.mark.parametrize("sentence, grades", [
    ("She will make sure of a ‘good quality plan’ with ‘good performance management’, the chair said.", []),
    ("We set out to learn what ‘good’ looks like in councils that have improved.", []),
    ("Ofsted rated the service ‘good’ overall.", ["good"]),
    ("Inspectors rated the council ‘requires improvement’ in its report.", ["requires improvement"]),
])
def test_quoted_phrases_and_standards_are_no_grades(sentence, grades):
    """Round 32 (`ROUND32_QUOTED_PHRASE`, `ROUND32_WHAT_GOOD_LOOKS_LIKE`, on): a quote the word opens and other words
    close holds a phrase; "what 'good' looks like" names a standard."""
    from indexer.ingest.annotate.severity import grade_statements
    assert [st.grade for st in grade_statements(sentence, 2)] == grades


def test_a_grade_phrase_closing_the_quote_stays_quoted(monkeypatch):
    """'requiring improvement to be good': the closing words hold a grade word, so the quote is the grade's."""
    from indexer.ingest.annotate.severity import grade_statements
    sentence = "Inspectors rated it 'requiring improvement to be good' in May."
    on = [(st.grade, st.weight) for st in grade_statements(sentence, 2)]
    monkeypatch.setattr(settings, "ROUND32_QUOTED_PHRASE", False)
    assert on == [(st.grade, st.weight) for st in grade_statements(sentence, 2)]
