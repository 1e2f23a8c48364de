"""Round 30 (issue 22, branch years30): years for undated pages about an event after the judgement they name.
(A) a span of months or a year counted on from the judgement the record links the page to dates the page (the report's
day plus the span), never the judgement's own year; (B) the 2009-11 annual rating's scale said of the council's
services ("were judged to be 'performing well'") on a page of those years reports a rating round (built, left off;
removed in round 32: today no round is read); (C) a visit month placed against the month a letter or report on it came out lies
before that publication, not after; (D) a grade "in September last year" that picks one recorded report dates the
page the year after it, over a looser record link. Every page here is our own invention; the councils' rows are
the real record's (indexer/data/ofsted_outcomes.csv)."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.annotate.calendar import annual_round_year, bare_inspection_month_year
from tests.facet_helpers import article

# Wigan: ILACS May 2022, report 5 July 2022, requires improvement; the next graded inspection is of October 2025.
WIGAN = ("Leigh and Wigan Bulletin\n\nSocial workers steadier, inspectors say\n\n"
         "Ten months on from the Ofsted report which rated Wigan's children's services as requires improvement, "
         "inspectors who called in again have found a more settled workforce.\n\n"
         "The monitoring of supervision was still patchy, the follow-up letter said, and managers were asked to "
         "keep plans up to date.\n")
# Kirklees: SIF report 25 November 2016, inadequate; the next graded inspection is of June 2019.
KIRKLEES = ("Colne Valley News\n\nKirklees still has far to go\n\n"
            "Almost a year after the scathing Ofsted report that judged Kirklees Council's children's services "
            "inadequate, the watchdog has written to the council again.\n\n"
            "Inspectors who went back to check on progress found leaders working hard, but too many children still "
            "waited too long for help, their letter says.\n")


@pytest.mark.parametrize("text, year", [(WIGAN, 2023), (KIRKLEES, 2017)])
def test_a_span_on_from_the_judgement_dates_the_page(tmp_path, text, year):
    doc = article(tmp_path, text)
    assert doc.published is None and doc.year == year
    assert "inferred" in doc.facet_evidence["year"]["source"]


@pytest.mark.parametrize("text, year", [(WIGAN, 2023), (KIRKLEES, 2017)])
def test_without_the_switch_the_judgement_year(tmp_path, monkeypatch, text, year):
    monkeypatch.setattr(settings, "ROUND30_SPAN_ON", False)
    assert article(tmp_path, text).year == year - 1


def test_a_span_from_a_visit_is_not_from_the_judgement(tmp_path):
    # a new graded inspection "a year after a focused visit": the span counts from the visit, not from the record's
    # inspection, and the page's own report dates it
    text = ("Wigan Weekly\n\nWigan judged good again\n\n"
            "A full inspection of Wigan's children's services came a year after a focused visit found gaps in "
            "planning.\n\n"
            "Inspectors judged the service good in all areas in their report, published in November 2025.\n")
    assert article(tmp_path, text).year == 2025


# Dorset (the county council): a 2010 annual rating in the scale's words, not a later inspection of the record.
DORSET = ("Dorset Evening News\n\nCounty praised for its help to families\n\n"
          "In 2010, Dorset's children's services were judged to be 'performing well' by the watchdog.\n\n"
          "Most of the county's nurseries were good or better, the assessment said, though too few primary schools "
          "were outstanding.\n")


def test_the_scale_said_of_the_services_names_no_rating_round(tmp_path):
    assert annual_round_year(DORSET)[0] is None
    assert article(tmp_path, DORSET).year != 2010


# (C) a visit month with the letter's publication after it: the visit is the last such month on or before it.
LETTER = ("Inspectors called on 12 and 13 September to look at help for children in need.\n"
          "In a letter published 15 October 2019, Ofsted said progress had been steady since the last inspection.\n")


def test_a_visit_before_its_letter():
    year, why = bare_inspection_month_year(LETTER)
    assert year == 2019 and "on or before" in why


def test_without_the_switch_the_visit_after_its_letter(monkeypatch):
    monkeypatch.setattr(settings, "ROUND30_REPORT_AFTER_VISIT", False)
    assert bare_inspection_month_year(LETTER)[0] == 2020


def test_a_report_out_long_before_the_visit_is_an_earlier_one():
    # a report published in May and a visit in November: six months apart, the report is one the page looks back
    # on, so the visit comes after it
    text = ("A report published in May 2021 found serious failings.\n"
            "A visit in November found that things had improved.\n")
    assert bare_inspection_month_year(text)[0] == 2021
    assert "on or after" in bare_inspection_month_year(text)[1]


# (D) Herefordshire: inadequate twice in the record, the child protection inspection published October 2012 (no
# inspection dates, so its month is estimated) and the ILACS published 21 September 2022. "In September last year"
# with the grade picks the 2022 report: the page is from 2023, not the year after the 2012 one.
HEREFORDSHIRE = ("Wye Valley Courier\n\nHerefordshire still has work to do\n\n"
                 "Ofsted inspectors rated the county's children's services as inadequate in September last year, and "
                 "Herefordshire Council has been under close watch since.\n\n"
                 "The service remains inadequate, a new report to councillors says, though leaders now know it "
                 "better.\n")


def test_a_grade_last_year_over_the_record_link(tmp_path):
    doc = article(tmp_path, HEREFORDSHIRE)
    assert doc.published is None and doc.year == 2023
    assert "last year" in doc.facet_evidence["year"]["source"]


def test_without_the_switch_the_older_report(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND30_LAST_YEAR_OVER_RECORD", False)
    assert article(tmp_path, HEREFORDSHIRE).year != 2023
