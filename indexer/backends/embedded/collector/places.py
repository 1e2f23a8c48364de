"""Documents ordered by their best places: the packed position layout and the ordering that the full ranking
(`ranking.py`) and the bounded top documents (`topdocs.py`) share."""
from __future__ import annotations

import numpy as np

POSITION_BITS = 24                     # ranking._run_tops packs a position under a key below ranking.KEY_LIMIT
POSITION_MASK = (1 << POSITION_BITS) - 1
# Documents whose best paragraph's bound is this close to the cut are ranked exactly (float32 sums round).
BOUND_MARGIN = 1e-4


def order_by_places(candidates: np.ndarray, tiers: np.ndarray, scores: np.ndarray, doc_ids: np.ndarray,
                    share: float, document_scores: np.ndarray | None, tops: list[np.ndarray]) -> np.ndarray:
    """Documents' best candidates ordered by tier, then total: from each document's best places in order
    (`tops`: candidate positions per document, -1 where it has fewer)."""
    best = tops[0]
    bonus = np.zeros(len(best), dtype=np.float32)
    for at in tops[1:]:  # the next best, in order, while in the best's tier
        extra = (at >= 0) & (tiers[at] == tiers[best])
        bonus += np.where(extra, scores[at], np.float32(0.0))
    total = scores[best] + share * bonus
    if document_scores is not None:
        total = total + document_scores[doc_ids[candidates[best]]]
    return candidates[best[np.lexsort((-total, -tiers[best]))]]
