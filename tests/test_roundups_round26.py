"""Issue 22, facet round 26 (roundup26): how a grade reaches the members of a round-up's lists. A grade whose subject
is a quantity of councils or inspections is a tally (grade_context.py), and a list of four or more councils names
subjects of the page (judged_lists.py). Every text here is written for the test; none is an article's wording."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.annotate.grade_context import counts_councils
from indexer.ingest.annotate.severity import grade_statements

from tests.facet_helpers import article


# --- (T) a quantity as the grade's subject ---

@pytest.mark.parametrize("sentence", [
    "The inspectorate said the number of councils marked down as inadequate had risen by half.",
    "The number reaching an overall four-star rating climbed from 30 to 55 over the period.",
    "Of the 12 visits made this spring, 4 have resulted in an 'inadequate' rating so far.",
    "The service accepted that a number of areas required improvement, including plans.",
])
def test_a_quantity_subject_makes_a_tally(sentence):
    assert [st.tally for st in grade_statements(sentence, 1)] == [True]


@pytest.mark.parametrize("sentence", [
    "Kent, which has the largest number of children in care, was rated good.",
    "Essex saw the number of referrals fall and was judged outstanding.",
])
def test_a_council_beside_a_quantity_keeps_its_grade(sentence):
    assert [st.tally for st in grade_statements(sentence, 1)] == [False]


def test_a_share_with_an_aside_counts_councils():
    assert counts_councils("Last winter 40% (two in every five) of all authorities visited were found to be inadequate.")


def test_a_share_with_an_aside_is_read_only_when_switched_on(monkeypatch):
    monkeypatch.setattr(settings, "ROUND26_QUANTITY_TALLY", False)
    assert not counts_councils("Last winter 40% (two in every five) of all authorities visited were found to be "
                               "inadequate.")


def test_a_tally_does_not_grade_the_council_named_in_passing(tmp_path):
    doc = article(tmp_path, "Watchdog's verdicts doubled\n\nThe count of failing departments has doubled, with the "
                            "number of authorities marked down as inadequate rising from five to ten.\n\nThe "
                            "regulator was criticised for a lenient verdict on Kirklees two years before.\n")
    assert dict(zip(doc.council, doc.severity or [""] * len(doc.council))) == {"Kirklees": ""}


def test_a_tally_leaves_the_named_councils_their_own_grade(tmp_path):
    doc = article(tmp_path, "Star ratings fall\n\nThree councils, among them Halton, were given a single star for "
                            "children's services.\n\nThe number gaining an overall four-star rating rose to 40 this "
                            "year.\n")
    assert dict(zip(doc.council, doc.severity))["Halton"] == "inadequate"


# --- (L) a list of four or more councils names subjects ---

_HIGH_FLYERS = ("Annual league table\n\nThe weakest council this year was Slough, rated inadequate for its "
                "children's services.\n\nOther strong performers this year include Bolton, Derby, Dudley and "
                "Halton.\n")


@pytest.fixture
def long_lists(monkeypatch):
    """The long-list reading switched on (set here so the tests read it whatever settings.ROUND26_LONG_LISTS ships)."""
    monkeypatch.setattr(settings, "ROUND26_LONG_LISTS", 4)


def test_a_long_list_names_subjects_with_no_grade(tmp_path, long_lists):
    doc = article(tmp_path, _HIGH_FLYERS)
    assert dict(zip(doc.council, doc.severity)) == {
        "Slough": "inadequate", "Bolton": "", "Derby": "", "Dudley": "", "Halton": ""}


def test_a_long_list_is_read_only_when_switched_on(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND26_LONG_LISTS", 0)
    assert article(tmp_path, _HIGH_FLYERS).council == ["Slough"]


def test_a_long_list_member_is_the_subject_of_its_paragraph_only(tmp_path, long_lists, monkeypatch):
    monkeypatch.setattr(settings, "ROUND26_LISTED_NO_LIFT", False)  # on: of no paragraph (test_listed_lift_round26)
    doc = article(tmp_path, _HIGH_FLYERS + "\nThe tables are published every spring.\n")
    assert [p.council for p in doc.paragraphs][-2:] == [["Bolton", "Derby", "Dudley", "Halton"], ["Slough"]]


def test_a_list_of_three_is_not_enough(tmp_path, long_lists):
    doc = article(tmp_path, "Adoption agency grows\n\nSlough's adoption work was rated inadequate this week.\n\nThe "
                            "regional agency also works with Bolton, Derby and Dudley.\n")
    assert doc.council == ["Slough"]
