"""Facet classes: masks, honest counts, selection state and toggle URLs built by the library."""
from __future__ import annotations

from types import SimpleNamespace
from urllib.parse import parse_qs

import numpy as np
import pytest

from indexer.models import SearchRequest
from indexer.backends import SearchBackend, open_backend
from indexer.search.facets import FACETS_BY_NAME, KeywordFacet, YearFacet, facet_counts, facet_masks

# Six paragraphs: councils and years planted by hand.
FAKE = SimpleNamespace(
    size=6,
    years=np.array([2019, 2019, 2020, 0, 2021, 2020], dtype=np.int32),
    keyword_postings={"council": {"Kent": np.array([0, 1, 2], dtype=np.int32),
                                  "Medway": np.array([2, 3], dtype=np.int32),
                                  "Leeds": np.array([4], dtype=np.int32)},
                      "severity": {"inadequate": np.array([0, 1, 2, 3], dtype=np.int32),
                                   "good": np.array([4, 5], dtype=np.int32)},
                      "leadership": {"good": np.array([4], dtype=np.int32)}})


def _query(url: str) -> dict:
    assert url.startswith("?")
    return parse_qs(url[1:])


def test_keyword_facet_counts_within_and_toggles():
    council = KeywordFacet("council", "Council", on_request=True)
    req = SearchRequest(q="x", council=["Medway"])
    values = {v.value: v for v in council.counts(FAKE, np.ones(6, dtype=bool), req)}
    assert [v.value for v in council.counts(FAKE, np.ones(6, dtype=bool), req)] == ["Kent", "Medway", "Leeds"]
    assert values["Medway"].selected and not values["Kent"].selected
    assert _query(values["Kent"].toggle_url) == {"q": ["x"], "council": ["Medway", "Kent"]}
    assert _query(values["Medway"].toggle_url) == {"q": ["x"]}
    assert council.mask(FAKE, req).tolist() == [False, False, True, True, False, False]


def test_counts_ignore_their_own_selection_but_follow_the_others():
    req = SearchRequest(council=["Leeds"], severity=["inadequate"])
    counts = facet_counts(FAKE, np.ones(6, dtype=bool), facet_masks(FAKE, req), req)
    assert {v.value: v.count for v in counts["council"]} == {"Kent": 3, "Medway": 2, "Leeds": 0}
    assert {v.value: v.count for v in counts["severity"]} == {"good": 1, "inadequate": 0}
    assert [v.value for v in counts["severity"]] == ["good", "inadequate"]  # grade order, not count order


def test_year_facet_range_and_selection():
    year = YearFacet()
    req = SearchRequest(year=[2020], year_to=2020)
    assert year.mask(FAKE, req).tolist() == [False, False, True, False, False, True]
    values = year.counts(FAKE, np.ones(6, dtype=bool), req)
    assert [(v.value, v.count, v.selected) for v in values] == [("2021", 1, False), ("2020", 2, True),
                                                                 ("2019", 2, False)]
    assert _query(values[0].toggle_url) == {"year": ["2020", "2021"], "year_to": ["2020"]}


def test_sub_judgement_is_a_real_facet_whose_toggle_selects_and_deselects():
    leadership = FACETS_BY_NAME["leadership"]
    req = SearchRequest(q="children")
    (good,) = leadership.counts(FAKE, np.ones(6, dtype=bool), req)
    assert not good.selected and _query(good.toggle_url) == {"q": ["children"], "leadership": ["good"]}
    chosen = leadership.with_selection(req, ["good"])
    assert chosen.q == "children" and chosen.filters == {"leadership": ["good"]}
    (again,) = leadership.counts(FAKE, np.ones(6, dtype=bool), chosen)
    assert again.selected and _query(again.toggle_url) == {"q": ["children"]}
    assert leadership.mask(FAKE, chosen).tolist() == [False, False, False, False, True, False]


@pytest.mark.reports
def test_sub_judgement_toggle_over_the_real_reports(reports_index):
    index = open_backend(reports_index)
    result = index.search(SearchRequest(q="children"))
    inadequate = next(v for v in result.facets["leadership"] if v.value == "inadequate")
    assert "q=" in inadequate.toggle_url and "leadership=inadequate" in inadequate.toggle_url
    chosen = index.search(SearchRequest(q="children", filters={"leadership": ["inadequate"]}))
    assert chosen.total == inadequate.count > 0
    value = next(v for v in chosen.facets["leadership"] if v.value == "inadequate")
    assert value.selected and "leadership" not in value.toggle_url
    assert chosen.request.q == "children"  # the query is never rewritten to carry the selection
