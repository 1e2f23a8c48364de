"""Facets: the registry's selection and display order, honest counts in the index, toggle links above the seam."""
from __future__ import annotations

from urllib.parse import parse_qs

import numpy as np
import pytest

from indexer.backends import open_backend
from indexer.backends.embedded.collector.facets import facet_counts, facet_mask, facet_masks
from indexer.models import SearchRequest
from indexer.search.facets import FACETS_BY_NAME, KeywordFacet, YearFacet
from indexer.search.present import run_search


def _query(url: str) -> dict:
    assert url.startswith("?")
    return parse_qs(url[1:])


def test_keyword_values_keep_selected_ones_in_display_order():
    council = KeywordFacet("council", "Council", on_request=True)
    req = SearchRequest(q="x", council=["Medway", "Barnet"])
    values = council.values({"Kent": 3, "Medway": 2, "Leeds": 1, "York": 0}, req)
    assert [(v.value, v.count, v.selected) for v in values] == [("Kent", 3, False), ("Medway", 2, True),
                                                                ("Leeds", 1, False), ("Barnet", 0, True)]
    grade = FACETS_BY_NAME["severity"]
    assert [v.value for v in grade.values({"good": 1, "inadequate": 9}, SearchRequest())] == ["good", "inadequate"]


def test_year_values_newest_first_with_selected_years():
    values = YearFacet().values({2019: 2, 2021: 1}, SearchRequest(year=[2020]))
    assert [(v.value, v.count, v.selected) for v in values] == [("2021", 1, False), ("2020", 0, True),
                                                                ("2019", 2, False)]


def test_counts_ignore_their_own_selection_but_follow_the_others(planted_index):
    gen = open_backend(planted_index).generation()
    req = SearchRequest(council=["Sunderland"], year=[2019])
    everything = np.ones(gen.size, dtype=bool)
    counts = facet_counts(gen, everything, facet_masks(gen, req), req)
    in_2019 = (gen.years == 2019)
    expected = {v: int(np.count_nonzero(in_2019[ids])) for v, ids in gen.keyword_postings["council"].items()}
    assert {v.value: v.count for v in counts["council"]} == {k: n for k, n in expected.items() if n or k == "Sunderland"}
    sunderland = np.zeros(gen.size, dtype=bool)
    sunderland[gen.keyword_postings["council"]["Sunderland"]] = True
    years = {v.value: v.count for v in counts["year"]}
    assert years == {str(int(y)): int(np.count_nonzero(sunderland & (gen.years == y)))
                     for y in np.unique(gen.years[sunderland]) if y} | {"2019": 0}  # selected, listed even at 0


def test_year_range_mask(planted_index):
    gen = open_backend(planted_index).generation()
    req = SearchRequest(year_from=2020, year_to=2021)
    assert facet_mask(gen, FACETS_BY_NAME["year"], req).tolist() == ((gen.years >= 2020) & (gen.years <= 2021)).tolist()
    assert facet_mask(gen, FACETS_BY_NAME["council"], SearchRequest()) is None


def test_toggle_links_select_and_deselect(planted_index):
    backend = open_backend(planted_index)
    result = run_search(backend, SearchRequest(q="children", council=["Medway"]))
    values = {v.value: v for v in result.facets["council"]}
    assert values["Medway"].selected and _query(values["Medway"].toggle_url) == {"q": ["children"]}
    assert _query(values["Sunderland"].toggle_url) == {"q": ["children"], "council": ["Medway", "Sunderland"]}
    year = result.facets["year"][0]
    assert _query(year.toggle_url) == {"q": ["children"], "council": ["Medway"], "year": [year.value]}
    assert all(not v.toggle_url for v in backend.search(SearchRequest(q="children")).facets["council"])


@pytest.mark.reports
def test_sub_judgement_toggle_over_the_real_reports(reports_index):
    index = open_backend(reports_index)
    result = run_search(index, SearchRequest(q="children"))
    inadequate = next(v for v in result.facets["leadership"] if v.value == "inadequate")
    assert "q=" in inadequate.toggle_url and "leadership=inadequate" in inadequate.toggle_url
    chosen = run_search(index, SearchRequest(q="children", filters={"leadership": ["inadequate"]}))
    assert chosen.total == inadequate.count > 0
    value = next(v for v in chosen.facets["leadership"] if v.value == "inadequate")
    assert value.selected and "leadership" not in value.toggle_url
    assert chosen.request.q == "children"  # the query is never rewritten to carry the selection
