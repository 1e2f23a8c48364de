"""Round 25: the paragraph shown, from the real page text's misses (search/answer.py, shared by both backends).

- (T) a topic question's best-ranked paragraph that is a reaction gives way to the finding with the most topic words;
- (G) an everyday grade word ending a sentence after a rating verb earlier in it is a grade, however far apart;
- (A) a question naming a judged area: among candidates answering equally the earliest after the opening is shown,
  the best-ranked included (shipped off: `ROUND25_AREA_TIES`; its tests switch it on).
Each has its switch in settings (ROUND25_*); off is round 24. The paragraphs here are written for the tests.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from indexer import settings
from indexer.models import SearchRequest
from indexer.search.answer import shown_paragraph, stated_grades

from tests.conftest import backend_over, seeds_with
from tests.test_ranking_round15 import _asked


# --- (G) a grade ending its sentence after a distant rating verb ---------------------------------------------------

LONG_OBJECT = "Inspectors have graded the borough council's services for children and their families outstanding."


def test_a_grade_word_ending_the_sentence_after_a_distant_rating_verb_is_a_grade():
    assert stated_grades(LONG_OBJECT) == {"outstanding"}
    assert stated_grades(LONG_OBJECT + " Parents were pleased.") == {"outstanding"}


def test_the_grade_word_must_end_the_sentence_and_share_it_with_the_verb(monkeypatch):
    # a grade word with more after it is read as before ("good for cooking lessons" is no rating)
    assert stated_grades("Inspectors found the youth club's new kitchen very good for cooking lessons.") == set()
    # a finding far from its grade word is not a rating ("found" reaches only as far as round 14's cue)
    assert stated_grades("The visit found the weekly work done with the families of our younger children good.") == set()
    # a rating verb in an earlier sentence does not reach the grade word
    assert stated_grades("The home was rated last spring. Its garden looked very good.") == set()
    monkeypatch.setattr(settings, "ROUND25_GRADE_ENDS_SENTENCE", False)
    assert stated_grades(LONG_OBJECT) == set()


# --- (T) a reaction kept by the topic rule ----------------------------------------------------------------------------

REACTION = (9, "Councillor Ann Rowe, cabinet member for children, said the monitoring visit in Wexcombe showed "
               "progress had been too slow in places but that staff were committed.")
FINDING = (4, "Inspectors on the monitoring visit wrote that progress in Wexcombe remained slow.")
OTHER = (6, "The council's improvement board meets every month.")


def test_a_best_ranked_reaction_gives_way_to_the_finding_for_a_topic_question(monkeypatch):
    asked = _asked("Wexcombe monitoring visit progress too slow")
    assert asked.topical(False)
    monkeypatch.setattr(settings, "ROUND25_TOPIC_REACTION", True)  # shipped off; the rule itself still works
    assert shown_paragraph(asked, [REACTION, OTHER, FINDING]) == 2
    monkeypatch.setattr(settings, "ROUND25_TOPIC_REACTION", False)
    assert shown_paragraph(asked, [REACTION, OTHER, FINDING]) == 0


def test_a_reaction_stays_when_no_other_candidate_has_a_topic_word(monkeypatch):
    monkeypatch.setattr(settings, "ROUND25_TOPIC_REACTION", True)
    asked = _asked("Wexcombe monitoring visit progress too slow")
    assert shown_paragraph(asked, [REACTION, (2, "The weather was fine all week.")]) == 0


def test_a_finding_best_ranked_is_left_alone(monkeypatch):
    monkeypatch.setattr(settings, "ROUND25_TOPIC_REACTION", True)
    asked = _asked("Wexcombe monitoring visit progress too slow")
    assert shown_paragraph(asked, [FINDING, REACTION, OTHER]) == 0


# --- (A) ties for a question naming a judged area ---------------------------------------------------------------------

STATED = (2, "Inspectors judged the support given to care leavers in Wexcombe inadequate and asked for a plan.")
LISTED = (5, "The judgements in full: leadership requires improvement; care leavers inadequate; care leavers' "
             "housing inadequate.")
OPENING = (1, "Care leavers in Wexcombe are let down, with their service rated inadequate.")


def test_an_area_question_shows_the_earliest_after_the_opening_among_equal_answers(monkeypatch):
    monkeypatch.setattr(settings, "ROUND25_AREA_TIES", True)
    asked = _asked("Wexcombe care leavers inadequate")
    assert asked.areas
    assert shown_paragraph(asked, [LISTED, STATED]) == 1
    assert shown_paragraph(asked, [OPENING, LISTED, STATED]) == 2  # the opening keeps no tie either
    monkeypatch.setattr(settings, "ROUND25_AREA_TIES", False)
    assert shown_paragraph(asked, [LISTED, STATED]) == 0


def test_a_better_answer_and_a_question_without_an_area_are_unchanged(monkeypatch):
    monkeypatch.setattr(settings, "ROUND25_AREA_TIES", True)
    asked = _asked("Wexcombe care leavers inadequate")
    assert shown_paragraph(asked, [STATED, (1, "Wexcombe's children's services were inspected in May.")]) == 0
    no_area = _asked("Wexcombe inadequate")
    assert not no_area.areas
    assert shown_paragraph(no_area, [LISTED, STATED]) == 0  # the best-ranked keeps its tie


# --- both backends -------------------------------------------------------------------------------------------------

CRAFTED = {
    "round25-wexcombe-care-leavers.txt": """Monday, 2 March 2026

Wexcombe children's services told to improve

Example Gazette

Children's services in Wexcombe require improvement, inspectors said on Monday.

Inspectors judged the support given to care leavers inadequate, the lowest of the four grades, and asked the council to send them a written plan for the service within three months of the visit.

The report lists the judgements: care leavers inadequate; care leavers' housing inadequate; care leavers' advice inadequate.

The council said it would publish its plan in April.
""",
}


@pytest.fixture(scope="module")
def crafted(tmp_path_factory) -> Path:
    """The seeds (for realistic word statistics) and the document above."""
    return seeds_with(tmp_path_factory, "round25", CRAFTED)


@pytest.fixture(scope="module", params=["embedded", "postgresql"])
def backend(request, crafted, tmp_path_factory):
    """The crafted corpus on one backend."""
    yield from backend_over(request, tmp_path_factory, "round25", crafted)


def test_both_backends_show_where_the_area_grade_is_first_stated(backend, monkeypatch):
    monkeypatch.setattr(settings, "ROUND25_AREA_TIES", True)
    hit = next(h for h in backend.search(SearchRequest(q="Wexcombe care leavers inadequate", per_page=20)).hits
               if h.doc_id == "round25-wexcombe-care-leavers.txt")
    shown = {p.n: p.text for p in backend.document("round25-wexcombe-care-leavers.txt").paragraphs}[hit.paragraph]
    assert shown.startswith("Inspectors judged the support given to care leavers")
