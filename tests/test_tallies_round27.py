"""Issue 22, facet round 27 (rugrades27): the shapes in which real round-ups count councils (group_tallies.py). A
sentence naming no council that counts councils grades no one, the page's main council included. Every text here is
written for the test; none is an article's wording."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.annotate.group_tallies import counts_a_group, denies_a_group

from tests.facet_helpers import article


@pytest.mark.parametrize("sentence", [
    "Another 11 children's social care departments were judged good under the new scheme.",
    "The 12 local authorities judged to be good have shown what can be done.",
    "Two thirds of English children's services departments have been given one of the lower two grades.",
    "The remaining three-quarters were judged to be 'inadequate' or 'requiring improvement'.",
    "Inspectors keep watch on inadequate local authorities and return to them within a year.",
    "Half the departments visited so far are failing, and a third of the councils inspected deliver 'inadequate' "
    "care, Ofsted has said in its yearly report.",
])
def test_a_real_round_ups_count_is_a_group(sentence):
    assert counts_a_group(sentence)


@pytest.mark.parametrize("sentence", [
    "The two councils were rated good after a long wait.",  # points back at councils just named
    "In 2019 councils were told to expect tougher visits.",  # a year, not a count
    "It was one of 11 children's social care departments rated good.",  # the page's own council
    "The inadequate councils were visited again in the spring.",  # a determiner: a headed list's business
    "Both authorities were rated outstanding.",
])
def test_not_a_group_count(sentence):
    assert not counts_a_group(sentence)


@pytest.mark.parametrize("sentence, denied", [
    ("None of the five councils most recently visited under the new scheme has gained a top rating.", True),
    ("Not a single authority was judged outstanding this round.", True),
    ("None of this was a surprise to the council, which was rated good.", False),
])
def test_a_grade_denied_of_a_group(sentence, denied):
    assert denies_a_group(sentence) is denied


def _text_grades(doc) -> list[str]:
    """The grades the page's own text gave its councils (the record fill's aside)."""
    return [e["value"] for e in doc.facet_evidence.get("severity", []) if e.get("source") == "text"]


_TALLY_PAGE = ("Latest results for social care published\n\n{count}\n\nOfsted's report praised Suffolk for its work with "
               "care leavers.\n")


@pytest.mark.parametrize("count", [
    "Another 11 children's social care departments were judged good under the new scheme, the data show.",
    "The remaining three-quarters were judged to be 'inadequate' or 'requiring improvement'.",
    "Inspectors keep watch on inadequate local authorities and return to them within a year.",
])
def test_a_count_does_not_grade_the_main_council(tmp_path, count):
    doc = article(tmp_path, _TALLY_PAGE.format(count=count))
    assert doc.council == ["Suffolk"]
    assert _text_grades(doc) == []  # (the official record may still fill the council's grade)


def test_the_switch_off_gives_the_count_to_the_main_council(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND27_GROUP_TALLIES", False)
    doc = article(tmp_path, _TALLY_PAGE.format(count="Another 11 children's social care departments were judged "
                                                     "good under the new scheme, the data show."))
    assert _text_grades(doc) == ["good"]


def test_a_denied_headline_leaves_the_members_their_own_grades(tmp_path):
    doc = article(tmp_path, "None of the four councils visited in the new round has gained an outstanding rating\n\n"
                            "None of the four councils visited in the new round has gained an outstanding rating.\n\n"
                            "Suffolk and Norfolk were rated good, while Luton was judged inadequate.\n\n"
                            "In Suffolk, leaders were praised for stable staffing.\n")
    assert dict(zip(doc.council, doc.severity)) == {"Suffolk": "good", "Norfolk": "good", "Luton": "inadequate"}


# --- a counted group named in the next sentence ---

_COUNT_THEN_NAMES = ("Praise for county social work teams\n\nTwo county councils have received the 'outstanding' "
                     "grade for their children's services this week.\n\n{names}\n\nLeaders in both said staff deserved "
                     "the credit.\n")


def test_a_count_is_resolved_by_the_next_sentences_names(tmp_path):
    doc = article(tmp_path, _COUNT_THEN_NAMES.format(names="Suffolk and Norfolk, which share a training academy, "
                                                           "are the first pair to manage it."))
    assert dict(zip(doc.council, doc.severity)) == {"Suffolk": "outstanding", "Norfolk": "outstanding"}


@pytest.mark.parametrize("names", [
    "Suffolk, Norfolk and Essex, which share a training academy, were visited too.",  # three named for a count of two
    "Meanwhile, Suffolk and Norfolk, which share a training academy, were visited too.",  # turns to others
    "Suffolk and Norfolk, which share a training academy, were rated good.",  # graded otherwise
])
def test_the_next_sentence_must_name_exactly_the_group(tmp_path, names):
    doc = article(tmp_path, _COUNT_THEN_NAMES.format(names=names))
    assert "outstanding" not in _text_grades(doc)


def test_the_count_switch_off_leaves_the_names_ungraded(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND27_COUNT_NAMED_NEXT", False)
    doc = article(tmp_path, _COUNT_THEN_NAMES.format(names="Suffolk and Norfolk, which share a training academy, "
                                                           "are the first pair to manage it."))
    assert "outstanding" not in _text_grades(doc)


def test_a_denied_count_is_not_given_to_the_names_after_it(tmp_path):
    doc = article(tmp_path, "Results of the second wave\n\nNone of the two councils visited in May has gained an "
                            "'outstanding' grade for children's services.\n\nThe visits covered Suffolk and Norfolk.\n")
    assert "outstanding" not in _text_grades(doc)
