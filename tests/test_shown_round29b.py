"""Round 29, second pass: how a paragraph says a judged area's grade (search/answer.py, shared by both backends).

- (F) an everyday grade word followed by "for" and a judged area is that area's grade ("with outstanding for its
  care leavers"), `ROUND29_GRADE_FOR_AREA`;
- (N) a judged area the question names is found in a paragraph under any name reports give it ("its leaders" for a
  question about leadership), `ROUND29_AREA_NAMES`.
Off is the first pass. The paragraphs here are written for the tests.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from indexer import settings
from indexer.models import SearchRequest
from indexer.search.answer import answers, asked_by, shown_paragraph, stated_grades, stated_grades_cached

from tests.conftest import backend_over, seeds_with
from tests.test_ranking_round15 import _asked


pytestmark = pytest.mark.usefixtures("fresh_answer_caches")  # tests/conftest.py


# --- (F) a grade word followed by "for" and a judged area ---------------------------------------------------------

AREA_GRADE = "Today's report lifts Hallowmere to 'good' overall, with outstanding for its care leavers this time."


@pytest.mark.parametrize("text, grade", [
    (AREA_GRADE, "outstanding"),
    ("The visit left the borough good for its care leavers and little else.", "good"),
    ("Inspectors gave it outstanding for the impact of leaders in the service.", "outstanding"),
    ("The trust scored good for the experiences and progress of looked after children.", "good"),
])
def test_a_grade_word_before_for_and_an_area_is_that_areas_grade(monkeypatch, text, grade):
    monkeypatch.setattr(settings, "ROUND29_GRADE_FOR_AREA", True)
    assert grade in stated_grades(text)
    monkeypatch.setattr(settings, "ROUND29_GRADE_FOR_AREA", False)
    assert grade not in stated_grades(text)


@pytest.mark.parametrize("text", [
    "Mentoring is good for the families it reaches.",
    "The new rota is good for staff morale in the care teams.",
])
def test_for_before_anything_but_an_area_still_stops_a_grade(monkeypatch, text):
    monkeypatch.setattr(settings, "ROUND29_GRADE_FOR_AREA", True)
    assert "good" not in stated_grades(text)


def test_the_paragraph_giving_the_area_its_grade_is_shown(monkeypatch):
    question = "Hallowmere care leavers judged outstanding"
    # the best-ranked: the overall grade only, and the area's name with no grade beside it
    overall = (2, "Hallowmere's care leavers met six inspectors; the service is now rated 'good'.")
    monkeypatch.setattr(settings, "ROUND29_GRADE_FOR_AREA", True)
    asked = _asked(question)
    assert asked.grades == {"outstanding"}
    assert shown_paragraph(asked, [overall, (5, AREA_GRADE)]) == 1
    monkeypatch.setattr(settings, "ROUND29_GRADE_FOR_AREA", False)
    stated_grades_cached.cache_clear()
    asked_by.cache_clear()
    assert shown_paragraph(_asked(question), [overall, (5, AREA_GRADE)]) == 0


# --- (N) an area under the names reports give it ------------------------------------------------------------------

LEADERS = (4, "Overall the service is 'Good', and its leaders earn an 'Outstanding' for how they shape social work, "
              "which the council puts down to its new director.")
QUESTION = "Ashcombe leadership judged outstanding while services are good overall"


def test_an_area_named_as_reports_name_it_answers(monkeypatch):
    monkeypatch.setattr(settings, "ROUND29_AREA_NAMES", True)
    asked = _asked(QUESTION)
    assert asked.area_names
    # both grades asked, and the area beside them: the most a paragraph can answer
    assert answers(asked, LEADERS[1]) == settings.RANKING.answer_grade_weight + 2
    monkeypatch.setattr(settings, "ROUND29_AREA_NAMES", False)
    asked_by.cache_clear()
    asked = _asked(QUESTION)
    assert not asked.area_names
    assert answers(asked, LEADERS[1]) == settings.RANKING.answer_grade_weight


def test_the_area_by_another_name_is_shown(monkeypatch):
    thin = (1, "Ashcombe's services are rated 'good' by Ofsted.")
    monkeypatch.setattr(settings, "ROUND29_AREA_NAMES", True)
    assert shown_paragraph(_asked(QUESTION), [thin, LEADERS]) == 1
    monkeypatch.setattr(settings, "ROUND29_AREA_NAMES", False)
    asked_by.cache_clear()
    assert shown_paragraph(_asked(QUESTION), [thin, LEADERS]) == 0


def test_an_area_name_counts_only_beside_an_asked_grade(monkeypatch):
    monkeypatch.setattr(settings, "ROUND29_AREA_NAMES", True)
    asked = _asked(QUESTION)
    assert answers(asked, "Council leaders met the inspectors on Tuesday.") == 0


# --- both backends ----------------------------------------------------------------------------------------------

CRAFTED = {
    "round29b-ashcombe-leaders.txt": """Ashcombe children's services report published

Ashcombe's children's services are judged 'good' overall, and the council's leadership board welcomed the report.

Overall the service is 'Good', and its leaders earn an 'Outstanding' for how they shape social work, which the council puts down to its new director.

The council said it would keep its improvement board until the summer.
""",
}


@pytest.fixture(scope="module")
def crafted(tmp_path_factory) -> Path:
    """The seeds (for realistic word statistics) and the document above."""
    return seeds_with(tmp_path_factory, "round29b", CRAFTED)


@pytest.fixture(scope="module", params=["embedded", "postgresql"])
def backend(request, crafted, tmp_path_factory):
    """The crafted corpus on one backend."""
    yield from backend_over(request, tmp_path_factory, "round29b", crafted)


@pytest.mark.parametrize("on, starts", [(True, "Overall the service is 'Good'"), (False, "Ashcombe's children's")])
def test_both_backends_show_the_area_by_its_report_name(backend, monkeypatch, on, starts):
    # off, the paragraph naming the question's own word for the area (and only the overall grade) is shown; the
    # embedded backend caches results by request, so the two runs ask for different page sizes
    monkeypatch.setattr(settings, "ROUND29_AREA_NAMES", on)
    asked_by.cache_clear()
    hit = next(h for h in backend.search(SearchRequest(q=QUESTION, per_page=20 if on else 19)).hits
               if h.doc_id == "round29b-ashcombe-leaders.txt")
    shown = {p.n: p.text for p in backend.document("round29b-ashcombe-leaders.txt").paragraphs}[hit.paragraph]
    assert shown.startswith(starts)
