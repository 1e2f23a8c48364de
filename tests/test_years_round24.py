"""Round 24 (issue 22, branch years24): the date a real page prints for itself in the shapes scraped text carries it
(page_date.py, read by year.dateline). Every page here is our own invention; the shapes are those of real stored
pages (a date field with the first paragraph run on, a site's date line above a labelled publication line, a glued
byline stamp, a header split one word to a line, "published today (…)")."""
from __future__ import annotations

import datetime as dt

import pytest

from indexer import settings
from indexer.ingest.annotate.page_date import field_date, split_header, stamp_date, today_date
from indexer.ingest.annotate.year import dateline
from tests.facet_helpers import article


@pytest.mark.parametrize("raw, day", [
    # a date field, the story's first paragraph run on after it (the old reader skipped the line: "inspection")
    ("date 2018-03-07 Westshire County Council has been praised after an Ofsted inspection of its care.\n\nMore.",
     dt.date(2018, 3, 7)),
    # a site's own date line above the story's labelled publication line: the labelled one is the story's
    ("Welcome to the county website\nMain menu\nFriday, 4 March 2016\nCare report\n• Published: Tuesday, 9 June 2009\n"
     "The inspectors found the service weak.", dt.date(2009, 6, 9)),
    # a byline stamp glued to the reporter's name and the caption after it
    ("Council praised\nShare this\nNewsJo Bloggs Local reporter09:45, 21 Feb 2024Photo of the town hall. Inspectors "
     "said the council had improved.", dt.date(2024, 2, 21)),
    # a header printed one word to a line
    ("Westford,\n14\nMarch\n2023\n|\n10:05\nEurope/London\n\nYoung people in Westford are well supported, inspectors "
     "said after their visit in February.", dt.date(2023, 3, 14)),
    # the page's own day given as today's
    ("Inspectors have praised the borough in a letter published today (8 November 2019) after their visit.",
     dt.date(2019, 11, 8)),
    ("The report, which is out today (Thursday, 2 May 2024), finds the service good.", dt.date(2024, 5, 2)),
])
def test_the_page_date_is_read(raw, day):
    assert dateline(raw)[0] == day


@pytest.mark.parametrize("raw", [
    # an update or an archive's date is no publication date
    "Page updated 12:30, 3 Apr 2021\nThe council was rated good.",
    "Archived on 5 May 2020 by the web archive\nThe council was rated good.",
    # two different days called today: no one day
    "The report came out today (3 May 2019), after one published today (4 May 2019) elsewhere.",
    # a clock and a date that do not touch
    "At 10:30 the committee met.\nOn 5 June 2019 the inspectors returned.\nMore text follows here for the reader.",
])
def test_no_page_date_is_invented(raw):
    lines = [l.strip() for l in raw.split("\n") if l.strip()]
    assert stamp_date(lines[:8]) is None and today_date(raw) is None and field_date(lines[:8]) is None


def test_a_field_must_carry_its_date_at_once():
    assert field_date(["Published by the communications team on behalf of the council, 5 May 2020"]) is None
    assert field_date(["Posted: Monday, 4 March 2019 The story begins here."])[0] == dt.date(2019, 3, 4)


def test_a_split_header_needs_three_short_parts():
    assert split_header(["Westford,", "14", "March", "2023", "|"]) == "Westford, 14 March 2023 |"
    assert split_header(["14 March", "2023 was a good year for the town and its schools"]) is None


def test_the_year_follows_the_page_date(tmp_path):
    doc = article(tmp_path, "date 2017-10-02 Northam City Council has been judged good in an Ofsted inspection of "
                            "its children's services.\n\nInspectors visited in August.")
    assert doc.year == 2017


def test_the_switch_turns_it_off(monkeypatch):
    raw = "Inspectors have praised the borough in a letter published today (8 November 2019) after their visit."
    monkeypatch.setattr(settings, "ROUND24_PAGE_DATE", False)
    assert dateline(raw)[0] is None


# --- below the bar (branch years24-extra) ------------------------------------------------------------------------

def test_an_event_sentence_is_no_dateline():
    raw = "Agenda item\nInspection update\nThe inspectors carried out a visit on 3rd March 2021;\nMore here."
    assert dateline(raw)[0] is None


def test_a_span_end_sets_no_floor():
    from indexer.ingest.annotate.year_floor import latest_past_year
    assert latest_past_year("Extra money was set aside for 2023-2024 after the 2023 report.", 2026).year == 2023
