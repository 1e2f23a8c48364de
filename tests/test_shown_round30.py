"""Round 30: the paragraph shown on real page text (search/answer.py, shared by both backends).

- (M) a movement question naming the grade it started from only as what came before ("rated good for the first time
  after inadequate in 2016") asks the grade reached, `ROUND30_BACKGROUND_MOVEMENT`;
- (C) a paragraph the page's text cut off (a teaser stopping mid-sentence, a photo caption with its credit) ranks
  below a complete paragraph answering alike, `ROUND30_CUT_SHORT`.
Off is round 29. The paragraphs and places here are written for the tests.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from indexer import settings
from indexer.models import SearchRequest
from indexer.search.answer import asked_by, cut_short, shown_paragraph

from tests.conftest import backend_over, seeds_with
from tests.test_ranking_round15 import _asked


pytestmark = pytest.mark.usefixtures("fresh_answer_caches")  # tests/conftest.py


def _asked_with(monkeypatch, switch: str, on: bool, question: str):
    monkeypatch.setattr(settings, switch, on)
    asked_by.cache_clear()
    return _asked(question)


# --- (M) the grade left named only as what came before ----------------------------------------------------------

@pytest.mark.parametrize("question, reached", [
    ("Marrowby rated good for the first time after inadequate in 2016", "good"),
    ("Marrowby children's services good after years of inadequate ratings", "good"),
    ("Marrowby rated good in 2024 after requires improvement in 2019", "good"),
])
def test_a_movement_question_with_a_background_grade_asks_the_grade_reached(monkeypatch, question, reached):
    asked = _asked_with(monkeypatch, "ROUND30_BACKGROUND_MOVEMENT", True, question)
    assert asked.grades == {reached} and not asked.left and not asked.movement
    asked = _asked_with(monkeypatch, "ROUND30_BACKGROUND_MOVEMENT", False, question)
    assert reached in asked.grades and len(asked.grades) == 2 and asked.left and asked.movement


@pytest.mark.parametrize("question", [
    "Marrowby moved from inadequate to good",  # both ends named as the change itself
    "Marrowby outstanding a decade after being inadequate",  # no movement read: round 29 as it was
])
def test_other_questions_keep_their_grades(monkeypatch, question):
    on = _asked_with(monkeypatch, "ROUND30_BACKGROUND_MOVEMENT", True, question)
    off = _asked_with(monkeypatch, "ROUND30_BACKGROUND_MOVEMENT", False, question)
    assert on == off


OLD_GRADE = (6, "Back in 2016 the borough was judged inadequate, and a commissioner was sent in to run its social "
                "work teams.")
NEW_GRADE = (2, "Inspectors have now rated Marrowby's help for children good, the first time it has earned that "
                "grade.")


def test_the_paragraph_stating_the_grade_reached_is_shown(monkeypatch):
    question = "Marrowby rated good for the first time after inadequate in 2016"
    asked = _asked_with(monkeypatch, "ROUND30_BACKGROUND_MOVEMENT", True, question)
    assert shown_paragraph(asked, [OLD_GRADE, NEW_GRADE]) == 1
    asked = _asked_with(monkeypatch, "ROUND30_BACKGROUND_MOVEMENT", False, question)
    assert shown_paragraph(asked, [OLD_GRADE, NEW_GRADE]) == 0


# --- (C) a paragraph cut off ------------------------------------------------------------------------------------

TEASER = (9, "Children's services in Marrowby have been rated 'outstanding' across the board by inspectors after a")
CAPTION = (3, "Staff at Marrowby's family hub celebrate the 'outstanding' rating. Picture: Lantern Press Agency")
RUNS_ON = (7, "The watchdog rated the service 'outstanding' this month. The last visit, in 2021, had left it")


@pytest.mark.parametrize("text", [TEASER[1], CAPTION[1], RUNS_ON[1],
                                  "Volunteers cleared the hall before the vote (Image: Marrowby Borough Council)",
                                  "Members also asked about the budget, the rota,"])
def test_a_paragraph_cut_off_is_read(text):
    assert cut_short(text)


@pytest.mark.parametrize("text", [
    "Marrowby children's services rated outstanding",  # a headline
    "2. Children in care: Outstanding",  # a numbered list line
    "The full letter is on the inspectorate's site at www.example.org/marrowby",  # ends on an address
    "Marrowby has been rated outstanding by Ofsted.",  # a sentence
    "Two heads said: \"The visit went well.\" Staff were thanked.",
])
def test_a_complete_paragraph_is_not_cut(text):
    assert not cut_short(text)


@pytest.mark.parametrize("cut", [TEASER, CAPTION, RUNS_ON])
def test_a_cut_paragraph_gives_way_to_a_complete_one_answering_alike(monkeypatch, cut):
    complete = (4, "Inspectors judged Marrowby's children's services outstanding in every area they looked at.")
    question = "Marrowby children's services rated outstanding"
    monkeypatch.setattr(settings, "ROUND30_CUT_SHORT", True)
    assert shown_paragraph(_asked(question), [cut, complete]) == 1
    monkeypatch.setattr(settings, "ROUND30_CUT_SHORT", False)
    assert shown_paragraph(_asked(question), [cut, complete]) == 0


def test_a_cut_paragraph_answering_better_is_still_shown(monkeypatch):
    # the rule breaks ties only: a cut paragraph stating the asked grade beats a complete one stating none
    monkeypatch.setattr(settings, "ROUND30_CUT_SHORT", True)
    other = (4, "Inspectors spent two weeks in Marrowby talking to families and social workers.")
    assert shown_paragraph(_asked("Marrowby children's services rated outstanding"), [other, TEASER]) == 1


# --- both backends ----------------------------------------------------------------------------------------------

QUESTION = "Rutland rated good for the first time after inadequate in 2016"
CRAFTED = {
    "round30-marrowby-good.txt": """Rutland children's services report published

Inspectors have now rated Rutland's help for children as good: the first time since its 2016 inspection.

Back in 2016 Rutland was rated inadequate, and a commissioner was sent in for the first time to run its social work teams.

The council said it would keep its improvement board until the summer.
""",
    # another council's move, so that the index holds the movement the question names (a query reads only movements
    # some document records)
    "round30-other-move.txt": """Halton children's services move up

Halton's children's services have moved up from inadequate to good, Ofsted said on Friday.
""",
}


@pytest.fixture(scope="module")
def crafted(tmp_path_factory) -> Path:
    """The seeds (for realistic word statistics) and the document above."""
    return seeds_with(tmp_path_factory, "round30", CRAFTED)


@pytest.fixture(scope="module", params=["embedded", "postgresql"])
def backend(request, crafted, tmp_path_factory):
    """The crafted corpus on one backend."""
    yield from backend_over(request, tmp_path_factory, "round30", crafted)


@pytest.mark.parametrize("on, starts", [(True, "Inspectors have now rated"), (False, "Back in 2016")])
def test_both_backends_show_the_grade_reached(backend, monkeypatch, on, starts):
    # off, the paragraph retelling the old grade with its year is shown; the embedded backend caches results by
    # request, so the two runs ask for different page sizes
    monkeypatch.setattr(settings, "ROUND30_BACKGROUND_MOVEMENT", on)
    asked_by.cache_clear()
    hit = next(h for h in backend.search(SearchRequest(q=QUESTION, per_page=20 if on else 19)).hits
               if h.doc_id == "round30-marrowby-good.txt")
    shown = {p.n: p.text for p in backend.document("round30-marrowby-good.txt").paragraphs}[hit.paragraph]
    assert shown.startswith(starts)
