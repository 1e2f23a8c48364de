"""Round 25: the paragraph shown, from the real page text's misses (search/answer.py, shared by both backends).

- (G) an everyday grade word ending a sentence after a rating verb earlier in it is a grade, however far apart;
  its switch is ROUND25_GRADE_ENDS_SENTENCE (off is round 24).
The round's (T) (a best-ranked reaction gives way to the finding) and (A) (area ties) shipped off and were removed in
round 32: the tests below of (T) and (A) are today's behaviour. The paragraphs here are written for the tests.
"""
from __future__ import annotations

from indexer import settings
from indexer.search.answer import shown_paragraph, stated_grades

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


def test_a_best_ranked_reaction_stays_for_a_topic_question():
    asked = _asked("Wexcombe monitoring visit progress too slow")
    assert asked.topical(False)
    assert shown_paragraph(asked, [REACTION, OTHER, FINDING]) == 0


# --- (A) ties for a question naming a judged area ---------------------------------------------------------------------

STATED = (2, "Inspectors judged the support given to care leavers in Wexcombe inadequate and asked for a plan.")
LISTED = (5, "The judgements in full: leadership requires improvement; care leavers inadequate; care leavers' "
             "housing inadequate.")


def test_an_area_question_keeps_the_best_ranked_among_equal_answers():
    asked = _asked("Wexcombe care leavers inadequate")
    assert asked.areas
    assert shown_paragraph(asked, [LISTED, STATED]) == 0
