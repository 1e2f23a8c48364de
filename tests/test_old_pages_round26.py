"""Round 26 (issue 22, branch old26): pre-2013 pages on the real text. A band number printed as a score in the real
pages' own shapes; a year inside a relative clause on the subject that dates the subject, not the grade; the 2009-11
annual ratings' default year kept for pages that report a rating round. Every sentence here is our own invention."""
from __future__ import annotations

import pytest

from indexer import grades, settings
from indexer.grades import GRADE_RE, grade_of_match, normalise_grade
from indexer.ingest.annotate.calendar import annual_round_year
from indexer.ingest.annotate.grade_context import dated_in_sentence
from indexer.ingest.annotate.severity import grade_statements


def test_the_switches_are_on():
    assert grades.SCORE_SHAPES and settings.ROUND26_SCORE_SHAPES
    assert settings.ROUND26_RELATIVE_YEAR and settings.ROUND26_RATING_DEFAULT


@pytest.mark.parametrize("sentence, grade", [
    ("After a fresh look, Westshire's service was handed an overall grading of three out of four - or 'good'.", "good"),
    ("Eastborough ended the year with a rating for 2009 of just 1 out of 4.", "inadequate"),
    ("The letter had assessed the county's services for young people as being 2 (out of 4).", "adequate"),
    ("Northvale kept its score of 4 out of a possible four overall.", "outstanding"),
])
def test_a_score_out_of_four_in_the_real_pages_shapes(sentence, grade):
    found = [grade_of_match(m) for m in GRADE_RE.finditer(sentence)]
    assert found and set(found) == {grade}


@pytest.mark.parametrize("sentence", [
    "Inspectors judged the borough good in three out of four areas they looked at.",
    "The panel set three out of a possible four priority actions.",
    "A score of 3 out of 4 pupils reached the expected level.",
])
def test_a_count_out_of_four_is_no_score(sentence):
    assert normalise_grade(sentence) in (None, "good")  # "good" only from the first sentence's own word
    assert not any(m.group().lower().startswith(("score", "three out", "3 out")) for m in GRADE_RE.finditer(sentence))


def test_a_year_in_a_relative_clause_dates_the_subject_not_the_grade():
    head = "The department, which ministers took control of in 2010 after a string of deaths, was given an overall "
    assert dated_in_sentence(head) == ""
    sentence = head + "grading of two out of four, or 'adequate', after the visit."
    statements = grade_statements(sentence, 1)
    assert statements and all(not st.standing for st in statements)


def test_a_year_in_the_main_clause_still_dates_the_grade():
    assert dated_in_sentence("The department, which ministers took over, was in 2010 rated ") == "last"
    assert dated_in_sentence("In 2010 the department was rated ") == "last"


def test_a_clause_on_the_inspectors_still_dates_their_grade():
    assert dated_in_sentence("Inspectors, who visited the county in May 2016, rated ") == "last"
    assert dated_in_sentence("The Ofsted report, which was published in 2016, judged the service ") == "last"


def test_a_grade_inside_the_relative_clause_keeps_its_year():
    head = "Southmoor council, whose services were rated "
    statements = grade_statements(head + "inadequate in 2015, is now among the best and rated outstanding.", 1)
    current = {st.grade for st in statements if not st.standing}
    assert current == {"outstanding"}  # the clause's "inadequate in 2015" is past (dropped or standing)


def test_the_rating_default_holds_for_a_rating_round_page():
    text = "Children's services in Westshire are performing adequately, the watchdog said in its yearly verdict."
    assert annual_round_year(text)[0] == 2009


@pytest.mark.parametrize("text", [
    # the band words of a safeguarding and looked after children inspection, which the record holds
    "An inspection found the safeguarding and looked after children services in Westshire to be performing "
    "adequately. Inspectors visited in February this year.",
    # a page of later years that uses the words in passing
    "Councils should not rely on inspections to know whether services are performing adequately. In 2016 the "
    "county was rated good; in 2019 a focused visit followed.",
    # a later inspection's words
    "The county was performing poorly for years; it now requires improvement to be good.",
])
def test_no_rating_default_for_a_page_that_is_not_a_rating_round(text):
    assert annual_round_year(text)[0] is None
