"""A search as URL parameters and back: the URL is the state, so every view and link can rebuild it."""
from __future__ import annotations

from urllib.parse import urlencode

from .. import settings
from ..limits import limited_list, limited_query
from ..models import SearchRequest

SORTS = ("relevance", "newest", "oldest")
MATCHES = ("best", "all")
_DEFAULTS = {"sort": "relevance", "per_page": settings.DEFAULT_PER_PAGE, "page": 1, "match": "best"}


def request_params(req: SearchRequest, **changes) -> dict:
    """The URL parameters that reproduce a search, with changes applied; defaults and empties left out."""
    params = {"q": req.q, "council": list(req.council), "severity": list(req.severity),
              "year": [str(y) for y in req.year], "year_from": req.year_from, "year_to": req.year_to,
              **{name: list(values) for name, values in req.filters.items()},
              "sort": req.sort, "per_page": req.per_page, "page": req.page, "match": req.match}
    params.update(changes)
    return {k: v for k, v in params.items() if v not in (None, "", []) and _DEFAULTS.get(k) != v}


def query_string(req: SearchRequest, **changes) -> str:
    """The search (with changes) as an encoded query string."""
    return urlencode(request_params(req, **changes), doseq=True)


def toggle_url(req: SearchRequest) -> str:
    """A relative link to `req` from page 1 ('?…', resolved against whichever search view shows it)."""
    return "?" + query_string(req, page=1)


def _int(value: str | None, name: str, problems: list[str], low: int, high: int) -> int | None:
    """An integer parameter within bounds, or None with a note of the problem."""
    if value in (None, ""):
        return None
    try:
        number = int(value)
    except ValueError:
        problems.append(f"“{value[:40]}” is not a number for {name}; it was ignored.")
        return None
    if not low <= number <= high:
        problems.append(f"{name} {number} is out of range; it was ignored.")
        return None
    return number


def request_from_params(args) -> tuple[SearchRequest, list[str]]:
    """A SearchRequest from URL parameters (anything with get/getlist), with notes on anything ignored."""
    from .facets import FACETS

    problems: list[str] = []
    per_page = _int(args.get("per_page"), "per_page", problems, 1, 10_000) or settings.DEFAULT_PER_PAGE
    if per_page not in settings.PER_PAGE_CHOICES:
        per_page = min(settings.PER_PAGE_CHOICES, key=lambda c: abs(c - per_page))
    sort = args.get("sort", "relevance")
    if sort not in SORTS:
        problems.append(f"Unknown sort “{sort[:40]}”; sorted by relevance.")
        sort = "relevance"
    match = args.get("match", "best")
    if match not in MATCHES:
        problems.append(f"Unknown match “{match[:40]}”; best match used.")
        match = "best"
    req = SearchRequest(
        q=limited_query(args.get("q") or "", problems), match=match,
        year_from=_int(args.get("year_from"), "year_from", problems, 1900, 2100),
        year_to=_int(args.get("year_to"), "year_to", problems, 1900, 2100),
        sort=sort, page=_int(args.get("page"), "page", problems, 1, 10_000) or 1, per_page=per_page)
    for facet in FACETS:
        req = facet.with_selection(req, facet.parse(limited_list(args.getlist(facet.name), facet.name, problems),
                                                    problems))
    return req, problems
