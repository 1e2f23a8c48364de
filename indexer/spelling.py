"""'Did you mean': suggestions from the raw (unstemmed) words of the corpus, most frequent first."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from whoosh.spelling import ListCorrector

WORDS_FILE = "words.json"


class WordCounter:
    """Counts the raw words of paragraphs during a build."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def add(self, text: str) -> None:
        """Count the words of one paragraph."""
        from .analysis import count_raw_words

        count_raw_words(self.counts, text)

    def save(self, folder: Path) -> None:
        """Write the word counts beside the index."""
        (folder / WORDS_FILE).write_text(json.dumps(self.counts, separators=(",", ":")), encoding="utf-8")


class Speller:
    """Suggests a known word for an unknown one: nearest edit distance, then most frequent."""

    def __init__(self, counts: dict[str, int]):
        self.counts = counts
        self._corrector = ListCorrector(sorted(counts))

    @classmethod
    def load(cls, folder: Path) -> "Speller":
        """The speller for an index generation (empty when the word list is missing)."""
        try:
            return cls(json.loads((folder / WORDS_FILE).read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return cls({})

    def known(self, word: str) -> bool:
        """True when the word occurs in the corpus."""
        return word in self.counts

    def suggest(self, word: str) -> str | None:
        """The best correction for an unknown word, or None."""
        if not self.counts or self.known(word):
            return None
        candidates = list(self._corrector._suggestions(word, 2, 1))
        if not candidates:
            return None
        best = max(candidates, key=lambda item: (item[0], self.counts.get(item[1], 0)))
        return best[1]
