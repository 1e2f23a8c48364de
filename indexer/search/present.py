"""A backend's answer made into a page's: the links that toggle each facet value, switch between best match and
every word, and apply what the query names. Above the seam, so every backend's results get the same links."""
from __future__ import annotations

from dataclasses import replace

from indexer.contract import Collection, SearchBackend
from indexer.search.coverage import not_indexed
from indexer.models import SearchRequest, SearchResult
from indexer.search.facets import FACETS_BY_NAME
from indexer.search.query import cut_query
from indexer.search.understand import understand
from indexer.search.urls import toggle_url, value_toggler


def run_search(backend: SearchBackend, req: SearchRequest) -> SearchResult:
    """One search on a backend, with every link a page shows."""
    return present(backend.search(req), backend.facet_values(), backend.collection())


def present(result: SearchResult, known: dict[str, set[str]], held: Collection) -> SearchResult:
    """The result with toggle links on facet values, best/strict links, the filters the query names and what it
    names that nothing indexed is about."""
    req = result.request
    facets = {}
    for name, values in result.facets.items():
        facet = FACETS_BY_NAME.get(name)
        if facet is None:
            facets[name] = values
            continue
        selected = facet.selected(req)
        url = value_toggler(facet.with_selection(req, []), name)
        facets[name] = [replace(v, toggle_url=url([s for s in selected if s != v.value] if v.selected
                                                  else [*selected, v.value])) for v in values]
    info = dict(result.match_info)
    if info.get("mode") in ("best", "all"):
        strict = info["mode"] == "all"
        info["strict_url"] = None if strict else toggle_url(replace(req, match="all"))
        info["best_url"] = toggle_url(replace(req, match="best")) if strict else None
    text = cut_query(req.q)[0]
    understood = understand(text, req, known) if req.q else []
    missing = not_indexed(held, known, text, req) if req.q else []
    return replace(result, facets=facets, match_info=info, understood=understood, not_indexed=missing)


def spelling_note(corrections) -> str:
    """Which unknown words were also searched under a correction: “safegaurding” as “safeguarding”."""
    return ", ".join(f"“{typed}” as “{correction}”" for typed, correction in corrections)
