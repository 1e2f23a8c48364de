"""Round 21 (issue 22): a report's publication day, month or weekday given without its year picks the one
inspection of the council's official record published then (report_day.py, called from year.py's dated outcomes).

Sentences written for these tests, in the shapes local papers, trade sites and council pages use ("the report,
published on 29 October", "the regulator's July report", "the findings, which came out on Wednesday"), checked
against real councils' real record rows: Reading's ILACS published 2019-10-28 (requires improvement), Stockport's
ILACS published Wednesday 2022-05-18 (good) and Tuesday 2025-07-15 (requires improvement), Plymouth's two January
publications (2015-01-06 and 2019-01-07, both requires improvement).
"""
from __future__ import annotations

import datetime as dt

import pytest

from indexer import settings
from indexer.ingest.annotate.report_day import ReportDay, report_days
from tests.facet_helpers import article


@pytest.mark.parametrize("text, weekday, month, day", [
    ("The council welcomed the report, published on 29 October, and its plan.", None, 10, 29),
    ("Its findings, which came out on Wednesday, were mixed.", 2, None, None),
    ("The verdict was released on Friday 3 May after a delay.", 4, 5, 3),
    ("The report was published in March and praised early help.", None, 3, None),
    ("The judgement, released on June 4th, named two weaknesses.", None, 6, 4),
    ("The report, published last Monday, set out three priorities.", 0, None, None),
    ("Councillors read the regulator's September report closely.", None, 9, None),
    ("The watchdog's report in April found delays.", None, 4, None),
])
def test_a_yearless_report_day_is_read(text, weekday, month, day):
    (found,) = report_days(text)
    assert (found.weekday, found.month, found.day) == (weekday, month, day)


@pytest.mark.parametrize("text", [
    "The report, published on 29 October 2019, was discussed.",  # a dated report: published_report.py's
    "The inspection carried out in March looked at care leavers.",  # the inspection, not the report
    "The letter on the focused visit, published on Wednesday, named two areas.",  # a visit the record lacks
    "The report on the monitoring visit came out in May.",
    "The report was published in full on the council's site.",  # no day at all
])
def test_no_report_day_is_read(text):
    assert report_days(text) == []


def test_a_day_fits_the_record_within_a_few_days_and_across_the_new_year():
    assert ReportDay("", None, 10, 29).fits(dt.date(2019, 10, 28))
    assert not ReportDay("", None, 10, 29).fits(dt.date(2019, 10, 20))
    assert ReportDay("", None, 12, 31).fits(dt.date(2020, 1, 2))
    assert ReportDay("", None, 7, None).fits(dt.date(2025, 7, 15))
    assert ReportDay("", 2, None, None).fits(dt.date(2022, 5, 18))  # a Wednesday
    assert not ReportDay("", 1, None, None).fits(dt.date(2022, 5, 18))


def test_a_day_and_month_pick_the_one_inspection_published_then(tmp_path):
    doc = article(tmp_path, "Reading children's services improving\n\nOfsted's latest report, published on 29 "
                            "October, judges Reading's children's services as requires improvement to be good in "
                            "every area. Leaders were praised for recruiting social workers.")
    assert doc.year == 2019 and doc.confidence["year"] == "official"


def test_a_weekday_picks_the_one_inspection_published_on_it(tmp_path):
    doc = article(tmp_path, "Stockport praised\n\nOfsted has rated Stockport Council's children's services as "
                            "good. The report, which came out on Wednesday, praised work with care leavers.")
    assert doc.year == 2022 and doc.confidence["year"] == "inferred"


def test_a_month_alone_picks_the_one_inspection_published_in_it(tmp_path):
    doc = article(tmp_path, "Council sets out its response\n\nStockport Council says it is acting on the "
                            "inspectorate's July report on its children's services, which found some children "
                            "waited too long for help.")
    assert doc.year == 2025 and doc.confidence["year"] == "inferred"


def test_two_inspections_published_then_leave_the_year_empty(tmp_path):
    doc = article(tmp_path, "Plymouth told to improve\n\nPlymouth City Council's children's services require "
                            "improvement to be good, Ofsted says. The report, published in January, names the "
                            "quality of plans.")
    assert doc.year is None


def test_a_grade_the_record_contradicts_picks_nothing(tmp_path):
    doc = article(tmp_path, "Reading rated outstanding\n\nReading Borough Council's children's services are "
                            "outstanding, according to an Ofsted report, published on 29 October.")
    assert doc.year is None


def test_the_switch_turns_it_off(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND21_REPORT_DAY", False)
    doc = article(tmp_path, "Reading children's services improving\n\nOfsted's latest report, published on 29 "
                            "October, judges Reading's children's services as requires improvement to be good in "
                            "every area.")
    assert doc.year is None


def test_the_outcome_is_chosen_only_when_exactly_one_row_fits():
    from indexer.ingest.annotate import outcomes
    from indexer.ingest.annotate.gazetteer import authorities
    from indexer.ingest.annotate.report_day import report_day_outcome

    code = next(a.code for a in authorities().values() if a.name == "Plymouth")
    rows = outcomes.for_council(code)
    both, _ = report_day_outcome("The report, published in January, names the quality of plans.", rows,
                                 lambda o: True)
    # 7 January is within the slack of both 2015-01-06 and 2019-01-07
    near_both, _ = report_day_outcome("The report, published on 7 January, names the quality of plans.", rows,
                                      lambda o: True)
    one, why = report_day_outcome("The report, published on 15 March, names the quality of plans.", rows,
                                  lambda o: True)
    assert both is None and near_both is None
    assert one.published == dt.date(2024, 3, 15) and not why.startswith("inferred")


def test_a_page_about_an_area_send_inspection_picks_nothing(tmp_path):
    doc = article(tmp_path, "Stockport SEND services\n\nThe area SEND inspection of Stockport found that children "
                            "wait too long. The report, which came out on Wednesday, names two priority actions for "
                            "Stockport Council and its health partners.")
    assert doc.year is None


def test_a_page_scoring_an_older_regime_picks_no_later_inspection():
    from indexer.ingest.annotate import outcomes
    from indexer.ingest.annotate.gazetteer import authorities
    from indexer.ingest.annotate.report_day import report_day_outcome

    code = next(a.code for a in authorities().values() if a.name == "Stockport")
    text = ("Stockport performs well in the annual performance assessment, with children's services performing "
            "well. The verdict, published on Wednesday, is the council's best.")
    assert report_day_outcome(text, outcomes.for_council(code), lambda o: True)[0] is None


# --- review21: a weekday with its day dates the page's day, which may stand a few days off the record's ---

def test_a_weekday_with_its_day_fits_a_record_a_day_off():
    said = ReportDay("published on Wednesday 5 June", 2, 6, 5)  # 5 June 2019 was a Wednesday
    assert said.fits(dt.date(2019, 6, 6))
    assert not said.fits(dt.date(2018, 6, 6))  # 5 June 2018 was a Tuesday: the page's weekday rules the year out


def test_may_in_lower_case_is_not_the_month():
    assert report_days("The council's report, published in may be read online by parents.") == []
    assert [d.month for d in report_days("The council's report, published in May, was read by parents.")] == [5]
