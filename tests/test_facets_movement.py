"""Grade movement of a document (ingest/annotate/movement.py): grades left and reached, from the text or the record."""
from __future__ import annotations

import datetime as dt

import pytest

from indexer.ingest.annotate.movement import Move, article_moves, change_values, report_moves, sentence_moves
from indexer.ingest.annotate.text_units import Sentence

NORFOLK = "E10000020"
COVENTRY = "E08000026"


@pytest.mark.parametrize("sentence,expected", [
    # grades left
    ("The county's children's services have shaken off their inadequate rating.", [Move(left="inadequate")]),
    ("Services are no longer rated inadequate, inspectors said.", [Move(left="inadequate")]),
    ("The council moves out of 'inadequate' after two years.", [Move(left="inadequate")]),
    ("Westshire has lost its outstanding rating.", [Move(left="outstanding")]),
    # grades reached, with the direction the verb gives
    ("The borough was downgraded to inadequate in March.", [Move(reached="inadequate", direction="declined")]),
    ("Its services dropped to an 'inadequate' rating.", [Move(reached="inadequate", direction="declined")]),
    ("Ofsted upgraded the trust from 'inadequate' to 'good'.",
     [Move(left="inadequate", direction="improved"), Move(reached="good", direction="improved")]),
    ("It is only the second council to go from requires improvement to outstanding.",
     [Move(left="requires improvement"), Move(reached="outstanding")]),
    ("The watchdog lifted the rating from the 'inadequate' it gave in 2013 to 'requires improvement'.",
     [Move(left="inadequate", direction="improved"), Move(reached="requires improvement", direction="improved")]),
    # not a change of grade
    ("Inspectors said the services were not inadequate.", []),
    ("Judgements across the region ranged from inadequate to good.", []),
    ("Care leavers were judged to be requiring improvement in order to be good.", []),
    ("Partnership work has improved to good effect.", []),
    ("The government cut funding to outstanding councils.", []),
    ("Services improved to good in 2018.", [Move(reached="good", direction="improved")]),
    ("There has been improvement since 2011, when services were judged to be good.", []),
    ("The number of children in care fell to 420.", []),
    ("Children's services were rated inadequate.", []),
])
def test_sentence_moves(sentence, expected):
    assert sentence_moves(sentence) == expected


def test_values_name_grades_left_and_reached_and_the_direction():
    moves = sentence_moves("The council has been upgraded from inadequate to good.")
    assert change_values(moves) == ["from inadequate", "to good", "improved"]
    # A grade left, with a different current grade, also reached it; the ranks give the direction.
    assert change_values([Move(left="inadequate")], current="requires improvement") == \
        ["from inadequate", "to requires improvement", "improved"]
    assert change_values([Move(left="good")], current="inadequate") == ["from good", "to inadequate", "declined"]
    # Pre-2013 "adequate" counts as requires improvement: no change.
    assert change_values([Move(left="adequate")], current="requires improvement") == ["from adequate"]


def _sentences(*texts: str) -> list[Sentence]:
    return [Sentence(t, i + 1, i) for i, t in enumerate(texts)]


def test_an_earlier_grade_of_the_subject_is_a_move_only_when_it_differs_from_the_current_one():
    said = _sentences("Norfolk County Council's children's services now require improvement.",
                      "The service was previously judged good.")
    assert change_values(article_moves(said, NORFOLK, "requires improvement", None), "requires improvement") == \
        ["from good", "to requires improvement", "declined"]
    # "previously judged good" and still good: nothing changed.
    assert article_moves(said, NORFOLK, "good", None) == []
    # Another council's past grade, or one area's, is not the subject's.
    other = _sentences("Neighbouring Suffolk was previously rated inadequate.",
                       "Adoption was previously judged inadequate.")
    assert article_moves(other, NORFOLK, "good", None) == []


def test_a_report_takes_its_move_from_the_official_record():
    # Coventry: SIF 2014 inadequate, SIF re-inspection 2017 requires improvement, ILACS 2022 good.
    assert report_moves(COVENTRY, dt.date(2017, 6, 13), "requires improvement") == \
        [Move(left="inadequate", reached="requires improvement")]
    assert report_moves(COVENTRY, dt.date(2022, 8, 12), "good") == \
        [Move(left="requires improvement", reached="good")]
    assert report_moves(COVENTRY, dt.date(2022, 8, 12), "") == []
