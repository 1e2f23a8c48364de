"""Years from Ofsted's calendar for undated articles (ingest/annotate/calendar.py)."""
from __future__ import annotations

from indexer.ingest.annotate.calendar import (annual_round_year, bare_inspection_month_year, calendar_year,
                                              framework_year, months_after_start, past_december_shift)

from tests.facet_helpers import article


def test_annual_round_named_by_year():
    assert annual_round_year("In the watchdog's annual assessment for 2010, nine councils did badly.")[0] == 2010


def test_annual_performance_assessments_are_the_2008_round():
    assert annual_round_year("Both were rated outstanding in the annual performance assessments.")[0] == 2008


def test_annual_ratings_without_a_year_are_the_first_round():
    year, why = annual_round_year("The yearly ratings put 12 councils in the 'excellent' band.")
    assert year == 2009 and why.startswith("inferred")


def test_a_new_framework_after_the_old_one():
    text = ("The first council rated inadequate under the new framework. Its last inspection, under the old single "
            "inspection framework in 2016, found it required improvement.")
    assert framework_year(text)[0] == 2018


def test_a_named_new_regime():
    assert framework_year("The first councils seen under the new announced inspection regime were rated.")[0] == 2009


def test_months_after_a_dated_start():
    text = "Over the past 14 months, inspectors visited 40 councils under rules introduced in June 2012."
    assert months_after_start(text)[0] == 2013


def test_a_bare_inspection_month_after_the_latest_dated_month():
    text = "Grades stopped in September 2024. The report follows an inspection on 3 and 4 March."
    assert bare_inspection_month_year(text)[0] == 2025
    assert bare_inspection_month_year("An inspection in May found problems. A report from May 2011 said so.")[0] == 2011


def test_no_clue_no_year():
    assert calendar_year("The school was inspected last week and the report came out today.") == (None, "")


def test_a_past_december_is_an_earlier_year():
    assert past_december_shift("Ofsted gave it the top rating last December.", 12) == 1
    assert past_december_shift("Ofsted gave it the top rating last December.", 11) == 0


def test_undated_school_story_gets_an_inferred_year(tmp_path):
    doc = article(tmp_path, "School rated inadequate\n\nA primary school has been rated inadequate by Ofsted after "
                            "an inspection in June. Pupils' results had fallen since September 2016, teachers said.\n")
    assert doc.council == [] and doc.year == 2017 and doc.confidence["year"] == "inferred"
