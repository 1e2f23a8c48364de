"""Search over an index folder: the one small facade the web UI and the CLI call.

Modules: generation (an opened index and its arrays), arrays (per-paragraph arrays persisted at build time),
sequences (paragraphs as word-id sequences), inverted (numpy postings built from them), pairs (positional
word pairs), phrases, expansion (capped wildcards), postings (the only reader of Whoosh internals),
query (what the user typed), matching (which paragraphs match), facets (facet classes), counting (facet counts
by document), ordering (rank or date),
results (hits, documents, rows), params (the search as URL parameters), execute (one search, end to end);
grid (council x year counts), recent (newest matches, for alerts), significant (distinctive terms of a set of
paragraphs), similar (more like this), terms (word statistics the last two share).
"""
from __future__ import annotations

import gc
import threading
from dataclasses import replace
from pathlib import Path

from .. import settings
from ..layout import current_generation
from ..models import Hit, SearchRequest, SearchResult
from ..snippets import mark
from . import execute
from .bestmatch import paragraphs_with_own_words
from .generation import Generation, open_generation
from .grid import Grid, council_year_grid
from .matching import query_docs_in
from .query import parse_query
from .recent import newest_paragraphs
from .results import document_view, index_stats
from .significant import significant_terms
from .similar import ParagraphMissing, similar_paragraphs
from .warmup import warm_generation


class IndexMissing(FileNotFoundError):
    """There is no built index at the given folder."""


class SearchIndex:
    """A handle on an index folder that follows its CURRENT generation and serves searches."""

    def __init__(self, index_dir: Path | str | None = None):
        self.index_dir = Path(index_dir) if index_dir is not None else settings.default_index()
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
                    opened = open_generation(path)
                    warm_generation(opened)  # the first search after an open is not the one that pays
                    self._gen = opened
                gen = self._gen
        return gen

    def warm(self, freeze: bool = False) -> None:
        """Open the live generation, which builds what its first search would (document context, facet value
        codes, word lists: search/warmup.py), so a server's first user does not wait: seconds at a million.

        With `freeze` (a long-running server), every object alive now is moved out of the garbage collector's
        sight (`gc.freeze`): the index's own structures are never garbage, and walking their hundreds of
        thousands of objects made an occasional request 50-100 ms slower at a million paragraphs.
        """
        if self.exists():
            self.generation()
        if freeze:
            gc.collect()
            gc.freeze()

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
        for docnum in _matching_docnums(gen, parsed, doc_id):
            fields = gen.stored(docnum)
            marked[int(fields["n"])] = mark(fields.get("text", ""), parsed.marks, analyzer, whole=True)
        return sorted(marked), marked

    def stats(self) -> dict:
        """What is indexed: counts, facet values, build time and sources."""
        return {**index_stats(self.generation()), "index_dir": str(self.index_dir)}

    def council(self, name: str) -> dict | None:
        """A council's page: official inspection history, documents by year, distinctive terms; None if unknown."""
        from .. import councils

        council = councils.find_council(name)
        if council is None:
            return None
        gen = self.generation()
        names = [council.name, *council.predecessors]
        paragraphs = councils.council_paragraphs(gen, names)
        exclude = {w for n in names for w in n.lower().replace(",", " ").split()}
        distinctive = significant_terms(gen, paragraphs, exclude) if paragraphs.size else {"terms": [], "phrases": []}
        return {"council": council.as_dict(), "names": names, "history": councils.history(council),
                "latest": councils.latest_own(council), "documents_by_year": councils.documents_by_year(gen, names),
                "paragraphs": int(paragraphs.size),
                "significant": {kind: [t.as_dict() for t in items] for kind, items in distinctive.items()}}

    def councils(self, region: str = "", grade: str = "", sort: str = "name", descending: bool = False) -> list[dict]:
        """Every council with its current grade, last inspection date and document count."""
        from .. import councils

        return councils.council_rows(self.generation(), region, grade, sort, descending)

    def council_year_grid(self, req: SearchRequest) -> Grid:
        """The search's matching paragraphs counted per council and year."""
        return council_year_grid(self.generation(), req)

    def similar(self, doc_id: str, paragraph: int, scope: str = "other-councils") -> dict:
        """Paragraphs in other documents (other councils by default) like one paragraph; ParagraphMissing if none."""
        return similar_paragraphs(self.generation(), doc_id, paragraph, scope)

    def newest(self, req: SearchRequest, since=None, limit: int = settings.FEED_ENTRIES) -> tuple[list[Hit], int]:
        """The search's matching paragraphs of dated documents, newest first (optionally from a date)."""
        return newest_paragraphs(self.generation(), req, since, limit)

    def built_at(self) -> str | None:
        """When the live generation was built (ISO timestamp)."""
        return self.generation().info.get("built_at")


def _matching_docnums(gen: Generation, parsed, doc_id: str) -> list[int]:
    """One document's paragraphs that match: for best match, those with a query word of their own."""
    if parsed.plan is not None:
        return paragraphs_with_own_words(gen, parsed.plan, sorted(gen.searcher.document_numbers(doc_id=doc_id)))
    return query_docs_in(gen, parsed.query, doc_id) if parsed.query is not None else []
