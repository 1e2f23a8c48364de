"""Opposite findings: "caseloads too high" should not be answered by "caseloads are manageable".

Each entry names a topic and its two poles. A pole has the words that name it in a query and the phrases that
state it in a paragraph ("high" in a query; "too high", "high caseloads" in a report: "high standards" is not it).
When a plain query names the topic and one pole only, the paragraphs that state the other pole and not the one
asked for rank lower (their score is scaled down; nothing is removed).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from indexer.backends.embedded.index.schema import stem
from indexer.backends.embedded.query.matching import phrase_mask


@dataclass(frozen=True)
class Pole:
    """One side of a finding: the query words that ask for it, the phrases that state it."""

    asked_by: tuple[str, ...]
    stated_by: tuple[str, ...]


@dataclass(frozen=True)
class Opposite:
    """A topic and the two poles of what is said about it."""

    topic: tuple[str, ...]
    one: Pole
    other: Pole


OPPOSITES: tuple[Opposite, ...] = (
    Opposite(("caseloads", "caseload", "workloads"),
             Pole(("high", "unmanageable", "excessive", "heavy"),
                  ("too high", "high caseloads", "caseloads are high", "caseloads remain high", "high caseload",
                   "unmanageable", "excessive caseloads", "heavy caseloads")),
             Pole(("manageable", "reasonable", "low", "protected"),
                  ("manageable", "reasonable caseloads", "low caseloads", "caseloads are low", "protected caseloads"))),
    Opposite(("turnover",),
             Pole(("high",), ("high turnover", "turnover is high", "high staff turnover", "turnover remains high")),
             Pole(("low", "stable"), ("low turnover", "turnover is low", "stable workforce", "low staff turnover"))),
)
# How much an opposite paragraph's score counts (1 = no change).
OPPOSITE_FACTOR = 0.5


def _stems(words: tuple[str, ...]) -> frozenset[str]:
    """The stems of single words."""
    return frozenset(stem(w) for w in words)


def opposite_paragraphs(gen, query_stems: frozenset[str]) -> np.ndarray | None:
    """A mask of the paragraphs that state the pole opposite to the one the query names; None when none apply."""
    mask = None
    for rule in OPPOSITES:
        if not _stems(rule.topic) & query_stems:
            continue
        one, other = _stems(rule.one.asked_by) & query_stems, _stems(rule.other.asked_by) & query_stems
        if bool(one) == bool(other):
            continue  # neither pole named, or both: nothing to tell apart
        asked, unwanted = (rule.one, rule.other) if one else (rule.other, rule.one)
        found = _states(gen, unwanted) & ~_states(gen, asked)
        mask = found if mask is None else mask | found
    return mask


def _states(gen, pole: Pole) -> np.ndarray:
    """Paragraphs stating a pole: any of its phrases."""
    mask = np.zeros(gen.size, dtype=bool)
    for phrase in pole.stated_by:
        stems = tuple(stem(w) for w in phrase.split())
        mask |= phrase_mask(gen, stems) if len(stems) > 1 else _has(gen, stems[0])
    return mask


def _has(gen, stem_: str) -> np.ndarray:
    """Paragraphs whose text has a stem."""
    mask = np.zeros(gen.size, dtype=bool)
    mask[gen.term_postings("text", stem_).docnums] = True
    return mask
