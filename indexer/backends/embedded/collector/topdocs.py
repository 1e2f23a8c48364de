"""The first documents of a ranking without finding every document's best few paragraphs.

`rank_documents` orders documents by their best paragraph's tier, then its score plus a share of the next
`others` best scores in that tier (plus the document's own score). Finding each document's best `others + 1`
paragraphs is one pass over every candidate per place; for a word in most paragraphs, `others + 1` passes
over a million. Here each pass is followed by bounds: once a document's best `j` are known, its total is at
least what they give and at most that plus the places left, each no higher than the `j`-th score (and nothing
once a place falls to a lower tier). A document whose highest possible total is below the lowest total of the
`wanted`-th best, in the same tier, cannot be on the page and leaves the next passes. The result is the same
documents in the same order as ranking them all (tests/test_topdocs.py).
"""
from __future__ import annotations

import numpy as np

from indexer.backends.embedded.collector.places import (BOUND_MARGIN, POSITION_BITS, POSITION_MASK,
                                                        order_by_places)

_LAST = np.iinfo(np.int64).max
_SHRINK = 0.7  # the work array is copied without the dropped documents once the rest is at most this share of it


def top_documents(candidates: np.ndarray, tiers: np.ndarray, scores: np.ndarray, key: np.ndarray,
                  runs: tuple[np.ndarray, np.ndarray], doc_ids: np.ndarray, share: float, others: int,
                  document_scores: np.ndarray | None, wanted: int) -> np.ndarray:
    """`rank_documents(...)[:wanted]` for candidates in document runs (`runs`: starts, lengths) with `key` their
    `order_key` (below KEY_LIMIT), at most 2**POSITION_BITS candidates and non-negative scores."""
    starts, lengths = runs
    count = len(starts)
    extra = None if document_scores is None else document_scores[doc_ids[candidates[starts]]].astype(np.float64)
    work = key << POSITION_BITS
    work |= np.arange(len(key))  # the position under each key: ties by position, as a stable sort orders them
    in_work = np.arange(count)   # the runs the work array holds, in order, and where each starts in it
    work_starts = starts
    kept = None                  # the candidate position of each work entry (None: every candidate)
    alive = np.arange(count)     # the runs that can still be on the page
    tops: list[np.ndarray] = []
    for place in range(others + 1):
        smallest = np.minimum.reduceat(work, work_starts)
        present = smallest != _LAST
        at = np.where(present, smallest & POSITION_MASK, -1)
        full = np.full(count, -1, dtype=np.int64)
        full[in_work] = at
        tops.append(full)
        found = at[present]
        work[found if kept is None else np.searchsorted(kept, found)] = _LAST
        if place == others:
            break
        possible = _possible(tops, alive, tiers, scores, extra, share, others, wanted)
        if possible is None:
            continue
        alive = alive[possible]
        if int(lengths[alive].sum()) <= _SHRINK * len(work):
            entries = np.zeros(count, dtype=bool)
            entries[alive] = True
            entries = np.repeat(entries[in_work], np.diff(np.r_[work_starts, len(work)]))
            work = work[entries]
            kept = (np.arange(len(key)) if kept is None else kept)[entries]
            in_work = alive
            work_lengths = lengths[alive]
            work_starts = np.cumsum(work_lengths) - work_lengths
    # The documents left, totalled and ordered as rank_documents does.
    return order_by_places(candidates, tiers, scores, doc_ids, share, document_scores,
                           [t[alive] for t in tops])[:wanted]


def _possible(tops: list[np.ndarray], alive: np.ndarray, tiers: np.ndarray, scores: np.ndarray,
              extra: np.ndarray | None, share: float, others: int, wanted: int) -> np.ndarray | None:
    """Which of the alive runs can still be among the first `wanted` (None: all of them), from their best
    places known so far."""
    if len(alive) <= wanted:
        return None
    best = tops[0][alive]
    tier = tiers[best]
    top = scores[best].astype(np.float64)
    known = np.zeros(len(alive), dtype=np.float64)
    following = top  # the highest any later place can add (the last known place's score, while in the tier)
    for at in (t[alive] for t in tops[1:]):
        same = (at >= 0) & (tiers[at] == tier)
        following = np.where(same, scores[at], 0.0).astype(np.float64)
        known += following
    left = others + 1 - len(tops)
    base = top if extra is None else top + extra[alive]
    low = (base + share * known) * (1 - BOUND_MARGIN)
    high = (base + share * (known + left * following)) * (1 + BOUND_MARGIN) + BOUND_MARGIN
    cut_at = np.lexsort((-low, -tier))[wanted - 1]
    cut_tier, cut_low = tier[cut_at], low[cut_at]
    possible = (tier > cut_tier) | ((tier == cut_tier) & (high >= cut_low))
    return None if possible.all() else possible
