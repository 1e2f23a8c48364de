"""Search over an index folder: the one small facade the web UI and the CLI call.

Modules: generation (an opened index and its arrays), arrays (per-paragraph arrays persisted at build time),
sequences (paragraphs as word-id sequences, for phrases), inverted (numpy postings built from them),
phrases, expansion (capped wildcards), postings (the only reader of Whoosh internals),
query (what the user typed), matching (which paragraphs match), facets (facet classes), ordering (rank or date),
results (hits, documents, rows), params (the search as URL parameters), execute (one search, end to end).
"""
from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

from .. import settings
from ..build import current_generation
from ..models import SearchRequest, SearchResult
from . import execute
from .generation import Generation, open_generation
from .matching import docs_in
from .query import parse_query
from .results import document_view, index_stats
from ..snippets import mark


class IndexMissing(FileNotFoundError):
    """There is no built index at the given folder."""


class SearchIndex:
    """A handle on an index folder that follows its CURRENT generation and serves searches."""

    def __init__(self, index_dir: Path | str = settings.DEFAULT_INDEX):
        self.index_dir = Path(index_dir)
        self._lock = threading.Lock()
        self._gen: Generation | None = None

    def generation(self) -> Generation:
        """The open generation, reopened when a rebuild has switched CURRENT."""
        path = current_generation(self.index_dir)
        if path is None:
            raise IndexMissing(f"no index at {self.index_dir}: run `reportsearch rebuild` first")
        gen = self._gen
        if gen is None or gen.path != path:
            with self._lock:
                if self._gen is None or self._gen.path != path:
                    # The old generation is left to the garbage collector: requests may still be using it.
                    self._gen = open_generation(path)
                gen = self._gen
        return gen

    def exists(self) -> bool:
        """True when a built index is there."""
        return current_generation(self.index_dir) is not None

    def search(self, req: SearchRequest) -> SearchResult:
        """Ranked hits, facet counts with toggle URLs, a suggestion: see `execute.search`.

        Results are cached per generation by the whole request; callers get their own (shallow) copy.
        """
        gen = self.generation()
        return replace(gen.results.get(repr(req), lambda: execute.search(gen, req)))

    def search_count(self, text: str) -> int:
        """How many paragraphs match a query (no filters)."""
        return execute.search(self.generation(), SearchRequest(q=text, per_page=1)).total

    def export_rows(self, req: SearchRequest, cap: int = settings.CSV_EXPORT_CAP) -> tuple[list[dict], int]:
        """Matching paragraphs as flat rows, ranked, up to `cap`; and the total."""
        return execute.export_rows(self.generation(), req, cap)

    def document(self, doc_id: str) -> dict | None:
        """A whole document: its metadata and numbered paragraphs with headings."""
        rows = self.generation().paragraphs_of(doc_id)
        return document_view(rows) if rows else None

    def matching_paragraphs(self, doc_id: str, text: str) -> tuple[list[int], dict[int, str]]:
        """Paragraph numbers in a document that match a query, and their highlighted HTML."""
        gen = self.generation()
        parsed = parse_query(gen, text)
        analyzer = gen.schema["text"].analyzer
        marked = {}
        for docnum in docs_in(gen, parsed, doc_id):
            fields = gen.stored(docnum)
            marked[int(fields["n"])] = mark(fields.get("text", ""), parsed.marks, analyzer, whole=True)
        return sorted(marked), marked

    def stats(self) -> dict:
        """What is indexed: counts, facet values, build time and sources."""
        return {**index_stats(self.generation()), "index_dir": str(self.index_dir)}
