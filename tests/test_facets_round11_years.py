"""Round 11 (issue 22), years: a previous inspection's date is a look back, a monitoring or focused visit's month is
no recorded inspection's, counts within a year are no judgement counts, a decline told in a noun or a comparative,
and the pre-2013 regimes dated by their own years (regimes.py: the CPA, four-band scores, the APA, the 2009-11 annual
ratings with their national tallies).

Every text here is written for the test; the councils' histories are the official outcomes table's:
Stockton-on-Tees SLAC 2010, CPI 2013 requires improvement, SIF 2016 good, ILACS 20-24 May 2019 requires improvement
(published 2019-07-01), ILACS 6-17 March 2023 requires improvement (published 2023-05-09); Middlesbrough ILACS
November-December 2019 inadequate (published 2020-01-24), ILACS 13-24 March 2023 requires improvement, ILACS June
2026; Surrey SLAC 2010, CPI 2012, SIF 2015 and 2018 inadequate, ILACS 2022 requires improvement, ILACS 2025 good.
"""
from __future__ import annotations

import pytest

from indexer.ingest.annotate.calendar import annual_round_year, calendar_year
from indexer.ingest.annotate.history import change_words
from indexer.ingest.annotate.nth_time import nth_judgement
from indexer.ingest.annotate.regimes import annual_round_by_tallies, final_round_year, regimes_reported
from indexer.ingest.annotate.year import outcome_from_text
from tests.facet_helpers import article

STOCKTON, MIDDLESBROUGH, SURREY = "E06000004", "E06000002", "E10000030"


def _year(text: str, code: str, grade: str | None) -> int | None:
    """The publication year of the inspection an undated text is taken to report (None when none clearly wins)."""
    outcome, _ = outcome_from_text(text, [code], grade, None)
    return outcome.published.year if outcome is not None else None


# A previous inspection's date: the page reports a later inspection, not the one it dates.

@pytest.mark.parametrize("text", [
    "Stockton's services still require improvement. Since the previous inspection in May 2019 there has been progress.",
    "Inspectors said Stockton requires improvement, though much has improved since the earlier inspection of May 2019.",
    "Stockton requires improvement again; its prior full inspection, in May 2019, came to the same view.",
])
def test_a_previous_inspections_date_is_a_look_back(text):
    assert _year(text, STOCKTON, "requires improvement") == 2023


@pytest.mark.parametrize("text", [
    "Stockton requires improvement, Ofsted said after the inspection in May 2019.",
    "Ofsted's inspection, carried out in May 2019, found that Stockton requires improvement.",
])
def test_the_pages_own_dated_inspection_is_kept(text):
    assert _year(text, STOCKTON, "requires improvement") == 2019


# Monitoring and focused visits are not in the record: their months match no recorded inspection.

@pytest.mark.parametrize("text", [
    "Ofsted judged Middlesbrough inadequate in December 2019. A monitoring visit in March found more progress.",
    "Middlesbrough's services, inadequate at the 2019 inspection, had a focused visit in March on care leavers.",
    "Middlesbrough, inadequate since 2019, had a focused Ofsted visit earlier in the summer.",
])
def test_a_visits_month_picks_no_inspection(text):
    assert _year(text, MIDDLESBROUGH, None) != 2023
    assert _year(text, MIDDLESBROUGH, None) != 2026


@pytest.mark.parametrize("text", [
    "Middlesbrough was rated inadequate in 2019. The full inspection in March found it requires improvement.",
    # a visit named in the sentence before does not make the next sentence's inspection a visit
    "Middlesbrough had a focused visit. At the full inspection in March inspectors found it requires improvement.",
])
def test_a_full_inspections_month_still_picks_it(text):
    outcome, why = outcome_from_text(text, [MIDDLESBROUGH], "requires improvement", None)
    assert outcome is not None and outcome.published.year == 2023
    assert "March" in why


# "For the second time this year" counts events within a year, not the council's judgements.

def test_a_count_within_a_year_is_no_judgement_count():
    assert nth_judgement(STOCKTON, "requires improvement",
                         "For the second time this year a Teesside council has been criticised.") is None
    assert nth_judgement(STOCKTON, "requires improvement",
                         "Stockton was told for the second time in a month that it must improve.") is None
    assert nth_judgement(STOCKTON, "requires improvement",
                         "Stockton heard for the second time in six weeks that it must improve.") is None
    assert nth_judgement(STOCKTON, "requires improvement",
                         "Stockton has been rated requires improvement for the second time.") is not None
    assert nth_judgement(STOCKTON, "requires improvement",
                         "For the second time in six years, Stockton requires improvement.") is not None


@pytest.mark.parametrize("text, down", [
    ("Inspectors said children's social care had become less effective overall.", True),
    ("The report records a decline in overall effectiveness since the last inspection.", True),
    ("Ofsted describes a sharp decline since 2016.", True),
    ("Ofsted criticises the council over a decline in services since its last inspection.", True),
    ("The service is no less effective than it was.", False),
    ("There has been a decline in the number of children in care.", False),
    ("Services are more effective than before.", False),
])
def test_a_decline_in_a_noun_or_a_comparative(text, down):
    assert change_words(text)[0] is down


def test_a_decline_page_with_a_count_within_the_year_is_dated(tmp_path):
    # a Stockton page in the words of a regional broadcaster: grade, a four-day May inspection, a fall from 'good'
    doc = article(tmp_path, "Stockton children's services criticised\n\nFor the second time this year a council in "
                            "the Tees valley has been criticised over vulnerable children. Ofsted says Stockton "
                            "Council's children's services are 'requiring improvement'.\n\nThe inspection lasted five "
                            "days in May. Inspectors said the service had become less effective overall.")
    assert doc.year == 2019
    assert doc.confidence.get("year") == "official"


# The pre-2013 regimes, each dated by its own years.

@pytest.mark.parametrize("text, name", [
    ("The Audit Commission's Comprehensive Performance Assessment gave the county one star.", "CPA"),
    ("Under this year's CPA the council kept three stars.", "CPA"),
    ("Four councils each scored one for children's services, which put them last.", "four-band score"),
    ("The council scored two out of four for its children's services.", "four-band score"),
])
def test_a_regime_is_named(text, name):
    assert name in [r.name for r in regimes_reported(text)]


@pytest.mark.parametrize("text", [
    "Under the old CPA it had three stars; in 2016 Ofsted rated it inadequate.",  # history, beside a later year
    "The striker scored one for the home side.",
    "The council scored highly with residents.",
    # a later grade's word: the old regime is history even with no year named
    "Once a four-star CPA council, it now requires improvement.",
])
def test_no_regime_is_named(text):
    assert not regimes_reported(text)


@pytest.mark.parametrize("text", [
    "This is the last CPA. From April it gives way to area assessments.",
    "It was the final round of the Comprehensive Performance Assessment, begun in 2002.",
    "In the final CPA, Surrey was given one star for children's services.",
])
def test_the_final_cpa_is_its_last_round(text):
    assert final_round_year(text)[0] == 2009
    assert calendar_year(text)[0] == 2009


def test_a_cpa_page_reports_none_of_the_records_later_inspections():
    text = ("The Audit Commission's table is out. Surrey scored one, inadequate, for children's services, the lowest "
            "score, as it had in 2002.")
    assert _year(text, SURREY, "inadequate") is None
    # the same grade told of an Ofsted inspection is matched as before
    assert _year("Ofsted has rated Surrey inadequate after an inspection of its children's services in 2014.",
                 SURREY, "inadequate") == 2015


@pytest.mark.parametrize("text, year", [
    ("Twenty councils were rated excellent this time, and 77 were performing well.", 2010),
    ("In Ofsted's yearly ratings, 28 councils perform excellently, eight more than a year ago.", 2011),
    ("Ten authorities were put in the excellent band and nine were judged to be performing poorly.", 2009),
    ("Only 12 councils were performing poorly; the results of six more are being held back.", 2010),
    ("Thirty-three councils were adequate, and fifteen performed poorly.", 2011),
])
def test_the_national_tallies_name_the_annual_round(text, year):
    assert annual_round_by_tallies(text)[0] == year


@pytest.mark.parametrize("text", [
    "Twenty councils were rated excellent.",  # one tally fits no round well enough
    "Eight per cent of councils were performing poorly and 20 per cent excellently.",  # shares, not counts
    "Twelve councils were performing poorly and 28 were excellent.",  # two rounds' figures: no round wins
])
def test_too_few_or_mixed_tallies_name_no_round(text):
    assert annual_round_by_tallies(text)[0] is None


def test_an_undated_annual_rating_page_takes_its_tallies_round():
    text = ("Ofsted's yearly assessment rates Hampshire's children's services excellent, one of twenty councils in the "
            "top band. Across England 77 councils perform well and 12 perform poorly.")
    assert annual_round_year(text)[0] == 2010
    text = "Ofsted's yearly round of children's services assessments is out: 28 perform excellently and 15 poorly."
    assert annual_round_year(text)[0] == 2011


def test_the_annual_assessments_for_a_year_name_it():
    assert annual_round_year("The annual children's services assessments for 2011 are out.")[0] == 2011


# A header date long after the inspection dates the story gives: the day the site was viewed, not the story's.

def test_a_header_date_years_after_the_storys_inspection_is_no_dateline(tmp_path):
    doc = article(tmp_path, "Stockton children's services\n\nTees News\n\nMon. Mar 4th, 2024\n\nOfsted has judged "
                            "Stockton Council's children's services to require improvement. Inspectors were in the "
                            "borough from 20 May to 24 May 2019, and found help for families uneven.")
    assert doc.year == 2019
    assert "published" not in doc.facet_evidence


@pytest.mark.parametrize("text", [
    # a date line months after the inspection: the story's own date
    "Stockton children's services\n\nTees News\n\nMon. Jul 1st, 2019\n\nOfsted has judged Stockton Council's "
    "children's services to require improvement after inspectors visited from 20 May to 24 May 2019.",
    # a later page that names a later year: a look back, so the date line stands
    "Stockton children's services\n\nTees News\n\nMon. Mar 4th, 2024\n\nStockton Council is preparing for its next "
    "inspection in 2024; inspectors were last in the borough from 20 May to 24 May 2019.",
])
def test_a_header_date_near_its_story_or_beside_a_later_year_stands(tmp_path, text):
    doc = article(tmp_path, text)
    assert "published" in doc.facet_evidence
    assert doc.year == int(doc.facet_evidence["published"]["value"][:4])
