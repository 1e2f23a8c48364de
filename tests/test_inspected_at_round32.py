"""Round 32: a council where the inspectorate found something is a subject of the page, graded or not
(`settings.ROUND32_INSPECTED_AT`, ingest/annotate/inspected_at.py). Invented pages about real councils, in the
project's own words."""
from __future__ import annotations

import pytest

from indexer import settings
from tests.facet_helpers import article

ROUND_UP = ("Snap inspections find urgent problems in five councils\n\n"
            "Ofsted's first unannounced checks on contact and referral teams found urgent problems at Cornwall, "
            "Hounslow and Warrington, where caseloads were far too high.\n\n"
            "Inspectors also found gaps in management oversight in two of the other councils - Calderdale and Leeds.\n\n"
            "The checks give no grade; councils must act on the areas for priority action.\n")
ANSWER = ("Written answer: children's services run by trusts\n\n"
          "Doncaster's services moved to a trust after the September 2015 inspection judged them inadequate.\n\n"
          "Ofsted inspected children's social care services in Slough in November 2015, weeks after its trust began.\n")
HOME = ("Children's home told to improve\n\n"
        "Ofsted rated Walsall's children's services good last year.\n\n"
        "Inspectors found poor record keeping at a children's home in Dudley run by a private company.\n")


@pytest.mark.parametrize("on", [True, False])
def test_councils_where_findings_were_made(monkeypatch, tmp_path, on):
    monkeypatch.setattr(settings, "ROUND32_INSPECTED_AT", on)
    found = article(tmp_path, ROUND_UP).council
    if on:
        assert set(found) == {"Cornwall", "Hounslow", "Warrington", "Calderdale", "Leeds"}
    else:
        assert found == ["Cornwall"]  # a list of three is no long list; the others were graded by nothing


@pytest.mark.parametrize("on", [True, False])
def test_a_council_where_an_inspection_took_place(monkeypatch, tmp_path, on):
    monkeypatch.setattr(settings, "ROUND32_INSPECTED_AT", on)
    assert ("Slough" in article(tmp_path, ANSWER).council) is on


def test_a_provider_inspected_in_a_council_area_is_no_subject(monkeypatch, tmp_path):
    monkeypatch.setattr(settings, "ROUND32_INSPECTED_AT", True)
    assert "Dudley" not in article(tmp_path, HOME).council
