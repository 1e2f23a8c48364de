"""Round 33: a council graded only for its child protection takes that grade as the overall one when the record holds
its 2012-13 child protection inspection with it (`settings.ROUND33_CPI_AREA`); a grade left by "one of which" (other
councils) is not the page's council's (`settings.ROUND33_OTHERS_LEFT`). Invented pages about real councils, in the
project's own words; the record has the Isle of Wight's CPI of January 2013 (inadequate) and Birmingham's of October
2012 (inadequate)."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.annotate.child_protection import cpi_grade
from indexer.ingest.annotate.grade_context import about_others
from indexer.ingest.annotate.severity import GradeStatement
from tests.facet_helpers import article

ISLAND = ("Improvement board for the Island's children's social care\n\n"
          "Scrutiny members heard that the Department for Education wants a new board after Ofsted's report found the "
          "Isle of Wight council 'inadequate' in child protection.\n\n"
          "The council's director said the board would include health and police partners. The independent chair has "
          "helped two other councils in the same position, one of which has now moved out of 'inadequate' status.\n")



@pytest.mark.parametrize("on", [True, False])
def test_a_child_protection_grade_is_the_cpi_grade(monkeypatch, tmp_path, on):
    monkeypatch.setattr(settings, "ROUND33_CPI_AREA", on)
    page = article(tmp_path, ISLAND)
    assert (page.severity == ["inadequate"]) is on
    assert (page.year == 2013) is on  # the CPI the grade is: the record's January 2013 report


@pytest.mark.parametrize("text, grade", [
    ("Birmingham's child protection was rated inadequate, Ofsted said.", "inadequate"),  # no year: the CPI's
    ("In 2008 Birmingham's child protection was rated inadequate.", ""),  # four years before its CPI
    ("In 2012 Birmingham's child protection was rated good.", ""),  # not the CPI's grade
])
def test_the_cpi_grade_needs_the_record(text, grade):
    statement = GradeStatement(text.split(" was rated ")[1].split(",")[0].rstrip("."), 0.4, text, 1, sub_area=True)
    assert cpi_grade([statement], "E08000025", text, None)[0] == grade


@pytest.mark.parametrize("on", [True, False])
def test_another_councils_move_does_not_date_the_page(monkeypatch, tmp_path, on):
    monkeypatch.setattr(settings, "ROUND33_CPI_AREA", False)
    monkeypatch.setattr(settings, "ROUND33_OTHERS_LEFT", on)
    assert (article(tmp_path, ISLAND).year is None) is on  # off: the grade "left" points at the 2014 inspection


@pytest.mark.parametrize("head, others", [
    ("two other councils in a similar position, one of which has now ", True),
    ("the three councils, two of them still ", True),
    ("the council, which has now ", False),
    ("Slough has now ", False),
])
def test_about_others(head, others):
    assert about_others(head) is others
