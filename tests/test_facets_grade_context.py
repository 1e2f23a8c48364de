"""Words around a grade that say it is not the current one (ingest/annotate/grade_context.py), via grade_statements."""
from __future__ import annotations

import pytest

from indexer.ingest.annotate.grade_context import not_current
from indexer.ingest.annotate.severity import grade_statements


@pytest.mark.parametrize("sentence,expected", [
    # movement: the grade left behind is not current; the new one is
    ("The county has shaken off its inadequate rating and now requires improvement.", ["requires improvement"]),
    ("Inspectors lifted the borough's 'inadequate' grade after two years of work.", []),
    ("The service moved out of inadequate and was rated good.", ["good"]),
    ("Children's services were upgraded from inadequate to good.", ["good"]),
    ("The council has improved to requires improvement, Ofsted said.", ["requires improvement"]),
    # past: a year tied to the grade
    ("Money has poured in since the 2018 inadequate verdict.", []),
    ("Things are better than in 2016, when services were judged inadequate overall.", []),
    ("It was rated inadequate in March 2017.", []),
    ("Services were rated 'inadequate' in early 2019, but the new report gives an overall rating of 'good'.",
     ["good"]),
    ("Services were rated good; in June 2014 they had been judged to require improvement.", ["good"]),
    # tallies and targets describe councils in general
    ("Of 40 councils, 12 were rated good and nine inadequate.", []),
    ("The ratings put 12 in the 'excellent' band and 80 in the 'good' band.", []),
    ("Most councils still fall below good.", []),
    ("The council aims to become an outstanding authority.", []),
    ("More work is needed before the services are consistently good.", []),
    ("Nationally, councils rated inadequate or requires improvement face intervention.", []),
])
def test_only_current_grades_are_kept(sentence, expected):
    """Tallies come back flagged (they count only when they introduce a named list), the rest are dropped."""
    assert [s.grade for s in grade_statements(sentence, 1) if not s.tally] == expected


@pytest.mark.parametrize("before", ["Four of the six areas were Grade 3, ", "and 93 were called '",
                                    "Across England, nine of the 146 councils got an "])
def test_tallies_of_areas_and_councils(before):
    assert not_current(before, "") == "tally"


@pytest.mark.parametrize("before", ["Ofsted had rated its children's services ",
                                    "The department has struggled since a 2012 inspection rated it "])
def test_past_perfect_and_since_a_year_are_past(before):
    assert not_current(before, "") == "past"


def test_reasons_are_named():
    assert not_current("services are no longer ", "") == "left behind"
    assert not_current("it was rated ", " in 2015.") == "past"
    assert not_current("and seven ", ".") == "tally"
    assert not_current("the seven judged ", " are:") == ""  # "the seven" announces a list, not a count
