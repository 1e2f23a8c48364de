"""Round 13 (issue 22): general structures for years and grades, on sentences written here (paraphrases, and cases
that must not fire)."""
from __future__ import annotations

import pytest

from indexer.grades import normalise_grade
from indexer.ingest.annotate.calendar import annual_round_year
from indexer.ingest.annotate.regimes import regimes_reported
from indexer.ingest.annotate.severity import grade_statements


def _grades(sentence: str) -> list[str]:
    """The overall grades a sentence gives as current judgements (sub-area grades left out)."""
    return [st.grade for st in grade_statements(sentence, 0) if not st.sub_area]


# A denied band verb ("failing to perform adequately") is a statutory direction's finding, not an annual rating.

@pytest.mark.parametrize("text", [
    "A direction from the minister says the borough is failing to perform adequately in its children's functions.",
    "The department found the council had failed to perform adequately in protecting children.",
    "Officials said the authority was not performing well enough and appointed a commissioner.",
    "The trust is unable to perform adequately without more staff, its chair warned.",
])
def test_a_denied_band_verb_names_no_annual_rating(text):
    assert "annual rating" not in [r.name for r in regimes_reported(text)]
    assert annual_round_year(text)[0] is None


@pytest.mark.parametrize("text", [
    "Ofsted says the county's services for children now perform adequately.",
    "The borough is performing poorly, according to this year's assessment.",
    "Forty councils perform adequately and nine perform poorly.",
])
def test_a_band_verb_still_names_the_annual_ratings(text):
    assert "annual rating" in [r.name for r in regimes_reported(text)]


def test_the_band_verb_still_grades_and_a_denied_one_does_not():
    assert normalise_grade("performs adequately") == "adequate"
    assert "adequate" in _grades("Ofsted says the borough's children's services perform adequately.")
    assert "adequate" not in _grades("The direction says the council is failing to perform adequately.")


# "Capacity to improve" is a judgement of its own beside overall effectiveness, never the overall grade.

@pytest.mark.parametrize("sentence", [
    "Members welcomed the news that the council's capacity to improve its services was judged good.",
    "The assessment found the borough's capacity for improvement to be outstanding.",
    "Its capacity to improve is judged good, the letter says.",
    "Inspectors gave the county an outstanding capacity to improve.",
])
def test_capacity_to_improve_is_not_the_overall_grade(sentence):
    assert _grades(sentence) == []


@pytest.mark.parametrize("sentence, grade", [
    ("Overall effectiveness was judged good, and the council has shown it can improve.", "good"),
    ("The council's children's services were rated inadequate despite extra capacity.", "inadequate"),
])
def test_a_grade_beside_other_capacity_words_still_grades(sentence, grade):
    assert _grades(sentence) == [grade]
