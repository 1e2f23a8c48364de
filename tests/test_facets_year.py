"""The year of a document (ingest/annotate/year.py, record.py)."""
from __future__ import annotations

import datetime as dt

from tests.facet_helpers import annotated, article
from tests.conftest import FIXTURES, SEEDS

def test_sunderland_year_reasoned_from_rated_good_in_2012():
    doc = annotated(SEEDS / "004_c591f3048068f891.txt")
    assert "rated good in 2012" in doc.facet_evidence["year_reasoning"]
    # round 8: an inferred inspection lends its year (marked inferred) but not its grade (issue 22: say so, not guess)
    assert doc.confidence["year"] == "inferred"
    assert doc.severity == [] and doc.facet_evidence["official_outcome"]["grade"] == "inadequate"


def test_datelines_and_archive_lines(tmp_path):
    from indexer.ingest.annotate.year import dateline

    assert dateline("Local Paper\nPublished: 05/03/2019 14:00\nBody text here.")[0] == dt.date(2019, 3, 5)
    assert dateline("12 captures\n05 Mar 2019 - 20 Jun 2021\nArchived 5 March 2019\nBody.")[0] is None
    assert dateline("Copyright © 2015 BBC\nBody.")[0] is None
    assert dateline("Tuesday 18 June 2013\nOfsted said...")[0] == dt.date(2013, 6, 18)


def test_wayback_capture_dates_are_not_the_year():
    doc = annotated(FIXTURES / "wayback-kent.txt")
    assert doc.council == ["Kent"] and doc.year == 2010 and doc.severity == ["inadequate"]
    assert doc.facet_evidence["year"]["source"] == "official outcome publication date"


def test_undated_article_year_from_the_only_inspection_with_that_grade():
    doc = annotated(FIXTURES / "hostile.txt")  # Rotherham, inadequate, no dates at all
    assert doc.year == 2014
    # round 7: the only inspection the reported grade fits wins the candidate scoring, labelled inferred
    assert doc.facet_evidence["year_reasoning"].startswith("inferred: the grade the page reports (inadequate)")


def test_undated_article_with_several_matching_inspections_keeps_year_unknown(tmp_path):
    doc = article(tmp_path, "Birmingham children's services\n\nBirmingham City Council's children's services "
                             "department has now been rated inadequate by Ofsted.\n")
    assert doc.council == ["Birmingham"] and doc.severity == ["inadequate"] and doc.year is None


def test_years_mentioned_bound_the_inspection(tmp_path):
    doc = article(tmp_path, "Tower Hamlets children's services now good\n\nTower Hamlets Council's children's "
                             "services have improved from inadequate to good, Ofsted has said. The council was "
                             "rated inadequate in 2017, but inspectors who visited in January found strong "
                             "leadership.\n")
    assert doc.council == ["Tower Hamlets"] and doc.severity == ["good"] and doc.year == 2019


def test_the_first_inspection_with_the_grade_after_the_year_named(tmp_path):
    # Sheffield: requires improvement in 2014 (SIF), good in 2019 and 2023 (ILACS).
    doc = article(tmp_path, "Sheffield improves\n\nSheffield's children's services were rated good; in May 2013 "
                            "they had been judged to require improvement.\n")
    assert doc.severity == ["good"] and doc.year == 2019 and doc.confidence["year"] == "inferred"


def test_an_inspection_older_than_a_year_named_is_not_the_one_reported(tmp_path):
    # Stockport: requires improvement in 2012 (SLAC) and 2025 (ILACS); the article names 2025.
    doc = article(tmp_path, "Stockport report\n\nThe latest Ofsted report on Stockport Council for 2025 rates it "
                            "requires improvement to be good. Inspectors noted weaknesses found at a visit in "
                            "February.\n")
    assert doc.year == 2025


def test_a_target_year_is_not_a_bound(tmp_path):
    # Worcestershire: inadequate 2017, requires improvement 2019.
    doc = article(tmp_path, "Worcestershire moves up\n\nWorcestershire County Council has been rated requires "
                            "improvement, its first full inspection since the lowest rating in 2017. It aims to "
                            "be good by 2022.\n")
    assert doc.year == 2019
