"""Round 13 (issue 22): general structures for years and grades, on sentences written here (paraphrases, and cases
that must not fire)."""
from __future__ import annotations

import datetime as dt

import pytest

from indexer.grades import normalise_grade
from indexer.ingest.annotate.calendar import annual_round_year, judged_last_year
from indexer.ingest.annotate.council import is_school_inspection
from indexer.ingest.annotate.dated_standing import fits
from indexer.ingest.annotate.latest_event import latest_event_year
from indexer.ingest.annotate.visits import reports_a_visit
from indexer.ingest.annotate.weekdays import school_era_year
from indexer.models import Outcome
from indexer.ingest.annotate.regimes import regimes_reported
from indexer.ingest.annotate.severity import decide, grade_statements


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


# A compared figure's year is that figure's, not the grade's: "four stars, against 12 in 2007: A, B and C".

@pytest.mark.parametrize("sentence, grade", [
    ("Only five councils held the maximum four stars, against 11 in 2006: Camden, Gateshead and York.", "outstanding"),
    ("This year eight councils were rated outstanding, compared with three in 2019.", "outstanding"),
    ("Twelve authorities are now judged inadequate, more than in 2015.", "inadequate"),
])
def test_a_compared_figures_year_leaves_the_grade_current(sentence, grade):
    assert _grades(sentence) == [grade]


@pytest.mark.parametrize("sentence", [
    "The council was rated good in 2012.",
    "Its services were judged inadequate back in 2015.",
])
def test_a_grade_dated_by_its_own_year_is_still_past(sentence):
    assert _grades(sentence) == []


# The assessment named by a noun ("the 2010 assessment of children's services") rates the council's services as a
# whole: no school story, and its year names the round.

@pytest.mark.parametrize("text", [
    "The annual assessment of children's services praised the town's schools, pupils and teachers.",
    "Ofsted's rating of the council's children's services mentions schools, pupils, academies and GCSE results.",
])
def test_an_assessment_of_childrens_services_is_no_school_story(text):
    assert not is_school_inspection("Schools praised", text)[0]


def test_a_school_story_is_still_one():
    text = "Ofsted's inspection of the primary school praised pupils, teachers and the headteacher."
    assert is_school_inspection("School praised", text)[0]


@pytest.mark.parametrize("text, year", [
    ("Ofsted's 2010 assessment of services for children and young people rates the borough as performing well.", 2010),
    ("The 2009 rating of the council's children's services puts it among those performing adequately.", 2009),
])
def test_a_year_before_the_assessment_names_its_round(text, year):
    assert annual_round_year(text)[0] == year


def test_a_year_before_a_later_assessment_names_no_round():
    assert annual_round_year("The 2016 assessment of children's services found them good.")[0] is None


# Counted back from the page's own event: "A year earlier the borough was performing well" stands only until a newer
# grade; schools by their phase ("four primaries") are settings of their own.

def test_a_grade_a_year_earlier_gives_way_to_the_current_one():
    text = "Anytown is performing adequately. A year earlier the borough was 'performing well'."
    assert [(st.grade, st.standing) for st in grade_statements(text, 0)] == [("adequate", False), ("good", True)]
    assert decide(grade_statements(text, 0))[0] == "adequate"


@pytest.mark.parametrize("sentence", [
    "The report finds four primaries inadequate.",
    "Two secondaries were judged outstanding this year.",
])
def test_schools_by_their_phase_are_not_the_council(sentence):
    assert _grades(sentence) == []


# A page naming Covid-19 was written in 2020 or later: its weekday dates without a year then name the one year.

@pytest.mark.parametrize("text, year", [
    ("Despite Covid-19, inspectors came on 26 and 27 May; their letter arrived on Thursday 15 July.", 2021),
    ("The coronavirus lockdown delayed the report, which came out on Monday 5 September.", 2022),
])
def test_covid_and_a_weekday_date_name_the_year(text, year):
    assert school_era_year(text)[0] == year


@pytest.mark.parametrize("text", [
    "Their letter arrived on Thursday 15 July.",  # no era: 2010, 2021 and later years all fit
    "Even with the pandemic, the letter arrived on Thursday 15 July.",  # "the pandemic" alone: swine flu, 2009
    "During Covid-19 the council met on Friday 1 March and Friday 3 March.",  # dates that fit no year together
])
def test_no_era_or_no_single_fitting_year_names_none(text):
    assert school_era_year(text)[0] is None


# --- after set y's scoring (the lead): "now" holds only up to an earlier-time clause ----------------------------

@pytest.mark.parametrize("sentence", [
    "Dorset's services for children are now judged 'good', the watchdog reports, after real progress since the "
    "inspection that rated them 'inadequate'.",
    "The borough's social care is currently rated requires improvement, inspectors say, following the visit which "
    "had branded it 'inadequate'.",
])
def test_now_does_not_reach_a_grade_in_a_later_since_or_after_clause(sentence):
    best, _ = decide(grade_statements(sentence, 0))
    assert best in ("good", "requires improvement")  # the grade said to hold now, not the one left behind


def test_a_grade_after_now_with_no_earlier_clause_still_holds_now():
    statements = grade_statements("Inspectors now rate the council's children's services 'good'.", 0)
    assert [st.now for st in statements] == [True]
    late = grade_statements("Now, two years after the crisis, the council's services are rated 'good'.", 0)
    assert late and not late[0].now  # "after" sits between "now" and the grade: no "now" bonus, the grade still read
