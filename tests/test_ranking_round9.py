"""Ranking round 9 (docs/news-devset.md, "Ranking round 9"): three general rules, each tested on sentences and
stories written here, with cases that must not fire.

- a question asking for a rating without naming one ("Elmshire children's services Ofsted rating", "inspection 2011
  grades", "what verdict") is answered by a paragraph stating a grade, whichever it is (as a movement naming no grade
  reached already was);
- a saying verb after the inspection's own voice ("the new report says", "inspectors said", "according to the
  report") is the finding, not a person's reaction, even where the paragraph names a director or a councillor;
- a paragraph about a named council alone (its council facet that council only: a story's, not a round-up's list)
  with a query word of its own (its name will do) matches whatever the minimum: the council's lift ranks its stories
  of other steps of its history by how much of the question they answer, instead of leaving them out while other
  councils' weak matches fill the page; a round-up's paragraph naming the council among others keeps round 7's half
  the minimum.
The backend tests run on both backends over the same crafted corpus.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from indexer import grades
from indexer.models import SearchRequest
from indexer.search.answer import asked_by, reaction, shown_paragraph
from indexer.search.query import read_query

from tests.conftest import backend_over, seeds_with
from tests.test_ranking_round7 import _Words, numbered


def _asked(q: str):
    """What the question asks, read as the backends read it."""
    return asked_by(read_query(_Words(), q).plan)


# --- a rating asked for without naming it ------------------------------------------------------------------------

def test_a_noun_asking_for_a_rating_asks_for_any_grade():
    for q in ("Elmshire children's services Ofsted rating", "Elmshire safeguarding inspection 2011 grades",
              "what verdict did inspectors give Elmshire", "Elmshire inspection judgements 2019",
              "Elmshire Ofsted judgment"):
        assert _asked(q).grades == frozenset(grades.VALUES), q
    # not: a question naming its grade keeps that grade alone; a rating verb asks for no grade; nor does a
    # question without any rating word
    assert _asked("Elmshire Ofsted rating good").grades == {"good"}
    assert _asked("councils judged under the single inspection framework").grades == frozenset()
    assert _asked("Elmshire services rated after the visit").grades == frozenset()
    assert _asked("Elmshire agency staff stability").grades == frozenset()


def test_a_paragraph_stating_a_grade_answers_a_question_asking_for_the_rating():
    asked = _asked("Elmshire children's services inspection ratings")
    texts = ["Elmshire's children's services were inspected for two weeks in March by a team of five.",
             "Inspectors have now rated the service 'requires improvement to be good'."]
    assert shown_paragraph(asked, numbered(texts)) == 1
    texts = ["Elmshire's children's services were inspected for two weeks in March by a team of five.",
             "Tally of the grades across the areas: good 9, outstanding 2, adequate 1."]
    assert shown_paragraph(asked, numbered(texts)) == 1
    # everyday words that are no grade do not answer: the best-ranked paragraph stays
    texts = ["Elmshire's children's services were inspected for two weeks in March by a team of five.",
             "Staff are making good progress and relationships with schools are good for children."]
    assert shown_paragraph(asked, numbered(texts)) == 0


# --- the inspection's own voice is no reaction --------------------------------------------------------------------

def test_a_saying_verb_after_the_report_or_inspectors_is_the_finding():
    for text in ("The new report says improvement has speeded up under the current director and services are now "
                 "good.",
                 "In a letter to the director of children's services, inspectors said some teams were overloaded.",
                 "The report, published on Monday, says the council leader must act on caseloads.",
                 "According to the report, the director has already left the council.",
                 "Ofsted's letter says the cabinet member must now act on every delay."):
        assert not reaction(text), text
    # still reactions: a titled person's words, also beside the inspectorate's
    for text in ("Councillor Dee Ash, cabinet member for children, said the verdict rewarded years of work.",
                 "According to the councillor, inspectors said caseloads were now manageable.",
                 # (round 13: a person's words in the opening sentence; "Ofsted said caseloads had fallen. The mayor
                 # told reporters ..." opens with the finding and is no reaction since, see test_ranking_round13.py)
                 "Ofsted said caseloads had fallen, and the mayor told reporters it was a turning point.",
                 "'We are pleased,' the director of children's services said."):
        assert reaction(text), text


def test_a_finding_naming_a_director_is_shown_before_a_reaction():
    asked = _asked("Elmshire now rated good")
    texts = ["Councillor Dee Ash, cabinet member for children, said being rated good was a tribute to staff.",
             "The new report says services improved under the current director and are now rated good overall."]
    assert shown_paragraph(asked, numbered(texts)) == 1


# --- a named council's stories in other words ---------------------------------------------------------------------

CRAFTED = {
    "round9-torbay-steadier.txt": """Steadier footing for Torbay's social workers

Example Weekly | 9 May 2017

Returning to Torbay in the spring, inspectors found caseloads lower and managers who check every plan each month.

Families now wait less for a first visit, and fewer social workers leave within a year.
""",
    "round9-halton-first-good.txt": """Halton rated good for the first time

Example Echo | 2 June 2019

Halton's children's services are rated good for the first time, three years after they were found inadequate in 2016.

Inspectors praised stable teams and plans that children understand.
""",
    "round9-bottom-band.txt": """Twelve councils in the bottom band

Example Review | 10 December 2010

Twelve councils sit in the bottom band this year: Birmingham, Calderdale, Kent, Leeds, Salford, Sandwell and Torbay among them.
""",
    "round9-rutland-minutes.txt": """Minutes of the children's scrutiny panel

Example Council | 14 March 2018

Members noted the timetable for the next inspection and asked for a briefing on recruitment.
""",
}


@pytest.fixture(scope="module")
def crafted(tmp_path_factory) -> Path:
    """The seeds (for realistic word statistics) and the documents above."""
    return seeds_with(tmp_path_factory, "round9", CRAFTED)


@pytest.fixture(scope="module", params=["embedded", "postgresql"])
def backend(request, crafted, tmp_path_factory):
    """The crafted corpus on one backend."""
    yield from backend_over(request, tmp_path_factory, "round9", crafted)


def _docs(backend, q: str, **kw) -> list[str]:
    """The documents of the first page of `q`, in order."""
    return list(dict.fromkeys(h.doc_id for h in backend.search(SearchRequest(q=q, per_page=20, **kw)).hits))


def test_a_named_councils_story_in_other_words_is_found_and_ranked_by_the_council(backend):
    q = "Torbay rated good for the first time after inadequate in 2016"
    docs = _docs(backend, q)
    # Torbay's story shares only the name with the question (half the minimum would have left it out); the council's
    # lift ranks it first, and another council's full answer still follows
    assert docs[0] == "round9-torbay-steadier.txt"
    assert "round9-halton-first-good.txt" in docs


def test_a_story_sharing_only_a_council_name_with_the_question_is_not_found_without_it(backend):
    # not: the same question without the council, nor with "all the words", nor a document naming no query word
    assert "round9-torbay-steadier.txt" not in _docs(backend, "rated good for the first time after inadequate in 2016")
    assert "round9-torbay-steadier.txt" not in _docs(backend, "Torbay rated good for the first time after inadequate "
                                                              "in 2016", match="all")
    assert "round9-rutland-minutes.txt" not in _docs(backend, "Torbay rated good for the first time after "
                                                             "inadequate in 2016")


def test_a_round_ups_list_naming_the_council_among_others_is_not_its_story(backend):
    # the list names Torbay and shares nothing else with the question: a paragraph about several councils keeps
    # round 7's half the minimum
    docs = _docs(backend, "Torbay rated good for the first time after inadequate in 2016")
    assert "round9-torbay-steadier.txt" in docs and "round9-bottom-band.txt" not in docs
