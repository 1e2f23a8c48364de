"""Round 24 (issue 22, branch apa24): the 2005-11 regimes' words as real pages print them: the annual ratings' band
adverb in quotes ("performing 'adequately'"), the annual performance assessment as a capitalised title or with the
inspectorate inside its name, and an annual round named by its year and a review. Every sentence here is our own
invention."""
from __future__ import annotations

import pytest

from indexer import grades, settings
from indexer.grades import normalise_grade
from indexer.ingest.annotate.calendar import annual_round_year
from indexer.ingest.annotate.regimes import regime


def test_the_switches_are_on():
    assert grades.QUOTED_BANDS and settings.ROUND24_QUOTED_BANDS and settings.ROUND24_OLD_REGIME_NAMES


@pytest.mark.parametrize("sentence, grade", [
    ("Inspectors said the borough was performing ‘adequately’ this year.", "adequate"),
    ("The county performs “poorly” in the latest round.", "inadequate"),
    ("Westshire was found to perform 'excellently'.", "outstanding"),
    ("It moved up to performing ‘‘well’’ in the review.", "good"),
])
def test_a_quoted_band_adverb_is_the_band(sentence, grade):
    assert normalise_grade(sentence) == grade


def test_a_denied_band_stays_denied_when_quoted():
    # "failing to perform 'adequately'" is a statutory finding, not a band
    assert normalise_grade("The council was found to be failing to perform 'adequately' in its duties.") is None


def test_a_quoted_band_names_the_annual_ratings():
    assert regime("annual rating").words.search("the service went up from performing ‘adequately’ last time")


@pytest.mark.parametrize("text", [
    "Both boroughs were judged outstanding in the annual Ofsted performance assessments of their children's services.",
    "Report to cabinet: the Annual Performance Assessment of services for children in Westshire.",
    "Nine councils were judged inadequate in the APAs published today.",
])
def test_the_apa_named_as_pages_print_it_is_the_2008_round(text):
    assert annual_round_year(text)[0] == 2008


def test_apa_is_not_read_inside_words():
    assert not regime("APA").words.search("the capacity of a papal visit")


def test_an_annual_round_named_by_its_year_and_a_review():
    text = "The 2010 review of services for children has rated Westshire as performing 'adequately'."
    assert annual_round_year(text)[0] == 2010


def test_a_review_outside_the_annual_rounds_names_no_round():
    # the regimes ended in 2011: a later review of children's services is no annual round
    assert annual_round_year("A 2016 review of children's services in Westshire found many problems.")[0] is None
