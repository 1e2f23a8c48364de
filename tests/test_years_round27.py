"""Round 27 (issue 22, branch years27): years an undated page gives through its own relative time: a grade it says
came "last year" against the council's record, a rating round compared with the year before, Ofsted's annual report
named by the span it covers. Every sentence here is our own invention; the record rows are made up for the test."""
from __future__ import annotations

import datetime as dt

import pytest

from indexer import settings
from indexer.models import Outcome
from indexer.ingest.annotate import own_event
from indexer.ingest.annotate.calendar import annual_report_year, annual_round_year
from indexer.ingest.annotate.latest_event import AIM
from indexer.ingest.annotate.own_event import year_after_last_year_anchor


def _row(published: dt.date, overall: str, start: dt.date | None = None) -> Outcome:
    """A made-up record row of council X1."""
    return Outcome("X1", "Westshire", "ILACS", "full", start, start and start + dt.timedelta(days=14), published,
                   overall, {}, "")


ROWS = [_row(dt.date(2014, 6, 2), "requires improvement"), _row(dt.date(2019, 4, 8), "inadequate"),
        _row(dt.date(2021, 11, 20), "good", dt.date(2021, 9, 13))]


@pytest.fixture
def record(monkeypatch):
    monkeypatch.setattr(own_event.outcome_table, "for_council", lambda code: ROWS)


@pytest.mark.parametrize("text, year", [
    # the object and "as" before the grade, words after it, a month
    ("Inspectors rated the whole service as inadequate on every count in April last year, and a visit followed.",
     2020),
    ("Progress is slow since the borough was judged 'inadequate' overall back in April last year.", 2020),
    # no month: the year its one report with that grade came out
    ("The service has turned a corner after being rated “inadequate” last year.", 2020),
    # the month of the inspection held, not of the report
    ("The service was judged good in September last year.", 2022),
])
def test_a_grade_last_year_dates_the_page(record, text, year):
    assert year_after_last_year_anchor(text, "X1")[0] == year


@pytest.mark.parametrize("text", [
    # two rows fit no one year, a comparison is no anchor, "the last year" is a span, "last year's" another event
    "Four councils were judged good, compared to two last year.",
    "It was rated inadequate in the last year of the old regime.",
    "It was rated good at last year's review.",
    # a month no row of that grade holds
    "It was rated inadequate in July last year.",
])
def test_no_anchor_is_invented(record, text):
    assert year_after_last_year_anchor(text, "X1")[0] is None


def test_the_switch_keeps_round_26(record, monkeypatch):
    monkeypatch.setattr(settings, "ROUND27_LAST_YEAR_GRADE", False)
    assert year_after_last_year_anchor("It was rated “inadequate” last year.", "X1")[0] is None
    assert year_after_last_year_anchor("It was rated inadequate in April last year.", "X1")[0] == 2020


def test_a_grade_to_become_is_an_aim():
    text = "the council has vowed to turn the department into one rated 'good' in "
    assert AIM.search(text)
    assert not AIM.search("the department was rated 'good' in ")


@pytest.mark.parametrize("text, year", [
    ("Westshire is performing excellently, the watchdog said, a clear improvement on last year for the county.", 2010),
    ("Westshire now performs adequately. \"We are proud of the progress since last year's report,\" the director said.",
     2010),
    # no comparison: the first round, as before
    ("Westshire is performing excellently, the watchdog said in its assessment of children's services.", 2009),
])
def test_a_rating_compared_with_the_year_before_is_no_first_round(text, year):
    assert annual_round_year(text)[0] == year


@pytest.mark.parametrize("text, year", [
    ("One in four councils inspected in 2011/12 were inadequate, Ofsted's annual report has found.", 2012),
    ("Ofsted has said in its annual report for 2008-09 that demand keeps rising.", 2009),
    ("In its annual report, Ofsted said referrals rose from April 2012 to April 2013.", 2013),
])
def test_ofsted_annual_report_span(text, year):
    assert annual_report_year(text)[0] == year


@pytest.mark.parametrize("text", [
    # a council's annual report, the social care annual report, a range of years, no span
    "The council's annual report for 2011/12 shows a balanced budget.",
    "Ofsted's social care annual report covers inspections in 2013/14.",
    "Ofsted's annual report compared 2008-2012 with the decade before.",
    "Ofsted's annual report says the picture is mixed.",
])
def test_no_annual_report_year_is_invented(text):
    assert annual_report_year(text)[0] is None


# A page whose only printed date is a site header for the day it was viewed (the story's own "today (…)" falls on
# another day); the council's record holds one report published on the day the story names.
VIEWED = ("• Mon. Mar 4th, 2024\n\nNorth Shire Daily\n\nCounty Services Praised\n\n"
          "In a report published today (July 12) inspectors rated Rutland County Council's children's services "
          "\"good\" overall, the first time the county has reached that grade.\n\n"
          "The council leader said staff had worked hard for years to reach it.\n")


def test_a_report_day_in_brackets_dates_the_page_through_the_record(tmp_path):
    from indexer.ingest.annotate.report_day import report_days
    assert [(d.month, d.day) for d in report_days("a report published today (July 12) rated it good")] == [(7, 12)]
    assert report_days("a report published today (Thursday) rated it good")[0].weekday == 3
    assert report_days("a report published today (see below) rated it good") == []
    from tests.facet_helpers import article
    doc = article(tmp_path, VIEWED)
    assert doc.published is None and doc.year == 2024  # the record's report of 12 July 2024, not the day viewed


def test_without_the_switch_the_viewed_day_blocks_the_record(tmp_path, monkeypatch):
    from tests.facet_helpers import article
    monkeypatch.setattr(settings, "ROUND27_VIEW_DATE_RECORD", False)
    # viewed two years on: the header's year, though set aside, still bars the record's 2024 report
    viewed_later = VIEWED.replace("Mar 4th, 2024", "Mar 4th, 2026")
    assert article(tmp_path, viewed_later).year is None
    monkeypatch.setattr(settings, "ROUND27_VIEW_DATE_RECORD", True)
    assert article(tmp_path, viewed_later).year == 2024
