"""Ranking round 13 (issue 22): the paragraph shown.

- a paragraph is a person's reaction when its OPENING sentence gives a titled person's words; a paragraph that states
  the finding first and adds someone's words after it ("Four councils received a single star: ... The minister said
  their results worried her") is the finding, and is no longer passed over for it. Sentences and stories here are
  written for the tests (paraphrases of the structure, and cases that must not fire); both backends.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from indexer.models import SearchRequest
from indexer.search.answer import asked_by, reaction, shown_paragraph
from indexer.search.query import read_query

from tests.conftest import backend_over, seeds_with
from tests.test_ranking_round7 import _Words, numbered


# --- the opening sentence says whose words a paragraph gives ------------------------------------------------------

def test_a_finding_followed_by_a_persons_words_is_no_reaction():
    assert not reaction("Three councils were given a single star, meaning inadequate: Elmshire, Fenwold and "
                        "Marshby. The children's minister said the results worried her.")
    assert not reaction("Ofsted judged the service good in every area. The cabinet member told councillors the "
                        "report matched the council's own view.")
    # round 9 counted this one a reaction (the mayor's words beside the inspectorate's); the finding opens it
    assert not reaction("Ofsted said caseloads had fallen. The mayor told reporters it was a turning point.")
    assert not reaction("Item 6. Introducing the report, the council leader said the authority keeps its 'good' "
                        "rating after the October inspection.")


def test_a_paragraph_opening_with_a_persons_words_stays_a_reaction():
    assert reaction("Councillor Dee Ash, cabinet member for children, said she was delighted. Staff had worked "
                    "hard for three years.")
    assert reaction("The council leader told the meeting she was proud. Services are now rated 'good'.")
    # a quotation opening the paragraph is someone's words, however many sentences it runs to
    assert reaction("'We are thrilled. Every member of staff worked hard,' said council leader Tom Reed.")
    # a title's stop before the name is no sentence end
    assert reaction("Dr. Jane Reed, director of children's services, said the grade was deserved.")
    assert reaction("Mr. Tom Reed, the council's chief executive, said the verdict was fair. He thanked staff.")


def test_the_inspection_s_own_voice_is_still_the_finding():
    assert not reaction("The new report says Elmshire is still 'not yet good'. The director said she agreed.")
    assert not reaction("In a letter to the director of children's services, inspectors said progress was slow.")


def test_a_round_up_list_with_a_reaction_after_it_is_shown_before_a_reaction_listing_alike():
    asked = asked_by(read_query(_Words(), "which councils were given one star for children's services").plan)
    texts = ["The children's minister said the single star given to Fenwold, Gorston and Hallam for children's "
             "services worried her most.",
             "Three councils received a single star, meaning inadequate: Fenwold, Gorston and Hallam. The "
             "children's minister said their results worried her."]
    assert asked.listing
    # both list the councils; the best-ranked opens with the minister's words, the other states the finding first
    assert shown_paragraph(asked, numbered(texts), round_up=True) == 1
    # two findings alike: the best-ranked stays
    texts = ["Only five councils held the maximum four stars: Ashby, Brookfield, Coltham, Dunmere and Eastvale.",
             texts[1]]
    assert shown_paragraph(asked, numbered(texts), round_up=True) == 0


# --- both backends, over a corpus written here ---------------------------------------------------------------------

CRAFTED = {
    "round13-star-ratings.txt": """Councils' services for children slip in star ratings

Example Standard | 5 March 2009

The children's minister said the single star ratings for children's services given to Fenwold, Gorston and Hallam worried her, and that she had asked officials to act.

Three councils received a single star for children's services, meaning inadequate: Fenwold, Gorston and Hallam. The children's minister said their results worried her.

Independent assessors found fewer councils improving than a year earlier.
""",
}


@pytest.fixture(scope="module")
def crafted(tmp_path_factory) -> Path:
    """The seeds (for realistic word statistics) and the documents above."""
    return seeds_with(tmp_path_factory, "round13", CRAFTED)


@pytest.fixture(scope="module", params=["embedded", "postgresql"])
def backend(request, crafted, tmp_path_factory):
    """The crafted corpus on one backend."""
    yield from backend_over(request, tmp_path_factory, "round13", crafted)


def _shown_text(backend, q: str, doc: str) -> str:
    """The text of the paragraph shown for `doc` on the first page of `q`."""
    hit = next(h for h in backend.search(SearchRequest(q=q, per_page=20)).hits if h.doc_id == doc)
    return {p.n: p.text for p in backend.document(doc).paragraphs}[hit.paragraph]


def test_a_round_up_shows_the_list_stated_first_rather_than_the_ministers_words(backend):
    shown = _shown_text(backend, "which councils were given a single star for children's services",
                        "round13-star-ratings.txt")
    assert shown.startswith("Three councils received a single star")
