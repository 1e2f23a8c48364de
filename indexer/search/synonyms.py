"""Domain synonyms from one data file the user can extend: query words become groups of equivalent stems."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from indexer import settings
from indexer.analysis import folded_words, stem
from indexer.search.number_words import other_form

SYNONYMS_FILE = settings.DATA_DIR / "synonyms.txt"


@dataclass(frozen=True)
class Alternative:
    """One way a query word (or words) may occur: its stems in order, and how much a match on it counts."""

    stems: tuple[str, ...]
    weight: float = 1.0
    label: str = ""  # how it reads, for messages ("child sexual exploitation")


@dataclass(frozen=True)
class Group:
    """One meaningful unit of the query: the words as typed and every equivalent way of matching them."""

    typed: str
    alternatives: tuple[Alternative, ...]
    # False for a word that only introduces a grade ("judged" in "judged inadequate"): it scores where present but
    # is not one of the words a paragraph must match.
    counted: bool = True
    # False for a word a stand-in replaces (a movement's cue word, "downgraded"): it adds its score where present but
    # is left out of the share of the query a paragraph matches, so a paragraph without it loses nothing.
    in_share: bool = True

    @property
    def stems(self) -> frozenset[str]:
        """Every stem of every alternative (for highlighting and context)."""
        return frozenset(s for alt in self.alternatives for s in alt.stems)


def stems_of(text: str) -> list[tuple[str, str]]:
    """(raw word, stem) for each word of text, analysed exactly as the index analyses it."""
    return [(word, stem(word)) for word in folded_words(text)]


@lru_cache(maxsize=4)
def synonym_sets(path: Path = SYNONYMS_FILE) -> tuple[tuple[tuple[str, ...], ...], ...]:
    """The synonym file as sets of stem sequences (an unreadable file means no synonyms)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return ()
    out = []
    for line in lines:
        line = line.split("#", 1)[0].strip()
        terms = [tuple(s for _, s in stems_of(term)) for term in line.split(",")]
        terms = list(dict.fromkeys(t for t in terms if t))
        if len(terms) > 1:
            out.append(tuple(terms))
    return tuple(out)


def _entries(path: Path) -> dict[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """Every synonym term -> the other terms of its set(s)."""
    table: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    off = {tuple(s for _, s in stems_of(term)) for term in settings.RANKING.synonyms_off}
    for terms in synonym_sets(path):
        if terms[0] in off:  # a line left out (cross-validation), named by its first term
            continue
        for term in terms:
            table.setdefault(term, []).extend(t for t in terms if t != term)
    return {k: tuple(dict.fromkeys(v)) for k, v in table.items()}


def group_words(words: list[tuple[str, str]], path: Path = SYNONYMS_FILE) -> list[Group]:
    """Query words (raw, stem) as groups: the longest synonym term at each place joins its words into one group."""
    table = _entries(path)
    longest = max((len(k) for k in table), default=1)
    stems = [s for _, s in words]
    groups, i = [], 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            key = tuple(stems[i:i + size])
            if key in table:
                typed = " ".join(w for w, _ in words[i:i + size])
                others = tuple(Alternative(t, settings.RANKING.synonym_weight, " ".join(t)) for t in table[key])
                groups.append(Group(typed, (Alternative(key, 1.0, typed), *others)))
                i += size
                break
        else:
            groups.append(Group(words[i][0], _single(words[i])))
            i += 1
    return groups


def _single(word: tuple[str, str]) -> tuple[Alternative, ...]:
    """A word's alternatives outside any synonym: itself, and a number's other spelling ("ten" and "10") equal."""

    raw, stem_ = word
    other = other_form(stem_)
    return (Alternative((stem_,), 1.0, raw),) + ((Alternative((other,), 1.0, other),) if other else ())
