"""Round 33: a judging sentence that places the page's event in a series lists earlier cases to compare with, so its
councils are not subjects as a judged list's members (`settings.ROUND33_PRECEDENT_LISTS`). Invented pages about real
councils, in the project's own words."""
from __future__ import annotations

import pytest

from indexer import settings
from tests.facet_helpers import article

SERIES = ("Minister sends commissioner into Torbay\n\n"
          "Torbay's children's services, rated inadequate by Ofsted in January, are to get a commissioner, the "
          "Department for Education said.\n\n"
          "It is the latest in a series of interventions which have put commissioners into Sunderland, Norfolk and "
          "Sandwell during the past year.\n\n"
          "Torbay's leader said the council would work with the commissioner.\n")
JUDGED = SERIES.replace("It is the latest in a series of interventions which have put commissioners into",
                        "The department has also put commissioners into")


@pytest.mark.parametrize("on", [True, False])
def test_earlier_cases_in_a_series_are_not_subjects(monkeypatch, tmp_path, on):
    monkeypatch.setattr(settings, "ROUND33_PRECEDENT_LISTS", on)
    councils = article(tmp_path, SERIES).council
    assert (councils == ["Torbay"]) is on


def test_a_judged_list_without_the_series_stays_subjects(monkeypatch, tmp_path):
    monkeypatch.setattr(settings, "ROUND33_PRECEDENT_LISTS", True)
    assert {"Sunderland", "Norfolk", "Sandwell"} <= set(article(tmp_path, JUDGED).council)
