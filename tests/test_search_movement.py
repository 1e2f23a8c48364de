"""Grade movement named in a query (search/movement.py): what is recognised, and what is not."""
from __future__ import annotations

import pytest

from indexer.search.movement import is_cue_word, movements_in


@pytest.mark.parametrize("query,expected", [
    ("children's services no longer rated inadequate", ["from inadequate"]),
    ("councils that moved out of inadequate", ["from inadequate"]),
    ("council jumped two grades from inadequate to good", ["from inadequate", "to good"]),
    ("councils from inadequate to good", ["from inadequate", "to good"]),
    ("improved from requires improvement to good", ["from requires improvement", "to good"]),
    ("Newham downgraded to inadequate", ["to inadequate"]),
    ("rating slipped to requires improvement", ["to requires improvement"]),
    ("climbed to outstanding", ["to outstanding"]),
    ("council lost its outstanding rating", ["from outstanding"]),
    ("councils downgraded by Ofsted", ["declined"]),
    # "<grade> after <grade>": the first reached, the second left; only a stretch of time between.
    ("council rated good two years after inadequate judgement", ["from inadequate", "to good"]),
    ("Havering rated inadequate after being good in 2018", ["from good", "to inadequate"]),
    ("requires improvement after years of inadequate", ["from inadequate", "to requires improvement"]),
])
def test_movement_is_recognised(query, expected):
    assert movements_in(query) == expected


@pytest.mark.parametrize("query", [
    "Birmingham children's services rated inadequate",
    "services not inadequate",
    "children missing from care",
    "care leavers moving to independence",
    "moved to good practice",
    "improved to good effect",
    "out of area placements",
    "number of children in care fell to 420",
    "councils improved",  # "improved" alone is too common a word to mean a grade change
    "making good progress after inadequate rating",  # "good" is no grade there
    "Bradford monitoring visit slow progress after inadequate",
    "care leavers good after inadequate",  # an area's grade, not the overall grade reached
])
def test_other_wording_is_not_a_movement(query):
    assert movements_in(query) == []


def test_cue_words_are_the_movement_words_only():
    assert all(is_cue_word(w) for w in ("longer", "moved", "jumped", "grades", "downgraded", "Out"))
    assert not any(is_cue_word(w) for w in ("inadequate", "council", "children's", "care", "improvement"))
