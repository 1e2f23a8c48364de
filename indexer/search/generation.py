"""One opened index generation: its Whoosh index, per-thread searchers, cached arrays and caches."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from whoosh import index as whoosh_index

from .. import settings
from ..build import read_build_info
from ..ranking import FieldStats, TermPostings
from ..schema import as_text
from ..snippets import MATCH_FIELDS
from ..spelling import Speller
from .cache import LruCache
from .postings import block_reading_works, read_postings


@dataclass(eq=False)  # identity: caches elsewhere are keyed by the generation object
class Generation:
    """An opened generation with the per-paragraph arrays that matching, facets and ranking read."""

    path: Path
    ix: object
    doc_ids: np.ndarray          # docnum -> document index
    doc_names: list[str]         # document index -> doc_id
    years: np.ndarray            # docnum -> year (0 = unknown)
    dates: np.ndarray            # docnum -> yyyymmdd sort key (0 = unknown)
    para_n: np.ndarray           # docnum -> paragraph number
    title_terms: list[frozenset]  # document index -> analysed title words
    field_stats: dict[str, FieldStats]  # text/heading lengths for BM25F
    keyword_postings: dict[str, dict[str, np.ndarray]]  # facet field -> value -> sorted docnums
    info: dict
    speller: Speller
    fast_postings: bool = True
    masks: LruCache = field(default_factory=lambda: LruCache(settings.QUERY_CACHE_SIZE))
    terms: LruCache = field(default_factory=lambda: LruCache(settings.TERM_CACHE_SIZE))
    local: threading.local = field(default_factory=threading.local)

    @property
    def searcher(self):
        """This thread's searcher: Whoosh searchers are not meant to be shared between threads."""
        searcher = getattr(self.local, "searcher", None)
        if searcher is None:
            searcher = self.local.searcher = self.ix.searcher()
        return searcher

    @property
    def schema(self):
        """The index schema (for the query parser and analyzers)."""
        return self.ix.schema

    @property
    def size(self) -> int:
        """Number of paragraphs."""
        return len(self.years)

    def term_postings(self, fieldname: str, word: str) -> TermPostings:
        """A term's paragraphs and frequencies as arrays, cached."""
        return self.terms.get((fieldname, word),
                              lambda: read_postings(self.searcher.reader(), fieldname, word, self.fast_postings))

    def stored(self, docnum: int) -> dict:
        """The stored fields of one paragraph."""
        return self.searcher.stored_fields(int(docnum))

    def paragraphs_of(self, doc_id: str) -> list[dict]:
        """The stored fields of every paragraph of one document, in order."""
        return sorted((dict(f) for f in self.searcher.documents(doc_id=doc_id)), key=lambda f: f["n"])


def open_generation(path: Path) -> Generation:
    """Open a generation and read the arrays facet counting and ranking need."""
    ix = whoosh_index.open_dir(str(path))
    searcher = ix.searcher()
    reader = searcher.reader()
    size = reader.doc_count_all()
    doc_ids, doc_names = _document_numbers(reader, size)
    keyword_postings = {}
    for facet in settings.KEYWORD_FACET_FIELDS:
        values: dict[str, np.ndarray] = {}
        if facet in reader.indexed_field_names():
            for term in reader.lexicon(facet):
                values[as_text(term)] = np.fromiter(reader.postings(facet, term).all_ids(), dtype=np.int32)
        keyword_postings[facet] = values
    gen = Generation(path, ix, doc_ids, doc_names, _int_column(reader, "year", size).astype(np.int32),
                     _int_column(reader, "date_sort", size), _int_column(reader, "n", size),
                     _title_terms(searcher, doc_ids, len(doc_names)), _field_stats(reader, size), keyword_postings,
                     read_build_info(path), Speller.load(path), block_reading_works(reader))
    gen.local.searcher = searcher
    return gen


def _document_numbers(reader, size: int) -> tuple[np.ndarray, list[str]]:
    """docnum -> document index, and the document ids in first-seen order."""
    column = reader.column_reader("doc_id")
    names: dict[str, int] = {}
    doc_ids = np.zeros(size, dtype=np.int32)
    for i in range(size):
        doc_ids[i] = names.setdefault(as_text(column[i]), len(names))
    return doc_ids, list(names)


def _field_stats(reader, size: int) -> dict[str, FieldStats]:
    """Paragraph lengths of the fields hits are scored on."""
    boosts = {"text": 1.0, "heading": settings.HEADING_BOOST}
    out = {}
    for name in MATCH_FIELDS:
        lengths = np.fromiter((reader.doc_field_length(i, name, 0) or 0 for i in range(size)), dtype=np.float32,
                              count=size)
        out[name] = FieldStats(lengths, float(lengths.mean()) if size else 0.0, boosts[name])
    return out


def _title_terms(searcher, doc_ids: np.ndarray, count: int) -> list[frozenset]:
    """Each document's analysed title words, for the title boost."""
    analyzer = searcher.schema["title"].analyzer
    _, first = np.unique(doc_ids, return_index=True)
    out: list[frozenset] = [frozenset()] * count
    for docnum in first:
        title = searcher.stored_fields(int(docnum)).get("title", "")
        out[doc_ids[docnum]] = frozenset(t.text for t in analyzer(title))
    return out


def _int_column(reader, name: str, size: int) -> np.ndarray:
    """A sortable NUMERIC column as an int64 array (unset values become 0)."""
    column = reader.column_reader(name)
    values = np.fromiter((int(column[i] or 0) for i in range(size)), dtype=np.int64, count=size)
    values[(values < 0) | (values > 10**9)] = 0  # unset NUMERIC columns read back as a sentinel
    return values
