"""Facets as classes: each reads its selection from the request, masks paragraphs and counts its values."""
from __future__ import annotations

import weakref
from dataclasses import dataclass, replace

import numpy as np

from indexer import settings
from indexer.models import FacetValue, SearchRequest
from indexer.backends.embedded.collector.counting import Matches, count_codes, document_codes
from indexer.search.urls import value_toggler


@dataclass(frozen=True)
class KeywordFacet:
    """A multi-valued keyword field (council, grade, a sub-judgement): OR within, AND across facets."""

    name: str
    label: str
    order: tuple[str, ...] = ()  # a fixed display order (grades); empty = by count
    hint: str = ""
    on_request: bool = False     # stored as its own SearchRequest attribute (else in req.filters)

    def selected(self, req: SearchRequest) -> list[str]:
        """The values selected in this request."""
        return list(getattr(req, self.name) if self.on_request else req.filters.get(self.name, []))

    def with_selection(self, req: SearchRequest, values: list[str]) -> SearchRequest:
        """The request with this facet's selection replaced."""
        if self.on_request:
            return replace(req, **{self.name: list(values)})
        filters = {name: chosen for name, chosen in req.filters.items() if name != self.name}
        return replace(req, filters={**filters, self.name: list(values)} if values else filters)

    def parse(self, values: list[str], problems: list[str]) -> list[str]:
        """Selected values from URL parameters."""
        cleaned = [v.strip() for v in values if v.strip()]
        return [v.lower() for v in cleaned] if self.order else cleaned

    def mask(self, gen, req: SearchRequest) -> np.ndarray | None:
        """Paragraphs having any selected value; None when nothing is selected."""
        values = self.selected(req)
        if not values:
            return None
        mask = np.zeros(gen.size, dtype=bool)
        postings = gen.keyword_postings.get(self.name, {})
        for value in values:
            ids = postings.get(value)
            if ids is not None:
                mask[ids] = True
        return mask

    def counts(self, gen, within: Matches | np.ndarray, req: SearchRequest) -> list[FacetValue]:
        """Counts per value among `within`; selected values always listed, each with its toggle URL."""
        selected = self.selected(req)
        url = value_toggler(self.with_selection(req, []), self.name)
        out = []
        for value, count in value_counts(gen, self.name, within).items():
            if count or value in selected:
                out.append(self._value(url, value, count, selected))
        for value in selected:
            if value not in gen.keyword_postings.get(self.name, {}):
                out.append(self._value(url, value, 0, selected))
        if self.order:
            rank = {v: i for i, v in enumerate(self.order)}
            return sorted(out, key=lambda v: rank.get(v.value, len(rank)))
        return sorted(out, key=lambda v: (-v.count, v.value))

    @staticmethod
    def _value(url, value: str, count: int, selected: list[str]) -> FacetValue:
        """One value with its selection state and the URL that toggles it."""
        toggled = [v for v in selected if v != value] if value in selected else [*selected, value]
        return FacetValue(value=value, count=count, selected=value in selected, toggle_url=url(toggled))


@dataclass(frozen=True)
class YearFacet:
    """The document year: selected years OR-ed, and an optional from/to range."""

    name: str = "year"
    label: str = "Year"
    hint: str = ""

    def selected(self, req: SearchRequest) -> list[str]:
        """The years selected in this request, as strings."""
        return [str(y) for y in req.year]

    def with_selection(self, req: SearchRequest, values: list[str]) -> SearchRequest:
        """The request with these years selected."""
        return replace(req, year=[int(v) for v in values])

    def parse(self, values: list[str], problems: list[str]) -> list[str]:
        """Valid years from URL parameters, with a note for each ignored one."""
        out = []
        for value in (v.strip() for v in values):
            if not value:
                continue
            if not value.isdigit():
                problems.append(f"“{value[:40]}” is not a number for year; it was ignored.")
            elif not settings.YEAR_MIN <= int(value) <= settings.YEAR_MAX:
                problems.append(f"year {int(value)} is out of range; it was ignored.")
            else:
                out.append(str(int(value)))
        return out

    def mask(self, gen, req: SearchRequest) -> np.ndarray | None:
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

    def counts(self, gen, within: Matches | np.ndarray, req: SearchRequest) -> list[FacetValue]:
        """Counts per year among `within`, newest first; selected years always listed."""
        selected = self.selected(req)
        counts = year_counts(gen, within)
        values = sorted(set(counts) | {int(y) for y in selected}, reverse=True)
        url = value_toggler(self.with_selection(req, []), self.name)
        out = []
        for year in values:
            toggled = [v for v in selected if v != str(year)] if str(year) in selected else [*selected, str(year)]
            out.append(FacetValue(value=str(year), count=counts.get(year, 0), selected=str(year) in selected,
                                  toggle_url=url(toggled)))
        return out


@dataclass(frozen=True)
class ValueCodes:
    """One keyword field's value per paragraph as a code, for counting a match in one pass; the few paragraphs
    with several values (a round-up paragraph naming two councils) keep their postings instead."""

    values: list[str]
    codes: np.ndarray                 # docnum -> value index + 1 (0: no single value)
    several: dict[int, np.ndarray]    # value index -> its docnums among paragraphs with several values


_CODES: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def value_codes(gen, name: str) -> ValueCodes:
    """A keyword field's value codes for a generation, built once (counting each value's postings against the
    match cost a pass over every posting per facet per query)."""
    try:
        built = _CODES.setdefault(gen, {})
    except TypeError:  # a stand-in generation (tests) that cannot be weakly referenced: not cached
        built = {}
    if name not in built:
        postings = gen.keyword_postings.get(name, {})
        values = list(postings)
        codes = np.zeros(gen.size, dtype=np.int32)
        per_paragraph = np.zeros(gen.size, dtype=np.int16)
        for i, ids in enumerate(postings.values()):
            codes[ids] = i + 1
            per_paragraph[ids] += 1
        several = per_paragraph > 1
        codes[several] = 0
        built[name] = ValueCodes(values, codes, {i: ids[several[ids]] for i, ids in enumerate(postings.values())
                                                 if several[ids].any()})
    return built[name]


def _matches(gen, within: Matches | np.ndarray) -> Matches:
    """A mask as Matches (so its per-document counts are computed once however many facets count it)."""
    return within if isinstance(within, Matches) else Matches(gen, within)


def value_counts(gen, name: str, within: Matches | np.ndarray) -> dict[str, int]:
    """Paragraphs per value of a keyword field among `within`."""
    coded = value_codes(gen, name)
    matches = _matches(gen, within)
    if matches.per_document is None:  # a stand-in generation without documents: paragraph by paragraph
        counts = np.bincount(coded.codes[matches.mask], minlength=len(coded.values) + 1)[1:]
    else:
        view = document_codes(gen, ("keyword", name), coded.codes)
        counts = count_codes(view, coded.codes, matches, len(coded.values) + 1)[1:]
    for i, ids in coded.several.items():  # paragraphs with several values have code 0: counted here
        counts[i] += int(np.count_nonzero(matches.mask[ids]))
    return {value: int(count) for value, count in zip(coded.values, counts)}


def year_counts(gen, within: Matches | np.ndarray) -> dict[int, int]:
    """Paragraphs per known year among `within`."""
    matches = _matches(gen, within)
    if matches.per_document is None:
        years = gen.years[matches.mask]
        counts = np.bincount(years) if years.size else np.zeros(0, dtype=np.int64)
    else:
        counts = count_codes(document_codes(gen, "year", gen.years), gen.years, matches)
    return {year: int(counts[year]) for year in np.flatnonzero(counts) if year > 0}


_SUBJUDGEMENT_LABELS = {"leadership": "Leadership", "help_and_protection": "Help and protection",
                        "children_in_care": "Children in care", "care_leavers": "Care leavers"}

# The registry: adding a facet is one class (or instance) here.
FACETS = (
    KeywordFacet("severity", "Ofsted grade", order=settings.SEVERITY_ORDER, on_request=True),
    KeywordFacet("council", "Council", on_request=True),
    YearFacet(),
    *(KeywordFacet(name, _SUBJUDGEMENT_LABELS[name], order=settings.SEVERITY_ORDER, hint="report sub-judgement")
      for name in settings.SUBJUDGEMENT_FIELDS),
)
FACETS_BY_NAME = {facet.name: facet for facet in FACETS}
# Keyword fields kept for ranking only (no facet): named on the About page, which lists every keyword field.
FACET_LABELS = {**{facet.name: facet.label for facet in FACETS}, "grade_change": "Grade change (ranking only)"}


def facet_masks(gen, req: SearchRequest) -> dict[str, np.ndarray | None]:
    """Each facet's selection mask (None where nothing is selected)."""
    return {facet.name: facet.mask(gen, req) for facet in FACETS}


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
        values = facet.counts(gen, shared[others], req)
        if values or not facet.hint:
            out[facet.name] = values
    return out
