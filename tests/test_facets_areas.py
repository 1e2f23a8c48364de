"""Sub-judgements read from an article's prose (ingest/annotate/areas.py): area, grade, and what is not one."""
from __future__ import annotations

import pytest

from indexer.ingest.annotate.areas import area_grades, article_subjudgements


@pytest.mark.parametrize("sentence, expected", [
    ("Care leavers' experiences and progress were rated inadequate.", {"care_leavers": "inadequate"}),
    ("- Care leavers: Outstanding", {"care_leavers": "outstanding"}),
    ("Ofsted found the leadership of the council and of its trust 'inadequate'.", {"leadership": "inadequate"}),
    ("Help and protection for children who need it is judged 'good'.", {"help_and_protection": "good"}),
    ("The council was rated inadequate for care leavers.", {"care_leavers": "inadequate"}),
    ("Social workers visit children in care regularly and do good work.", {}),  # "good work" is no grade
    ("Care leavers were rated inadequate in 2016.", {}),  # a past grade
    ("The overall grade is 'requires improvement' because work with looked-after children fell short.", {}),
])
def test_area_grades(sentence, expected):
    assert area_grades(sentence) == expected


def test_the_first_statement_of_an_area_wins():
    assert article_subjudgements(["Care leavers: Outstanding", "Care leavers were rated good."]) == {
        "care_leavers": "outstanding"}


def test_an_article_keeps_its_sub_judgements_and_its_overall_grade_apart():
    from pathlib import Path

    from indexer.ingest.documents import load_document
    root = Path(__file__).resolve().parent / "fixtures" / "news"
    doc = load_document(root / "b16-doncasterfreepress-leadership-inadequate.txt")
    assert doc.subjudgements == {"leadership": "inadequate"}
    assert doc.severity == ["requires improvement"]
