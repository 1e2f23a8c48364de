"""Round 32: other councils' customary short forms and initials ("IoW", "H&F", "South Glos", "NE Lincs") name their
council on pages and in questions, with a capital only (`settings.ROUND32_LOCAL_SHORT_FORMS`). Invented pages and
questions."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.search.understand import councils_in
from tests.facet_helpers import article

PAGE = ("Sth Glos children's services told to improve\n\n"
        "Inspectors judged South Glos Council's children's services 'requires improvement to be good' after a "
        "two-week visit in the spring, citing delays at the front door.")


@pytest.mark.parametrize("question, council", [
    ("IoW children's services inadequate to good", "Isle of Wight"),
    ("H&F adoption outstanding Ofsted", "Hammersmith and Fulham"),
    ("what did Ofsted find on its South Glos front door focused visit?", "South Gloucestershire"),
    ("Glos monitoring visit 2018", "Gloucestershire"),
    ("NE Lincs children's services commissioner", "North East Lincolnshire"),
    ("North Yorks children's services good in every category", "North Yorkshire"),
])
@pytest.mark.parametrize("on", [True, False])
def test_a_question_naming_a_council_by_its_short_form(monkeypatch, question, council, on):
    monkeypatch.setattr(settings, "ROUND32_LOCAL_SHORT_FORMS", on)
    found = [value for value, _ in councils_in(question)]
    assert (found == [council]) is on


@pytest.mark.parametrize("on", [True, False])
def test_a_page_naming_the_council_by_its_short_form(monkeypatch, tmp_path, on):
    monkeypatch.setattr(settings, "ROUND32_LOCAL_SHORT_FORMS", on)
    doc = article(tmp_path, PAGE)
    assert (doc.council == ["South Gloucestershire"]) is on  # never Gloucestershire: "South Glos" is matched first


def test_the_short_form_needs_its_capital(monkeypatch):
    monkeypatch.setattr(settings, "ROUND32_LOCAL_SHORT_FORMS", True)
    assert councils_in("an iow ferry timetable") == []
