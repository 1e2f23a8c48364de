"""Grade statements and report judgements (ingest/annotate/severity.py)."""
from __future__ import annotations

import pytest

from indexer.ingest.annotate.severity import grade_statements

from tests.facet_helpers import article

def test_past_grade_is_not_the_current_grade(tmp_path):
    doc = article(tmp_path, "Ofsted downgrades Slough\n\nSlough's children's services were rated good in 2017 "
                             "but inspectors have now judged them inadequate overall.\n")
    assert doc.council == ["Slough"] and doc.severity == ["inadequate"]


@pytest.mark.parametrize("sentence,expected", [
    ("Children's services were rated inadequate in every category.", ["inadequate"]),
    ("Inspectors saw good practice with care leavers.", []),
    ("It was rated good in 2012.", []),
    ("The service, previously judged outstanding, is now rated good overall.", ["good"]),
    ("Inadequate supervision was common.", []),
])
def test_grade_statements_keep_only_current_judgements(sentence, expected):
    assert [s.grade for s in grade_statements(sentence, 1)] == expected


@pytest.mark.parametrize("sentence,grade", [
    ("The council received an outstanding rating from Ofsted.", "outstanding"),
    ("Haringey was rated as performing poorly in the annual assessment.", "inadequate"),
    ("Ofsted said the council performs adequately.", "adequate"),
    ("Ofsted gave the service the lowest possible rating.", "inadequate"),
])
def test_grade_phrasings(sentence, grade):
    assert [s.grade for s in grade_statements(sentence, 1)] == [grade]


@pytest.mark.parametrize("sentence,expected", [
    ("Hackney's children's services are no longer inadequate.", []),
    ("The council improved from inadequate to good.", ["good"]),
    ("Inspectors identified three areas that require improvement.", []),
    ("Children's services in Croydon require improvement, Ofsted said.", ["requires improvement"]),
    ("The service was rated 'requires improvement'.", ["requires improvement"]),
])
def test_negated_and_advisory_grades(sentence, expected):
    assert [s.grade for s in grade_statements(sentence, 1)] == expected


@pytest.mark.parametrize("text,grade", [
    ("Overall effectiveness of the safeguarding services is adequate.\n"
     "Overall effectiveness of services for looked after children is good.", "adequate"),  # SLAC: the lower
    ("The overall effectiveness of safeguarding services in Slough is inadequate.\n"
     "The overall effectiveness of services for looked after children is adequate.", "inadequate"),
    ("Overall effectiveness of children's services: Grade 2", "good"),
    ("Overall effectiveness Good", "good"),
    ("The overall judgement is requires improvement", "requires improvement"),
    ("Overall effectiveness of services for looked after children and young people\nGrade 3 (Adequate)", "adequate"),
    ("Kent County Council performs adequately.", "adequate"),
])
def test_report_overall_judgements(text, grade):
    from indexer.ingest.annotate.severity import report_overall

    assert report_overall(text)[0] == grade
