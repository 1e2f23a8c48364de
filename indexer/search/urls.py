"""A search as URL parameters: the URL is the state, so every view and link can rebuild it."""
from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlencode

from indexer import settings
from indexer.models import SearchRequest
from indexer.search.facets import FACETS  # the registry names every facet's URL parameter

_DEFAULTS = {"sort": "relevance", "per_page": settings.DEFAULT_PER_PAGE, "page": 1, "match": "best"}


def request_params(req: SearchRequest, **changes) -> dict:
    """The URL parameters that reproduce a search, with changes applied; defaults and empties left out."""
    params = {"q": req.q, **{facet.name: facet.selected(req) for facet in FACETS},
              "year_from": req.year_from, "year_to": req.year_to,
              "sort": req.sort, "per_page": req.per_page, "page": req.page, "match": req.match}
    params.update(changes)
    return {k: v for k, v in params.items() if v not in (None, "", []) and _DEFAULTS.get(k) != v}


def query_string(req: SearchRequest, **changes) -> str:
    """The search (with changes) as an encoded query string."""
    return urlencode(request_params(req, **changes), doseq=True)


def value_toggler(without: SearchRequest, name: str):
    """A function from one facet's selected values to the relative link, for a request without that facet's
    selection (the rest of the query string is encoded once: a facet may list hundreds of values)."""
    base = query_string(without, page=1)

    def url(values: list[str]) -> str:
        return "?" + "&".join(part for part in (base, *(_pair(name, v) for v in values)) if part)
    return url


@lru_cache(maxsize=100_000)
def _pair(name: str, value: str) -> str:
    """One encoded `name=value` (facet values repeat on every page: each is encoded once)."""
    return urlencode([(name, value)])


def toggle_url(req: SearchRequest) -> str:
    """A relative link to `req` from page 1 ('?…', resolved against whichever search view shows it)."""
    return "?" + query_string(req, page=1)
