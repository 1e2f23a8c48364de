"""Round 33: a grade that ends a since-clause with its year after it is the standing grade from that year
(`settings.ROUND33_SINCE_DATED`), and the since-clause has a subject of its own, so an area named in the main clause
does not make it a sub-judgement (`settings.ROUND33_SINCE_CLAUSE_AREA`). Invented pages about real councils, in the
project's own words."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.annotate.grade_context import since_dated
from tests.facet_helpers import article

VISIT = ("Dorset's help for young people leaving care is getting better\n\n"
         "Inspectors came back in June to look at the county's care leavers' service alone.\n\n"
         "They said the service had strengthened since the council was rated as requires improvement in 2023, though "
         "pathway plans still varied too much.\n")
AREA = ("Inspectors return to Dorset\n\n"
        "Help for care leavers had grown stronger since it was rated as requires improvement in 2023, inspectors "
        "said after their June visit.\n")


@pytest.mark.parametrize("on", [True, False])
def test_a_dated_since_clause_gives_the_standing_grade(monkeypatch, tmp_path, on):
    monkeypatch.setattr(settings, "ROUND33_SINCE_DATED", on)
    assert (article(tmp_path, VISIT).severity == ["requires improvement"]) is on


@pytest.mark.parametrize("on", [True, False])
def test_the_main_clause_area_is_not_the_since_clause_subject(monkeypatch, tmp_path, on):
    monkeypatch.setattr(settings, "ROUND33_SINCE_CLAUSE_AREA", on)
    assert (article(tmp_path, AREA).severity == ["requires improvement"]) is on


@pytest.mark.parametrize("head, after, standing", [
    ("support had strengthened since the council was rated as ", " in 2024.", True),
    ("progress since it was judged ", " in March 2022, inspectors said", True),
    ("the inspection, the first since the council was rated as ", " in 2012, found", False),  # a newer inspection
    ("the fourth visit since Sefton was rated ", " in February 2022", False),
    ("progress since it was rated ", " by inspectors", False),  # no year: round 9's since-clause already reads it
    ("two years after the council was rated ", " in 2019", False),  # after, not since: a past grade
    ("services had significantly deteriorated since it was rated ", " in 2012, inspectors found", False),  # a fall
])
def test_since_dated_reads_the_clause(head, after, standing):
    assert since_dated(head, after) is standing
