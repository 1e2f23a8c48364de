"""Round 33: a grade named as a purpose through a rating noun is an aim, not a grade held
(`settings.ROUND33_AIM_RATING_NOUN`). Sentences in the project's own words."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.annotate.aims import aimed_at


@pytest.mark.parametrize("before, aim", [
    ("The letter says that in order to achieve a judgement of '", True),
    ("the work needed to secure a rating of ", True),
    ("inspectors gave the council a judgement of '", False),  # given: held
    ("in order to keep its rating of ", False),  # keeping is holding
])
def test_a_purpose_through_a_rating_noun(monkeypatch, before, aim):
    monkeypatch.setattr(settings, "ROUND33_AIM_RATING_NOUN", True)
    assert aimed_at(before) is aim


def test_off_reads_it_as_before(monkeypatch):
    monkeypatch.setattr(settings, "ROUND33_AIM_RATING_NOUN", False)
    assert aimed_at("The letter says that in order to achieve a judgement of '") is False
