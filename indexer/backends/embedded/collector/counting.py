"""Counting matches per facet value a document at a time: a document's paragraphs almost always share its council,
grade and year, so a match set is counted as matches per document (one pass over the matches) and then per value
over the documents (thousands, not a million paragraphs); the few documents whose paragraphs differ (a round-up
naming two councils) are counted paragraph by paragraph."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np


@dataclass(frozen=True)
class DocumentCodes:
    """A per-paragraph code array seen by document: the code each document's paragraphs share, and the rest."""

    doc_codes: np.ndarray  # document index -> the code all its paragraphs share (0 where they differ)
    mixed: np.ndarray      # docnums (ascending) of the paragraphs of documents whose paragraphs differ
    size: int              # one more than the largest code


class Matches:
    """A match mask and, computed once when asked, how many of each document's paragraphs it holds."""

    def __init__(self, gen, mask: np.ndarray):
        self.gen = gen
        self.mask = mask

    @cached_property
    def per_document(self) -> np.ndarray:
        """Matching paragraphs per document."""
        return self.gen.count_per_document(self.mask)


def document_codes(gen, key, codes: np.ndarray) -> DocumentCodes:
    """The document view of a per-paragraph code array (non-negative; 0 counts nothing), cached per generation
    under `key`."""
    return gen.memo("document codes", key,
                    lambda: _document_codes(gen.doc_ids, len(gen.doc_names), codes, gen.document_runs))


def _document_codes(doc_ids: np.ndarray, documents: int, codes: np.ndarray,
                    runs: tuple[np.ndarray, np.ndarray] | None = None) -> DocumentCodes:
    """Per document the shared code, or 0 and its paragraphs listed as mixed (`runs`: where each document's
    paragraphs start, when they are one run each: a minimum per run instead of a scatter)."""
    codes = np.asarray(codes, dtype=np.int64)
    doc_ids = np.asarray(doc_ids, dtype=np.int64)
    if runs is not None:
        low, high = np.minimum.reduceat(codes, runs[0]), np.maximum.reduceat(codes, runs[0])
    else:
        low = np.full(documents, np.iinfo(np.int64).max, dtype=np.int64)
        high = np.full(documents, np.iinfo(np.int64).min, dtype=np.int64)
        np.minimum.at(low, doc_ids, codes)
        np.maximum.at(high, doc_ids, codes)
    differs = low != high
    doc_codes = np.where(differs | (low == np.iinfo(np.int64).max), 0, low)
    mixed = np.flatnonzero(differs[doc_ids])
    size = int(max(doc_codes.max(initial=0), codes[mixed].max(initial=0))) + 1
    return DocumentCodes(doc_codes, mixed, size)


def count_codes(coded: DocumentCodes, codes: np.ndarray, matches: Matches, size: int = 0) -> np.ndarray:
    """Matching paragraphs per code (index = code), at least `size` long."""
    size = max(size, coded.size)
    counts = np.bincount(coded.doc_codes, weights=matches.per_document, minlength=size)
    counts = np.rint(counts).astype(np.int64)
    mixed = coded.mixed[matches.mask[coded.mixed]]
    if len(mixed):
        counts += np.bincount(codes[mixed], minlength=size)
    return counts
