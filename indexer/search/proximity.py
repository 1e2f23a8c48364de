"""Proximity: query words that stand close together in a paragraph lift it (read from stored positions)."""
from __future__ import annotations

import numpy as np

from .. import settings
from .bestmatch import BestMatchPlan


def word_positions(gen, stems: frozenset[str], docnums: np.ndarray) -> dict[int, list[int]]:
    """docnum -> sorted positions in the text of any of the stems, for the given (ascending) docnums."""
    reader = gen.searcher.reader()
    out: dict[int, list[int]] = {}
    for word in stems:
        btext = word.encode("utf-8")
        if ("text", btext) not in reader:
            continue
        matcher = reader.postings("text", btext)
        for docnum in docnums:
            if not matcher.is_active():
                break
            if matcher.id() < docnum:
                matcher.skip_to(int(docnum))
            if matcher.is_active() and matcher.id() == docnum:
                out.setdefault(int(docnum), []).extend(matcher.value_as("positions"))
    return {d: sorted(p) for d, p in out.items()}


def proximity_factors(gen, plan: BestMatchPlan, docnums: np.ndarray) -> np.ndarray:
    """A factor >= 1 per docnum: more adjacent query-word pairs within the window, higher."""
    factors = np.ones(len(docnums), dtype=np.float32)
    if len(plan.groups) < 2 or not len(docnums):
        return factors
    ordered = np.sort(docnums)
    per_group = [word_positions(gen, g.stems, ordered) for g in plan.groups]
    pairs = len(plan.groups) - 1
    for i, docnum in enumerate(docnums):
        close = sum(_close(per_group[k].get(int(docnum)), per_group[k + 1].get(int(docnum))) for k in range(pairs))
        factors[i] += settings.PROXIMITY_WEIGHT * close / pairs
    return factors


def _close(first: list[int] | None, second: list[int] | None) -> bool:
    """True when some position of one group is within the window of a position of the next."""
    if not first or not second:
        return False
    a = np.asarray(first)
    b = np.asarray(second)
    at = np.searchsorted(a, b)
    nearest = np.minimum(np.abs(b - a[np.clip(at, 0, len(a) - 1)]), np.abs(b - a[np.clip(at - 1, 0, len(a) - 1)]))
    return bool((nearest <= settings.PROXIMITY_WINDOW).any())
