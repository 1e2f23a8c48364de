"""Each paragraph's analysed words as a sequence of word ids, beside the generation, for phrase matching.

Phrases over common words ("requires improvement to be good") made Whoosh check positions in Python for
every paragraph holding all the words. Here the candidates (paragraphs with every word, a numpy AND of
posting arrays) are checked by comparing their memory-mapped word-id sequences in numpy. Writing the
sequences costs the build a tokenisation pass in the main process, far less than a Whoosh field would.

Files (in the generation's `arrays/` folder): seq_tokens.i32 (word ids, in the order paragraphs were added),
seq_start.npy / seq_len.npy (docnum -> slice of the tokens), seq_vocab.json (word id -> word).
"""
from __future__ import annotations

import json
import shutil
from array import array
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..analysis import _fold_and_stem
from ..schema import TOKEN_PATTERN

import re

_WORDS = re.compile(TOKEN_PATTERN)
TOKENS, STARTS, LENGTHS, VOCAB = "seq_tokens.i32", "seq_start.npy", "seq_len.npy", "seq_vocab.json"
_CHUNK_TOKENS = 4_000_000  # candidates are checked in slices of about this many words (bounded memory)


def analysed_words(text: str) -> list[str]:
    """The words of text as the `text` field indexes them (same tokens as schema.text_analyzer)."""
    return [_fold_and_stem(w) for w in _WORDS.findall(text)]


class SequenceWriter:
    """Appends each added paragraph's word ids to a file, remembering (document, paragraph) per sequence."""

    def __init__(self, folder: Path, previous: Path | None = None):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.vocab: dict[str, int] = {}
        self.base = 0
        if previous is not None:  # an update: continue the previous generation's files (copied, never shared)
            words = json.loads((previous / VOCAB).read_text(encoding="utf-8"))
            self.vocab = {w: i for i, w in enumerate(words)}
            shutil.copyfile(previous / TOKENS, self.folder / TOKENS)
            self.base = (self.folder / TOKENS).stat().st_size // 4
        self._out = open(self.folder / TOKENS, "ab")
        self._buffer = array("i")
        self._docs: dict[str, int] = {}
        self.keys, self.starts, self.lengths = array("q"), array("q"), array("i")
        self._offset = self.base

    def add(self, doc_id: str, n: int, text: str) -> None:
        """One paragraph, in the order it is given to the index writer."""
        vocab = self.vocab
        ids = [vocab.setdefault(w, len(vocab)) for w in analysed_words(text)]
        self.keys.append(_key(self._docs.setdefault(doc_id, len(self._docs)), n))
        self.starts.append(self._offset)
        self.lengths.append(len(ids))
        self._offset += len(ids)
        self._buffer.extend(ids)
        if len(self._buffer) > 1_000_000:
            self._buffer.tofile(self._out)
            self._buffer = array("i")

    def finish(self, doc_names: list[str], doc_ids: np.ndarray, para_n: np.ndarray,
               previous: Path | None = None) -> None:
        """Write docnum -> slice for the docnums given (a new index, or an update's new segment)."""
        self._buffer.tofile(self._out)
        self._out.close()
        mine = np.array([self._docs.get(name, -1) for name in doc_names], dtype=np.int64)
        wanted = (mine[np.asarray(doc_ids)] << 24) | np.asarray(para_n, dtype=np.int64)
        keys = np.frombuffer(self.keys, dtype=np.int64)
        order = np.argsort(keys, kind="stable")
        found = order[np.clip(np.searchsorted(keys[order], wanted), 0, max(len(keys) - 1, 0))] \
            if len(keys) else np.zeros(len(wanted), dtype=np.int64)
        if len(wanted) and (not len(keys) or not np.array_equal(keys[found], wanted)):
            raise RuntimeError("a paragraph's word sequence is missing")
        starts = np.frombuffer(self.starts, dtype=np.int64)[found] if len(wanted) else np.zeros(0, np.int64)
        lengths = np.frombuffer(self.lengths, dtype=np.int32)[found] if len(wanted) else np.zeros(0, np.int32)
        if previous is not None:
            starts = np.concatenate([np.load(previous / STARTS), starts])
            lengths = np.concatenate([np.load(previous / LENGTHS), lengths])
        np.save(self.folder / STARTS, starts)
        np.save(self.folder / LENGTHS, lengths)
        words = [""] * len(self.vocab)
        for word, i in self.vocab.items():
            words[i] = word
        (self.folder / VOCAB).write_text(json.dumps(words, separators=(",", ":")), encoding="utf-8")

    def cancel(self) -> None:
        """Close the file of an abandoned build."""
        if not self._out.closed:
            self._out.close()


def _key(doc: int, n: int) -> int:
    """One number per (document, paragraph number)."""
    return (doc << 24) | n


@dataclass
class Sequences:
    """The memory-mapped sequences of a generation."""

    tokens: np.ndarray
    starts: np.ndarray
    lengths: np.ndarray
    vocab: dict[str, int]

    def containing(self, candidates: np.ndarray, ids: list[int]) -> np.ndarray:
        """The candidates (ascending docnums) whose word sequence contains `ids` as one run."""
        out = []
        lengths = self.lengths[candidates].astype(np.int64)
        bounds = np.searchsorted(np.cumsum(lengths), np.arange(_CHUNK_TOKENS, int(lengths.sum()), _CHUNK_TOKENS))
        for chunk in np.split(np.arange(len(candidates)), bounds):
            if len(chunk):
                out.append(self._run_in(candidates[chunk], lengths[chunk], ids))
        return np.concatenate(out) if out else np.zeros(0, dtype=np.int64)

    def _run_in(self, docnums: np.ndarray, lengths: np.ndarray, ids: list[int]) -> np.ndarray:
        """Docnums among these whose sequences contain the run."""
        ends = np.cumsum(lengths)
        total = int(ends[-1])
        size = len(ids)
        if total < size:
            return np.zeros(0, dtype=np.int64)
        # Gather every candidate's words into one array, then compare shifted slices with the phrase.
        where = np.repeat(self.starts[docnums] - (ends - lengths), lengths) + np.arange(total)
        words = self.tokens[where]
        hit = words[: total - size + 1] == ids[0]
        for k in range(1, size):
            hit &= words[k: total - size + 1 + k] == ids[k]
        starts = np.flatnonzero(hit)
        owner = np.searchsorted(ends, starts, side="right")
        inside = starts + size <= ends[owner]  # the run may not cross into the next paragraph
        return np.unique(docnums[owner[inside]])


def load(folder: Path) -> Sequences | None:
    """The sequences in a generation's arrays folder, or None when it has none."""
    folder = Path(folder)
    try:
        words = json.loads((folder / VOCAB).read_text(encoding="utf-8"))
        return Sequences(np.memmap(folder / TOKENS, dtype=np.int32, mode="r")
                         if (folder / TOKENS).stat().st_size else np.zeros(0, dtype=np.int32),
                         np.load(folder / STARTS, mmap_mode="r"), np.load(folder / LENGTHS, mmap_mode="r"),
                         {w: i for i, w in enumerate(words)})
    except (OSError, ValueError):
        return None
