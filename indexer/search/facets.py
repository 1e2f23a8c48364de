"""The facet registry: each facet is a class that owns its URL parameters, its selection in a request and how its
values are shown (order, selection state). Backends count; the links that toggle a value are made above them
(`indexer.search.present`)."""
from __future__ import annotations

from dataclasses import dataclass, replace

from indexer import settings
from indexer.models import FacetValue, SearchRequest


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

    def values(self, counts: dict[str, int], req: SearchRequest, known=frozenset()) -> list[FacetValue]:
        """Counted values (those with matches, and the selected ones) in display order, with selection state."""
        selected = self.selected(req)
        out = [FacetValue(value, count, value in selected) for value, count in counts.items()
               if count or value in selected]
        listed = {v.value for v in out}
        out += [FacetValue(value, 0, True) for value in selected if value not in listed]
        if self.order:
            rank = {v: i for i, v in enumerate(self.order)}
            return sorted(out, key=lambda v: rank.get(v.value, len(rank)))
        return sorted(out, key=lambda v: (-v.count, v.value))


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

    def values(self, counts: dict[int, int], req: SearchRequest) -> list[FacetValue]:
        """Counts per year, newest first; selected years always listed."""
        selected = self.selected(req)
        years = sorted(set(counts) | {int(y) for y in selected}, reverse=True)
        return [FacetValue(str(year), counts.get(year, 0), str(year) in selected) for year in years]


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
