"""Round 20 (issue 22): an undated page about a visit after an inspection, dated by the visit and not by the record's
next inspection (visit_count.py, visit_dates.py, called from article.py).

Sentences written for these tests, in the shapes council minutes and trade and local outlets write ("the fifth
monitoring visit since the council was judged inadequate in May 2018", "the visit on 3 and 4 March 2021"), and cases
that must not move (no count, no judgement date, a later dated event, a previous visit, the switches off).
"""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.annotate.visit_count import counted_visit_year
from indexer.ingest.annotate.visit_dates import dated_visit_range
from indexer.ingest.annotate.years_after import years_after_year
from tests.facet_helpers import article


@pytest.mark.parametrize("text, expected", [
    # visit 1 six months on, then every four months, and a month for the letter
    ("It was the second monitoring visit since the borough was rated inadequate in June 2015.", 2016),
    ("Inspectors made their seventh monitoring visit since the county was judged 'inadequate' in October 2010.", 2013),
    ("This is the 4th visit since the service was found to be inadequate in January 2020.", 2021),
    ("The first monitoring visit since the trust was declared inadequate in February 2014 found some progress.", 2014),
])
def test_a_count_of_visits_since_a_dated_judgement_gives_the_year(text, expected):
    found = counted_visit_year(text, None)
    assert found is not None and found.year == expected
    assert "months after the judgement" in found.why


@pytest.mark.parametrize("text, latest", [
    ("It was the second monitoring visit since the council was rated inadequate.", None),  # no date
    ("Inspectors have visited twice since the judgement in June 2015.", 2015),  # no count
    ("The third monitoring visit since it was judged inadequate in May 2016 was followed in March 2019 by a full "
     "inspection.", 2019),  # a later dated event dates the page
    ("Staff prepared for the second visit of the year.", None),
])
def test_no_year_without_a_count_since_a_dated_judgement(text, latest):
    assert counted_visit_year(text, latest) is None


def test_the_count_switch_turns_it_off(monkeypatch):
    monkeypatch.setattr(settings, "ROUND20_VISIT_COUNT", False)
    assert counted_visit_year("The fourth monitoring visit since it was rated inadequate in May 2012.", None) is None


@pytest.mark.parametrize("text, first, last", [
    ("Councillors discussed the letter that followed the monitoring visit on 3 and 4 March 2021.", 2021, 2021),
    ("The focused visit, held on 9 July 2019, looked at the front door.", 2019, 2019),
    ("The letter covers a visit on 12 and 13 December 2017, the fifth since the judgement.", 2017, 2018),
    ("Ofsted visited the service between 6 and 7 October 2022 and wrote to the director.", 2022, 2023),
])
def test_a_visit_with_its_days_and_year_bounds_the_page(text, first, last):
    found = dated_visit_range(text, None)
    assert (found.first, found.last) == (first, last)


def test_the_range_keeps_a_year_inside_it_and_moves_one_outside():
    found = dated_visit_range("The report covers a visit on 1 and 2 November 2016.", 2016)
    assert [found.fit(y) for y in (None, 2015, 2016, 2017, 2020)] == [2016, 2016, 2016, 2017, 2017]


@pytest.mark.parametrize("text, latest", [
    ("Inspectors returned for their monitoring visit in May 2020.", 2020),  # no day
    ("Their previous visit on 4 and 5 May 2020 found less.", 2020),  # a visit before the page's own
    ("The visit on 2 and 3 June 2020 was discussed again when the full inspection of March 2022 reported.", 2022),
])
def test_no_range_without_the_page_own_dated_visit(text, latest):
    assert dated_visit_range(text, latest) is None


def test_the_dated_visit_switch_turns_it_off(monkeypatch):
    monkeypatch.setattr(settings, "ROUND20_DATED_VISIT", False)
    assert dated_visit_range("The monitoring visit on 3 and 4 March 2021 found progress.", None) is None


def test_an_undated_visit_page_takes_the_count_year_as_inferred(tmp_path):
    doc = article(tmp_path, "Slow progress for children's services\n\nOfsted's letter on the fifth monitoring visit "
                            "since Gloucestershire was judged inadequate in March 2017 says leaders now know their "
                            "service well, but inspectors found that plans for children in care still drift.\n")
    assert doc.year == 2019
    assert doc.facet_evidence["year"]["confidence"] == "inferred"
    assert "fifth monitoring visit" in doc.facet_evidence["year_reasoning"]


def test_an_undated_visit_page_takes_its_visit_year(tmp_path):
    doc = article(tmp_path, "Monitoring visit letter\n\nThe cabinet heard the letter after Ofsted's monitoring visit "
                            "to Herefordshire children's services held on 10 and 11 April 2024. Inspectors saw "
                            "progress for children in care, though practice was still uneven.\n")
    assert doc.year == 2024
    assert doc.facet_evidence["year"]["confidence"] == "inferred"


def test_a_dated_page_keeps_its_printed_year(tmp_path):
    doc = article(tmp_path, "Published: 2 February 2020\n\nMonitoring letter\n\nThe fifth monitoring visit since "
                            "Gloucestershire was judged inadequate in March 2017 found progress.\n")
    assert doc.year == 2020


@pytest.mark.parametrize("text, expected", [
    ("Three years after the borough was judged inadequate in 2016, inspectors now rate it good.", 2019),
    ("Councillors met more than two years after Ofsted's critical report. The inspection of 2021 found drift.", 2023),
    ("Five years on from its last full inspection, the county's services remain good. In 2014 they were good.", 2019),
])
def test_years_after_a_dated_judgement_give_the_year(text, expected):
    found = years_after_year(text, None)
    assert found is not None and found.year == expected


@pytest.mark.parametrize("text, latest", [
    ("Ten years after the rebuild of 2008, the building needs repairs.", None),  # no judgement in the clause
    ("Two years after the inadequate verdict, in 2015 and again in 2017 staff left.", 2017),  # several years named
    ("Three years after being judged inadequate in 2012, the council was inspected in May 2018.", 2018),  # later event
    ("The service hopes to be good within two years of the report of 2020.", None),  # not "years after"
])
def test_no_year_without_a_dated_judgement_to_count_from(text, latest):
    assert years_after_year(text, latest) is None


def test_the_years_after_switch_turns_it_off(monkeypatch):
    monkeypatch.setattr(settings, "ROUND20_YEARS_AFTER", False)
    assert years_after_year("Three years after it was judged inadequate in 2016, it is good.", None) is None


# Review of rounds 18-20, item 6 (visit_dates.py): "previous visits not excluded: 'Their previous monitoring visit on 4
# and 5 May 2020', 'The earlier focused visit on 4 May 2020' count as the page's own visit."
@pytest.mark.parametrize("text", [
    "Their previous monitoring visit on 4 and 5 May 2020 found less.",
    "The earlier focused visit on 4 May 2020 looked at the front door.",
    "Inspectors noted that the prior two-day monitoring visit on 8 and 9 June 2021 had found drift.",
])
def test_an_earlier_visit_named_with_its_kind_is_not_the_page_own(text):
    assert dated_visit_range(text, None) is None


def test_the_page_own_visit_counts_beside_an_earlier_one():
    found = dated_visit_range("The monitoring visit on 3 and 4 March 2021 built on the previous monitoring visit on "
                              "2 and 3 November 2020.", None)
    assert (found.first, found.last) == (2021, 2021)


# Item 7 (visit_dates.py): "'visit on 21-22 February 2024' (no spaces around the dash) not matched."
@pytest.mark.parametrize("text", [
    "The letter follows the visit on 21-22 February 2024.",
    "The letter follows the visit on 21–22 February 2024.",
    "The letter follows the visit on 21 - 22 February 2024.",
])
def test_a_range_of_days_with_a_dash_dates_the_visit(text):
    found = dated_visit_range(text, None)
    assert (found.first, found.last) == (2024, 2024)


def test_the_late_months_come_from_settings(monkeypatch):
    monkeypatch.setattr(settings, "VISIT_LATE_FROM_MONTH", 12)
    found = dated_visit_range("The report covers a visit on 1 and 2 November 2016.", None)
    assert (found.first, found.last) == (2016, 2016)


# Item 8 (years_after.py): "'the page's one year' can be the page's own year: 'In 2024, two years after Ofsted rated
# the council inadequate, ...' gives 2026."
@pytest.mark.parametrize("text", [
    "In 2024, two years after Ofsted rated the council inadequate, the service is improving.",
    "Two years after Ofsted rated the council inadequate, it is improving, councillors heard in 2024.",
])
def test_a_year_beside_the_clause_is_no_anchor(text):
    assert years_after_year(text, None) is None


def test_the_one_year_of_another_sentence_still_anchors():
    found = years_after_year("Ofsted rated the council inadequate in 2022. Two years after Ofsted rated the council "
                             "inadequate, the service is improving.", None)
    assert found is not None and found.year == 2024


# Item 10 (visit_count.py): "no inadequate judgement required: 'The first visit since the children's home was rated
# outstanding in March 2019' uses the monitoring cycle."
@pytest.mark.parametrize("text", [
    "The first visit since the children's home was rated outstanding in March 2019 found it still outstanding.",
    "It was the third visit since the nursery was judged good in May 2016.",
])
def test_no_count_without_monitoring_or_an_inadequate_judgement(text):
    assert counted_visit_year(text, None) is None


@pytest.mark.parametrize("text, expected", [
    ("It was the third monitoring visit since the council was rated requires improvement in May 2016.", 2017),
    ("It was the third visit since the council was rated inadequate in May 2016.", 2017),
])
def test_a_count_of_monitoring_visits_or_since_an_inadequate_judgement_still_counts(text, expected):
    found = counted_visit_year(text, None)
    assert found is not None and found.year == expected
