"""For a question that asks no grade, movement or list (a topic: "Tameside monitoring letter ... Stockport as
improvement partner"), which of a document's candidate paragraphs says what the question is about.

Every candidate has some of the query's words, and the best-ranked has the most by BM25, which counts the words the
whole document repeats (its council, "children's services", "inspection") and the document's context. Within one
document those words say nothing about which paragraph answers: the words that do are the query's words found in
few of the document's candidates ("Stockport", "improvement notice", "agency"). Each query word a paragraph has is
weighted by how few of the candidates have it (a document-local inverse frequency), and a paragraph is shown
instead of the best-ranked only when it has clearly more of that weight.

Ranking round 15 measured it on both folds of the judged sets (docs/search.md): it lifted fold B's shown share and
lowered fold A's at every margin tried, so it is off (`settings.Ranking.topic_margin` < 0) and kept for
`reportsearch evaluate --crossval --rank topic_margin=0` to reproduce the figures.

Backend-neutral: it reads only the candidates' texts and the query's word groups.
"""
from __future__ import annotations

import math
from functools import lru_cache
from typing import Sequence

from indexer.analysis import folded_words, stem

# A query word's stems per alternative ("care leavers" -> (("care", "leaver"),), "leaving care" ...).
Topic = tuple[tuple[frozenset[str], ...], ...]


def topic_weights(topic: Topic, texts: Sequence[str]) -> list[float]:
    """Per candidate text, the sum over the query words it has of log(candidates / candidates having the word)."""
    has = [[any(alt <= words for alt in word) for word in topic] for words in map(_words, texts)]
    n = len(texts)
    df = [sum(row[w] for row in has) for w in range(len(topic))]
    idf = [math.log(n / d) if d else 0.0 for d in df]
    return [sum(idf[w] for w, ok in enumerate(row) if ok) for row in has]


def topic_choice(topic: Topic, candidates: Sequence[tuple[int, str]], margin: float) -> int:
    """The position among the candidates ((paragraph number, text), the best-ranked first) of the one to show: the
    best-ranked unless a paragraph after the document's opening one outweighs it by more than `margin` (then the
    heaviest, ties to the better-ranked). The opening (a headline, a lede) repeats the question's words because
    questions are asked in a story's own terms; it is the summary, not the paragraph telling the topic."""
    if len(topic) < 2 or len(candidates) < 2:
        return 0  # one query word: every candidate has it
    weights = topic_weights(topic, [text for _, text in candidates])
    later = [at for at, (number, _) in enumerate(candidates) if number > 1] or [0]
    best = max(later, key=lambda at: (weights[at], -at))
    return best if weights[best] > weights[0] + margin else 0


@lru_cache(maxsize=4096)
def _words(text: str) -> frozenset[str]:
    """A paragraph's stems, cached (a page's paragraphs come back for the next question)."""
    return frozenset(_stem(word) for word in set(folded_words(text)))


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A folded word's stem, cached."""
    return stem(word)
