"""Round 30: a question typed with its question mark is a question, not a wildcard pattern; brackets as prose
are punctuation.

Before, any "?" made the query strict syntax ("inadequate?" a wildcard word every paragraph had to match), so
"is Birmingham inadequate?" found nothing at all. Found by a fresh judged question (set aa, aaq06).
"""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.backends import open_backend
from indexer.models import SearchRequest
from indexer.search.query import drop_question_marks, is_plain


@pytest.mark.parametrize("typed,read", [
    ("is Birmingham inadequate?", "is Birmingham inadequate"),
    ("what did inspectors say about caseloads?? ", "what did inspectors say about caseloads "),
    ("care leavers? and missing children?", "care leavers and missing children"),
    ("has Kent’s rating held?", "has Kent’s rating held"),
    ('"care leavers?"', '"care leavers"'),
    ("organi?ation", "organi?ation"),      # inside a word: the wildcard stays
    ("? alone", "? alone"),                # not ending a word: left to the syntax reader
])
def test_question_marks_ending_words_are_dropped(typed, read):
    assert drop_question_marks(typed) == read


def test_a_question_stays_plain_words():
    assert is_plain(drop_question_marks("is Birmingham inadequate?"))
    assert not is_plain(drop_question_marks("organi?ation"))


def _search(index, q):
    return open_backend(index).search(SearchRequest(q=q, collapse=False, per_page=20))


def test_a_question_finds_what_its_words_find(fixture_index):
    asked, plain = _search(fixture_index, "which councils are inadequate?"), _search(fixture_index, "which councils are inadequate")
    assert asked.total > 0 and asked.total == plain.total
    assert [(h.doc_id, h.paragraph) for h in asked.hits] == [(h.doc_id, h.paragraph) for h in plain.hits]


def test_switched_off_the_question_finds_nothing(fixture_index, monkeypatch):
    """The round-29 behaviour the switch replaces: the mark read as a wildcard, strict syntax, nothing found."""
    monkeypatch.setattr(settings, "ROUND30_QUESTION_MARK", False)
    assert _search(fixture_index, "which councils are inadequate?").total == 0


@pytest.mark.parametrize("typed,read", [
    ("children in care (CIC) missing", "children in care  CIC  missing"),
    ("Kent (2019) inadequate", "Kent  2019  inadequate"),
    ("(exploitation OR trafficking) Kent", "(exploitation OR trafficking) Kent"),  # grouping an operator: syntax
    ("council:Kent (missing)", "council:Kent (missing)"),                          # beside a field: syntax
    ("+caseloads (school)", "+caseloads (school)"),
])
def test_prose_brackets_are_punctuation(typed, read):
    from indexer.search.query import drop_prose_brackets
    assert drop_prose_brackets(typed) == read


def test_a_bracketed_aside_finds_what_its_words_find(fixture_index, monkeypatch):
    asked, plain = _search(fixture_index, "councils (inadequate) caseloads"), _search(fixture_index, "councils inadequate caseloads")
    assert asked.total > 0 and asked.total == plain.total
    monkeypatch.setattr(settings, "ROUND30_PROSE_BRACKETS", False)
    assert _search(fixture_index, "councils (inadequate) caseloads").total < plain.total


@pytest.mark.parametrize("typed,plain", [
    ("Slough -- inadequate", True),      # a run of dashes is punctuation
    ("Kent - Medway", True),
    ("missing -school", False),          # a minus on a word excludes it
    ("+caseloads school", False),
    ('care leavers -"bed and breakfast"', False),
])
def test_a_plus_or_minus_is_an_operator_only_on_a_word_phrase_or_group(typed, plain):
    assert is_plain(typed) is plain


def test_a_run_of_dashes_finds_what_the_words_find(fixture_index):
    dashed, plain = _search(fixture_index, "councils -- inadequate"), _search(fixture_index, "councils inadequate")
    assert dashed.total > 0 and dashed.total == plain.total
