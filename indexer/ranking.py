"""Vectorised BM25F over cached posting arrays, and best-per-document ordering (numpy, no Whoosh)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

K1 = 1.2
B = 0.75


@dataclass(frozen=True)
class TermPostings:
    """One term in one field: the paragraphs it occurs in and how often."""

    docnums: np.ndarray  # int64, ascending
    freqs: np.ndarray    # float32, aligned with docnums


@dataclass(frozen=True)
class FieldStats:
    """Per-paragraph lengths of a field, their mean, and the field's boost."""

    lengths: np.ndarray  # float32, one per paragraph
    average: float
    boost: float


def bm25f(size: int, terms: list[tuple[TermPostings, FieldStats]], counted: int | None = None) -> np.ndarray:
    """Scores for every paragraph: the sum over (term, field) of boost x idf x saturated, length-normalised tf.

    `counted` is the number of searchable paragraphs for idf when it differs from `size` (after an update
    removed some); by default all `size` paragraphs count.
    """
    scores = np.zeros(size, dtype=np.float32)
    counted = size if counted is None else counted
    for postings, field in terms:
        df = len(postings.docnums)
        if not df:
            continue
        idf = np.log1p((counted - df + 0.5) / (df + 0.5))
        tf = postings.freqs
        norm = K1 * (1.0 - B + B * field.lengths[postings.docnums] / max(field.average, 1e-9))
        scores[postings.docnums] += field.boost * idf * tf * (K1 + 1.0) / (tf + norm)
    return scores


def best_first(candidates: np.ndarray, scores: np.ndarray, doc_ids: np.ndarray, wanted: int,
               collapse: bool) -> np.ndarray:
    """The `wanted` best candidates by score (ties by position), one per document when collapsing."""
    order = candidates[np.argsort(-scores, kind="stable")]
    if collapse:
        _, first = np.unique(doc_ids[order], return_index=True)
        order = order[np.sort(first)]
    return order[:wanted]


def rank_documents(candidates: np.ndarray, tiers: np.ndarray, scores: np.ndarray, doc_ids: np.ndarray,
                   share: float, others: int, document_scores: np.ndarray | None = None) -> np.ndarray:
    """Each document's best candidate, documents ordered by that paragraph's tier, then its score plus a share
    of the document's next `others` best scores in the same tier (a long report cannot bury a short answer).

    `tiers` and `scores` are aligned with `candidates`; `doc_ids` maps every docnum to its document.
    """
    if not len(candidates):
        return candidates
    order = np.lexsort((-scores, -tiers))                  # best first overall
    docs = doc_ids[candidates[order]]
    grouped = order[np.argsort(docs, kind="stable")]       # by document, best first within each
    group_docs = doc_ids[candidates[grouped]]
    starts = np.flatnonzero(np.r_[True, group_docs[1:] != group_docs[:-1]])
    lengths = np.diff(np.r_[starts, len(grouped)])
    position = np.arange(len(grouped)) - np.repeat(starts, lengths)
    best = grouped[starts]
    same_tier = tiers[grouped] == np.repeat(tiers[best], lengths)
    extra = (position >= 1) & (position <= others) & same_tier
    bonus = np.add.reduceat(np.where(extra, scores[grouped], 0.0), starts)
    total = scores[best] + share * bonus
    if document_scores is not None:
        total = total + document_scores[doc_ids[candidates[best]]]
    return candidates[best[np.lexsort((-total, -tiers[best]))]]


def rank_paragraphs(candidates: np.ndarray, tiers: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """Candidates by tier (groups matched), then score."""
    return candidates[np.lexsort((-scores, -tiers))]
