"""Facets in the embedded index: each facet's selection as a paragraph mask, and its values counted by document
(the registry, `indexer.search.facets`, says which facets there are and how their values are shown)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from indexer import settings
from indexer.backends.embedded.collector.counting import Matches, count_codes, document_codes
from indexer.models import FacetValue, SearchRequest
from indexer.search.facets import FACETS, YearFacet


@dataclass(frozen=True)
class ValueCodes:
    """One keyword field's value per paragraph as a code, for counting a match in one pass; the few paragraphs
    with several values (a round-up paragraph naming two councils) keep their postings instead."""

    values: list[str]
    codes: np.ndarray                 # docnum -> value index + 1 (0: no single value)
    several: dict[int, np.ndarray]    # value index -> its docnums among paragraphs with several values


def value_codes(gen, name: str) -> ValueCodes:
    """A keyword field's value codes for a generation, built once (counting each value's postings against the
    match cost a pass over every posting per facet per query)."""
    return gen.memo("facet codes", name, lambda: _value_codes(gen, name))


def filter_postings(gen, name: str) -> dict[str, np.ndarray]:
    """A keyword field's value -> paragraphs as the facet filter and its counts read them: the council's with the
    paragraphs naming it only inside a long list added (round 27; the council lift reads `council` alone)."""
    postings = gen.keyword_postings.get(name, {})
    listed = gen.keyword_postings.get(settings.LISTED_FIELD, {}) if name == "council" else {}
    if not listed:
        return postings
    return gen.memo("filter postings", name, lambda: _with_listed(postings, listed))


def _with_listed(postings: dict[str, np.ndarray], listed: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Each value's paragraphs and its listed paragraphs, ascending."""
    return {value: np.union1d(postings.get(value, _NONE), listed.get(value, _NONE)).astype(np.int32)
            for value in dict.fromkeys([*postings, *listed])}


_NONE = np.zeros(0, dtype=np.int32)


def _value_codes(gen, name: str) -> ValueCodes:
    """Each paragraph's single value as a code; paragraphs with several values listed per value."""
    postings = filter_postings(gen, name)
    values = list(postings)
    codes = np.zeros(gen.size, dtype=np.int32)
    per_paragraph = np.zeros(gen.size, dtype=np.int16)
    for i, ids in enumerate(postings.values()):
        codes[ids] = i + 1
        per_paragraph[ids] += 1
    several = per_paragraph > 1
    codes[several] = 0
    return ValueCodes(values, codes, {i: ids[several[ids]] for i, ids in enumerate(postings.values())
                                      if several[ids].any()})


def _matches(gen, within: Matches | np.ndarray) -> Matches:
    """A mask as Matches (so its per-document counts are computed once however many facets count it)."""
    return within if isinstance(within, Matches) else Matches(gen, within)


def value_counts(gen, name: str, within: Matches | np.ndarray) -> dict[str, int]:
    """Paragraphs per value of a keyword field among `within`."""
    coded = value_codes(gen, name)
    matches = _matches(gen, within)
    view = document_codes(gen, ("keyword", name), coded.codes)
    counts = count_codes(view, coded.codes, matches, len(coded.values) + 1)[1:]
    for i, ids in coded.several.items():  # paragraphs with several values have code 0: counted here
        counts[i] += int(np.count_nonzero(matches.mask[ids]))
    return {value: int(count) for value, count in zip(coded.values, counts)}


def year_counts(gen, within: Matches | np.ndarray) -> dict[int, int]:
    """Paragraphs per known year among `within`."""
    matches = _matches(gen, within)
    counts = count_codes(document_codes(gen, "year", gen.years), gen.years, matches)
    return {year: int(counts[year]) for year in np.flatnonzero(counts) if year > 0}


def facet_masks(gen, req: SearchRequest) -> dict[str, np.ndarray | None]:
    """Each facet's selection mask (None where nothing is selected)."""
    return {facet.name: facet_mask(gen, facet, req) for facet in FACETS}


def facet_mask(gen, facet, req: SearchRequest) -> np.ndarray | None:
    """Paragraphs a facet's selection keeps; None when nothing is selected."""
    if isinstance(facet, YearFacet):
        return _year_mask(gen, req)
    values = facet.selected(req)
    if not values:
        return None
    mask = np.zeros(gen.size, dtype=bool)
    postings = filter_postings(gen, facet.name)
    for value in values:
        ids = postings.get(value)
        if ids is not None:
            mask[ids] = True
    return mask


def _year_mask(gen, req: SearchRequest) -> np.ndarray | None:
    """Paragraphs in the selected years and range; None when neither is set."""
    if not req.year and req.year_from is None and req.year_to is None:
        return None
    mask = np.ones(gen.size, dtype=bool)
    if req.year:
        mask &= np.isin(gen.years, np.array(req.year, dtype=np.int32))
    if req.year_from is not None:
        mask &= gen.years >= req.year_from
    if req.year_to is not None:
        mask &= (gen.years <= req.year_to) & (gen.years > 0)
    return mask


def facet_values(gen, facet, within, req: SearchRequest) -> list[FacetValue]:
    """A facet's counted values among `within`, shown as the registry orders them."""
    if isinstance(facet, YearFacet):
        return facet.values(year_counts(gen, within), req)
    return facet.values(value_counts(gen, facet.name, within), req)


def combine(base: np.ndarray, masks) -> np.ndarray:
    """AND of a base mask and the given optional masks."""
    out = base.copy()
    for mask in masks:
        if mask is not None:
            out &= mask
    return out


def facet_counts(gen, matched: np.ndarray, masks: dict[str, np.ndarray | None], req: SearchRequest,
                 final: Matches | None = None) -> dict[str, list[FacetValue]]:
    """Every facet's values, counted under all selections but its own (so unselected values stay honest).

    Facets under the same selections share one match set (every unselected facet counts `final`, when given).
    """
    selected = tuple(name for name, mask in masks.items() if mask is not None)
    shared = {selected: final} if final is not None else {}
    out = {}
    for facet in FACETS:
        others = tuple(name for name in selected if name != facet.name)
        if others not in shared:
            shared[others] = Matches(gen, combine(matched, (masks[name] for name in others)))
        values = facet_values(gen, facet, shared[others], req)
        if values or not facet.hint:
            out[facet.name] = values
    return out
