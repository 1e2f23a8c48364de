"""Issue 22, facet round 21 (roundup21): a round-up's lists read as structures, each list with the one grade phrase
that governs it (list_grades.py), and lists continued by "joined by". Every text here is written for the test; none
is an article's wording."""
from __future__ import annotations

import datetime as dt

import pytest

from indexer import settings
from indexer.ingest.annotate.list_grades import among_members, headed_lists, likened
from indexer.ingest.annotate.places import council_groups, subject_mentions
from indexer.ingest.annotate.severity import grade_statements

from tests.facet_helpers import article

_DAY = dt.date(2009, 3, 1)


def _names(codes, text):
    """The display names of codes, by the mentions of text."""
    by_code = {code: m.alias for m, code in subject_mentions(text, _DAY)}
    return [by_code[c] for c in codes]


# --- a grade adjective heading a list ---

@pytest.mark.parametrize("sentence, grade, listed", [
    ("The outstanding councils were Leeds, Kent and Bury.", "outstanding", ["Leeds", "Kent", "Bury"]),
    ("The inadequate authorities this year are Slough, Sandwell and Medway.", "inadequate",
     ["Slough", "Sandwell", "Medway"]),
    ("The three-star councils for children's services, which had improved, were Derby, Dudley and Halton.", "good",
     ["Derby", "Dudley", "Halton"]),
    ("These single-star councils include Bolton, Bury and Wigan.", "inadequate", ["Bolton", "Bury", "Wigan"]),
])
def test_a_grade_adjective_heads_its_list(sentence, grade, listed):
    found = headed_lists(sentence, 1, subject_mentions(sentence, _DAY))
    assert [(st.grade, _names(codes, sentence)) for st, codes in found] == [(grade, listed)]


@pytest.mark.parametrize("sentence", [
    "The previously inadequate councils were Leeds, Kent and Bury.",  # a past grade
    "Leeds, Kent and Bury were visited by the outstanding councils' directors.",  # the list comes first
    "The outstanding councils have helped Leeds, Kent and Bury.",  # no copula: the list is no complement
    "The outstanding work in Leeds and Kent was praised.",  # the grade word heads no group noun
])
def test_no_headed_list(sentence):
    assert headed_lists(sentence, 1, subject_mentions(sentence, _DAY)) == []


def test_two_headed_lists_in_a_round_up_get_their_own_grades(tmp_path):
    doc = article(tmp_path, "Annual ratings published\n\nThe commission rated every council this week. Three "
                            "councils fell to a single star for their children's services: Slough, Sandwell and "
                            "Medway.\n\nThe four-star councils for children's services were Leeds, Kent, Bury and "
                            "Wigan.\n")
    assert dict(zip(doc.council, doc.severity)) == {
        "Slough": "inadequate", "Sandwell": "inadequate", "Medway": "inadequate",
        "Leeds": "outstanding", "Kent": "outstanding", "Bury": "outstanding", "Wigan": "outstanding"}


def test_contrasting_lists_in_one_sentence_keep_their_own_grades(tmp_path):
    doc = article(tmp_path, "Ratings\n\nOfsted rated Leeds, Kent and Bury outstanding, while Slough, Sandwell and "
                            "Medway were rated inadequate.\n")
    assert dict(zip(doc.council, doc.severity)) == {
        "Leeds": "outstanding", "Kent": "outstanding", "Bury": "outstanding",
        "Slough": "inadequate", "Sandwell": "inadequate", "Medway": "inadequate"}


# --- "among them" ---

@pytest.mark.parametrize("sentence, listed", [
    ("Twelve authorities were rated excellent, among them Leeds, Kent and Bury.", ["Leeds", "Kent", "Bury"]),
    ("Six councils were judged inadequate, such as Slough and Medway.", ["Slough", "Medway"]),
    ("Eight councils are rated as performing poorly, Slough among them, along with Medway, which was criticised.",
     ["Slough", "Medway"]),
])
def test_an_among_them_list_takes_the_statement_grade(sentence, listed):
    mentions = subject_mentions(sentence, _DAY)
    (st,) = [s for s in grade_statements(sentence, 1)]
    assert _names(among_members(sentence, mentions, st.position), sentence) == listed


def test_an_among_them_list_in_an_article(tmp_path):
    doc = article(tmp_path, "Ratings out\n\nThe annual ratings came out today. Twelve authorities were rated "
                            "excellent, among them Leeds, Kent and Bury.\n")
    assert dict(zip(doc.council, doc.severity)) == {"Leeds": "outstanding", "Kent": "outstanding",
                                                   "Bury": "outstanding"}


def test_among_them_needs_the_words():
    sentence = "Twelve authorities were rated excellent, and Leeds said Kent and Bury had helped."
    mentions = subject_mentions(sentence, _DAY)
    (st,) = grade_statements(sentence, 1)
    assert among_members(sentence, mentions, st.position) == []


# --- "like them" ---

@pytest.mark.parametrize("sentence, likened_names", [
    ("Only Slough, Sandwell and Medway: like them, Bolton's services are rated inadequate.",
     ["Slough", "Sandwell", "Medway"]),
    ("Like Slough and Medway, Bolton was rated inadequate.", ["Slough", "Medway"]),
])
def test_the_councils_likened_share_the_grade(sentence, likened_names):
    mentions = subject_mentions(sentence, _DAY)
    (st,) = grade_statements(sentence, 1)
    # the list after "like" may run on into the clause's subject ("… Medway, Bolton was"): it shares the grade anyway
    assert _names(likened(sentence, mentions, st.position), sentence)[:len(likened_names)] == likened_names


def test_unlike_shares_nothing():
    sentence = "Unlike Slough and Medway, Bolton was rated good."
    mentions = subject_mentions(sentence, _DAY)
    (st,) = grade_statements(sentence, 1)
    assert likened(sentence, mentions, st.position) == []


def test_like_them_in_an_article(tmp_path):
    doc = article(tmp_path, "Bolton fails\n\nWhich councils share Bolton's fate? Only Slough, Sandwell and Medway: "
                            "like them, Bolton's children's services are rated inadequate by Ofsted.\n")
    assert dict(zip(doc.council, doc.severity)) == {"Bolton": "inadequate", "Slough": "inadequate",
                                                   "Sandwell": "inadequate", "Medway": "inadequate"}


# --- lists continued and judged ---

def test_joined_by_continues_a_list():
    text = "The top of the table: Leeds, Kent and Bury, joined by Wigan and Halton."
    groups = council_groups(text, subject_mentions(text, _DAY))
    assert [len(g) for g in groups] == [5]


def test_the_structures_switch_off(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND21_LIST_STRUCTURES", False)
    doc = article(tmp_path, "Ratings out\n\nThe annual ratings came out today. The outstanding councils were Leeds, "
                            "Kent and Bury.\n")
    assert not any(doc.severity)


# --- review21 ---

class _Sentence:
    """A sentence as attribute_grades reads it."""
    def __init__(self, text):
        self.text, self.paragraph = text, 1


def _graded(text):
    """{council name: [grades]} as attribute_grades files one sentence."""
    from indexer.ingest.annotate.attribution import attribute_grades
    attributed, _ = attribute_grades([_Sentence(text)], _DAY, "")
    by_code = {code: m.alias for m, code in subject_mentions(text, _DAY)}
    return {by_code[c]: [st.grade for st in sts] for c, sts in attributed.items()}


def test_an_among_them_list_adds_to_the_statements_own_council():
    assert _graded("Bolton was rated good, as were several neighbours, among them Wigan and Bury.") == {
        "Bolton": ["good"], "Wigan": ["good"], "Bury": ["good"]}


def test_a_quoted_heading_grade_counts_once():
    assert _graded("The 'outstanding' councils were Leeds and Kent.") == {"Leeds": ["outstanding"],
                                                                        "Kent": ["outstanding"]}


def test_like_as_a_verb_likens_nothing():
    text = "Officials said they would like Wigan to help, and Bolton was judged inadequate."
    assert likened(text, subject_mentions(text, _DAY), text.index("inadequate")) == []


def test_the_switch_turns_joined_by_off(monkeypatch):
    text = "Leeds, Kent and Bury, joined by Wigan, were rated good."
    monkeypatch.setattr(settings, "ROUND21_LIST_STRUCTURES", False)
    assert [len(g) for g in council_groups(text, subject_mentions(text, _DAY))] == [3, 1]
    monkeypatch.setattr(settings, "ROUND21_LIST_STRUCTURES", True)
    assert [len(g) for g in council_groups(text, subject_mentions(text, _DAY))] == [4]
