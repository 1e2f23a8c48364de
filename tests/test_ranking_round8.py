"""Ranking round 8 (docs/news-devset.md): the paragraph shown, two general rules of how news tells a finding, each
tested on sentences written here, with cases that must not fire.

- among paragraphs answering alike, a person's reported reaction ("Councillor Ash, cabinet member for children,
  said ...") gives way to the paragraph stating the finding (news states the finding, then the reactions);
- for a movement question, a change told against an earlier time with no grade beside it ("had declined since its
  last inspection", "real improvement since 2015") is the movement told.
- a movement in a question naming another inspected body (a nursery, a school, a children's home) and no council
  is that body's, not a council's: the documents' recorded movements (councils') neither stand in for its words nor
  lift (as round 6 left such bodies out of the implied overall grade);
- the named council's lift ranks documents but is left out of the tier that bounds a document's candidates for the
  paragraph shown: in a round-up, the paragraph about one asked council is no longer below an introduction that
  inherits every council (nor, in a story, a paragraph that does not repeat the name).
The backend tests run on both backends over the same crafted corpus.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from indexer.models import SearchRequest
from indexer.search.implied_overall import council_movements
from indexer.search.answer import answers, asked_by, changed_since, reaction, shown_paragraph
from indexer.search.query import read_query

from tests.conftest import backend_over, seeds_with
from tests.test_ranking_round7 import _Words, numbered


# --- a person's reaction -----------------------------------------------------------------------------------------

def test_a_reaction_is_a_titled_person_saying_something():
    assert reaction("Councillor Dee Ash, cabinet member for children, said the verdict rewarded years of work.")
    assert reaction("The council leader told the meeting she was proud that services are now rated 'good'.")
    assert reaction("'We are delighted,' said the director of children's services, Sam Reed.")
    # not: the inspectorate or its report saying it, or a title without words said
    assert not reaction("Ofsted says the council's children's services, rated 'inadequate', are improving too slowly.")
    assert not reaction("Inspectors said help for children in need had become more consistent.")
    assert not reaction("The director of children's services took up her post in March.")


def test_among_paragraphs_answering_alike_the_finding_is_shown_before_a_reaction():
    asked = asked_by(read_query(_Words(), "Elmshire rated outstanding for the second time").plan)
    texts = ["Councillor Dee Ash, cabinet member for children, said being rated outstanding twice was a tribute to "
             "staff.",
             "For the second inspection running, Ofsted has rated Elmshire's children's services 'outstanding'."]
    assert shown_paragraph(asked, numbered(texts)) == 1
    # a reaction that answers better (the asked grade) still wins over a paragraph without it
    texts = ["Councillor Dee Ash, cabinet member for children, said being rated outstanding twice was a tribute to "
             "staff.",
             "Inspectors visited over two weeks in the spring and read many case files."]
    assert shown_paragraph(asked, numbered(texts)) == 0


# --- a change told since an earlier time -------------------------------------------------------------------------

def test_a_change_since_an_earlier_time_is_told_in_many_words():
    for text in ("Inspectors found the service had got worse since its previous visit in the autumn.",
                 "The report says practice had declined since the last inspection in 2021.",
                 "They found real improvement since 2015 and praised the new leaders.",
                 "Since then, the new report finds, help for families has deteriorated.",
                 "Services have improved since March, when the commissioner arrived."):
        assert changed_since(text), text
    for text in ("The improvement board has met monthly since March.",  # a noun naming a body, not a change
                 "Since 2018 the council has employed more social workers.",  # no change
                 "Services improved to good effect after the review.",  # no earlier time
                 "Ever since, managers have visited every team each month."):
        assert not changed_since(text), text


def test_a_movement_question_is_shown_the_grade_with_the_change_told():
    asked = asked_by(read_query(_Words(), "Elmshire services deteriorated and rated inadequate in 2024").plan)
    assert asked.movement and asked.grades == {"inadequate"}
    texts = ["Inspectors judged Elmshire's children's services inadequate, with plans that drift.",
             "Every area but one was graded inadequate; services had got worse since its previous visit in 2022."]
    assert shown_paragraph(asked, numbered(texts)) == 1
    # a question asking for no movement is not moved by it
    plain = asked_by(read_query(_Words(), "Elmshire services rated inadequate").plan)
    assert not plain.movement
    assert answers(plain, texts[0]) == answers(plain, texts[1])
    assert shown_paragraph(plain, numbered(texts)) == 0


# --- another inspected body's movement ----------------------------------------------------------------------------

def test_a_movement_of_another_inspected_body_is_not_a_councils():
    for q in ("day nursery downgraded from good to inadequate", "primary school fell from good to requires improvement",
              "children's home improved from inadequate to good", "academy no longer rated inadequate"):
        assert council_movements(q) == [], q
        plan = read_query(_Words(), q).plan
        assert not [v for f, v in (*plan.stand_ins, *plan.boosts) if f == "grade_change"], q
        assert "downgraded" in [g.typed for g in plan.groups] or "downgraded" not in q  # searched as a word
    # must still fire: a council's movement, also beside another body's word or a council named with a topic
    assert council_movements("council downgraded from good to inadequate") == ["from good", "to inadequate"]
    assert council_movements("South Tyneside fell from good to inadequate unregistered homes") == [
        "from good", "to inadequate"]
    plan = read_query(_Words(), "children's services downgraded from good to inadequate").plan
    assert [v for f, v in plan.stand_ins if f == "grade_change"]


# --- both backends, over a corpus written here ---------------------------------------------------------------------

CRAFTED = {
    "round8-elmshire-again.txt": """Elmshire keeps its top grade

Example Courier | 3 March 2025

For the second inspection running, Ofsted has rated Elmshire's children's services 'outstanding'.

Inspectors spent two weeks with social workers, read case files and met young people in care.

Councillor Dee Ash, cabinet member for children, said being rated outstanding for a second time was a tribute to every member of staff.
""",
    "round8-torbay-worse.txt": """Torbay children's services slip to inadequate

Example Gazette | 20 December 2024

Inspectors judged Torbay Council's children's services inadequate, with plans that drift and managers who change often.

Every area but one was graded inadequate: services had got worse since the previous visit in 2022, and caseloads are too high.

The council's deputy leader apologised to families and promised a new plan by the spring.
""",
    "round8-two-counties.txt": """Two county councils keep their good ratings

Example Echo | 4 December 2008

Children's services in the two neighbouring counties came out with "good" ratings in this year's assessments.

Rutland was rated good in every area, and inspectors praised leaders who keep children's lives at the centre of the work.

Lincolnshire was rated good in five of its six areas; the sixth, for staying safe, was adequate.
""",
}


@pytest.fixture(scope="module")
def crafted(tmp_path_factory) -> Path:
    """The seeds (for realistic word statistics) and the documents above."""
    return seeds_with(tmp_path_factory, "round8", CRAFTED)


@pytest.fixture(scope="module", params=["embedded", "postgresql"])
def backend(request, crafted, tmp_path_factory):
    """The crafted corpus on one backend."""
    yield from backend_over(request, tmp_path_factory, "round8", crafted)


def _shown_text(backend, q: str, doc: str) -> str:
    """The text of the paragraph shown for `doc` on the first page of `q`."""
    hit = next(h for h in backend.search(SearchRequest(q=q, per_page=20)).hits if h.doc_id == doc)
    return {p.n: p.text for p in backend.document(doc).paragraphs}[hit.paragraph]


def test_the_finding_is_shown_rather_than_the_reaction(backend):
    shown = _shown_text(backend, "Elmshire rated outstanding for a second time", "round8-elmshire-again.txt")
    assert shown.startswith("For the second inspection running")


def test_a_movement_question_is_shown_the_change_told_since_the_last_visit(backend):
    # The story names a real council and its headline a movement, so the question is read as one on any corpus: a
    # movement in a question stands in only for grade changes some document records (after facet round 8 the seeds
    # record none, and the made-up council this test first used had no facets).
    shown = _shown_text(backend, "Torbay children's services deteriorated and rated inadequate",
                        "round8-torbay-worse.txt")
    assert shown.startswith("Every area but one")


def test_a_round_up_shows_the_paragraph_about_an_asked_council_not_the_introduction(backend):
    shown = _shown_text(backend, "Rutland and Lincolnshire annual assessment good", "round8-two-counties.txt")
    assert shown.startswith(("Rutland was rated", "Lincolnshire was rated"))
