"""Round 15 (issue 22): an undated page is never older than the latest past event it names (year_floor.py).

Sentences written for these tests, paraphrasing shapes any outlet writes (a visit counted from a judgement, a new
inspection compared with the previous one, a grade word of a later framework, a pandemic), and ones that must not
fire (plans and aims, a year already at or above the floor, a dated page). The councils' records are the project's
outcomes table (indexer/data/ofsted_outcomes.csv).
"""
from __future__ import annotations

import pytest

from indexer.ingest.annotate.year_floor import anchor_floor, era_floor, latest_past_year, page_floor, raised_year
from tests.facet_helpers import article

HEREFORDSHIRE = "E06000019"  # CPI 2012 inadequate; ILACS 2022 inadequate; ILACS 2026 good
BRISTOL = "E06000023"  # SLAC 2010 good; SIF 2014 requires improvement; ILACS 2018 and 2023 requires improvement
PORTSMOUTH = "E06000044"  # SIF 2014 requires improvement; ILACS 2018 and 2023 good
LEICESTERSHIRE = "E10000018"  # SIF held 2016, published February 2017; ILACS 2019


# The floor: what the page counts from, the latest past year it names, the first year of its words.

@pytest.mark.parametrize("text, year", [
    ("It was the inspectors' first call since the service was judged inadequate in July 2022.", 2023),
    ("At the previous full inspection, in 2021, the borough was rated good.", 2022),
    ("This was the first such inspection since 2010, when services were found to be good.", 2011),
    ("Much of the work begun after their 2012 visit is still under way.", 2013),
    ("Progress has been slow since it was rated inadequate in March 2019, councillors heard.", 2020),
    ("The letter notes real change since the last inspection in 2016.", 2017),
    ("Things have moved on since 2016, when every area was found wanting.", 2017),
])
def test_a_page_counting_from_an_inspection_is_later_than_it(text, year):
    found = anchor_floor(text)
    assert found and found.year == year


@pytest.mark.parametrize("text, year", [
    ("Services for care leavers still require improvement.", 2013),
    ("The council was one of the first to have a focused visit.", 2018),
    ("Caseloads rose during the Covid-19 lockdowns.", 2020),
    ("A joint targeted area inspection looked at neglect.", 2016),
    ("Families waited months for an education, health and care plan.", 2014),
])
def test_words_of_a_later_era_set_the_floor(text, year):
    found = era_floor(text)
    assert found and found.year == year


@pytest.mark.parametrize("text", [
    "The improvement board will stand down provided an inspection by June 2020 goes well.",
    "Inspectors are not expected back before May 2025.",
    "The council aims to be rated good by 2024.",
    "The next inspection is due in 2027.",
    "The improvement notice stays in place until March 2026.",
])
def test_plans_and_aims_are_no_past_year(text):
    assert latest_past_year(text, 2030) is None


def test_the_floor_is_the_highest_of_the_three():
    text = "Since the inspection in 2017 the service has coped with Covid-19 and, in 2021, a new director."
    found = page_floor(text, 2030)
    assert found.year == 2021


# The move: a visit page takes the floor; another page the council's first whole-service inspection since.

def test_a_monitoring_visit_after_a_judgement_is_dated_after_it():
    text = ("Inspectors made a monitoring visit to Herefordshire Council this spring, their first since the service "
            "was judged inadequate in July 2022.")
    found = raised_year(text, HEREFORDSHIRE, 2022)
    assert found.year == 2023 and found.why.startswith("inferred")


def test_a_new_inspection_after_the_previous_one_is_the_next_in_the_record():
    text = ("Inspectors judged help for Bristol's children to require improvement. It was the first such inspection "
            "since 2010, when the city's services were rated good.")
    found = raised_year(text, BRISTOL, 2010)
    assert found.year == 2014 and "2014-" in found.why


@pytest.mark.parametrize("text, year", [
    ("Inspectors made a monitoring visit, their first since services were judged inadequate in July 2022.", 2023),
    ("Inspectors judged services good, as at the last inspection in 2018.", 2024),
    ("Services still require improvement, inspectors found.", 2014),
])
def test_a_year_at_or_above_the_floor_stays(text, year):
    assert raised_year(text, HEREFORDSHIRE, year) is None


def test_a_new_inspection_counted_from_one_held_the_year_before_its_report_is_the_next():
    # the year 2017 is the publication of the inspection held in 2016 that the page counts from
    text = "Inspectors say the county's services have moved forward since 2016, when every judgement was weak."
    found = raised_year(text, LEICESTERSHIRE, 2017)
    assert found.year == 2019


def test_a_visit_counted_from_an_inspection_may_follow_its_report_within_the_year():
    text = "A monitoring visit found progress since 2016, when every judgement was weak."
    assert raised_year(text, LEICESTERSHIRE, 2017) is None


def test_a_plan_year_moves_nothing():
    text = "Because the grade was good, inspectors are not expected back before May 2025, the council said."
    assert raised_year(text, PORTSMOUTH, 2023) is None


# End to end: an undated page whose earlier rules date it by an older inspection is moved, marked inferred.

def test_an_undated_page_is_not_older_than_the_pandemic_it_names(tmp_path):
    doc = article(tmp_path, "Portsmouth children's services: requires improvement\n\n"
                            "Portsmouth City Council's children's services require improvement, Ofsted said. The "
                            "council pointed to the effect of Covid-19 on caseloads.\n")
    # the floor outranks the grade's one inspection (SIF 2014): the first inspection published since 2020
    assert doc.year == 2023
    assert doc.confidence["year"] == "inferred"
    assert "Covid-19" in doc.facet_evidence["year_reasoning"]


def test_a_dated_page_keeps_its_printed_year(tmp_path):
    doc = article(tmp_path, "Portsmouth children's services: requires improvement\n\nPublished: 3 June 2014\n\n"
                            "Portsmouth City Council's children's services require improvement, Ofsted said. The "
                            "council spoke of Covid-19 planning.\n")
    assert doc.year == 2014
