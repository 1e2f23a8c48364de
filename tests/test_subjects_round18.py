"""Issue 22, facet round 18 (subjects18): councils named as members of a group of councils holding a grade ("X, itself
one of 29 authorities rated good", "A and B are among them" after a sentence that grades a counted group), and lists
judged in the 2005-2013 regimes' own words ("performing poorly", stars, red flags, league tables). Every text here is
written for the test; none is an article's wording. Both rules failed protocol (b)'s firing bar on v-e and were taken
out again after this commit (docs/facets.md "Round 18: subjects")."""
from __future__ import annotations

import pytest

from indexer.ingest.annotate.judged_lists import judged_list_members
from indexer.ingest.annotate.member_subjects import member_subjects
from indexer.ingest.annotate.text_units import Sentence

from tests.facet_helpers import article

BURY, WIGAN, LEEDS, DUDLEY = "E08000002", "E08000010", "E08000035", "E08000027"


def _sentences(*texts: str) -> list:
    """Sentences of one paragraph each, as the annotator reads them."""
    return [Sentence(text, n + 1, n) for n, text in enumerate(texts)]


# --- membership of a graded group ---

@pytest.mark.parametrize("sentence, codes, grade", [
    ("Both share a director with Wigan, itself one of 40 authorities rated good.", {WIGAN}, "good"),
    ("Leeds and Wigan are among the councils judged outstanding this year.", {LEEDS, WIGAN}, "outstanding"),
    ("Wigan, one of the few councils rated inadequate, has a new director.", {WIGAN}, "inadequate"),
])
def test_a_member_of_a_graded_group_holds_its_grade(sentence, codes, grade):
    found = member_subjects(_sentences(sentence), None)
    assert set(found) == codes and {g for g, _ in found.values()} == {grade}


@pytest.mark.parametrize("before, sentence", [
    ("Nine councils were found to be inadequate in the review.", "Bury and Wigan are among them."),
    ("Nine councils were found to be inadequate in the review.", "Among them are Bury and Wigan."),
    ("Nine councils were found to be inadequate in the review.", "They include Bury and Wigan."),
    ("Nine councils were rated inadequate this year.", "Bury and Wigan are among the nine."),
])
def test_the_group_may_be_counted_in_the_sentence_before(before, sentence):
    found = member_subjects(_sentences(before, sentence), None)
    assert set(found) == {BURY, WIGAN} and {g for g, _ in found.values()} == {"inadequate"}


@pytest.mark.parametrize("sentence", [
    "Wigan, one of the councils rated inadequate in 2015, has improved since.",  # a dated, past group
    "Wigan is not among the councils rated good.",  # a negation
    "Wigan hopes to join the councils rated outstanding.",  # an aim
    "Wigan is one of the areas where children's homes were rated inadequate.",  # homes, not councils
    "Leeds and Wigan are among the councils judged good or outstanding.",  # an alternative
])
def test_no_membership_without_one_grade_the_group_holds(sentence):
    assert member_subjects(_sentences(sentence), None) == {}


def test_a_graded_member_is_a_subject_of_the_story(tmp_path):
    doc = article(tmp_path, "Leeds rated outstanding again\n\nOfsted has rated Leeds City Council's children's services "
                            "outstanding, and Leeds leaders thanked staff. Leeds works with Dudley, itself one of "
                            "30 councils rated good.\n")
    assert doc.council == ["Leeds", "Dudley"] and doc.severity == ["outstanding", "good"]


# --- lists judged in the older regimes' words ---

@pytest.mark.parametrize("sentence", [
    "Bury, Wigan and Dudley were performing poorly in this year's figures.",
    "Bury, Wigan and Dudley each kept a single star.",
    "Red flags went to Bury, Wigan and Dudley.",
    "Bury, Wigan and Dudley sit at the foot of the table.",
])
def test_a_list_the_older_regimes_judge_is_judged(sentence):
    assert judged_list_members(_sentences(sentence), None, LEEDS) == {BURY, WIGAN, DUDLEY}


@pytest.mark.parametrize("sentence", [
    "The trust covers Bury, Wigan and Dudley.",
    "Families moved between Bury, Wigan and Dudley.",
    "Bury, Wigan and Dudley are five-star places to live.",
])
def test_places_in_a_list_are_not_judged(sentence):
    assert judged_list_members(_sentences(sentence), None, LEEDS) == set()
