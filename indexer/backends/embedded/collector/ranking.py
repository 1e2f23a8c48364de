"""Vectorised BM25F over cached posting arrays, and best-per-document ordering (numpy, no Whoosh)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from indexer import settings
from indexer.backends.embedded.collector.places import BOUND_MARGIN, POSITION_BITS, POSITION_MASK, order_by_places
from indexer.backends.embedded.collector.topdocs import top_documents

# The packed int64 order key (order_key): low to high bits, the inverted score, the inverted tier, the group.
SCORE_BITS, TIER_BITS, GROUP_BITS = 31, 8, 24
SCORE_MASK, TIER_MAX = (1 << SCORE_BITS) - 1, (1 << TIER_BITS) - 1
TIER_SHIFT, GROUP_SHIFT = SCORE_BITS, SCORE_BITS + TIER_BITS
KEY_LIMIT = 1 << GROUP_SHIFT           # keys without a group are below this


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
    boost: float | None = 1.0  # None: the heading's, read when scoring (settings.RANKING.heading_boost)

    @property
    def weight(self) -> float:
        """The field's boost as scored now."""
        return settings.RANKING.heading_boost if self.boost is None else self.boost


def bm25f(size: int, terms: list[tuple[TermPostings, FieldStats]], counted: int | None = None) -> np.ndarray:
    """Scores for every paragraph: the sum over (term, field) of boost x idf x saturated, length-normalised tf.

    `counted` is the number of searchable paragraphs for idf when it differs from `size` (after an update
    removed some); by default all `size` paragraphs count.
    """
    scores = np.zeros(size, dtype=np.float32)
    counted = size if counted is None else counted
    first = True
    K1, B = settings.RANKING.bm25_k1, settings.RANKING.bm25_b
    for postings, field in terms:
        df = len(postings.docnums)
        if not df:
            continue
        idf = np.log1p((counted - df + 0.5) / (df + 0.5))
        tf = postings.freqs
        norm = K1 * (1.0 - B + B * field.lengths[postings.docnums] / max(field.average, 1e-9))
        term = field.weight * idf * tf * (K1 + 1.0) / (tf + norm)
        if first:  # onto zeros: 0 + x is x, so the first term is stored without reading the scores back
            scores[postings.docnums] = term.astype(np.float32)
            first = False
        else:
            scores[postings.docnums] += term
    return scores


def bm25f_at(candidates: np.ndarray, terms: list[tuple[TermPostings, FieldStats]], counted: int) -> np.ndarray:
    """`bm25f` for the given paragraphs only (ascending docnums), aligned with them: a phrase's candidates are
    not worth scoring a million paragraphs for."""
    scores = np.zeros(len(candidates), dtype=np.float32)
    K1, B = settings.RANKING.bm25_k1, settings.RANKING.bm25_b
    for postings, field in terms:
        df = len(postings.docnums)
        if not df or not len(candidates):
            continue
        idf = np.log1p((counted - df + 0.5) / (df + 0.5))
        tf = _frequencies_at(candidates, postings)
        norm = K1 * (1.0 - B + B * field.lengths[candidates] / max(field.average, 1e-9))
        scores += field.weight * idf * tf * (K1 + 1.0) / (tf + norm)  # rounded as bm25f rounds
    return scores


def _frequencies_at(candidates: np.ndarray, postings: TermPostings) -> np.ndarray:
    """The term's frequency in each candidate (0 where absent), searching the shorter list in the longer."""
    docnums = postings.docnums
    if len(docnums) > 16 * len(candidates):  # few candidates: binary searches in the long posting list
        at = np.minimum(np.searchsorted(docnums, candidates), len(docnums) - 1)
        return np.where(docnums[at] == candidates, postings.freqs[at], np.float32(0))
    if len(docnums) > len(candidates):  # comparable sizes: spread the postings out, read the candidates
        dense = np.zeros(int(max(docnums[-1], candidates[-1])) + 1, dtype=np.float32)
        dense[docnums] = postings.freqs
        return dense[candidates]
    tf = np.zeros(len(candidates), dtype=np.float32)
    at = np.minimum(np.searchsorted(candidates, docnums), len(candidates) - 1)
    found = candidates[at] == docnums
    tf[at[found]] = postings.freqs[found]
    return tf


def best_first(candidates: np.ndarray, scores: np.ndarray, doc_ids: np.ndarray, wanted: int,
               collapse: bool) -> np.ndarray:
    """The `wanted` best candidates by score (ties by position), one per document when collapsing."""
    if not collapse:
        return candidates[best_positions(np.zeros(len(candidates), dtype=np.int16), scores, wanted)]
    runs = _document_runs(candidates, doc_ids, wanted)
    if runs is not None:  # only the documents whose best paragraph can be among the first `wanted`
        starts, lengths = runs
        best = np.maximum.reduceat(scores, starts)
        cut = np.partition(best, len(best) - wanted)[len(best) - wanted]
        keep = np.repeat(best >= cut, lengths)
        candidates, scores = candidates[keep], scores[keep]
    order = candidates[np.argsort(-scores, kind="stable")]
    if collapse:
        _, first = np.unique(doc_ids[order], return_index=True)
        order = order[np.sort(first)]
    return order[:wanted]


def rank_documents(candidates: np.ndarray, tiers: np.ndarray, scores: np.ndarray, doc_ids: np.ndarray,
                   share: float, others: int, document_scores: np.ndarray | None = None,
                   wanted: int | None = None, key: np.ndarray | None = None,
                   runs: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
    """Each document's best candidate, documents ordered by that paragraph's tier, then its score plus a share
    of the document's next `others` best scores in the same tier (a long report cannot bury a short answer).

    `tiers` and `scores` are aligned with `candidates`; `doc_ids` maps every docnum to its document. With
    `wanted`, only the first `wanted` documents are returned (the same ones, in the same order), and only the
    documents that can be among them are ranked. `key` is `order_key(tiers, scores)` when the caller has it;
    `runs` is `_document_runs(candidates, doc_ids, 0)` when the caller knows it (`candidate_runs`).
    """
    if not len(candidates):
        return candidates
    if runs is None:
        runs = _document_runs(candidates, doc_ids, 0)
    if wanted is not None:
        if runs is not None and len(candidates) <= POSITION_MASK + 1 and share >= 0:
            key = order_key(tiers, scores) if key is None else key
            # Bounds need non-negative scores (BM25 sums are); a NaN or negative one is ranked the long way.
            if int(key.max()) < KEY_LIMIT and bool((scores >= 0).all()):
                return top_documents(candidates, tiers, scores, key, runs, doc_ids, share, others,
                                     document_scores, wanted)
        shortlisted = _shortlist(candidates, tiers, scores, doc_ids, share * others, document_scores, wanted, key,
                                 runs)
        if shortlisted is not None:
            keep, possible = shortlisted
            candidates, tiers, scores = candidates[keep], tiers[keep], scores[keep]
            key = None if key is None else key[keep]
            runs = _kept_runs(runs, possible)
        return rank_documents(candidates, tiers, scores, doc_ids, share, others, document_scores,
                              key=key, runs=runs)[:wanted]
    key = order_key(tiers, scores) if key is None else key
    # Documents whose paragraphs are not one run each, or a run too long to pack a position in: one sort.
    if runs is None or int(runs[1].max()) > POSITION_MASK or int(key.max()) >= KEY_LIMIT:
        return _rank_documents_sorted(candidates, tiers, scores, doc_ids, share, others, document_scores)
    starts, lengths = runs
    return order_by_places(candidates, tiers, scores, doc_ids, share, document_scores,
                           _run_tops(key, starts, lengths, others + 1))


def _run_tops(key: np.ndarray, starts: np.ndarray, lengths: np.ndarray, count: int) -> list[np.ndarray]:
    """Per run of positions, its `count` smallest keys' positions in order (ties by position, as a stable sort
    orders them; -1 where a run is shorter): `count` passes of a per-run minimum, three times faster than
    sorting a million keys. Keys below KEY_LIMIT and runs shorter than 2**POSITION_BITS (the position is packed under the key,
    so one minimum per run gives the best and where it is)."""
    last = np.iinfo(np.int64).max
    whole = len(key) <= POSITION_MASK + 1  # every position fits: packed as is (no offset within the run to make)
    work = key << POSITION_BITS
    work |= np.arange(len(key)) if whole else np.arange(len(key)) - np.repeat(starts, lengths)
    tops = []
    for _ in range(count):
        smallest = np.minimum.reduceat(work, starts)
        present = smallest != last
        at = (smallest & POSITION_MASK) if whole else starts + (smallest & POSITION_MASK)
        tops.append(np.where(present, at, -1))
        work[at[present]] = last
    return tops


def _rank_documents_sorted(candidates: np.ndarray, tiers: np.ndarray, scores: np.ndarray, doc_ids: np.ndarray,
                           share: float, others: int, document_scores: np.ndarray | None = None) -> np.ndarray:
    """`rank_documents` by one sort of all candidates (the reference, and for documents not in runs)."""
    # By document, best first within each (tier, then score, then position): one sort of one integer key.
    grouped = np.argsort(order_key(tiers, scores, doc_ids[candidates]), kind="stable")
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


def rank_paragraphs(candidates: np.ndarray, tiers: np.ndarray, scores: np.ndarray,
                    wanted: int | None = None, key: np.ndarray | None = None) -> np.ndarray:
    """Candidates by tier (groups matched), then score (the first `wanted` of them, when given)."""
    if wanted is not None:
        return candidates[best_positions(tiers, scores, wanted, key)]
    return candidates[np.argsort(order_key(tiers, scores), kind="stable")]


def _document_runs(candidates: np.ndarray, doc_ids: np.ndarray, wanted: int) -> tuple[np.ndarray, np.ndarray] | None:
    """Where each document's candidates start and how many there are, when every document's candidates are
    one run (paragraphs are numbered document by document) and there are more than `wanted` documents."""
    docs = doc_ids[candidates]
    steps = np.diff(docs)
    if len(candidates) <= wanted or (steps < 0).any():
        return None
    starts = np.flatnonzero(np.r_[True, steps != 0])
    if len(starts) <= wanted:
        return None
    return starts, np.diff(np.r_[starts, len(candidates)])


def candidate_runs(per_document: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`_document_runs` of the ascending matches of a generation whose documents are one run of paragraphs each,
    from the matches per document (no pass over the candidates)."""
    lengths = per_document[per_document > 0].astype(np.int64)
    return np.cumsum(lengths) - lengths, lengths


def _kept_runs(runs: tuple[np.ndarray, np.ndarray] | None,
               possible: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """The runs left when only the `possible` ones (a mask over the runs) are kept."""
    if runs is None:
        return None
    lengths = runs[1][possible]
    return np.cumsum(lengths) - lengths, lengths


def _shortlist(candidates: np.ndarray, tiers: np.ndarray, scores: np.ndarray, doc_ids: np.ndarray,
               most_extra: float, document_scores: np.ndarray | None, wanted: int,
               key: np.ndarray | None = None,
               runs: tuple[np.ndarray, np.ndarray] | None = None) -> tuple[np.ndarray, np.ndarray] | None:
    """A mask of the candidates of the documents that can be among the first `wanted` and the mask of their
    runs, or None (all can). `runs`: the candidates' document runs when the caller has them.

    A document's total lies between its best paragraph's score (plus its document score) and that score times
    (1 + `most_extra`) (its other paragraphs in the best tier score no more than the best): a document whose
    highest possible total is below the `wanted`-th best lowest total, in the same tier, cannot make the cut.
    """
    if runs is None:
        runs = _document_runs(candidates, doc_ids, wanted)
    if runs is None or len(candidates) <= wanted or len(runs[0]) <= wanted:
        return None
    starts, lengths = runs
    best_key = np.minimum.reduceat(order_key(tiers, scores) if key is None else key, starts)
    tier = TIER_MAX - (best_key >> TIER_SHIFT)
    best = (SCORE_MASK - (best_key & SCORE_MASK)).astype(np.int32).view(np.float32).astype(np.float64)
    extra = 0.0 if document_scores is None else document_scores[doc_ids[candidates[starts]]].astype(np.float64)
    low = (best + extra) * (1 - BOUND_MARGIN)
    high = (best * (1 + most_extra) + extra) * (1 + BOUND_MARGIN) + BOUND_MARGIN
    # The wanted-th document by (tier, lowest total): anything certainly below it is dropped.
    cut_at = np.lexsort((-low, -tier))[wanted - 1]
    cut_tier, cut_low = tier[cut_at], low[cut_at]
    possible = (tier > cut_tier) | ((tier == cut_tier) & (high >= cut_low))
    if possible.all():
        return None
    return np.repeat(possible, lengths), possible


def best_positions(tiers: np.ndarray, scores: np.ndarray, count: int, key: np.ndarray | None = None) -> np.ndarray:
    """Positions of the `count` best by tier then score (ties by position), best first, without sorting all.

    The same positions, in the same order, as the first `count` of a stable sort on (tier, score) descending.
    """
    key = order_key(tiers, scores) if key is None else key
    if len(key) <= count:
        return np.argsort(key, kind="stable")
    kth = np.partition(key, count - 1)[count - 1]  # the count-th best key
    chosen = np.flatnonzero(key < kth)
    chosen = np.sort(np.concatenate([chosen, np.flatnonzero(key == kth)[: count - len(chosen)]]))
    return chosen[np.argsort(key[chosen], kind="stable")]


def order_key(tiers: np.ndarray, scores: np.ndarray, groups: np.ndarray | None = None) -> np.ndarray:
    """An int64 whose ascending order is (group ascending,) tier descending, then score descending.

    Scores are non-negative float32, whose bit patterns order as integers do; sorting one integer key is about
    twice as fast as a lexsort of two keys over a million candidates.
    """
    # Scores are BM25 sums, never negative or NaN; clamped anyway so a bad one sorts last instead of first.
    positive = np.fmax(np.asarray(scores, dtype=np.float32), np.float32(0.0))  # NaN and negatives -> 0
    positive += np.float32(0.0)  # -0.0 becomes 0.0 (its sign bit would sort it first)
    key = positive.view(np.int32).astype(np.int64)  # SCORE_BITS: a non-negative float32's bits
    np.subtract(SCORE_MASK, key, out=key)
    if len(tiers) and (np.any(tiers) or groups is not None):
        rank = np.clip(tiers, 0, TIER_MAX).astype(np.int64)
        np.subtract(TIER_MAX, rank, out=rank)
        key |= rank << TIER_SHIFT
    else:
        key |= np.int64(TIER_MAX) << TIER_SHIFT
    if groups is not None:
        if len(groups) and int(groups.max()) >= 1 << GROUP_BITS:
            raise ValueError("more than 16 million documents: the sort key has 24 bits for the document")
        key |= groups.astype(np.int64) << GROUP_SHIFT
    return key
