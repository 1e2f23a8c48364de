"""Round 24 (issue 22, branch sev24): severity on the real page text. Shapes the own-words fixtures had smoothed away;
every sentence here is our own invention (places are made up unless a record row is needed)."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.annotate.record_grade import _names_grade, record_grade
from indexer.ingest.annotate.severity import decide, grade_statements

KENT = "E10000016"


def _grades(sentence: str) -> list[str]:
    """The grades a sentence states as current judgements."""
    return [st.grade for st in grade_statements(sentence, 0)]


def _decided(sentence: str) -> str | None:
    """The grade a sentence alone decides."""
    return decide(grade_statements(sentence, 0))[0]


# --- (R) the inadequate judgement a monitoring visit follows, named through a rating noun --------------------------

_VISIT = ("Inspectors spent two days on a monitoring visit in March. It was their fourth visit since the department "
          "was handed a bleak rating of 'inadequate' two years ago. Progress was steady, the letter said.")


def test_a_monitoring_visit_after_a_rating_noun_keeps_inadequate():
    fill = record_grade(KENT, _VISIT, None, False, None, None, "", True)
    assert fill is not None and fill.grade == "inadequate"


def test_rating_noun_off_is_round_23(monkeypatch):
    monkeypatch.setattr(settings, "ROUND24_RATING_NOUN", False)
    assert record_grade(KENT, _VISIT, None, False, None, None, "", True) is None


def test_the_looser_fills_still_want_a_rating_verb():
    # an undated page naming an agency's earlier "rating of requires improvement" names no council grade
    text = "The adoption agency climbed from a rating of 'requires improvement' to a better place this winter."
    assert not _names_grade(text, "requires improvement")
    assert _names_grade(text, "requires improvement", nouns=True)


# --- (A) a sub-judgement read by its clause ----------------------------------------------------------------------

def test_overall_in_a_later_quotation_does_not_reach_back():
    sentence = ("Ofsted rated the trust's adoption work as 'good' and praised its care leavers service, saying: "
                "“Overall, this reflects the progress leaders have begun to make.”")
    assert _decided(sentence) is None


def test_overall_does_not_cross_a_semicolon():
    sentence = ("Good ratings were given for leadership, for help and protection and for overall effectiveness; and "
                "an Outstanding rating for children in care's experiences and progress.")
    assert _decided(sentence) == "good"


def test_an_area_clause_behind_an_opening_phrase():
    sentence = "As well as Northvale, child protection was rated inadequate at Eastmoor, Westdale and Southfield."
    assert all(st.sub_area for st in grade_statements(sentence, 0))


def test_the_other_key_area():
    sentence = "In the other key area, the progress of young people leaving care, it was marked as good."
    assert all(st.sub_area for st in grade_statements(sentence, 0))


def test_subjudgement_clauses_off_is_round_23(monkeypatch):
    monkeypatch.setattr(settings, "ROUND24_SUBJUDGEMENT_CLAUSES", False)
    sentence = "In the other key area, the progress of young people leaving care, it was marked as good."
    assert _decided(sentence) == "good"
