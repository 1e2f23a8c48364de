"""Opposite findings: "caseloads too high" should not be answered by "caseloads are manageable".

Each entry names a topic and its two poles, as stems. When a plain query names the topic and one pole only, the
paragraphs that name the topic and the other pole only rank lower (their score is scaled down; never removed):
a reader asking about high caseloads still sees the paragraphs about high caseloads first.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..schema import stem


@dataclass(frozen=True)
class Opposite:
    """A topic and two poles of what is said about it, each a set of words (stemmed when used)."""

    topic: tuple[str, ...]
    one: tuple[str, ...]
    other: tuple[str, ...]


OPPOSITES: tuple[Opposite, ...] = (
    Opposite(("caseloads", "workloads"), ("high", "unmanageable", "excessive", "heavy"),
             ("manageable", "reasonable", "low", "lower", "protected")),
    Opposite(("turnover",), ("high", "higher"), ("low", "lower", "stable", "reduced")),
    Opposite(("supervision",), ("irregular", "infrequent", "inconsistent", "not regular"), ("regular", "reflective")),
)
# How much an opposite paragraph's score counts (1 = no change).
OPPOSITE_FACTOR = 0.5


def _stems(words: tuple[str, ...]) -> frozenset[str]:
    """The stems of words (a word of several stems, "not regular", counts by its last)."""
    return frozenset(stem(w.split()[-1]) for w in words)


def opposite_paragraphs(gen, query_stems: frozenset[str]) -> np.ndarray | None:
    """A mask of the paragraphs that state the pole opposite to the one the query names; None when none apply."""
    mask = None
    for rule in OPPOSITES:
        topic, one, other = _stems(rule.topic), _stems(rule.one), _stems(rule.other)
        if not topic & query_stems:
            continue
        asked, unwanted = (one, other) if one & query_stems and not other & query_stems else \
                          (other, one) if other & query_stems and not one & query_stems else (None, None)
        if asked is None:
            continue
        found = _any(gen, topic) & _any(gen, unwanted) & ~_any(gen, asked)
        mask = found if mask is None else mask | found
    return mask


def _any(gen, stems: frozenset[str]) -> np.ndarray:
    """Paragraphs whose text has any of the stems."""
    mask = np.zeros(gen.size, dtype=bool)
    for s in stems:
        mask[gen.term_postings("text", s).docnums] = True
    return mask
