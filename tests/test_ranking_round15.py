"""Ranking round 15: the paragraph shown for a question that asks no grade, movement or list (a topic).

- the question's topic words are its counted words less the council and the year (they name the whole report);
- an opening best-ranked paragraph gives way to the earliest later candidate with more topic words, or as many when
  the opening is a headline (no sentence end);
- any other best-ranked paragraph gives way to an earlier one (after the opening) with more topic words that are
  also rarer among the document's candidates;
- nothing changes for a question asking a grade, a movement or a list, nor with `topic_rule=off`; both backends
  show the same paragraph. The paragraphs here are written for the tests.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from indexer import settings
from indexer.models import SearchRequest
from indexer.quality.crossval import parse_setting
from indexer.search.answer import asked_by, shown_paragraph
from indexer.search.query import read_query
from indexer.search.topic import is_headline, topic_choice, topic_counts, topic_weights

from tests.conftest import backend_over, seeds_with
from tests.test_ranking_round7 import _Words


def _asked(q: str):
    """What the question asks (over a lexicon that knows every word)."""
    return asked_by(read_query(_Words(), q).plan)


def _topic(q: str):
    return _asked(q).topic


# --- what a topic question is, and its words ---------------------------------------------------------------------

def test_the_council_and_the_year_are_not_topic_words():
    topic = _topic("Tameside monitoring letter 2025 Stockport improvement partner")
    words = {stem for word in topic for alt in word for stem in alt}
    assert {"letter", "partner", "improv"} <= words or {"letter", "partner"} <= words
    assert not words & {"tamesid", "tameside", "2025", "rotherham"}


@pytest.mark.parametrize("q", ["Rotherham children's services rated inadequate", "which councils are outstanding",
                               "Rotherham moved from inadequate to good"])
def test_a_question_asking_a_grade_a_movement_or_a_list_is_not_a_topic_question(q):
    assert not _asked(q).topical(round_up=False)


def test_a_question_naming_only_a_council_and_a_topic_is_a_topic_question_outside_a_round_up():
    asked = _asked("Rotherham caseloads agency staff")
    assert asked.topical(round_up=False)
    assert not asked.topical(round_up=True)  # in a round-up the council's own paragraph answers (answer.py)


@pytest.mark.parametrize("text, headline", [
    ("Inspectors give a day's notice of three week probe into Rotherham children's services", True),
    ("Rotherham keeps control of its children's services, backed by an extra £4m.", False),
    ('The minister said the notice "has done its job."', False),
    ("What the letter says:", False),
])
def test_a_headline_is_a_paragraph_without_a_sentence_end(text, headline):
    assert is_headline(text) is headline


def test_counts_and_local_rarity_of_the_topic_words():
    topic = _topic("minister lifts improvement notice on children's services")
    texts = ["The minister wrote to the council about its children's services.",
             "The government has ended the improvement notice on the council's children's services.",
             "Children's services in the county are much better, inspectors said."]
    counts = topic_counts(topic, texts)
    assert counts[1] > counts[0] > counts[2]
    weights = topic_weights(topic, texts)
    # "children's services" is in every candidate: it weighs nothing; "notice" in one weighs most
    assert weights[2] == 0 and weights[1] > weights[0]


# --- the rule ----------------------------------------------------------------------------------------------------

HEADLINE = (1, "Inspectors give a day's notice of three week inspection of Rotherham council's children's services")
LATER = (4, "On Tuesday inspectors told the council they would arrive the next morning to begin a three week "
            "inspection, giving a day's notice.")


def test_an_opening_headline_gives_way_to_a_later_paragraph_with_as_many_topic_words():
    topic = _topic("Rotherham council notice of three week inspection")
    assert topic_counts(topic, [HEADLINE[1]]) == topic_counts(topic, [LATER[1]])
    assert topic_choice(topic, [HEADLINE, (2, "Council bosses fear the worst."), LATER]) == 2


def test_an_opening_lede_that_is_a_sentence_keeps_its_place_against_as_many():
    topic = _topic("Rotherham council notice of three week inspection")
    lede = (1, HEADLINE[1] + ", the council said on Monday.")
    assert topic_choice(topic, [lede, LATER]) == 0


def test_an_opening_gives_way_to_the_earliest_later_paragraph_with_more_topic_words():
    topic = _topic("Rotherham children's services removed from government intervention")
    candidates = [(1, "Rotherham's children's social care has had two pieces of good news at once."),
                  (3, "The council has come a long way since government intervention began, and the children's "
                      "minister has written to the mayor."),
                  (2, "After four years of scrutiny the government will end its intervention in the service.")]
    assert topic_choice(topic, candidates) == 2  # paragraph 2, the earliest of the two with more


def test_a_best_ranked_after_the_opening_gives_way_only_to_an_earlier_paragraph_with_more_and_rarer_words():
    topic = _topic("Rotherham children's commissioner keeps services in council control with 4 million pounds")
    best = (3, "The government sent a children's commissioner after a damning inspection; her report to ministers "
               "says the council lost its way.")
    answer = (2, "Rotherham council will keep running its children's services, backed by an extra £4 million.")
    assert topic_choice(topic, [best, answer]) == 1
    # the same paragraph further down the story elaborates: the best-ranked stays (PostgreSQL's flatter order may
    # rank the story's answer first, and must show it as the embedded index does)
    assert topic_choice(topic, [best, (7, answer[1])]) == 0
    # more words, but ones the other candidates have too, against the best-ranked's rare ones: it stays
    rare = (3, "The commissioner recommended that control stay where it is.")
    common = [(5, "The council said its children's services had improved."),
              (6, "Children's services across the council area were discussed.")]
    assert topic_choice(topic, [rare, *common]) == 0


@pytest.mark.parametrize("candidates", [
    [(2, "The visit looked at caseloads and delays."), (1, "Rotherham caseloads")],  # only the opening has more
    [(3, "The visit looked at caseloads and delays."), (4, "Delays were named.")],      # the later has fewer
])
def test_the_best_ranked_stays_when_no_later_paragraph_has_more(candidates):
    assert topic_choice(_topic("Rotherham focused visit caseloads and delays"), candidates) == 0


def test_one_topic_word_or_the_rule_off_leaves_the_best_ranked():
    assert topic_choice(_topic("Rotherham caseloads"), [(1, "Caseloads"), (2, "Caseloads are high.")]) == 0
    topic = _topic("Rotherham council notice of three week inspection")
    assert topic_choice(topic, [HEADLINE, LATER], rule="off") == 0


def test_shown_paragraph_uses_the_rule_for_a_topic_question_only():
    asked = _asked("Rotherham council notice of three week inspection")
    assert shown_paragraph(asked, [HEADLINE, LATER]) == 1
    with settings.ranking(parse_setting(["topic_rule=off"])):
        assert shown_paragraph(asked, [HEADLINE, LATER]) == 0
    # a grade question is still answered by the paragraph stating the grade, not by topic words
    graded = _asked("Rotherham inspection notice rated inadequate")
    assert shown_paragraph(graded, [(1, "Rotherham rated 'inadequate' after a three week inspection"), LATER]) == 0


def test_the_rule_parses_from_the_command_line_form():
    assert parse_setting(["topic_rule=rarity"]).topic_rule == "rarity"


# --- both backends -------------------------------------------------------------------------------------------------

CRAFTED = {
    "round15-harbridge-notice.txt": """Wednesday, 4 March 2015

Inspectors give a day's notice of three week inspection of Rotherham council's children's services

Example Gazette

Tuesday, 3 March 2015

Council bosses fear that inspectors will find more failures in child protection.

In 2012 Rotherham was judged inadequate, and leaders hope the next report will show progress.

On Tuesday inspectors told the council they would arrive the next morning to begin a three week inspection, giving a day's notice. Senior officers called an emergency meeting.

A spokesperson said staff were ready for the inspectors.
""",
}


@pytest.fixture(scope="module")
def crafted(tmp_path_factory) -> Path:
    """The seeds (for realistic word statistics) and the documents above."""
    return seeds_with(tmp_path_factory, "round15", CRAFTED)


@pytest.fixture(scope="module", params=["embedded", "postgresql"])
def backend(request, crafted, tmp_path_factory):
    """The crafted corpus on one backend."""
    yield from backend_over(request, tmp_path_factory, "round15", crafted)


def test_both_backends_show_the_body_paragraph_after_a_headline_for_a_topic_question(backend):
    hit = next(h for h in backend.search(SearchRequest(q="Rotherham council notice of three week inspection",
                                                        per_page=20)).hits
               if h.doc_id == "round15-harbridge-notice.txt")
    shown = {p.n: p.text for p in backend.document("round15-harbridge-notice.txt").paragraphs}[hit.paragraph]
    assert shown.startswith("On Tuesday inspectors told the council")
