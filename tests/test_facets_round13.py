"""Round 13 (issue 22): general structures for years and grades, on sentences written here (paraphrases, and cases
that must not fire)."""
from __future__ import annotations

import datetime as dt

import pytest

from indexer.grades import normalise_grade
from indexer.ingest.annotate.calendar import annual_round_year, judged_last_year
from indexer.ingest.annotate.dated_standing import fits
from indexer.ingest.annotate.latest_event import latest_event_year
from indexer.ingest.annotate.visits import reports_a_visit
from indexer.models import Outcome
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


# A verdict verb and "last year" in one clause, whatever stands between, puts the judgement a year before the page.

@pytest.mark.parametrize("text", [
    "The director says much has changed since Ofsted told the council, last year, that it requires improvement.",
    "Cabinet will look at the plan after inspectors judged the Children's Services department 'inadequate' last year.",
    "Ofsted rated the borough's help for families good last year.",
    "Inspectors branded the service inadequate, last year, after a three-week inspection.",
])
def test_a_verdict_given_last_year_is_read(text):
    assert judged_last_year(text)


@pytest.mark.parametrize("text", [
    "Ten councils were rated outstanding, against 17 of 48 last year.",  # a comparison with last year's figures
    "Ofsted rated the service good; the council has changed a lot in the last year.",  # a span
    "Ofsted rated it good, and last year's accounts showed a surplus.",  # another event
    "The council had warned last year that it expected to be downgraded.",  # the council's warning, no verdict
    "Inspectors judged it good; the council last year spent more on agency staff.",  # another clause
])
def test_last_year_beside_no_verdict_is_not_read(text):
    assert not judged_last_year(text)


# "The visit earlier this year": a definite noun refers back to the dated event, which is then this year's.

def test_this_year_referring_back_to_the_dated_event_keeps_its_year():
    text = ("In March 2019 a monitoring visit found slow progress. Leaders have acted since, and practice is better "
            "than at the visit earlier this year.")
    assert latest_event_year(text)[0] == 2019


@pytest.mark.parametrize("text", [
    # another event this year: the page is later than the dated one
    "Figures rose between March 2019 and March this year.",
    "The council was judged inadequate in June 2019. The re-inspection earlier this year found it good.",
    # a definite noun that names a different kind of event from the dated one's
    "Ofsted's report of June 2019 was damning; the visit earlier this year found progress.",
])
def test_this_year_naming_another_event_is_later(text):
    assert latest_event_year(text)[0] == 2020


# A generic plural names the kind: a visit page that explains "the gap between full inspections" reports no new one.

@pytest.mark.parametrize("text", [
    "A focused visit in May looked at one theme, as such visits do in the gap between full inspections.",
    "The monitoring visit, unlike graded inspections, gives no judgement.",
])
def test_a_generic_plural_is_no_new_inspection(text):
    assert reports_a_visit(text)


@pytest.mark.parametrize("text", [
    "A focused visit in May was followed by full inspections of both councils in June.",
    "The monitoring visit was followed by a full inspection which rated it good.",
])
def test_a_reported_inspection_is_still_one(text):
    assert not reports_a_visit(text)


# A year written for an undated inspection of the record: the year it began fits as well as its report's year.

def _undated(published: dt.date) -> Outcome:
    return Outcome("E1", "Somewhere", "SIF", "SIF inspection", None, None, published, "Requires improvement", {}, "")


def test_an_undated_inspection_fits_the_year_before_its_report():
    report = _undated(dt.date(2017, 7, 14))
    assert fits(report, 2017, None) and fits(report, 2016, None)
    assert not fits(report, 2015, None) and not fits(report, 2018, None)
    assert not fits(report, 2016, 3)  # a month names the time itself: no slack


def test_a_dated_inspection_has_no_slack():
    dated = Outcome("E1", "Somewhere", "ILACS", "ILACS", dt.date(2021, 11, 22), dt.date(2021, 12, 3),
                    dt.date(2022, 2, 1), "Good", {}, "")
    assert fits(dated, 2021, None) and fits(dated, 2022, None) and not fits(dated, 2020, None)
