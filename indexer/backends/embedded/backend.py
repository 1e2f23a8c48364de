"""The embedded backend: an index folder whose CURRENT generation is Whoosh segments plus numpy arrays."""
from __future__ import annotations

import datetime as dt
import gc
import threading
from dataclasses import replace
from pathlib import Path

from indexer import settings
from indexer.contract import (BuildReport, Collection, CouncilSummary, DocumentView, ExportRow, GridCounts,
                              IndexDamaged, IndexMissing, IndexStats, ParagraphMatches, SimilarResult)
from indexer.backends.embedded.index.generation import Generation, open_generation
from indexer.backends.embedded.index.layout import current_generation, pointer_problem
from indexer.backends.embedded.index.integrity import GenerationGuard
from indexer.backends.embedded.query.bestmatch import paragraphs_with_own_words
from indexer.backends.embedded.query.matching import query_docs_in
from indexer.backends.embedded.read import execute
from indexer.backends.embedded.read.memory import keep_freed_buffers
from indexer.backends.embedded.read.warmup import warm_generation
from indexer.backends.embedded.read.execute import known_values
from indexer.backends.embedded.read.collection import collection
from indexer.backends.embedded.read.councils import council_summary, document_counts
from indexer.backends.embedded.read.grid import council_year_counts
from indexer.backends.embedded.read.recent import newest_paragraphs
from indexer.backends.embedded.read.results import document_view, index_stats
from indexer.backends.embedded.read.similar import similar_paragraphs
from indexer.backends.embedded.query.parse import parse_query
from indexer.models import Hit, SearchRequest, SearchResult
from indexer.search.snippets import mark


class EmbeddedBackend:
    """A handle on an index folder that follows its CURRENT generation and serves searches (`SearchBackend`)."""

    def __init__(self, index_dir: Path | str | None = None):
        self.index_dir = Path(index_dir) if index_dir is not None else settings.default_index()
        self._lock = threading.Lock()
        self._gen: Generation | None = None
        self._guard = GenerationGuard(IndexDamaged)

    def generation(self, check: bool = True) -> Generation:
        """The open generation, reopened when a rebuild has switched CURRENT; its files' sizes checked first
        (`check=False` for the cached facts a page asks for right after its search: one check a page)."""
        path = current_generation(self.index_dir)
        if path is None:
            problem = pointer_problem(self.index_dir)
            if problem:
                raise IndexDamaged(f"the index at {self.index_dir} cannot be served: {problem}; "
                                   "run `reportsearch rebuild`")
            raise IndexMissing(f"no index at {self.index_dir}: run `reportsearch rebuild` first")
        gen = self._gen
        if gen is None or gen.path != path:
            with self._lock:
                if self._gen is None or self._gen.path != path:
                    # The old generation is left to the garbage collector: requests may still be using it.
                    opened = self._guard.open(path, open_generation)
                    warm_generation(opened)  # the first search after an open is not the one that pays
                    collection(opened)  # the front page's counts, read while the files were just verified
                    self._gen = opened
                gen = self._gen
        elif check:
            self._guard.still_whole(path)  # a truncated mapped file must be found before a page fault
        return gen

    def damage(self) -> str | None:
        """Why the live generation is damaged (its files checked again), or None: asked after a failure."""
        path = current_generation(self.index_dir)
        return self._guard.recheck(path) if path is not None else pointer_problem(self.index_dir)

    def exists(self) -> bool:
        """True when a built index is there."""
        return current_generation(self.index_dir) is not None

    def generation_id(self) -> str:
        """The live generation's folder name."""
        return self.generation().path.name

    def built_at(self) -> str | None:
        """When the live generation was built (ISO timestamp)."""
        return self.generation(check=False).info.get("built_at")

    def warm(self, freeze: bool = False) -> None:
        """Open the live generation and build what its first search would (document context, facet value
        codes, word lists), so a server's first user does not wait for them: seconds at a million paragraphs.

        With `freeze` (a long-running server), every object alive now is moved out of the garbage collector's
        sight (`gc.freeze`): the index's own structures are never garbage, and walking their hundreds of
        thousands of objects made an occasional request 50-100 ms slower at a million paragraphs.
        """
        keep_freed_buffers()  # a process that warms an index is about to search it, again and again
        if self.exists():
            self.generation()  # opening warms it (read/warmup.py)
        if freeze:
            gc.collect()
            gc.freeze()

    def search(self, req: SearchRequest) -> SearchResult:
        """Ranked hits, facet counts, a suggestion: see `execute.search`.

        Results are cached per generation by the whole request; callers get their own (shallow) copy.
        """
        gen = self.generation()
        return replace(gen.results.get((repr(req), settings.RANKING), lambda: execute.search(gen, req)))

    def export_rows(self, req: SearchRequest, cap: int = settings.CSV_EXPORT_CAP) -> tuple[list[ExportRow], int]:
        """Matching paragraphs as flat rows, ranked, up to `cap`; and the total."""
        gen = self.generation()
        rows, total = gen.results.get(("export", repr(req), cap, settings.RANKING), lambda: execute.export_rows(gen, req, cap))
        return list(rows), total  # cached per generation like whole results; callers get their own list

    def document(self, doc_id: str) -> DocumentView | None:
        """A whole document: its metadata and numbered paragraphs with headings."""
        rows = self.generation().paragraphs_of(doc_id)
        return document_view(rows) if rows else None

    def matching_paragraphs(self, doc_id: str, text: str) -> ParagraphMatches:
        """Paragraph numbers in a document that match a query, and their highlighted HTML."""
        gen = self.generation()
        parsed = parse_query(gen, text)
        marked = {}
        for docnum in _matching_docnums(gen, parsed, doc_id):
            fields = gen.stored(docnum)
            marked[int(fields["n"])] = mark(fields.get("text", ""), parsed.marks, whole=True)
        return ParagraphMatches(sorted(marked), marked)

    def stats(self) -> IndexStats:
        """What is indexed: counts, facet values, build time and sources."""
        return index_stats(self.generation())

    def grid(self, req: SearchRequest) -> GridCounts:
        """The search's matching paragraphs counted per council and year."""
        return council_year_counts(self.generation(), req)

    def newest(self, req: SearchRequest, since: dt.date | None = None,
               limit: int = settings.FEED_ENTRIES) -> tuple[list[Hit], int]:
        """The search's matching paragraphs of dated documents, newest first (optionally from a date)."""
        return newest_paragraphs(self.generation(), req, since, limit)

    def similar(self, doc_id: str, paragraph: int, scope: str = "other-councils") -> SimilarResult:
        """Paragraphs in other documents (other councils by default) like one paragraph; ParagraphMissing if none."""
        return similar_paragraphs(self.generation(), doc_id, paragraph, scope)

    def council_summary(self, names: list[str], exclude: set[str]) -> CouncilSummary:
        """Paragraph count, documents by year and distinctive terms of the paragraphs about these councils."""
        return council_summary(self.generation(), names, exclude)

    def facet_values(self) -> dict[str, set[str]]:
        """Every value each facet field holds (cached with the generation)."""
        gen = self.generation(check=False)  # cached at open, no mapped file read
        return gen.results.get(("facet values",), lambda: known_values(gen))

    def collection(self) -> Collection:
        """What the live generation holds, counted by documents (computed once per generation)."""
        return collection(self.generation(check=False))  # computed once per generation

    def document_counts(self) -> dict[str, int]:
        """Documents per council facet value (no index yet: none; a damaged one raises IndexDamaged)."""
        try:
            gen = self.generation()
        except IndexDamaged:
            raise
        except IndexMissing:
            return {}
        return document_counts(gen)


def _matching_docnums(gen: Generation, parsed, doc_id: str) -> list[int]:
    """One document's paragraphs that match: for best match, those with a query word of their own."""
    if parsed.plan is not None:
        return paragraphs_with_own_words(gen, parsed.plan, sorted(gen.searcher.document_numbers(doc_id=doc_id)))
    return query_docs_in(gen, parsed.query, doc_id) if parsed.query is not None else []


class EmbeddedWriter:
    """Builds generations of an index folder beside the live one and switches atomically (`IndexWriter`)."""

    def __init__(self, index_dir: Path | str | None = None):
        self.index_dir = Path(index_dir) if index_dir is not None else settings.default_index()

    def rebuild(self, sources: list[Path], progress=None, allow_shrink: bool = False,
                follow_links: bool = False) -> BuildReport:
        """Every document of the sources, as a new generation."""
        from indexer.backends.embedded.write.build import rebuild

        return rebuild(list(sources), self.index_dir, progress, allow_shrink=allow_shrink, follow_links=follow_links)

    def update(self, sources: list[Path], progress=None, allow_shrink: bool = False,
               follow_links: bool = False) -> BuildReport:
        """Only new, changed and removed files, as a new generation."""
        from indexer.backends.embedded.write.update import update

        return update(list(sources), self.index_dir, progress, allow_shrink=allow_shrink, follow_links=follow_links)

    def validate(self) -> list[str]:
        """Problems of the live generation (empty: it opens, searches and reads back what the build wrote)."""
        from indexer.backends.embedded.index.validate import IndexInvalid, validate_generation

        current = current_generation(self.index_dir)
        if current is None:
            return [f"no index at {self.index_dir}"]
        try:
            validate_generation(current)
        except IndexInvalid as exc:
            return [str(exc)]
        return []
