"""Round 7 (issue 22), years: an undated page's inspection chosen by scoring every official inspection of the council
against all the page's clues at once (indexer/ingest/annotate/candidates.py, year.py).

Every text here is written for the test; the councils' histories are the official outcomes table's:
Barnsley SLAC 2012 (safeguarding inadequate), SIF 2014 requires improvement, ILACS 2018 and 2023 good.
Manchester SLAC 2010, SIF 2014 inadequate, SIF 2017 requires improvement, ILACS 2022 good, ILACS 2025 outstanding.
Leicestershire SLAC 2012, SIF 2017 requires improvement, ILACS 2019 requires improvement, ILACS 2024 outstanding.
Sutton SLAC 2012, CPI 2013, SIF 2017 good (leadership good), ILACS 2022 good (leaders outstanding),
ILACS 2025 good (leaders good, published 29 July).
"""
from __future__ import annotations

import pytest

from indexer.ingest.annotate.candidates import left_in_text, relative_clues, today_clues
from indexer.ingest.annotate.confidence import INFERRED, OFFICIAL, of_outcome_match
from indexer.ingest.annotate.year import outcome_from_text

BARNSLEY, MANCHESTER, LEICESTERSHIRE, SUTTON = "E08000016", "E08000003", "E10000018", "E09000029"


def _year(text: str, code: str, grade: str | None, left: list[str] | None = None) -> int | None:
    """The publication year of the inspection an undated text is taken to report (None when none clearly wins)."""
    outcome, _ = outcome_from_text(text, [code], grade, None, left)
    return outcome.published.year if outcome is not None else None


# A relative anchor: "N years after" a year (or after the council's one inspection with the grade the clause names).

@pytest.mark.parametrize("text", [
    "Two years after Barnsley's child protection was judged inadequate in 2012, inspectors returned.",
    "Barnsley was told it requires improvement, two years after its 2012 inspection.",
    "The 2012 verdict was damning. Two years later, Barnsley's services have moved forward.",
    "Two years after Barnsley Council's child protection services were judged inadequate, Ofsted has reported again.",
])
def test_years_after_an_anchor_pick_the_inspection_that_many_years_on(text):
    assert _year(text, BARNSLEY, "requires improvement") == 2014


@pytest.mark.parametrize("text", [
    "Two years after Barnsley's child protection was judged inadequate, Ofsted has told it to make improvements.",
    "Three years since it was rated inadequate, Barnsley has been inspected again.",
])
def test_a_grade_the_anchor_clause_leaves_behind_is_not_the_current_one(text):
    # the grade read from the text is the one the sentence says was left: the inspection after it
    assert left_in_text(text) == ["inadequate"]
    assert _year(text, BARNSLEY, "inadequate") == 2014


def test_relative_clues_need_an_anchor():
    assert relative_clues("Two years after the 2012 inspection, things are better.", BARNSLEY)
    assert not relative_clues("Two years after the new director arrived, things are better.", BARNSLEY)
    assert not relative_clues("The council has spent two years rebuilding its front door.", BARNSLEY)


# A grade the text says the council left is the previous grade, never the current one.

@pytest.mark.parametrize("text", [
    "Ofsted says Manchester's children's services are no longer inadequate.",
    "Manchester's services for children have moved out of the inadequate category.",
    "Inspectors lifted Manchester's children's services out of 'inadequate'.",
    "Caseloads and delays no longer count as 'inadequate' in Manchester, the inspectorate said.",
])
def test_a_grade_left_dates_the_inspection_after_it(text):
    assert left_in_text(text) == ["inadequate"]
    # the grade read from the sentence is the grade left: the inspection that followed the inadequate one
    assert _year(text, MANCHESTER, "inadequate") == 2017
    assert _year(text, MANCHESTER, None) == 2017


@pytest.mark.parametrize("text", [
    "Manchester no longer receives extra funding for its children's services.",
    "The family moved out of the city before the inspection.",
    "Manchester was judged inadequate by Ofsted.",
])
def test_no_grade_left_without_the_words_for_it(text):
    assert left_in_text(text) == []


def test_the_only_inspection_with_the_grade_is_still_found():
    assert _year("Manchester was judged inadequate by Ofsted.", MANCHESTER, "inadequate") == 2014


# Sub-judgements the page states tell inspections with the same overall grade apart.

def test_a_stated_sub_judgement_pins_one_of_two_good_inspections():
    text = "Sutton's children's services remain good overall. The impact of leaders was judged outstanding."
    assert _year(text, SUTTON, "good") == 2022


def test_a_sub_judgement_that_fits_two_inspections_decides_nothing():
    text = "Sutton's children's services are good, and leadership was rated good too."
    assert _year(text, SUTTON, "good") is None  # SIF 2017 and ILACS 2025 both fit: left empty, not guessed


# Era words: the grade's name, and judgements only one framework gave.

@pytest.mark.parametrize("text", [
    "Leicestershire requires improvement. Inspectors rated the Local Safeguarding Children Board good.",
    "Leicestershire's services require improvement; the LSCB was judged good.",
    "Leicestershire requires improvement overall, and adoption was graded requires improvement as well.",
    "Leicestershire requires improvement, though inspectors found it good for adoption.",
])
def test_judgements_only_the_single_framework_gave_date_the_inspection(text):
    assert _year(text, LEICESTERSHIRE, "requires improvement") == 2017


@pytest.mark.parametrize("text", [
    "Leicestershire's children's services require improvement, Ofsted says.",
    "Leicestershire requires improvement; the safeguarding board met on Tuesday to discuss the findings.",
    "Leicestershire requires improvement, and the council's adoption team is recruiting.",
])
def test_two_inspections_with_the_grade_and_no_era_clue_stay_unknown(text):
    assert _year(text, LEICESTERSHIRE, "requires improvement") is None


def test_a_year_the_page_mentions_bounds_the_inspection_from_below():
    text = "Leicestershire requires improvement. In 2018 the council restructured its social work teams."
    assert _year(text, LEICESTERSHIRE, "requires improvement") == 2019


# "Published today (July 29)": the inspection published that day, from the text's own date (official).

@pytest.mark.parametrize("text", [
    "Ofsted's report on Sutton, published today (July 29), praises the staff.",
    "The report was released today, 29 July, and finds Sutton's leaders good.",
    "Today (29th July) Ofsted published its findings on Sutton.",
])
def test_the_story_s_today_picks_the_report_published_that_day(text):
    outcome, why = outcome_from_text(text, [SUTTON], None, None)
    assert outcome is not None and outcome.published.isoformat() == "2025-07-29"
    assert of_outcome_match(why) == OFFICIAL


def test_today_without_a_day_is_no_clue():
    assert today_clues("Ofsted published its report on Sutton today.") == []
    assert today_clues("Sutton's report is out today (see below).") == []


def test_a_choice_made_on_the_grade_alone_is_labelled_inferred():
    _, why = outcome_from_text("Manchester was judged inadequate by Ofsted.", [MANCHESTER], "inadequate", None)
    assert of_outcome_match(why) == INFERRED


def test_a_dated_page_with_no_grade_links_no_inspection_by_framework_words_alone():
    import datetime as dt
    text = "Councils inspected under the single inspection framework were rated in a national report."
    outcome, _ = outcome_from_text(text, [SUTTON], None, dt.date(2017, 6, 1))
    assert outcome is None


# An undated page is no older than the years it mentions: an inspection it dates before them is one it looks back on.

HAVERING, LIVERPOOL = "E09000016", "E08000012"


@pytest.mark.parametrize("text,code", [
    ("Inspectors came back on 16 and 17 September 2025, the third monitoring visit since Ofsted rated Havering's "
     "services inadequate in December 2023.", HAVERING),
    ("Ofsted inspected Liverpool's children's services in March 2023 and found them inadequate. A monitoring "
     "inspection took place in March 2025.", LIVERPOOL),
])
def test_an_inspection_dated_before_a_later_year_the_page_names_is_not_the_one_it_reports(text, code):
    outcome, _ = outcome_from_text(text, [code], "inadequate", None)
    assert outcome is None


@pytest.mark.parametrize("text,code,year", [
    ("Ofsted rated Havering's services inadequate in December 2023, after inspecting them that month.", HAVERING, 2024),
    ("Ofsted inspected Liverpool's children's services in March 2023 and found them inadequate.", LIVERPOOL, 2023),
])
def test_an_inspection_the_page_dates_is_still_found_when_nothing_later_is_named(text, code, year):
    outcome, _ = outcome_from_text(text, [code], "inadequate", None)
    assert outcome is not None and outcome.published.year == year


@pytest.mark.parametrize("text", [
    "The next full inspection is likely in 2026.",
    "A further visit is expected in 2026.",
    "The council aims to be rated good by 2026.",
])
def test_planned_years_are_not_years_the_page_has_seen(text):
    from indexer.ingest.annotate.year import latest_year_mentioned
    assert latest_year_mentioned("Judged good in 2023. " + text, None) == 2023


def test_a_year_an_event_happened_in_still_counts():
    from indexer.ingest.annotate.year import latest_year_mentioned
    assert latest_year_mentioned("Judged good in 2023. In 2025 inspectors returned.", None) == 2025


@pytest.mark.parametrize("text,year", [
    ("The visit on 16 September 2025 found progress since their previous visit in March.", None),
    ("The visit on 16 September 2025 followed an earlier visit in March.", None),
    ("Judged inadequate in July 2022, the council had a monitoring visit in March.", 2023),
])
def test_a_visit_called_previous_is_not_after_the_latest_dated_event(text, year):
    from indexer.ingest.annotate.calendar import bare_inspection_month_year
    assert bare_inspection_month_year(text)[0] == year


def test_the_latest_event_rule_skips_a_visit_called_previous():
    from indexer.ingest.annotate.latest_event import latest_event_year
    assert latest_event_year("The first visit since it was judged inadequate in July 2022 came in March.")[0] == 2023
    assert latest_event_year("The visit since it was judged inadequate in July 2022 built on the previous visit "
                             "in March.")[0] == 2022
