"""For a question that asks no grade, movement or list (a topic: "Tameside monitoring letter ... Stockport as
improvement partner"), which of a document's candidate paragraphs says what the question is about.

Every candidate has some of the query's words, and the best-ranked has the most by BM25, which also counts the
document's context and ranks a story's headline or lede first because questions are asked in a story's own terms.
Two things move the paragraph shown off the best-ranked (ranking round 15, `settings.Ranking.topic_rule` "count"):

- an opening best-ranked paragraph (a headline, a lede) gives way to the earliest later candidate matching more of
  the question's topic words, or as many when the opening is a headline (no sentence end: a title, not an answer);
- any other best-ranked paragraph gives way to an earlier one (after the opening) matching more topic words that
  are also rarer among the document's candidates (a document-local inverse frequency: the words every candidate
  has, "children's services", say nothing about which one answers).

Topic words are the query's counted words less the council and the year (`answer.asked_by`): in a one-council
story those name the whole report and mark its introduction. The "rarity" rule (local rarity alone) was measured
and rejected in the same round; it stays selectable for `reportsearch evaluate --crossval --rank topic_rule=rarity`.

Backend-neutral: it reads only the candidates' numbers and texts and the query's word groups.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from itertools import islice
from typing import Iterable, Sequence

from indexer.analysis import folded_words, stem
from indexer.ingest.annotate.dates import MONTH_NAMES

# A query word's stems per alternative ("care leavers" -> (("care", "leaver"),), "leaving care" ...).
Topic = tuple[tuple[frozenset[str], ...], ...]
# A paragraph ending in a sentence's stop (a closing quote or bracket allowed) is prose; one without is a title.
_SENTENCE_STOP = re.compile(r"[.!?:;][\"'’”)\]]*\s*$")


def topic_counts(topic: Topic, texts: Sequence[str]) -> list[int]:
    """Per candidate text, how many of the query's topic words it has (any alternative, all its stems)."""
    return [sum(_has(word, _words_of(topic, text)) for word in topic) for text in texts]


def topic_weights(topic: Topic, texts: Sequence[str]) -> list[float]:
    """Per candidate text, the sum over the query words it has of log(candidates / candidates having the word)."""
    return _weights(topic, [_words_of(topic, text) for text in texts])


def is_headline(text: str) -> bool:
    """True for a paragraph with no sentence end (a headline or title)."""
    return not _SENTENCE_STOP.search(text.strip())


def topic_choice(topic: Topic, candidates: Iterable[tuple[int, str]], rule: str = "count", window: int = 8) -> int:
    """The position among the candidates ((paragraph number, text), the best-ranked first; read lazily, at most
    `window`) of the one to show."""
    if rule == "off" or len(topic) < 2:
        return 0  # one query word: every candidate has it
    candidates = iter(candidates)
    first = next(candidates, None)
    if first is None or rule == "count" and first[0] == 2:
        return 0  # the best-ranked is the paragraph after the opening: nothing earlier can replace it
    if rule == "count" and not (first[0] == 1 and is_headline(first[1])) and \
            all(_has(word, _words_of(topic, first[1])) for word in topic):
        return 0  # it has every topic word: none has more (the others need not be read)
    listed = [first, *islice(candidates, window - 1)]
    later = [at for at, (number, _) in enumerate(listed) if number > 1]
    if not later:
        return 0
    texts = [text for _, text in listed]
    words = [_words_of(topic, text) for text in texts]
    weights = _weights(topic, words)
    if rule == "rarity":
        best = max(later, key=lambda at: (weights[at], -at))
        return best if weights[best] > weights[0] else 0
    counts = [sum(_has(word, found) for word in topic) for found in words]
    if listed[0][0] == 1:
        headline = is_headline(texts[0])
        fuller = [at for at in later if counts[at] > counts[0] or headline and counts[at] == counts[0]]
        if fuller:
            return min(fuller, key=lambda at: listed[at][0])
    # Only an earlier paragraph: a story tells its answer before elaborating it, and PostgreSQL's flatter order may
    # rank that answer first, where a later paragraph with more words would otherwise take its place.
    rarer = [at for at in later if listed[at][0] < listed[0][0]
             and counts[at] > counts[0] and weights[at] > weights[0]]
    return max(rarer, key=lambda at: (counts[at], weights[at], -at)) if rarer else 0


def _has(word: tuple[frozenset[str], ...], found: frozenset[str]) -> bool:
    """True when a paragraph's stems include one alternative of a query word (all its stems)."""
    return any(alt <= found for alt in word)


def _weights(topic: Topic, words: list[frozenset[str]]) -> list[float]:
    """Per paragraph (its stems), the sum over the query words it has of log(paragraphs / paragraphs having it)."""
    has = [[_has(word, found) for word in topic] for found in words]
    df = [sum(row[w] for row in has) for w in range(len(topic))]
    idf = [math.log(len(words) / d) if d else 0.0 for d in df]
    return [sum(idf[w] for w, ok in enumerate(row) if ok) for row in has]


# Round 31 (`settings.ROUND31_VISIT_TOLD`): for a topic question naming a visit, one more topic word that no query
# typed: the visit told with its time, a month, "last month" or its length within a few words of it ("a two-day
# monitoring visit in April", "at its last monitoring visit ... last month"). A page's account of the visit dates it;
# a paragraph explaining what such visits are, or a standfirst, does not (search/answer.asked_by adds the word).
VISIT_TOLD = "\x00visit-told"
_WHEN = r"(?:" + MONTH_NAMES + r"|(?:last|this)\s+(?:month|week))"
_VISIT_TOLD = re.compile(r"\bvisit\w*\b[^.;]{0,40}\b" + _WHEN + r"\b|"
                         r"\b(?:" + _WHEN + r"|(?:one|two|three|four|\d)-day)\b[^.;]{0,40}\bvisit", re.IGNORECASE)


def _words_of(topic: Topic, text: str) -> frozenset[str]:
    """The query's stems among a paragraph's: only its words sharing a stem's first three letters are stemmed (a
    long report paragraph holds a few hundred words; a stem keeps its word's first letters)."""
    wanted = frozenset(stem for word in topic for alt in word for stem in alt)
    found = _words_matching(wanted - {VISIT_TOLD}, text)
    if VISIT_TOLD in wanted and _VISIT_TOLD.search(text):
        found |= {VISIT_TOLD}
    return found


@lru_cache(maxsize=4096)
def _words_matching(wanted: frozenset[str], text: str) -> frozenset[str]:
    """The stems in `wanted` that the text's words have, cached per query and paragraph."""
    return frozenset(found for token in set(_prefixes(wanted).findall(text)) for word in folded_words(token)
                     if (found := _stem(word)) in wanted)


@lru_cache(maxsize=256)
def _prefixes(wanted: frozenset[str]) -> re.Pattern:
    """The words of a text that begin as one of the stems does (its first three letters): the only ones to stem."""
    starts = sorted({re.escape(stem[:3]) for stem in wanted})
    return re.compile(r"\b(?:" + "|".join(starts) + r")\w*", re.IGNORECASE)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A folded word's stem, cached."""
    return stem(word)
