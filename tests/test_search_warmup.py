"""Opening a generation builds what the first search needs, so the first user does not pay for it."""
from __future__ import annotations

from indexer.models import SearchRequest
from indexer.backends import open_backend


def test_open_builds_the_first_search_structures(seed_index):
    gen = open_backend(seed_index).generation()  # no search yet
    assert "context" in gen.caches and "facet codes" in gen.caches  # built at open, before any search
    assert gen.memo("facet codes", "council", lambda: None) is not None
    assert len(gen.results._items) == 0  # the warm-up's own pages are not kept


def test_first_search_after_open_is_answered_as_before(seed_index):
    index = open_backend(seed_index)
    first = index.search(SearchRequest(q="caseloads"))
    assert first.total > 0 and first.hits
    again = open_backend(seed_index).search(SearchRequest(q="caseloads"))
    assert [h.doc_id for h in again.hits] == [h.doc_id for h in first.hits]
