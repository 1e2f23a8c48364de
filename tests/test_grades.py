"""The one grade table (indexer/grades.py)."""
from __future__ import annotations

import pytest

from indexer.grades import normalise_grade

@pytest.mark.parametrize("text,grade", [
    ("Requires improvement to be good", "requires improvement"),
    ("The council performs poorly", "inadequate"),
    ("performs excellently", "outstanding"),
    ("judged adequate", "adequate"),
    ("RI", "requires improvement"),
])
def test_grade_vocabulary(text, grade):
    assert normalise_grade(text) == grade


from indexer import settings  # noqa: E402
from indexer.grades import BY_NUMBER, DISPLAY_ORDER, grades_agree, official_grades_for, worst_grade  # noqa: E402


def test_display_order_comes_from_the_table_and_settings_uses_it():
    assert DISPLAY_ORDER == ("outstanding", "good", "requires improvement", "adequate", "inadequate")
    assert settings.SEVERITY_ORDER == DISPLAY_ORDER


def test_rank_puts_pre_2013_adequate_between_good_and_requires_improvement():
    assert worst_grade(["good", "adequate"]) == "adequate"
    assert worst_grade(["adequate", "requires improvement"]) == "requires improvement"
    assert worst_grade(["outstanding", "inadequate", "good"]) == "inadequate"
    assert worst_grade(["n/a"]) == ""


def test_adequate_compares_equal_to_requires_improvement_but_not_the_other_way_for_lookups():
    assert grades_agree("adequate", "requires improvement") and grades_agree("requires improvement", "adequate")
    assert not grades_agree("adequate", "inadequate")
    assert official_grades_for("adequate") == {"adequate", "requires improvement"}
    assert official_grades_for("requires improvement") == {"requires improvement"}


@pytest.mark.parametrize("text,grade", [
    ("the councils rated poor were", "inadequate"),
    ("all rated as excellent", "outstanding"),
    ("put 10 in the 'excellent' band", "outstanding"),
    ("the council performs well", "good"),
    ("councils with failing children's services include", "inadequate"),
    ("a failing school", None),  # only services, social care or child protection
    ("poor practice was common", None),  # 'poor' alone is not a grade
    ("the work was adequately staffed", None),  # nor is 'adequately'
])
def test_2008_10_scale_phrasings(text, grade):
    assert normalise_grade(text) == grade


def test_pre_2013_grade_numbers():
    assert BY_NUMBER == {"1": "outstanding", "2": "good", "3": "adequate", "4": "inadequate"}
