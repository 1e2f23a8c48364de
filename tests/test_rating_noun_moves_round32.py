"""Round 32: a movement named through a rating noun with an adjective, or after "to" (`settings.ROUND32_RATING_NOUN_MOVES`):
the grade after "from an overall grade of" is the grade left, the one after "moved up to a grade of" the grade reached.
Invented pages about a real council, in the project's own words."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.annotate.grade_context import is_destination, left_behind
from indexer.ingest.annotate.movement import sentence_moves
from tests.facet_helpers import article

PAGE = ("Hull children's services climb a grade, inspectors say\n\n"
        "Hull City Council's children's services have gone from an overall grade of 'inadequate' to 'requires "
        "improvement' after the inspection in November.\n\n"
        "The council's director said the work of the last three years had paid off.\n")


def test_the_page_takes_the_grade_reached(monkeypatch, tmp_path):
    monkeypatch.setattr(settings, "ROUND32_RATING_NOUN_MOVES", True)
    assert article(tmp_path, PAGE).severity == ["requires improvement"]
    monkeypatch.setattr(settings, "ROUND32_RATING_NOUN_MOVES", False)
    assert article(tmp_path, PAGE).severity == ["inadequate"]


@pytest.mark.parametrize("reads, before", [
    (left_behind, "services have moved from an overall grade of '"),
    (left_behind, "the council climbed from its previous rating of "),
    (left_behind, "it rose from the earlier judgement of "),
    (is_destination, "services have moved up to a grade of '"),
    (is_destination, "the council was upgraded to an overall rating of "),
])
def test_the_grade_left_and_the_grade_reached(monkeypatch, reads, before):
    """left_behind: the grade after the words is the one left; is_destination: the one reached."""
    monkeypatch.setattr(settings, "ROUND32_RATING_NOUN_MOVES", True)
    assert reads(before)
    monkeypatch.setattr(settings, "ROUND32_RATING_NOUN_MOVES", False)
    assert not reads(before)


def test_the_sentence_states_both_ends(monkeypatch):
    sentence = "Services moved from an overall grade of 'inadequate' to a grade of 'requires improvement' this year."
    monkeypatch.setattr(settings, "ROUND32_RATING_NOUN_MOVES", True)
    moves = sentence_moves(sentence)
    assert [m.left for m in moves if m.left] == ["inadequate"]
    assert [m.reached for m in moves if m.reached] == ["requires improvement"]


@pytest.mark.parametrize("before", [
    "a sharp fall from an overall total of ",   # a figure's noun, not a rating noun
    "the report then turned to the grade of ",  # no movement verb before "to"
    "judged from the grade of ",                # no movement verb before "from"
])
def test_what_is_no_movement(monkeypatch, before):
    monkeypatch.setattr(settings, "ROUND32_RATING_NOUN_MOVES", True)
    assert not is_destination(before)
    assert not sentence_moves(before + "good.")
