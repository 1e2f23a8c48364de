"""Round 9 (issue 22), years: a page's own event against the anchor it names, the year an inspection was held, months
that span an inspection, "N years ago", and ILACS's joint judgement for children in care and care leavers.

Every text here is written for the test; the councils' histories are the official outcomes table's:
Leicestershire SIF published 2017-02-13 (held 2016) and ILACS 2019 both requires improvement; North Somerset ILACS
March 2020 (children in care and care leavers good) and March 2023 (children in care requires improvement, care
leavers good), both requires improvement; Liverpool SIF published 2014-07-18 (no recorded dates) and ILACS 14-25 May
2018, both requires improvement; South Tyneside's ILACS of December 2022, inadequate; Walsall SLAC 2012 inadequate,
ILACS 2021 good; BCP ILACS 6-17 December 2021 inadequate; Barnet SIF published 2017-07-07 inadequate; Thurrock SIF
2016 requires improvement; Tameside ILACS 2019 requires improvement.
"""
from __future__ import annotations

import datetime as dt

import pytest

from indexer.ingest.annotate import outcomes as outcome_table
from indexer.ingest.annotate.candidates import relative_clues
from indexer.ingest.annotate.own_event import visit_after_anchor, year_after_last_year_anchor
from indexer.ingest.annotate.year import outcome_from_text
from indexer.models import Outcome
from tests.facet_helpers import article

LEICESTERSHIRE, NORTH_SOMERSET, LIVERPOOL, SOUTH_TYNESIDE = "E10000018", "E06000024", "E08000012", "E08000023"
WALSALL, BCP, BARNET = "E08000030", "E06000058", "E09000003"


def _year(text: str, code: str, grade: str | None) -> int | None:
    """The publication year of the inspection an undated text is taken to report (None when none clearly wins)."""
    outcome, _ = outcome_from_text(text, [code], grade, None)
    return outcome.published.year if outcome is not None else None


def _outcome(published: str, framework: str = "ILACS", end: str | None = None, subs: dict | None = None) -> Outcome:
    return Outcome(la_code="X", la_name="X", framework=framework, inspection_type="", start=None,
                   end=dt.date.fromisoformat(end) if end else None, published=dt.date.fromisoformat(published),
                   overall="requires improvement", subjudgements=subs or {}, report_url="")


# The year an inspection was held: "the last inspection in 2016" is the one held in 2016, published early in 2017.

def test_an_inspection_is_held_before_it_is_published():
    assert outcome_table.inspected_year(_outcome("2017-02-13", "SIF")) == 2016
    assert outcome_table.inspected_year(_outcome("2017-06-30", "SIF")) == 2017
    assert outcome_table.inspected_year(_outcome("2020-01-20", end="2019-11-29")) == 2019


@pytest.mark.parametrize("text", [
    "Leicestershire's children's services have moved on since the last inspection in 2016, but they still require "
    "improvement to be good.",
    "Since 2016, when every area needed to improve, Leicestershire has made progress; overall the service still "
    "requires improvement to be good.",
])
def test_the_first_inspection_after_a_year_is_the_next_one_held(text):
    assert _year(text, LEICESTERSHIRE, "requires improvement") == 2019


# ILACS judged children in care and care leavers together until 2023.

def test_the_joint_judgement_is_the_care_leavers_grade_before_2023():
    joint = _outcome("2020-06-10", subs={"children_in_care": "good"})
    assert outcome_table.area_grade(joint, "care_leavers") == "good"
    assert outcome_table.area_grade(_outcome("2023-05-11", subs={"children_in_care": "good"}), "care_leavers") == ""
    assert outcome_table.area_grade(_outcome("2017-08-25", "SIF", subs={"children_in_care": "good"}),
                                    "care_leavers") == ""


@pytest.mark.parametrize("text", [
    "Inspectors came in March. North Somerset still requires improvement to be good overall; children in care and "
    "care leavers were judged good.",
    "North Somerset's services, inspected in March, require improvement to be good, though inspectors rated care "
    "leavers and children in care good.",
])
def test_areas_tell_apart_two_inspections_of_the_same_month(text):
    assert _year(text, NORTH_SOMERSET, "requires improvement") == 2020


# Months: a pair of adjacent months is one inspection spanning both; other pairs are separate visits.

@pytest.mark.parametrize("text", [
    "Ofsted's team spent four weeks inspecting the city across May and June and found it requires improvement.",
    "Inspectors were in Liverpool over May and June; the council requires improvement to be good.",
])
def test_an_inspection_spanning_two_months_is_not_one_held_within_one(text):
    # the 2018 inspection ran 14-25 May only; the 2014 report's months (estimated) can span both
    assert _year(text, LIVERPOOL, "requires improvement") == 2014


def test_one_month_alone_fits_the_recorded_dates_best():
    # "May" alone: the 2018 inspection's recorded dates fit it fully, the 2014 report's estimated months only half
    assert _year("Inspectors visited Liverpool in May; it requires improvement.", LIVERPOOL,
                 "requires improvement") == 2018


def test_two_months_apart_are_two_visits():
    text = "Inspectors who visited in December and February judged South Tyneside's services inadequate."
    assert _year(text, SOUTH_TYNESIDE, "inadequate") == 2023


# "N years ago" counts back from the page to the grade named before the words.

def test_years_ago_anchor_on_the_grade_before_them():
    text = ("Ofsted has rated Walsall's children's services good. The lead member recalled that the service had been "
            "judged inadequate nine years ago.")
    assert relative_clues(text, WALSALL)
    assert _year(text, WALSALL, "good") == 2021


@pytest.mark.parametrize("text", [
    "Nine years ago a new director arrived in Walsall; today the service is good.",
    "Walsall has been rated good. Nine years ago the service was very different.",
    # the grade before the words belongs to another clause; the one nine years ago comes after them
    "Ofsted rated Walsall good, and nine years ago it was inadequate.",
])
def test_years_ago_without_a_grade_before_them_anchor_nothing(text):
    assert not relative_clues(text, WALSALL)


# A visit after the inspection the page names: the visit's year where the text counts from it, else none.

def _bcp() -> Outcome:
    return next(o for o in outcome_table.for_council(BCP) if o.published == dt.date(2022, 2, 11))


@pytest.mark.parametrize("text, year", [
    ("Monitoring visits have followed since Ofsted judged BCP Council's services inadequate in December 2021. "
     "Inspectors have now come back five times in two years; the latest visit, on 6 and 7 March, looked at "
     "children in care.", 2024),
    ("Since rating the council inadequate in December 2021, inspectors have made four visits in a year. Their "
     "monitoring visit in October found progress.", 2022),
    ("Inspectors have been twice in a year since judging BCP inadequate in December 2021; this monitoring visit "
     "looked at care leavers.", 2022),
])
def test_a_counted_span_from_the_anchor_dates_the_visit(text, year):
    applies, found, _ = visit_after_anchor(text, _bcp())
    assert applies and found == year


def test_a_visit_after_the_anchor_without_a_count_has_no_year():
    text = "Ofsted's latest monitoring visit since judging BCP Council inadequate in December 2021 found progress."
    assert visit_after_anchor(text, _bcp()) == (True, None, visit_after_anchor(text, _bcp())[2])


@pytest.mark.parametrize("text", [
    # the page reports the inspection itself, not a visit after it
    "Ofsted has judged BCP Council's children's services inadequate after inspecting them in December 2021.",
    # a visit page, but the inspection it names since is an older one than the linked inspection
    "The monitoring visit found progress since the focused visit of 2019.",
    # "since 2021" about something else than a judgement is no anchor
    "The monitoring visit found a stable team: the council has had one director since 2021.",
])
def test_no_anchor_no_change(text):
    assert not visit_after_anchor(text, _bcp())[0]


@pytest.mark.parametrize("text", [
    "BCP Council: still work to do\n\nOfsted has checked BCP Council's children's services through monitoring visits "
    "since judging them inadequate in December 2021. Inspectors have been back five times in two years; the "
    "latest visit was on 6 and 7 March.\n",
])
def test_the_page_takes_the_visits_year_not_the_inspections(tmp_path, text):
    doc = article(tmp_path, text)
    assert doc.year == 2024 and doc.confidence["year"] == "inferred"


def test_an_undated_visit_page_is_left_without_a_year(tmp_path):
    doc = article(tmp_path, "Thurrock letter\n\nThurrock Council's children's services had a two-day inspection visit "
                            "on 3 and 4 October. At its last full inspection, in 2016, the council was judged to "
                            "require improvement to be good.\n")
    assert doc.year is None


# "Rated inadequate in July last year": the page is from the year after the council's report of that month.

@pytest.mark.parametrize("text", [
    "Inspectors made their third monitoring visit since Barnet was rated inadequate in July last year.",
    "Barnet, judged inadequate in July last year, has had another monitoring visit.",
])
def test_a_grade_in_a_month_last_year_dates_the_page(text):
    assert year_after_last_year_anchor(text, BARNET)[0] == 2018


@pytest.mark.parametrize("text", [
    "Barnet was rated inadequate in March last year.",  # no inadequate report of Barnet's in March
    "Barnet was rated good in July last year.",  # nor a good one in July
    "Barnet was rated inadequate in July.",  # no "last year"
])
def test_no_such_report_no_year(text):
    assert year_after_last_year_anchor(text, BARNET)[0] is None


def test_the_page_takes_the_year_after_and_the_standing_grade(tmp_path):
    doc = article(tmp_path, "Barnet update\n\nOfsted has published what it found on its latest monitoring visit to "
                            "Barnet, the fourth since the council was rated inadequate in July last year.\n")
    assert doc.year == 2018 and doc.severity == ["inadequate"]


# The 2009-11 annual ratings: a year named in a comparison is an earlier round, not this one.

@pytest.mark.parametrize("text, year", [
    ("Ofsted's annual rating says the council performs adequately, the same verdict as in 2010.", 2011),
    ("The council performs well in this annual rating, better than in 2009.", 2010),
    ("Ofsted's annual rating found the council performing poorly in 2010.", 2010),  # the round's own year
])
def test_a_compared_year_is_an_earlier_round(text, year):
    from indexer.ingest.annotate.calendar import annual_round_year
    assert annual_round_year(text)[0] == year


def test_a_new_inspection_page_that_mentions_visits_keeps_its_year(tmp_path):
    # it names the previous inspection "since …", but the inspection it reports is a newer one
    doc = article(tmp_path, "Leicestershire report\n\nOfsted's new report says Leicestershire's children's services "
                            "still require improvement to be good, although children in care are now judged good. "
                            "Since the last inspection in 2016 the council has had support visits and focused visits "
                            "from the regulator.\n")
    assert doc.year == 2019


# A span the page counts from a dated start dates the page; an inspection only inferred to be its subject does not.

@pytest.mark.parametrize("text", [
    "Fewer councils pass\n\nIn the last 16 months inspectors went back to many councils under the framework that "
    "began in May 2012. Birmingham City Council was among those rated inadequate.\n",
    "Fewer councils pass\n\nUnder inspections introduced in May 2012, over the past 15 months Ofsted has rated "
    "Birmingham City Council's child protection inadequate.\n",
])
def test_a_counted_span_from_a_dated_start_dates_the_page(tmp_path, text):
    doc = article(tmp_path, text)
    assert doc.year == 2013 and doc.confidence["year"] == "inferred"


def test_without_the_span_the_inferred_inspection_stands(tmp_path):
    doc = article(tmp_path, "Fewer councils pass\n\nUnder the framework that began in May 2012 Ofsted has rated "
                            "Birmingham City Council's children's services inadequate.\n")
    assert doc.year != 2013


# Page furniture: an update stamp is not the publication date; a publication date beside it wins.

@pytest.mark.parametrize("head, day", [
    ("Updated: 3 May 2021\nPublished: 1 March 2019", dt.date(2019, 3, 1)),
    ("Last updated: 9 January 2024 | First published: 2 November 2019", dt.date(2019, 11, 2)),
    ("Published 2 November 2019, last updated 9 January 2024", dt.date(2019, 11, 2)),
    ("18 December 2008 (updated 5 July 2010)", dt.date(2008, 12, 18)),
    ("Published: 16:00, 02 September 2013 (updated 16:08)", dt.date(2013, 9, 2)),
    # with nothing else printed, the update stamp is still the best date the page gives
    ("UPDATED 05 July 2010", dt.date(2010, 7, 5)),
])
def test_a_publication_date_beats_an_update_stamp(head, day):
    from indexer.ingest.annotate.year import dateline
    assert dateline(f"Council story\nThe Outlet\n{head}\nThe story's first paragraph.")[0] == day
