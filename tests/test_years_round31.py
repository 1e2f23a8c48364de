"""Round 31 (issue 22, branch years31): years from the record for undated pages.
(A) a page about a monitoring or focused visit that tells whole years back to the judgement it follows ("rated
inadequate two years ago", "after two years of upheaval") is from that judgement's year plus the count, not from the
judgement's own year; (B) "since the last inspection in 2017" is a look back, as "the previous inspection in 2017" is:
the page's inspection is the one that followed it (built, left off; removed in round 32: today it is not read).
Every page here is our own invention; the councils' rows are the real record's (indexer/data/ofsted_outcomes.csv)."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.annotate.years_ago import years_ago_year
from tests.facet_helpers import article

# Stoke-on-Trent: ILACS report 18 March 2019, inadequate (its only inadequate); the next graded one is of 2022.
STOKE = ("Potteries Evening Post\n\nStoke's social workers turning a corner\n\n"
         "Stoke-on-Trent City Council's children's services, which Ofsted rated inadequate two years ago, are "
         "making steady headway, according to a letter from the inspectors' latest monitoring visit.\n\n"
         "The visitors looked at how the front door team handles fresh referrals and found decisions quicker "
         "than before, though some plans for children still lacked detail.\n")
# Wirral: SIF report 20 September 2016, inadequate; the next graded inspection is of 2019.
WIRRAL = ("Birkenhead Bugle\n\nWirral told to keep going\n\n"
          "After two years of upheaval, Wirral's help for vulnerable children is moving the right way, Ofsted "
          "said following its most recent monitoring visit.\n\n"
          "The council's children's services were rated inadequate in 2016, and a commissioner was sent in soon "
          "afterwards.\n\n"
          "Caseloads have come down, the letter says, but managers still need to check the quality of visits.\n")


@pytest.mark.parametrize("text, year", [(STOKE, 2021), (WIRRAL, 2018)])
def test_years_told_back_to_the_judgement_date_the_visit_page(tmp_path, text, year):
    doc = article(tmp_path, text)
    assert doc.published is None and doc.year == year
    assert doc.facet_evidence["year"]["source"].startswith("inferred: a visit page telling")


@pytest.mark.parametrize("text, year", [(STOKE, 2021), (WIRRAL, 2018)])
def test_without_the_switch_another_year(tmp_path, monkeypatch, text, year):
    monkeypatch.setattr(settings, "ROUND31_YEARS_AGO", False)
    doc = article(tmp_path, text)
    assert doc.year != year and not doc.facet_evidence["year"]["source"].startswith("inferred: a visit page telling")


def test_a_new_inspection_counts_back_from_its_own_report(tmp_path, monkeypatch):
    # a new graded inspection saying how the service stood three years ago: the count looks back from the page's own
    # report (Stoke-on-Trent's November 2022 one), so nothing is added to it
    text = ("Potteries Evening Post\n\nStoke no longer inadequate\n\n"
            "Ofsted has judged Stoke-on-Trent's children's services as requires improvement to be good after a "
            "full inspection. Three years ago inspectors rated them inadequate.\n\n"
            "The report notes a monitoring visit found the first signs of change.\n")
    doc = article(tmp_path, text)
    assert not doc.facet_evidence["year"]["source"].startswith("inferred: a visit page telling")
    monkeypatch.setattr(settings, "ROUND31_YEARS_AGO", False)
    assert article(tmp_path, text, name="b.txt").year == doc.year


def test_no_count_past_a_later_inspection():
    # Wirral's 2016 judgement was replaced in 2019: "five years ago" cannot count from it to a year it no longer stood
    text = ("Ofsted's monitoring visit found Wirral, rated inadequate five years ago in 2016, still improving.")
    assert years_ago_year(text, "E08000015", "inadequate", None, None) is None


def test_a_page_with_no_visit_is_not_read():
    text = "Wirral's children's services were rated inadequate two years ago in 2016, councillors heard."
    assert years_ago_year(text, "E08000015", "inadequate", None, None) is None


def test_a_grade_that_is_not_the_judgements_is_not_read():
    # the page's grade (good) is not that of the judgement it names (inadequate, 2016)
    text = "A focused visit found Wirral's services had improved a lot over the last two years since 2016."
    assert years_ago_year(text, "E08000015", "good", None, None) is None


# Kent: SIF report 13 June 2017; the next graded inspection, ILACS, reported 5 July 2022; another in 2026.
KENT = ("The Weald Courier\n\nKent's social care praised\n\n"
        "Leaders have kept improving help for Kent's children since the last inspection in 2017, Ofsted's new "
        "report says.\n\n"
        "Demand for early help kept climbing through the first months of 2022, councillors were told.\n")


def test_since_the_last_inspection_is_not_read_as_a_look_back(tmp_path):
    assert article(tmp_path, KENT).year != 2022
