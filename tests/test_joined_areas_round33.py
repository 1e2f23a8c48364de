"""Round 33: areas joined by "and young people" are one list, and a list's grade given before it is each area's
(`settings.ROUND33_JOINED_AREAS`): the sub-judgements ranking reads."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.annotate.areas import area_grades

BEFORE = ("The council was judged 'outstanding' for how children in care and young people leaving care get on, and "
          "for what its leaders achieve.")


@pytest.mark.parametrize("on", [True, False])
def test_a_grade_before_a_joined_list_is_each_areas(monkeypatch, on):
    monkeypatch.setattr(settings, "ROUND33_JOINED_AREAS", on)
    found = area_grades(BEFORE)
    assert found.get("children_in_care") == "outstanding"
    assert (found.get("care_leavers") == "outstanding") is on


@pytest.mark.parametrize("sentence, expected", [
    ("Children in care and care leavers were judged good.", {"children_in_care": "good", "care_leavers": "good"}),
    ("Children in care were judged good, but care leavers require improvement.",
     {"children_in_care": "good", "care_leavers": "requires improvement"}),
    ("Leadership was rated inadequate; care leavers were not inspected.", {"leadership": "inadequate"}),
])
def test_joined_lists_keep_their_own_grades(monkeypatch, sentence, expected):
    monkeypatch.setattr(settings, "ROUND33_JOINED_AREAS", True)
    assert area_grades(sentence) == expected
