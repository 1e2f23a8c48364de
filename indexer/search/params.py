"""Reading a search from URL parameters: bounded, with a note for anything ignored, never an error."""
from __future__ import annotations

from indexer import settings
from indexer.search.limits import limited_list, limited_query
from indexer.models import SearchRequest
from indexer.search.facets import FACETS
from indexer.search.urls import query_string, request_params  # noqa: F401 - the two directions of one format, importable here

SORTS = ("relevance", "newest", "oldest")
MATCHES = ("best", "all")


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
        year_from=_int(args.get("year_from"), "year_from", problems, settings.YEAR_MIN, settings.YEAR_MAX),
        year_to=_int(args.get("year_to"), "year_to", problems, settings.YEAR_MIN, settings.YEAR_MAX),
        sort=sort, page=_int(args.get("page"), "page", problems, 1, 10_000) or 1, per_page=per_page)
    for facet in FACETS:
        req = facet.with_selection(req, facet.parse(limited_list(args.getlist(facet.name), facet.name, problems),
                                                    problems))
    return req, problems
