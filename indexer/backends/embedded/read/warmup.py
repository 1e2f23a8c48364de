"""The eager part of opening a generation: what a first search would build, built at open.

A generation's document context, facet value codes, word lists and the process's council-name pattern and
synonym stems are made on first use; left lazy, the first user after an open (a server start, a switch to a
rebuilt index, a one-shot CLI search) waited for all of them (~0.6 s at 15k paragraphs, seconds at 1M).
Searching a few typical queries once at open builds them and pages in the mapped arrays they read.
"""
from __future__ import annotations

from indexer.models import SearchRequest

# Plain words (best match, document context, facet counts), a phrase (word pairs), a grade filter.
WARM_QUERIES = (SearchRequest(q="children services council"), SearchRequest(q='"children in care"'),
                SearchRequest(q="care", severity=["good"]))


def warm_generation(gen) -> None:
    """Run the warm-up searches on a newly opened generation (their results are not kept)."""
    from indexer.backends.embedded.read import execute  # execute imports the search package's modules, which import this one's callers

    for request in WARM_QUERIES:
        execute.search(gen, request)
    gen.results.clear()  # the warm-up's own pages would only take the cache's room
