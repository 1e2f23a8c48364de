"""One opened index generation: its Whoosh index, per-thread searchers, memory-mapped arrays and caches."""
from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
from whoosh import index as whoosh_index

from indexer import settings
from indexer.backends.embedded.index.codec import remember_missing_columns
from indexer.backends.embedded.index.layout import read_build_info
from indexer.backends.embedded.collector.ranking import FieldStats, TermPostings
from indexer.search.snippets import MATCH_FIELDS
from indexer.backends.embedded.index.spelling import Speller
from indexer.backends.embedded.index import arrays as persisted
from indexer.backends.embedded.index.cache import LruCache
from indexer.backends.embedded.postings.inverted import load as load_inverted, load_parts, postings as inverted_postings
from indexer.backends.embedded.postings.pairs import load_pairs
from indexer.backends.embedded.postings.whoosh_postings import EMPTY, block_reading_works, read_postings
from indexer.backends.embedded.postings.sequences import load as load_sequences
from indexer.backends.embedded.index.stored import unpack


@dataclass(eq=False)  # identity: caches elsewhere are keyed by the generation object
class Generation:
    """An opened generation with the per-paragraph arrays that matching, facets and ranking read."""

    path: Path
    ix: object
    doc_ids: np.ndarray          # docnum -> document index
    doc_names: list[str]         # document index -> doc_id ("" = removed by an update)
    years: np.ndarray            # docnum -> year (0 = unknown)
    dates: np.ndarray            # docnum -> yyyymmdd sort key (0 = unknown)
    para_n: np.ndarray           # docnum -> paragraph number
    title_terms: list[frozenset]  # document index -> analysed title words
    field_stats: dict[str, FieldStats]  # text/heading lengths for BM25F
    keyword_postings: dict[str, dict[str, np.ndarray]]  # facet field -> value -> sorted docnums
    info: dict
    speller: Speller
    fast_postings: bool = True
    live: np.ndarray | None = None  # docnum -> not deleted by an update (None: nothing deleted)
    masks: LruCache = field(default_factory=lambda: LruCache(settings.QUERY_CACHE_SIZE))
    terms: LruCache = field(default_factory=lambda: LruCache(settings.TERM_CACHE_SIZE))
    results: LruCache = field(default_factory=lambda: LruCache(settings.RESULT_CACHE_SIZE))
    heads: LruCache = field(default_factory=lambda: LruCache(settings.DOCUMENT_HEAD_CACHE_SIZE))
    caches: dict = field(default_factory=dict)  # kind -> LruCache: everything else derived from this generation
    local: threading.local = field(default_factory=threading.local)
    searchers: list = field(default_factory=list)  # every thread's searcher, closed with the generation

    def memo(self, kind: str, key, compute, size: int = settings.DERIVED_CACHE_SIZE):
        """The one cache API: `key`'s value in this generation's `kind` cache, computed once (LRU of `size`).

        Whatever is derived from a generation lives and dies with it; a rebuilt index starts afresh.
        """
        cache = self.caches.get(kind)
        if cache is None:
            cache = self.caches.setdefault(kind, LruCache(size))
        return cache.get(key, compute)

    @property
    def searcher(self):
        """This thread's searcher: Whoosh searchers are not meant to be shared between threads."""
        searcher = getattr(self.local, "searcher", None)
        if searcher is None:
            searcher = self.local.searcher = remember_missing_columns(self.ix.searcher())
            self.searchers.append(searcher)
        return searcher

    @cached_property
    def schema(self):
        """The index schema (for the query parser and analyzers); Whoosh re-reads its TOC file on every access."""
        return self.ix.schema

    @property
    def size(self) -> int:
        """Number of paragraph slots (docnums), removed ones included."""
        return len(self.years)

    @property
    def paragraph_count(self) -> int:
        """Number of searchable paragraphs."""
        return self.size if self.live is None else int(np.count_nonzero(self.live))

    @property
    def document_count(self) -> int:
        """Number of searchable documents."""
        return sum(1 for name in self.doc_names if name)

    @cached_property
    def sequences(self):
        """(vocabulary, field -> word-id sequences) for phrase matching; None for a generation without them."""
        return load_sequences(self.path / persisted.FOLDER)

    @cached_property
    def inverted(self):
        """field -> numpy posting parts; None for a generation without them (Whoosh's postings are read)."""
        loaded = self.sequences
        return None if loaded is None else load_inverted(self.path / persisted.FOLDER, loaded[1])

    @cached_property
    def pairs(self) -> dict:
        """field -> word-pair parts for phrases (postings/pairs.py); a field without them is left out."""
        folder = self.path / persisted.FOLDER
        parts = load_parts(folder)
        if not parts or self.sequences is None:
            return {}
        loaded = {field: load_pairs(folder, field, parts) for field in self.sequences[1]}
        return {field: found for field, found in loaded.items() if found is not None}

    @cached_property
    def doc_index(self) -> dict[str, int]:
        """doc_id -> document index."""
        return {name: i for i, name in enumerate(self.doc_names) if name}

    @cached_property
    def years_present(self) -> list[int]:
        """The known years of the searchable paragraphs, ascending (sorting a million years per query cost 50 ms)."""
        years = self.years if self.live is None else self.years[self.live]
        return [int(y) for y in np.unique(years) if y]

    @cached_property
    def _by_document(self) -> tuple[np.ndarray, np.ndarray]:
        """Docnums grouped by document (ascending within each) and where each document's group starts."""
        order = np.argsort(self.doc_ids, kind="stable")
        starts = np.searchsorted(self.doc_ids[order], np.arange(len(self.doc_names) + 1))
        return order, starts

    @cached_property
    def document_runs(self) -> tuple[np.ndarray, np.ndarray] | None:
        """Where each document's paragraph slots start and how many there are, when every document's slots are one
        run in document order (always, after a rebuild or an update); None otherwise."""
        ids = np.asarray(self.doc_ids)
        steps = np.diff(ids)
        if not len(ids) or ids[0] != 0 or ids[-1] != len(self.doc_names) - 1 or (steps < 0).any() or (steps > 1).any():
            return None
        starts = np.flatnonzero(np.r_[True, steps != 0])
        return starts, np.diff(np.r_[starts, len(ids)])

    def count_per_document(self, mask: np.ndarray) -> np.ndarray:
        """Per document, how many of its paragraphs the mask holds (a sum per run: ten times a bincount's speed)."""
        runs = self.document_runs
        if runs is None:
            return np.bincount(self.doc_ids[mask], minlength=len(self.doc_names))
        return np.add.reduceat(mask.view(np.uint8), runs[0], dtype=np.int32)

    def sum_per_document(self, docnums: np.ndarray, values: np.ndarray) -> np.ndarray:
        """Per document, the sum (float64) of the values at the given ascending docnums (a posting list's
        frequencies): sums over runs of the postings instead of a bincount through a gather."""
        runs = self.document_runs
        if runs is None or not len(docnums):
            return np.bincount(self.doc_ids[docnums], weights=values, minlength=len(self.doc_names))
        bounds = np.searchsorted(docnums, runs[0])
        inside = bounds < len(docnums)
        sums = np.zeros(len(self.doc_names), dtype=np.float64)
        sums[inside] = np.add.reduceat(values, bounds[inside], dtype=np.float64)
        sums[np.r_[bounds[1:], len(docnums)] == bounds] = 0.0  # documents without postings
        return sums

    def any_per_document(self, mask: np.ndarray) -> np.ndarray:
        """Per document, True when the mask holds any of its paragraphs."""
        runs = self.document_runs
        if runs is None:
            out = np.zeros(len(self.doc_names), dtype=bool)
            out[self.doc_ids[mask]] = True
            return out
        return np.logical_or.reduceat(mask, runs[0])

    def per_paragraph(self, values: np.ndarray) -> np.ndarray:
        """A per-document array spread to every paragraph slot (a repeat per run instead of a gather)."""
        runs = self.document_runs
        return values[self.doc_ids] if runs is None else np.repeat(values, runs[1])

    def docnums_of(self, doc_index: int) -> np.ndarray:
        """Every paragraph slot of one document, ascending (removed ones included; mask with `live`)."""
        runs = self.document_runs
        if runs is not None:  # no sort of every slot by document
            start = int(runs[0][doc_index])
            return np.arange(start, start + int(runs[1][doc_index]))
        order, starts = self._by_document
        return order[starts[doc_index]: starts[doc_index + 1]]

    @cached_property
    def document_lengths(self) -> tuple[np.ndarray, float, int]:
        """Per document, its searchable paragraphs' text length summed; the mean over documents with text; and
        how many have text (BM25 over whole documents)."""
        live = np.ones(self.size, dtype=bool) if self.live is None else self.live
        lengths = np.bincount(self.doc_ids[live], weights=self.field_stats["text"].lengths[live],
                              minlength=len(self.doc_names)).astype(np.float32)
        present = lengths > 0
        return lengths, float(lengths[present].mean()) if present.any() else 1.0, int(present.sum())

    def term_postings(self, fieldname: str, word: str) -> TermPostings:
        """A term's searchable paragraphs and frequencies as arrays, cached."""
        def read() -> TermPostings:
            if self.inverted is not None and fieldname in self.inverted:
                word_id = self.sequences[0].get(word)
                postings = EMPTY if word_id is None else \
                    TermPostings(*inverted_postings(self.inverted[fieldname], word_id,
                                                    self.schema[fieldname].format.field_boost))
            else:
                postings = read_postings(self.searcher.reader(), fieldname, word, self.fast_postings)
            if self.live is None or not len(postings.docnums):
                return postings
            keep = self.live[postings.docnums]  # paragraphs an update removed are not counted (idf as a rebuild)
            return TermPostings(postings.docnums[keep], postings.freqs[keep])
        return self.terms.get((fieldname, word), read)

    def stored(self, docnum: int) -> dict:
        """The stored fields of one paragraph (its document's shared ones merged in: backends/embedded/index/stored.py)."""
        return unpack(self.searcher.stored_fields(int(docnum)), int(docnum), self._document_head)

    def _document_head(self, docnum: int) -> dict:
        """The raw stored fields of a document's first paragraph, cached (every hit of the document reads them)."""
        return self.heads.get(docnum, lambda: self.searcher.stored_fields(docnum))

    def paragraphs_of(self, doc_id: str) -> list[dict]:
        """The stored fields of every paragraph of one document, in order."""
        return sorted((dict(self.stored(d)) for d in self.searcher.document_numbers(doc_id=doc_id)),
                      key=lambda f: f["n"])


def open_generation(path: Path) -> Generation:
    """Open a generation: its persisted arrays are memory-mapped (computed here only for old generations)."""
    ix = whoosh_index.open_dir(str(path))
    searcher = ix.searcher()
    reader = searcher.reader()
    arrays = persisted.load(path)
    if arrays is None or arrays.size != reader.doc_count_all():
        arrays = persisted.compute(reader, searcher)
    gen = Generation(path, ix, arrays.doc_ids, arrays.doc_names, arrays.years, arrays.dates, arrays.para_n,
                     [frozenset(words) for words in arrays.title_words], _field_stats(arrays), arrays.keyword_postings,
                     read_build_info(path), Speller.load(path), block_reading_works(reader), arrays.live)
    gen.local.searcher = searcher
    gen.searchers.append(searcher)
    # Segment files stay open while searchers live: close them when the generation is let go.
    weakref.finalize(gen, _close_searchers, gen.searchers)
    return gen


def _close_searchers(searchers: list) -> None:
    """Close the searchers (and so the segment files) of a generation nobody uses any more."""
    for searcher in searchers:
        try:
            searcher.close()
        except Exception:  # noqa: BLE001 - closing is best effort at collection time
            pass


def _field_stats(arrays: persisted.Arrays) -> dict[str, FieldStats]:
    """Paragraph lengths of the fields hits are scored on, with their mean over searchable paragraphs."""
    boosts = {"text": 1.0, "heading": None}  # the heading's boost is read when scoring
    out = {}
    for name in MATCH_FIELDS:
        lengths = arrays.lengths[name]
        live = lengths if arrays.live is None else lengths[arrays.live]
        out[name] = FieldStats(lengths, float(live.mean()) if len(live) else 0.0, boosts[name])
    return out
