"""'Did you mean': suggestions from the raw (unstemmed) words of the corpus, most frequent first."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from whoosh.spelling import ListCorrector

WORDS_FILE = "words.json"


class WordCounter:
    """Counts the raw words of paragraphs during a build: lowercased, accents folded, alphabetic, 3+ letters."""

    def __init__(self) -> None:
        self._counts: Counter[str] = Counter()
        self._pending: Counter[str] = Counter()  # words as written, folded and filtered once per distinct word

    def add(self, text: str) -> None:
        """Count the words of one paragraph."""
        from indexer.analysis import raw_words

        self.add_words(raw_words(text))

    def add_words(self, words: list[str]) -> None:
        """Count one paragraph's words as written (`sequences.raw_words`)."""
        self._pending.update(words)

    @property
    def counts(self) -> Counter[str]:
        """Word -> count, the pending words folded in."""
        if self._pending:
            from indexer.analysis import _fold

            for word, count in self._pending.items():
                word = _fold(word)
                if len(word) > 2 and word.isalpha():
                    self._counts[word] += count
            self._pending.clear()
        return self._counts

    def save(self, folder: Path) -> None:
        """Write the word counts beside the index."""
        (folder / WORDS_FILE).write_text(json.dumps(self.counts, separators=(",", ":")), encoding="utf-8")


class _FrequencyCorrector(ListCorrector):
    """Whoosh's word-list corrector, scoring nearer words first and, among equally near ones, frequent first.

    Overriding `_suggestions` is Whoosh's documented way to score suggestions; `suggest()` stays public API.
    """

    def __init__(self, counts: dict[str, int]):
        super().__init__(sorted(counts))
        self.counts = counts

    def _suggestions(self, text, maxdist, prefix):
        """(score, word): higher is better; distance first, then corpus frequency (a fraction below one edit)."""
        for distance_score, word in super()._suggestions(text, maxdist, prefix):
            frequency = self.counts.get(word, 0)
            yield distance_score + 0.9 * frequency / (frequency + 1), word


class Speller:
    """Suggests a known word for an unknown one: nearest edit distance, then most frequent."""

    def __init__(self, counts: dict[str, int]):
        self.counts = counts
        self._corrector = _FrequencyCorrector(counts)

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
        found = self._corrector.suggest(word, limit=1, maxdist=2, prefix=1)
        return found[0] if found else None
