"""Round 31: a county's customary short form ("Bucks", "Herts", "Northants") names its council, on pages and in
questions, only when written with a capital (`settings.ROUND31_COUNTY_SHORT_FORMS`). Invented pages and questions."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.search.understand import councils_in
from tests.facet_helpers import article

PAGE = ("Herts children's services told to improve\n\n"
        "Herts County Council's cabinet met on Monday after inspectors rated its children's services "
        "'requires improvement to be good', two grades below the outstanding verdict it had hoped for.")


@pytest.mark.parametrize("on", [True, False])
def test_a_page_naming_the_county_by_its_short_form(monkeypatch, tmp_path, on):
    monkeypatch.setattr(settings, "ROUND31_COUNTY_SHORT_FORMS", on)
    doc = article(tmp_path, PAGE)
    assert (doc.council == ["Hertfordshire"]) is on


@pytest.mark.parametrize("on", [True, False])
def test_a_question_naming_the_county_by_its_short_form(monkeypatch, on):
    monkeypatch.setattr(settings, "ROUND31_COUNTY_SHORT_FORMS", on)
    found = [value for value, _ in councils_in("Northants children's services inadequate 2018")]
    assert (found == ["Northamptonshire"]) is on


def test_the_short_form_needs_its_capital(monkeypatch, tmp_path):
    monkeypatch.setattr(settings, "ROUND31_COUNTY_SHORT_FORMS", True)
    assert councils_in("a council that bucks the trend on caseloads") == []
    doc = article(tmp_path, "A council bucks the trend\n\nOne council staffs its front door with permanent social workers "
                        "and was rated good by Ofsted this year.")
    assert "Buckinghamshire" not in doc.council and "Staffordshire" not in doc.council
