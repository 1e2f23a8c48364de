"""Round 16 (issue 22): an undated page's weekday dates ("on Thursday 20 October") fix its year (weekday_year.py).

Sentences written for these tests, in shapes any outlet writes (a letter or a visit "on Thursday 20 October", "on
Monday, January 27"), and cases that must not fire (a year the weekday already fits, a date printed with its year,
weekday dates that disagree, an empty page with no floor to choose among the decades).
"""
from __future__ import annotations

import datetime as dt

import pytest

from indexer.ingest.annotate.weekday_year import weekday_year
from tests.facet_helpers import article

TODAY = dt.date(2026, 12, 6)
# 20 October was a Thursday in 2005, 2011, 2016 and 2022; 27 January a Monday in 2003, 2014, 2020 and 2025.
LETTER = ("The council has been rated requires improvement since 2019, when inspectors last made a full visit. "
          "Their letter, published on Thursday 20 October, found that children in care see their social workers "
          "more often than before.")


@pytest.mark.parametrize("text, year, expected", [
    (LETTER, 2019, 2022),  # a year below the floor (2020) that the weekday does not fit
    (LETTER, 2020, 2022),
    (LETTER, None, 2022),  # empty: the first fitting year at or above the floor
    ("Inspectors said on Monday, January 27 that the focused visit found help for families slow to start.", 2021,
     2020),  # the nearest fitting year at or above the floor of "focused visit" (2018)
    ("The findings were shared with councillors on Monday 27th January; the service requires improvement.", 2024,
     2025),
    ("On Thursday, October 20, the borough's lead member welcomed the report, which judged services good.", 2023,
     2022),  # no floor: the nearest fitting year
])
def test_a_weekday_date_moves_a_year_it_does_not_fit(text, year, expected):
    found = weekday_year(text, year, TODAY)
    assert found and found.year == expected
    assert "weekday" in found.why


@pytest.mark.parametrize("text, year", [
    (LETTER, 2022),  # the weekday fits the year already
    (LETTER, 2016),  # it fits (the floor only limits a move)
    ("The letter was published on Thursday 20 October 2016 after the visit.", 2019),  # printed with its year
    ("Inspectors arrived on Monday 27 January and left on Thursday 20 October.", 2021),  # no year fits both
    ("On Thursday, October 20, the report was discussed by the cabinet.", None),  # empty, no floor: every decade fits
    ("The inspection took place in October and the report followed in November.", 2019),  # no weekday
])
def test_no_move_without_a_weekday_date_against_the_year(text, year):
    assert weekday_year(text, year, TODAY) is None


def test_an_undated_page_takes_the_weekday_year(tmp_path):
    doc = article(tmp_path, "Council's care for children still needs work, inspectors say\n\n" + LETTER
                  + " South Gloucestershire Council said it accepted every recommendation.\n")
    assert doc.year == 2022
    assert doc.confidence["year"] == "inferred"


def test_a_dated_page_keeps_its_printed_year(tmp_path):
    doc = article(tmp_path, "Published: 21 October 2016\n\nCouncil's care for children still needs work\n\n"
                  "South Gloucestershire's children's services were judged to require improvement. The letter, "
                  "published on Thursday 20 October, found children in care see their social workers more often.\n")
    assert doc.year == 2016
