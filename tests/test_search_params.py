"""A search as URL parameters and back; bad parameters give notes, never errors; bounded work."""
from __future__ import annotations

from werkzeug.datastructures import MultiDict

from indexer import settings
from indexer.models import SearchRequest
from indexer.search.params import query_string, request_from_params, request_params


def test_round_trip_keeps_every_selection():
    req = SearchRequest(q="care leavers", council=["Kent", "Bournemouth, Christchurch and Poole"],
                        severity=["inadequate"], year=[2019], year_from=2015, sort="newest", per_page=20,
                        filters={"care_leavers": ["good"]})
    back, problems = request_from_params(MultiDict(request_params(req)))
    assert problems == [] and back == req


def test_defaults_are_left_out_of_urls():
    assert query_string(SearchRequest(q="x")) == "q=x"


def test_bad_values_are_noted_and_ignored():
    req, problems = request_from_params(MultiDict([("year", "abc"), ("year", "1800"), ("sort", "up"),
                                                   ("per_page", "7"), ("page", "0")]))
    assert req.year == [] and req.sort == "relevance" and req.per_page == 10 and req.page == 1
    assert any("abc" in p for p in problems) and any("1800" in p for p in problems)
    assert any("Unknown sort" in p for p in problems)


def test_list_parameters_are_capped():
    many = MultiDict([("council", f"C{i}") for i in range(10_000)] + [("severity", "x" * 5000)])
    req, problems = request_from_params(many)
    assert len(req.council) == settings.MAX_LIST_VALUES and req.severity == []
    assert any("first 50 council values" in p for p in problems)
