"""Round 29: the paragraph shown, read on the real page text (search/answer.py, shared by both backends).

- (B) a grade the question names only as what came before ("slow progress after inadequate") is not the grade asked:
  a question naming no other grade and no movement is read as a topic question (`ROUND29_BACKGROUND_GRADE`);
- (O) a topic question's best-ranked paragraph that is not the opening gives way to the opening, a sentence with more
  of the question's topic words (`ROUND29_OPENING_TOPIC`);
- (R) with (O), a best-ranked reaction gives way to an opening that is no reaction with at most one topic word fewer,
  and a saying verb after a finding noun and a longer aside is the finding's (`ROUND29_REACTION_OPENING`).
Off is round 28. The paragraphs here are written for the tests.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from indexer import settings
from indexer.models import SearchRequest
from indexer.search.answer import background_grades, reaction, shown_paragraph

from tests.conftest import backend_over, seeds_with
from tests.test_ranking_round15 import _asked


# --- (B) a grade named as the background ------------------------------------------------------------------------

VISIT_QUESTION = "Wexcombe monitoring visit slow progress after inadequate"
# the best-ranked: it restates the old grade and says nothing of the visit
RESTATED = (4, "Wexcombe's children's services were judged inadequate in May 2024 and answer to an improvement board.")
# what the visit found
FOUND = (2, "The monitoring visit found slow progress in how referrals are handled at the front door.")


@pytest.mark.parametrize("query, expected", [
    (VISIT_QUESTION, ("inadequate",)),
    ("Wexcombe focused visit since the inadequate judgement", ("inadequate",)),
    ("Wexcombe monitoring visits after two inadequate ratings", ("inadequate",)),
    ("Wexcombe visit following the 2023 inadequate rating", ("inadequate",)),
    ("Wexcombe went from good to inadequate", ()),
    ("Wexcombe rated inadequate after a visit in March", ()),
])
def test_a_grade_after_after_since_or_following_is_the_background(query, expected):
    assert background_grades(query) == expected


def test_a_question_naming_only_a_background_grade_asks_no_grade(monkeypatch):
    monkeypatch.setattr(settings, "ROUND29_BACKGROUND_GRADE", True)
    asked = _asked(VISIT_QUESTION)
    assert not asked.grades and asked.topical(False)
    assert shown_paragraph(asked, [RESTATED, FOUND]) == 1  # the visit's finding, earlier and with more topic words
    monkeypatch.setattr(settings, "ROUND29_BACKGROUND_GRADE", False)
    asked = _asked(VISIT_QUESTION)
    assert asked.grades == {"inadequate"}
    assert shown_paragraph(asked, [RESTATED, FOUND]) == 0  # the paragraph stating the grade answers


def test_a_question_naming_another_grade_or_a_movement_keeps_its_grades(monkeypatch):
    monkeypatch.setattr(settings, "ROUND29_BACKGROUND_GRADE", True)
    # round 29 as it was: round 30's (M) drops a background grade from a movement question (test_shown_round30.py)
    monkeypatch.setattr(settings, "ROUND30_BACKGROUND_MOVEMENT", False)
    # the grade reached is asked, and the grade before it with it
    assert _asked("Wexcombe rated good a decade after being inadequate").grades >= {"good", "inadequate"}
    # a movement: the grade left is part of what is asked
    assert "inadequate" in _asked("Wexcombe improved from inadequate to good").grades


# --- (O) the opening states the finding ---------------------------------------------------------------------------

HOME_QUESTION = "Wexcombe children's home described as chaotic set to close"
LATER = (7, "It was one of two children's homes the council runs, each for up to four children.")
LEDE = (1, "A Wexcombe children's home described as chaotic by inspectors is set to close.")
MIDDLE = (3, "Councillors will be asked to agree the plan next week.")


def test_the_opening_with_more_topic_words_replaces_a_later_best_ranked(monkeypatch):
    asked = _asked(HOME_QUESTION)
    assert asked.topical(False)
    monkeypatch.setattr(settings, "ROUND29_OPENING_TOPIC", True)
    assert shown_paragraph(asked, [LATER, MIDDLE, LEDE]) == 2
    monkeypatch.setattr(settings, "ROUND29_OPENING_TOPIC", False)
    assert shown_paragraph(asked, [LATER, MIDDLE, LEDE]) == 0


def test_a_headline_or_an_opening_with_no_more_topic_words_does_not(monkeypatch):
    monkeypatch.setattr(settings, "ROUND29_OPENING_TOPIC", True)
    asked = _asked(HOME_QUESTION)
    headline = (1, "Wexcombe children's home described as chaotic set to close")
    assert shown_paragraph(asked, [LATER, MIDDLE, headline]) == 0
    thin = (1, "A children's home is in the news.")
    assert shown_paragraph(asked, [LATER, MIDDLE, thin]) == 0
    # an opening best-ranked is the topic rule's own case; a best-ranked with every topic word is kept
    full = (5, "The Wexcombe children's home, described as chaotic, is set to close.")
    assert shown_paragraph(asked, [full, LEDE]) == 0


# --- (R) a reaction ranked first ---------------------------------------------------------------------------------

SLOW_QUESTION = "Wexcombe monitoring visit says improvement too slow"
# the comment repeats the question's words
COMMENT = (9, "Responding to the monitoring visit, Councillor Ann Rowe, cabinet member for children, said improvement "
              "in Wexcombe had been too slow in places but was now gathering pace.")
# the lede states the finding with one topic word fewer
FINDING_LEDE = (1, "Inspectors have told Wexcombe after their latest visit that improvement in its children's "
                   "services is too slow.")
ASIDE = ("The letter, addressed to the council's corporate director for children, says the visit took place in "
         "October.")


def test_a_best_ranked_reaction_gives_way_to_the_opening(monkeypatch):
    asked = _asked(SLOW_QUESTION)
    assert asked.topical(False)
    monkeypatch.setattr(settings, "ROUND29_REACTION_OPENING", True)
    assert shown_paragraph(asked, [COMMENT, MIDDLE, FINDING_LEDE]) == 2
    monkeypatch.setattr(settings, "ROUND29_REACTION_OPENING", False)
    assert shown_paragraph(asked, [COMMENT, MIDDLE, FINDING_LEDE]) == 0


def test_an_opening_far_thinner_or_itself_a_reaction_does_not_replace_it(monkeypatch):
    monkeypatch.setattr(settings, "ROUND29_REACTION_OPENING", True)
    asked = _asked(SLOW_QUESTION)
    thin = (1, "Inspectors have written to Wexcombe.")
    assert shown_paragraph(asked, [COMMENT, MIDDLE, thin]) == 0
    quoted = (1, "The council leader, Councillor Tom Hale, said improvement in Wexcombe was too slow.")
    assert shown_paragraph(asked, [COMMENT, MIDDLE, quoted]) == 0


def test_a_letter_with_a_long_aside_before_its_verb_is_no_reaction(monkeypatch):
    monkeypatch.setattr(settings, "ROUND29_REACTION_OPENING", True)
    assert not reaction(ASIDE)
    monkeypatch.setattr(settings, "ROUND29_REACTION_OPENING", False)
    assert reaction(ASIDE)


# --- both backends -------------------------------------------------------------------------------------------------

CRAFTED = {
    "round29-wexcombe-monitoring-visit.txt": """Tuesday, 3 March 2026

Wexcombe: second monitoring visit

Example Gazette

The second monitoring visit to Wexcombe found slow progress in how referrals are handled at the front door.

Two inspectors spent two days with social workers and managers, reading the records of children referred since the autumn.

Wexcombe's children's services were judged inadequate in May 2024 after an inspection found children left at risk, and the council answers to an improvement board chaired by a former director.

The council said it would publish its next plan in April.
""",
}


@pytest.fixture(scope="module")
def crafted(tmp_path_factory) -> Path:
    """The seeds (for realistic word statistics) and the document above."""
    return seeds_with(tmp_path_factory, "round29", CRAFTED)


@pytest.fixture(scope="module", params=["embedded", "postgresql"])
def backend(request, crafted, tmp_path_factory):
    """The crafted corpus on one backend."""
    yield from backend_over(request, tmp_path_factory, "round29", crafted)


def test_both_backends_show_what_the_visit_found(backend, monkeypatch):
    monkeypatch.setattr(settings, "ROUND29_BACKGROUND_GRADE", True)
    monkeypatch.setattr(settings, "ROUND29_OPENING_TOPIC", True)
    hit = next(h for h in backend.search(SearchRequest(q=VISIT_QUESTION, per_page=20)).hits
               if h.doc_id == "round29-wexcombe-monitoring-visit.txt")
    shown = {p.n: p.text for p in backend.document("round29-wexcombe-monitoring-visit.txt").paragraphs}[hit.paragraph]
    assert shown.startswith("The second monitoring visit to Wexcombe found slow progress")
