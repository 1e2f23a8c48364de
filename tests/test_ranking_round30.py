"""Round 30 (rankaa30): ranking on fresh questions, in the shared chooser of the paragraph shown (search/answer.py).

- A question naming children's centres or family centres ("children's centres group rated requires improvement by
  Ofsted") names another inspected body, as a nursery does: its grade lifts no council's reports as their overall
  grade, `ROUND30_CENTRES_BODY`.
- (built, left off) A question saying "overall" beside a grade ("Marrowby inadequate overall and for children in care, help and
  protection requires improvement") is answered by the paragraph giving an asked grade as the overall one, one point
  above a paragraph giving only a judged area's grade, `ROUND30_OVERALL_STATED`.
Off is the code before it. The paragraphs and places here are written for the tests.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from indexer import settings
from indexer.models import SearchRequest
from indexer.search.answer import asked_by, overall_stated, shown_paragraph
from indexer.search.implied_overall import council_movements, implied_overall, names_other_body

from tests.conftest import backend_over, seeds_with
from tests.test_ranking_round15 import _asked


pytestmark = pytest.mark.usefixtures("fresh_answer_caches")  # tests/conftest.py


@pytest.fixture(autouse=True)
def _round31_provider_off(monkeypatch):
    """This round's rule alone: round 31's reading of another provider (tests/test_provider_round31.py) also drops the
    council's lift for a set of homes or schools and reads centres as a provider, so it stays off here."""
    monkeypatch.setattr(settings, "ROUND31_PROVIDER", False)


def _asked_with(monkeypatch, on: bool, question: str):
    monkeypatch.setattr(settings, "ROUND30_OVERALL_STATED", on)
    asked_by.cache_clear()
    return _asked(question)


AREA_ONLY = (2, "Help and protection for families, and the work of the senior team, were each found to require "
                "improvement to be good.")
OVERALL = (5, "The inspectorate judged Marrowby's help for children inadequate overall, and inadequate for the "
              "children in its care as well.")


@pytest.mark.parametrize("question", [
    "Marrowby inadequate overall and for children in care, help and protection requires improvement",
    "Marrowby overall effectiveness and children in care inadequate while help and protection requires improvement",
])
def test_the_paragraph_giving_the_overall_grade_is_shown(monkeypatch, question):
    asked = _asked_with(monkeypatch, True, question)
    assert asked.overall
    assert shown_paragraph(asked, [AREA_ONLY, OVERALL]) == 1
    asked = _asked_with(monkeypatch, False, question)
    assert not asked.overall
    assert shown_paragraph(asked, [AREA_ONLY, OVERALL]) == 0


def test_a_question_without_overall_is_read_as_before(monkeypatch):
    question = "Marrowby inadequate, help and protection requires improvement"
    assert _asked_with(monkeypatch, True, question) == _asked_with(monkeypatch, False, question)


@pytest.mark.parametrize("text", [
    "Marrowby was rated 'inadequate' overall after the visit.",
    "Overall effectiveness was judged to be inadequate.",
    "Inspectors gave the borough an overall grade of inadequate.",
])
def test_the_overall_grade_is_read(text):
    assert overall_stated(text, {"inadequate"})


@pytest.mark.parametrize("text", [
    "Marrowby was rated 'inadequate' for its work with care leavers. Overall, the council said, staff morale is up.",
    "The overall picture is of a service that works hard for families and was judged inadequate in one area only.",
    "Marrowby was rated good overall.",  # another grade
])
def test_other_paragraphs_do_not_give_it(text):
    assert not overall_stated(text, {"inadequate"})


# --- children's centres are another inspected body ----------------------------------------------------------------

@pytest.mark.parametrize("question", [
    "children's centres group rated requires improvement by Ofsted",
    "family centres judged inadequate after inspection",
    "childrens centre rated good",
])
def test_centres_are_another_body(monkeypatch, question):
    monkeypatch.setattr(settings, "ROUND30_CENTRES_BODY", True)
    assert names_other_body(question) and not implied_overall(question)
    monkeypatch.setattr(settings, "ROUND30_CENTRES_BODY", False)
    assert not names_other_body(question) and implied_overall(question)


def test_a_centres_movement_is_not_a_councils(monkeypatch):
    question = "children's centres downgraded from good to inadequate"
    monkeypatch.setattr(settings, "ROUND30_CENTRES_BODY", True)
    assert council_movements(question) == []
    monkeypatch.setattr(settings, "ROUND30_CENTRES_BODY", False)
    assert council_movements(question)


@pytest.mark.parametrize("question", [
    "Marrowby focused visit found practice centred on parents",  # "centred" is no centre
    "children's services rated requires improvement 2016",
])
def test_other_questions_name_no_centre(monkeypatch, question):
    monkeypatch.setattr(settings, "ROUND30_CENTRES_BODY", True)
    assert not names_other_body(question)


# --- both backends ----------------------------------------------------------------------------------------------

CENTRES = "round30r-marrowby-centres.txt"
RUTLAND_RI = "round30r-rutland-requires-improvement.txt"
CRAFTED = {
    CENTRES: """Marrowby children's centres group rated requires improvement

The group of six children's centres the council runs in the north of Marrowby was rated requires improvement by Ofsted after a three-day inspection in May.

Inspectors said too few families from the poorest streets used the centres, though staff knew well the families who came.
""",
    RUTLAND_RI: """Rutland children's services require improvement

Ofsted has rated Rutland's children's services as requires improvement to be good.

Inspectors said children's centres and early help workers referred families quickly, but group supervision of social workers was patchy.
""",
}


@pytest.fixture(scope="module")
def crafted(tmp_path_factory) -> Path:
    """The seeds (for realistic word statistics) and the document above."""
    return seeds_with(tmp_path_factory, "round30r", CRAFTED)


@pytest.fixture(scope="module", params=["embedded", "postgresql"])
def backend(request, crafted, tmp_path_factory):
    """The crafted corpus on one backend."""
    yield from backend_over(request, tmp_path_factory, "round30r", crafted)


@pytest.mark.parametrize("on, first", [(True, CENTRES), (False, RUTLAND_RI)])
def test_both_backends_rank_the_centres_story_first(backend, monkeypatch, on, first):
    # off, the council's report is lifted as holding the grade overall; the page sizes differ (the embedded cache)
    monkeypatch.setattr(settings, "ROUND30_CENTRES_BODY", on)
    request = SearchRequest(q="children's centres group rated requires improvement by Ofsted", per_page=18 if on else 17)
    ranked = [h.doc_id for h in backend.search(request).hits if h.doc_id in (CENTRES, RUTLAND_RI)]
    assert ranked[0] == first
