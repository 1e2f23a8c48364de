"""Proximity: query words that stand close together in a paragraph lift it (read from stored positions)."""
from __future__ import annotations

import numpy as np

from indexer import settings
from indexer.backends.embedded.query.bestmatch import BestMatchPlan


def word_positions(gen, stems: frozenset[str], docnums: np.ndarray) -> dict[int, list[int]]:
    """docnum -> sorted positions in the text of any of the stems, for the given (ascending) docnums."""
    if gen.sequences is not None:
        return _positions_in_sequences(gen, stems, docnums)
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
        factors[i] += settings.RANKING.proximity_weight * close / pairs
    return factors


def _close(first: list[int] | None, second: list[int] | None) -> bool:
    """True when some position of one group is within the window of a position of the next (sorted lists)."""
    if not first or not second:
        return False
    i = j = 0
    while i < len(first) and j < len(second):
        if abs(first[i] - second[j]) <= settings.RANKING.proximity_window:
            return True
        if first[i] < second[j]:
            i += 1
        else:
            j += 1
    return False


def _positions_in_sequences(gen, stems: frozenset[str], docnums: np.ndarray) -> dict[int, list[int]]:
    """The same, read from the generation's word-id sequences: every candidate's words gathered into one array
    and matched at once (numpy; no Whoosh posting is decoded)."""
    vocab, fields = gen.sequences
    ids = np.array([vocab[s] for s in stems if s in vocab], dtype=np.int64)
    text = fields["text"]
    docnums = np.asarray(docnums, dtype=np.int64)
    if not len(ids) or not len(docnums):
        return {}
    lengths = text.lengths[docnums].astype(np.int64)
    ends = np.cumsum(lengths)
    offsets = ends - lengths
    where = np.repeat(text.starts[docnums].astype(np.int64) - offsets, lengths) + np.arange(int(ends[-1]))
    found = np.flatnonzero(np.isin(text.tokens[where], ids))
    owner = np.searchsorted(ends, found, side="right")
    out: dict[int, list[int]] = {}
    for index, position in zip(owner.tolist(), (found - offsets[owner]).tolist()):
        out.setdefault(int(docnums[index]), []).append(position)
    return out
