"""Round 29 (issue 22, branch years29): years for undated pages the record reaches. (A) a focused visit between the
graded inspection the page names and the council's next one takes the middle of that gap (no earlier than 2018);
(B) a tally of single-framework inspections takes the year the record's running count had those figures. Every page
here is our own invention; the councils' rows and the tallies are the real record's
(indexer/data/ofsted_outcomes.csv)."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.annotate.national_tally import tally_year
from indexer.ingest.annotate.visit_between import focused_visit_year
from tests.facet_helpers import article

# Enfield: single inspection published March 2015, next graded inspection from March 2019: the gap's middle is in
# 2017, before focused visits began, so 2018.
ENFIELD = ("North London Gazette\n\nEnfield front door checked\n\n"
           "Inspectors who carried out a focused visit to Enfield Council's children's services said managers had "
           "kept up the work begun since the Ofsted single inspection in 2015.\n\n"
           "The letter praised the early help teams but asked for lower caseloads.\n")
# Redcar and Cleveland: inspected January 2017 (report April 2017), next graded inspection from June 2022: 2019.
REDCAR = ("Teesside Voice\n\nRedcar told to speed up\n\n"
          "Redcar and Cleveland Council has made some progress since the last inspection in 2017, according to a "
          "focused visit by Ofsted.\n\n"
          "The inspectors looked at plans for children in need.\n")
# Newcastle: the earlier inspection and its month a few words apart; report July 2017, next from November 2021.
NEWCASTLE = ("Tyne Weekly\n\nNewcastle leaders praised\n\n"
             "At the previous inspection of Newcastle's services for children, in April 2017, inspectors rated the "
             "service as requiring improvement.\n\n"
             "A focused visit has now found that leaders have kept their eye on the ball.\n")


@pytest.mark.parametrize("text, year", [(ENFIELD, 2018), (REDCAR, 2019), (NEWCASTLE, 2019)])
def test_focused_visit_takes_the_middle_of_the_gap(tmp_path, text, year):
    doc = article(tmp_path, text)
    assert doc.published is None and doc.year == year
    assert "inferred" in doc.facet_evidence["year"]["source"]


@pytest.mark.parametrize("text, year", [(ENFIELD, 2018), (REDCAR, 2019), (NEWCASTLE, 2019)])
def test_without_the_switch_no_gap_year(tmp_path, monkeypatch, text, year):
    monkeypatch.setattr(settings, "ROUND29_VISIT_GAP", False)
    assert article(tmp_path, text).year != year


def test_no_anchor_no_guess():
    text = ("A focused visit to Enfield found that managers had worked hard since the last inspection.\n"
            "Caseloads were still too high.\n")
    assert focused_visit_year(text, "E09000010") is None


def test_no_later_inspection_no_guess():
    # Brent's last graded inspection in the record is the short one of 2023: the visit could be any time since
    text = "A focused visit to Brent followed up the short inspection in 2023, when services were judged good.\n"
    assert focused_visit_year(text, "E09000005") is None


def test_no_focused_visit_after_an_inadequate_anchor():
    # Tameside was judged inadequate in 2016: monitoring visits followed until its 2019 re-inspection, so a focused
    # visit the page names came after that one, not in the gap
    text = ("A focused visit to Tameside looked at the front door, since the last inspection in 2016 found "
            "services inadequate.\n")
    assert focused_visit_year(text, "E08000008") is None


def test_a_visit_is_needed():
    text = "Ofsted said Enfield had kept up its progress since the single inspection in 2015.\n"
    assert focused_visit_year(text, "E09000010") is None


# The record's running count of single-framework inspections: 43 by early February 2015 (10 good, 26 requires
# improvement, 7 inadequate).
TALLY = ("Care Policy Weekly\n\nMost councils not yet good, says watchdog\n\n"
         "Ofsted's yearly review of social care has warned that too many councils are still short of good.\n\n"
         "Of 43 inspections under the single inspection framework, seven councils were rated inadequate and "
         "another 26 were found to require improvement.\n\n"
         "Only ten of them were judged good.\n")


def test_tally_dates_the_page(tmp_path):
    doc = article(tmp_path, TALLY)
    assert doc.council_code == [] and doc.year == 2015
    assert "inferred" in doc.facet_evidence["year"]["source"]


def test_tally_off(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND29_SIF_TALLY", False)
    assert article(tmp_path, TALLY).year is None


def test_tally_figures_must_agree():
    wrong = TALLY.replace("Only ten", "Only twelve")
    assert tally_year(wrong) is None


def test_a_bare_count_is_no_tally():
    assert tally_year("Of the 43 inspections under the single inspection framework, none was outstanding.\n") is None


def test_percentages_and_joined_grades():
    # 59 inspections by late June 2015: 14 good, 45 (76 %) requires improvement or inadequate
    text = ("Of the 59 inspections carried out under the single inspection framework, 76% were judged either "
            "inadequate or requiring improvement. Fourteen councils were rated good.\n")
    assert tally_year(text).year == 2015
