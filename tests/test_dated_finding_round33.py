"""Round 33: the finding of an inspection the sentence dates by its year, told in a relative clause, is an earlier grade
in the page's history (`settings.ROUND33_DATED_FINDING`): the page's grade change shows the fall. An invented page
about a real council, in the project's own words."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.annotate.movement import grade_change
from tests.facet_helpers import article

FALL = ("Stoke children's services failing, Ofsted says\n\n"
        "Ofsted's report, out today, rates Stoke-on-Trent's children's services inadequate.\n\n"
        "Practice has slipped badly since the 2015 inspection, which found Stoke required improvement, inspectors "
        "said.\n")


@pytest.mark.parametrize("on", [True, False])
def test_a_dated_inspections_finding_is_the_grade_left(monkeypatch, tmp_path, on):
    monkeypatch.setattr(settings, "ROUND33_DATED_FINDING", on)
    page = article(tmp_path, FALL)
    assert page.severity == ["inadequate"]
    values, _ = grade_change(page, False)
    assert ("from requires improvement" in values and "declined" in values) is on
