"""Distinct benchmark queries sampled from the corpus with a fixed seed, in kinds both engines can run."""
from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass, field

from indexer.models import Document

_WORD = re.compile(r"[A-Za-z]+")
# Common-word phrases a user really types: the slow case for positional matching.
FIXED_PHRASES = ("requires improvement to be good", "children in care", "the local authority", "as well as",
                 "children and young people", "in order to")


@dataclass(frozen=True)
class BenchQuery:
    """One query: its kind, its words, phrase or not, and an optional grade filter."""

    kind: str
    words: tuple[str, ...]
    phrase: bool = False
    grade: str | None = None
    extra: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def text(self) -> str:
        """reportsearch syntax."""
        joined = " ".join(self.words)
        return f'"{joined}"' if self.phrase else joined

    @property
    def fts(self) -> str:
        """SQLite FTS5 syntax (every word quoted, so no word is read as an operator)."""
        if self.phrase:
            return '"' + " ".join(self.words) + '"'
        return " ".join(f'"{w}"' for w in self.words)


def _doc_frequencies(docs: list[Document]) -> Counter:
    """Paragraphs per lowercased alphabetic word (3+ letters)."""
    counts: Counter = Counter()
    for doc in docs:
        for para in doc.paragraphs:
            counts.update({w.lower() for w in _WORD.findall(para.text) if len(w) > 2})
    return counts


def sample_queries(docs: list[Document], per_kind: int = 20, seed: int = 9) -> list[BenchQuery]:
    """Words at three frequency bands, word pairs, 2-3-word phrases and word + grade: all distinct."""
    rng = random.Random(seed)
    df = _doc_frequencies(docs)
    ranked = [w for w, _ in df.most_common()]
    top = max(50, len(ranked) // 100)
    bands = {"word (frequent)": ranked[:top], "word (middle)": [w for w in ranked if 20 <= df[w] <= 200],
             "word (rare)": [w for w in ranked if 2 <= df[w] <= 5]}
    out: list[BenchQuery] = []
    seen: set = set()

    def add(q: BenchQuery) -> bool:
        if q.text + str(q.grade) in seen:
            return False
        seen.add(q.text + str(q.grade))
        out.append(q)
        return True

    for kind, pool in bands.items():
        for word in rng.sample(pool, min(per_kind // 2 + 4, len(pool))):
            add(BenchQuery(kind, (word,)))
    paragraphs = [p.text for d in docs for p in d.paragraphs if len(_WORD.findall(p.text)) > 8]
    middle = set(bands["word (middle)"]) | set(ranked[:top * 4])
    while sum(q.kind == "two words" for q in out) < per_kind:
        words = [w.lower() for w in _WORD.findall(rng.choice(paragraphs)) if w.lower() in middle]
        if len(set(words)) >= 2:
            add(BenchQuery("two words", tuple(rng.sample(sorted(set(words)), 2))))
    for text in FIXED_PHRASES:
        add(BenchQuery("phrase", tuple(text.split()), phrase=True))
    while sum(q.kind == "phrase" for q in out) < per_kind:
        words = _WORD.findall(rng.choice(paragraphs))
        size = rng.choice((2, 3))
        start = rng.randrange(0, len(words) - size)
        add(BenchQuery("phrase", tuple(w.lower() for w in words[start:start + size]), phrase=True))
    grades = sorted({g for d in docs for g in d.severity if g})
    for word in rng.sample(bands["word (frequent)"] + bands["word (middle)"], per_kind * 2):
        if sum(q.kind == "word + grade" for q in out) >= per_kind:
            break
        add(BenchQuery("word + grade", (word,), grade=rng.choice(grades)))
    return out


def kind_group(kind: str) -> str:
    """The issue's four kinds (the three word bands are one kind)."""
    return "single words" if kind.startswith("word (") else kind


def distinct_queries(docs: list[Document], count: int, seed: int = 17) -> list[BenchQuery]:
    """`count` distinct queries for the HTTP load (single words, word pairs, short phrases, some with a grade),
    so that no request repeats one before it and the server's result cache cannot answer it."""
    rng = random.Random(seed)
    df = _doc_frequencies(docs)
    words = [w for w, n in df.items() if n >= 2]
    paragraphs = [p.text for d in docs for p in d.paragraphs if len(_WORD.findall(p.text)) > 8]
    grades = sorted({g for d in docs for g in d.severity if g}) or [None]
    out: list[BenchQuery] = []
    seen: set = set()
    attempts = 0
    while len(out) < count and attempts < count * 20:
        attempts += 1
        shape = rng.randrange(4)
        if shape == 0:
            q = BenchQuery("word", (rng.choice(words),))
        elif shape == 1:
            pair = rng.sample(words, 2)
            q = BenchQuery("two words", tuple(pair))
        elif shape == 2:
            found = _WORD.findall(rng.choice(paragraphs))
            start = rng.randrange(0, len(found) - 3)
            q = BenchQuery("phrase", tuple(w.lower() for w in found[start:start + rng.choice((2, 3))]), phrase=True)
        else:
            q = BenchQuery("word + grade", (rng.choice(words),), grade=rng.choice(grades))
        key = (q.text, q.grade)
        if key not in seen:
            seen.add(key)
            out.append(q)
    return out
