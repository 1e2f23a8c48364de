"""Round 33: a grade followed by a numbered heading naming an area of work is a row of a pasted judgement table, a
sub-judgement (`settings.ROUND33_NUMBERED_AREAS`). An invented page about a real council, in the project's own words."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.annotate.severity import numbered_area
from tests.facet_helpers import article

TABLE = ("Wirral's children's services branded inadequate\n\n"
         "I have read Ofsted's 44-page report, whose headline judgements are these:\n\n"
         "2. Children looked after and achieving permanence\n\n"
         "Requires improvement\n2.1 Adoption performance\n\n"
         "Requires improvement\n2.2 Experiences and progress of care leavers\n\n"
         "The report says senior leaders knew of almost every failing it found.\n")


@pytest.mark.parametrize("on", [True, False])
def test_table_rows_do_not_set_the_overall_grade(monkeypatch, tmp_path, on):
    monkeypatch.setattr(settings, "ROUND33_NUMBERED_AREAS", on)
    assert (article(tmp_path, TABLE).severity == ["inadequate"]) is on


@pytest.mark.parametrize("after, area", [
    (" 2.1 Adoption performance", True),
    ("\n3. Leadership, management and governance", True),
    (" 2.1 per cent of cases", False),
    (" overall, the report says", False),
])
def test_numbered_area(after, area):
    assert numbered_area(after) is area
