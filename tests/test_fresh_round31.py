"""Round 31: the paragraph shown for fresh kinds of question (search/answer.py, search/topic.py, shared by both
backends).

(F) A question quoting an amount, a percentage or a number beside a grade ("buys in £184,000 of extra training for its
inadequate children's services", "inadequate backlog of 391 assessments") asks for the paragraph holding that figure:
it is worth one more than stating the asked grade, in the grade's place, `ROUND31_FIGURE_ASKED`.
(V) A topic question naming a visit counts the visit told with its time ("a two-day focused visit in March") as one
more topic word, where the best-ranked paragraph speaks of a visit, `ROUND31_VISIT_TOLD`.
Off is round 30. The questions, paragraphs and places here are written for the tests.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from indexer import settings
from indexer.models import SearchRequest
from indexer.search.answer import asked_by, figures_held, figures_in, shown_paragraph
from indexer.search.topic import VISIT_TOLD, _VISIT_TOLD

from tests.conftest import backend_over, seeds_with
from tests.test_ranking_round15 import _asked


pytestmark = pytest.mark.usefixtures("fresh_answer_caches")  # tests/conftest.py


def _asked_with(monkeypatch, on: bool, question: str):
    monkeypatch.setattr(settings, "ROUND31_FIGURE_ASKED", on)
    asked_by.cache_clear()
    return _asked(question)


# --- which figures a question quotes ----------------------------------------------------------------------------

@pytest.mark.parametrize("question, figures", [
    ("Marrowby buys in £184,000 of extra training for its inadequate children's services", (("184000", ""),)),
    ("Marrowby inadequate 2016 with a backlog of 391 assessments", (("391", ""),)),
    ("Marrowby requires improvement 2021 £17 million rescue plan", (("17", ""),)),
    ("Marrowby downgraded to requires improvement with a £3 million drive", (("3", "m"),)),
    ("Marrowby good in 2023 after 64 new social workers joined", (("64", ""),)),
])
def test_the_figures_a_question_quotes(question, figures):
    assert figures_in(question) == figures


@pytest.mark.parametrize("question", [
    "Marrowby inadequate in 2016, requires improvement in 2019",  # years
    "Marrowby annual report 2015-16 and 2016/17",  # the two ends of a year's span
    "Marrowby report out on Tuesday 12 June",  # a day of a month
    "Marrowby focused visit on homeless 16 and 17 year olds",  # ages
    "annual report: child protection poor in 13 councils",  # a count of councils
    "2010 ratings 31 excellent 12 performing poorly",  # counts of grades
    "Marrowby rated 2 out of 4",  # one-digit numbers without a unit
])
def test_what_is_not_a_figure(question):
    assert figures_in(question) == ()


@pytest.mark.parametrize("text, figures, held", [
    ("The extra help will cost £184,000 over two years.", (("184000", ""),), True),
    ("A budget line of 184000 pounds was agreed.", (("184000", ""),), True),
    ("The council will put £17m into social work.", (("17", ""),), True),
    ("Leaders pledged a £3 million improvement drive.", (("3", "m"),), True),
    ("There were 2,391 contacts to the front door.", (("391", ""),), False),  # another number ending alike
    ("One in 3 families waited too long.", (("3", "m"),), False),  # the digit without its unit
])
def test_a_paragraph_holding_the_figure(text, figures, held):
    assert figures_held(text, figures) is held


# --- the paragraph shown ----------------------------------------------------------------------------------------

GRADE = (1, "Marrowby Borough Council is paying for outside help with its children's services, which the watchdog "
            "rated 'inadequate' last spring.")
FIGURE = (5, "The extra training will cost £184,000 and is aimed at the managers who oversee the borough's social "
             "work teams.")


def test_the_paragraph_holding_the_figure_is_shown(monkeypatch):
    question = "Marrowby buys in £184,000 of extra training for its inadequate children's services"
    assert shown_paragraph(_asked_with(monkeypatch, True, question), [GRADE, FIGURE]) == 1
    assert shown_paragraph(_asked_with(monkeypatch, False, question), [GRADE, FIGURE]) == 0


def test_the_figure_with_the_grade_counts_one_more_than_the_grade_alone(monkeypatch):
    question = "Marrowby buys in £184,000 of extra training for its inadequate children's services"
    both = (6, "Ofsted rated the service 'inadequate' in March; the £184,000 training contract followed in May.")
    assert shown_paragraph(_asked_with(monkeypatch, True, question), [GRADE, both]) == 1
    # ... and as much as the figure alone (the tie goes to the earlier paragraph)
    assert shown_paragraph(_asked_with(monkeypatch, True, question), [GRADE, both, FIGURE]) == 2


def test_the_change_told_still_outweighs_a_figure(monkeypatch):
    # a movement question: the paragraph telling the change in full stays before a lede that holds the figure and
    # states the grade (the figure is worth one more than the grade, not on top of it)
    question = "Marrowby downgraded from good to requires improvement with a £3 million improvement drive"
    change = (2, "An Ofsted review in March found Marrowby's services 'required improvement' in every area, down "
                 "from the 'good' rating they had held since 2015.")
    lede = (1, "Council bosses have promised a £3 million drive after inspectors found the service no longer good.")
    asked = _asked_with(monkeypatch, True, question)
    assert asked.figures == (("3", "m"),)
    assert shown_paragraph(asked, [change, lede]) == 0


def test_off_no_figure_is_read(monkeypatch):
    assert _asked_with(monkeypatch, False, "Marrowby inadequate 2016 with a backlog of 391 assessments").figures == ()


# --- (V) the visit told -----------------------------------------------------------------------------------------

def _visit_asked(monkeypatch, on: bool, question: str):
    monkeypatch.setattr(settings, "ROUND31_VISIT_TOLD", on)
    asked_by.cache_clear()
    return _asked(question)


@pytest.mark.parametrize("text, told", [
    ("After a two-day focused visit in March, inspectors wrote the council a public letter.", True),
    ("At its fourth and final monitoring visit to the borough last month, the inspectorate praised the new teams.", True),
    ("Inspectors came back in November for a monitoring visit.", True),
    ("A focused visit is a short look at one part of a council's work and ends with no grade.", False),
    ("Inspectors visited the borough's front door team and read forty case files.", False),
])
def test_a_visit_told_with_its_time(text, told):
    assert bool(_VISIT_TOLD.search(text)) is told


def test_a_visit_question_asks_the_visit_told(monkeypatch):
    on = _visit_asked(monkeypatch, True, "Marrowby front door focused visit")
    assert any(VISIT_TOLD in word[0] for word in on.topic)
    off = _visit_asked(monkeypatch, False, "Marrowby front door focused visit")
    assert not any(VISIT_TOLD in word[0] for word in off.topic)
    assert not any(VISIT_TOLD in word[0] for word in _visit_asked(monkeypatch, True, "Marrowby front door").topic)


EXPLAINED = (5, "A focused visit is a short look at one part of a council's work and ends with no grade.")
TOLD = (2, "After a two-day focused visit in March, inspectors wrote the council a public letter.")


def test_the_visit_told_is_shown_over_an_explanation_of_visits(monkeypatch):
    question = "Marrowby focused visit findings"
    assert shown_paragraph(_visit_asked(monkeypatch, True, question), [EXPLAINED, TOLD]) == 1
    assert shown_paragraph(_visit_asked(monkeypatch, False, question), [EXPLAINED, TOLD]) == 0


def test_the_visit_told_counts_only_where_the_best_ranked_speaks_of_a_visit(monkeypatch):
    # the best-ranked paragraph names what the question asks about without a visit: the dated visit does not replace it
    question = "Marrowby focused visit caseloads delays"
    named = (6, "Three things to improve were named: caseloads, delays and the recording of supervision.")
    dated = (2, "Inspectors made a focused visit in September.")
    assert shown_paragraph(_visit_asked(monkeypatch, True, question), [named, dated]) == 0


# --- both backends ----------------------------------------------------------------------------------------------

QUESTION = "Rutland buys in £184,000 of specialist support for its inadequate children's services"
CRAFTED = {
    "round31-rutland-support.txt": """Rutland pays for outside help

Rutland County Council is paying for specialist support for its children's services, which Ofsted rated inadequate in the spring.

The specialist support will cost £184,000 and pays for training the managers of the council's children's services.

Councillors will hear how the work is going at their next meeting.
""",
}


@pytest.fixture(scope="module")
def crafted(tmp_path_factory) -> Path:
    """The seeds (for realistic word statistics) and the document above."""
    return seeds_with(tmp_path_factory, "round31", CRAFTED)


@pytest.fixture(scope="module", params=["embedded", "postgresql"])
def backend(request, crafted, tmp_path_factory):
    """The crafted corpus on one backend."""
    yield from backend_over(request, tmp_path_factory, "round31", crafted)


@pytest.mark.parametrize("on, starts", [(True, "The specialist support will cost"), (False, "Rutland County Council")])
def test_both_backends_show_the_paragraph_holding_the_figure(backend, monkeypatch, on, starts):
    # the embedded backend caches results by request, so the two runs ask for different page sizes
    monkeypatch.setattr(settings, "ROUND31_FIGURE_ASKED", on)
    asked_by.cache_clear()
    hit = next(h for h in backend.search(SearchRequest(q=QUESTION, per_page=20 if on else 19)).hits
               if h.doc_id == "round31-rutland-support.txt")
    shown = {p.n: p.text for p in backend.document("round31-rutland-support.txt").paragraphs}[hit.paragraph]
    assert shown.startswith(starts)
