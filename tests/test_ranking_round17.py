"""Ranking round 17: a movement the index did not record — a grade dated before the story, and an exit from
government intervention — now in the movement facet that movement questions are ranked by (docs/search.md)."""
from __future__ import annotations

import datetime as dt

import pytest

from indexer.ingest.annotate.earlier_grade import dated_before
from indexer.ingest.annotate.intervention_exit import leaves_intervention
from indexer.ingest.annotate.movement import article_moves, change_values
from indexer.ingest.annotate.text_units import Sentence

NORFOLK = "E10000020"
DAY = dt.date(2024, 5, 2)


def _sentences(*texts: str) -> list[Sentence]:
    return [Sentence(t, i + 1, i) for i, t in enumerate(texts)]


def _values(current: str, *texts: str) -> list[str]:
    """The movement values a one-council story about Norfolk with `current` as its grade gets."""
    return change_values(article_moves(_sentences(*texts), NORFOLK, current, DAY), current)


@pytest.mark.parametrize("head,tail,year,expected", [
    ("Six years ago the inspectors told Norfolk its help for children was '", "' and little more.", 2024, True),
    ("Last year the watchdog called the county's services '", "'.", 2024, True),
    ("Norfolk is a long way from the '", "' judgement of 2019 now.", 2024, True),
    ("Judged '", "' after a 2017 inspection, the county has recovered.", 2024, True),
    ("The county was rated '", "' in a visit this spring.", 2024, False),
    # a year that is not earlier than the story's is the story's own inspection
    ("Norfolk was rated '", "' at the 2024 inspection.", 2024, False),
    # an undated story: any year named after the grade dates it
    ("Norfolk was rated '", "' at its 2016 inspection.", None, True),
    # "years ago … now" makes the grade the present one
    ("Two years ago the council began a programme and is now rated '", "'.", 2024, False),
])
def test_a_grade_dated_before_the_story(head, tail, year, expected):
    assert dated_before(head, tail, year) is expected


@pytest.mark.parametrize("sentence,expected", [
    ("Norfolk has been taken out of special measures by the minister.", True),
    ("The statutory direction has been formally lifted.", True),
    ("Its children's services are no longer under government intervention.", True),
    ("The county emerged from intervention after four years.", True),
    ("Norfolk was placed in special measures in 2013.", False),
    ("Early intervention work has been praised by inspectors.", False),
    ("The minister said intervention would continue for now.", False),
])
def test_leaving_intervention(sentence, expected):
    assert leaves_intervention(sentence) is expected


def test_a_story_told_as_years_ago_then_now_records_the_move():
    assert _values("outstanding",
                   "Norfolk County Council's children's services have now been rated 'outstanding' by Ofsted.",
                   "Five years ago inspectors said the county's services \"required improvement to be good\".") == \
        ["from requires improvement", "to outstanding", "improved"]


def test_a_dated_judgement_named_after_the_grade_records_the_move():
    assert _values("good", "Ofsted now rates Norfolk's children's services good.",
                   "That is a big step from the 'inadequate' verdict of 2018.") == \
        ["from inadequate", "to good", "improved"]


def test_a_dated_grade_equal_to_the_current_one_is_no_move():
    assert _values("good", "Ofsted rates Norfolk's children's services good.",
                   "It was also judged good three years ago.") == []


def test_leaving_special_measures_left_inadequate():
    assert _values("requires improvement", "Norfolk County Council's children's services now require improvement.",
                   "The county has been taken out of special measures by the children's minister.") == \
        ["from inadequate", "to requires improvement", "improved"]


def test_leaving_intervention_is_no_move_for_a_story_still_at_inadequate_or_about_many_councils():
    text = ("Norfolk's help for children is still judged inadequate.",
            "The statutory direction was lifted for its neighbour's trust.")
    assert _values("inadequate", *text) == []
    assert change_values(article_moves(_sentences(*text), "", "", DAY)) == []
