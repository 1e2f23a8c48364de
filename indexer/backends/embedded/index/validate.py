"""Check a freshly built index generation the way the server will read it, before it goes live."""
from __future__ import annotations

import gc
import warnings
from pathlib import Path

from indexer import settings
from indexer.contract import IndexInvalid as ContractIndexInvalid
from indexer.models import SearchRequest


class IndexInvalid(ContractIndexInvalid):
    """A built generation that cannot be served, with the reason."""


def validate_generation(path: Path, documents: int | None = None, paragraphs: int | None = None) -> dict:
    """Open a generation as the server does, search it, read its stats; raise IndexInvalid on any failure.

    `documents` and `paragraphs`, when given, are what the build wrote: the index must hold exactly that.
    Returns the generation's stats.
    """
    from indexer.backends.embedded.read import execute  # search imports build, which imports this module
    from indexer.backends.embedded.index.generation import open_generation
    from indexer.backends.embedded.read.results import document_view, index_stats

    path = Path(path)
    with warnings.catch_warnings():
        # Whoosh leaves the files of a half-opened index to the garbage collector: close them here, quietly.
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            gen = open_generation(path)
            reason = None
        except Exception as exc:  # noqa: BLE001 - whatever breaks the server's loader makes the index unusable
            reason = f"the new index cannot be opened: {type(exc).__name__}: {exc}"
        if reason:  # only then: a full collection costs a process holding much (a server, tests) 50-100 ms a build
            gc.collect()
    if reason:
        raise IndexInvalid(reason)
    try:
        stats = index_stats(gen).as_dict()
        word = max(gen.speller.counts, key=gen.speller.counts.get, default="the")
        execute.search(gen, SearchRequest(q=word))
        execute.search(gen, SearchRequest(sort="newest", year_from=settings.YEAR_MIN))
        first = next((name for name in gen.doc_names if name), None)
        if first is not None:
            document_view(gen.paragraphs_of(first))
    except Exception as exc:  # noqa: BLE001
        raise IndexInvalid(f"the new index cannot be searched: {type(exc).__name__}: {exc}") from exc
    finally:
        _close(gen)
    if documents is not None and stats["documents"] != documents:
        raise IndexInvalid(f"the new index holds {stats['documents']} documents, the build wrote {documents}")
    if paragraphs is not None and stats["paragraphs"] != paragraphs:
        raise IndexInvalid(f"the new index holds {stats['paragraphs']} paragraphs, the build wrote {paragraphs}")
    return stats


def _close(gen) -> None:
    """Release the files a validation opened (the folder is renamed or removed next)."""
    for searcher in gen.searchers:
        searcher.close()
    gen.searchers.clear()
    gen.ix.close()
