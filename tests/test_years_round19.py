"""Round 19 (issue 22): a November or December named without its day, the latest event an undated page names, is
last year's (late_month.py, called from latest_event.py).

Sentences written for these tests, in shapes any outlet writes ("the monitoring visit in December 2016", "after the
November 2012 inspection"), and cases that must not move (the day given, October, a later dated event, an aim, this
year's December, the switch off).
"""
from __future__ import annotations

import datetime as dt

import pytest

from indexer import settings
from indexer.ingest.annotate.late_month import late_month_year
from indexer.ingest.annotate.latest_event import latest_event_year
from tests.facet_helpers import article


@pytest.mark.parametrize("text, expected", [
    ("Inspectors found steady progress at the monitoring visit in December 2016, the third since the judgement.",
     2017),
    ("A partnership with the neighbouring county is being agreed after the November 2012 inspection found "
     "children at risk.", 2013),
    ("Back in March 2019 the agency was told to improve; inspectors returned in December 2022 and found it good.",
     2023),
    ("Figures for September 2020 and for November 2020 were shared with the panel.", 2021),
])
def test_a_late_month_without_its_day_puts_the_page_in_the_next_year(text, expected):
    year, why = latest_event_year(text)
    assert year == expected
    assert "without its day" in why


@pytest.mark.parametrize("text, expected", [
    ("The joint inspection ran from 13 to 26 November 2008 and its findings were published today.", 2008),  # a day
    ("The report was released on December 18th, 2008, to the cabinet.", 2008),  # a day after the month
    ("The visit in November 2015 was followed by a letter dated 3 December 2015.", 2015),  # a later dated event
    ("Staff met in June 2023 and the service hopes to be good by December 2024.", 2023),  # an aim is no event
    ("No month is given anywhere.", None),
])
def test_no_move_without_a_late_month_named_alone(text, expected):
    assert latest_event_year(text)[0] == expected


@pytest.mark.parametrize("on", [True, False])
def test_october_named_alone_is_late_since_round_33(monkeypatch, on):
    """Round 19 left October out (a same-year letter); round 33's measure over the labelled pages puts it in."""
    monkeypatch.setattr(settings, "ROUND33_LATE_OCTOBER", on)
    text = "Inspectors visited in October 2019 and wrote to the director soon after."
    assert latest_event_year(text)[0] == (2020 if on else 2019)


def test_never_past_this_year():
    this_year = dt.date.today().year
    assert late_month_year([(this_year, f"December {this_year}")], this_year) == (None, "")
    assert late_month_year([(this_year - 1, f"December {this_year - 1}")], this_year)[0] == this_year


def test_the_switch_turns_it_off(monkeypatch):
    monkeypatch.setattr(settings, "ROUND19_LATE_MONTH", False)
    assert latest_event_year("Inspectors came back in December 2016 for a monitoring visit.")[0] == 2016


def test_an_undated_page_takes_the_next_year_as_inferred(tmp_path):
    doc = article(tmp_path, "Nursery told to improve after inspection\n\nA day nursery was judged inadequate after "
                            "inspectors called in November 2021. Its owner said staff training had since been "
                            "stepped up and that parents had been kept informed.\n")
    assert doc.year == 2022
    assert doc.facet_evidence["year"]["confidence"] == "inferred"
    assert "November 2021" in doc.facet_evidence["year_reasoning"]


def test_a_dated_page_keeps_its_printed_year(tmp_path):
    doc = article(tmp_path, "Published: 19 December 2021\n\nNursery told to improve after inspection\n\nA day nursery "
                            "was judged inadequate after inspectors called in November 2021.\n")
    assert doc.year == 2021


# Review of rounds 18-20, item 9 (late_month.py): "order-dependent: 'The visit in December 2016 was followed by a
# letter dated 20 December 2016.' gives 2017; swapped gives 2016. Fix: a day-dated phrase of the same month wins the
# tie."
@pytest.mark.parametrize("text, expected", [
    ("The visit in December 2016 was followed by a letter dated 20 December 2016.", 2016),
    ("A letter dated 20 December 2016 followed the visit in December 2016.", 2016),
    ("Staff were told on 4 November 2013 what inspectors had found during the November 2013 inspection.", 2013),
])
def test_a_day_dated_phrase_of_the_same_month_wins_in_either_order(text, expected):
    assert latest_event_year(text)[0] == expected


def test_the_tie_between_two_phrases_of_one_month_is_the_same_either_way():
    dated, bare = (2016, "20 December 2016"), (2016, "December 2016")
    assert late_month_year([bare, dated], 2030) == late_month_year([dated, bare], 2030) == (None, "")
    assert late_month_year([bare, (2016, "3 November 2016")], 2030)[0] == 2017  # the later month still decides
