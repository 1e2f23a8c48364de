"""Each paragraph's analysed words (text and heading) as sequences of word ids, beside the generation.

They serve two things. Phrases: the candidates (paragraphs with every word) are checked by comparing their
memory-mapped sequences in numpy instead of Whoosh checking positions in Python. Postings: the build
inverts them into numpy posting arrays (postings/inverted.py), so no query decodes Whoosh posting blocks.
Writing them costs the build one cached tokenisation pass, far less than a Whoosh field would.

Files (in the generation's `arrays/` folder), per field: seq_<field>.u16 (word ids as uint16 while the
vocabulary has at most 65,536 words, half the bytes) or seq_<field>.i32 (int32, larger vocabularies and
generations from before), in the order paragraphs were added; seq_<field>_start.npy / seq_<field>_len.npy
(docnum -> slice); seq_vocab.json (id -> word).
"""
from __future__ import annotations

import json
import shutil
from array import array
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from indexer.analysis import fold_and_stem, raw_words

FIELDS = ("text", "heading")
VOCAB = "seq_vocab.json"
_RAW_CACHE_LIMIT = 1_000_000
_CHUNK_TOKENS = 4_000_000  # phrase candidates are checked in slices of about this many words (bounded memory)


_PACKED_WORDS = 1 << 16  # a vocabulary up to this size is written as uint16


def tokens_file(field: str) -> str:
    """The int32 token file (written while building; kept when the vocabulary is too large for uint16)."""
    return f"seq_{field}.i32"


def packed_file(field: str) -> str:
    """The uint16 token file a finished build leaves when the vocabulary fits."""
    return f"seq_{field}.u16"


def _pack(folder: Path, field: str, vocab_size: int) -> None:
    """Rewrite a field's int32 tokens as uint16 when every word id fits (the int32 file is removed)."""
    wide = folder / tokens_file(field)
    if vocab_size > _PACKED_WORDS or not wide.exists():
        return
    tokens = np.fromfile(wide, dtype=np.int32)
    tokens.astype(np.uint16).tofile(folder / packed_file(field))
    wide.unlink()


def _copy_wide(previous: Path, field: str, path: Path) -> None:
    """A previous generation's tokens as an int32 file to append to (its own files stay as they were)."""
    packed = previous / packed_file(field)
    if packed.exists():
        np.fromfile(packed, dtype=np.uint16).astype(np.int32).tofile(path)
    else:
        shutil.copyfile(previous / tokens_file(field), path)


def analysed_words(text: str) -> list[str]:
    """The words of a text as the text and heading fields index them (same tokens as schema.text_analyzer)."""
    return [fold_and_stem(w) for w in raw_words(text)]


class _Stream:
    """One field's word ids, appended to a file."""

    def __init__(self, folder: Path, field: str, previous: Path | None):
        path = folder / tokens_file(field)
        if previous is not None:  # an update continues a copy (the previous generation's file stays as it was)
            _copy_wide(previous, field, path)
        self.base = path.stat().st_size // 4 if path.exists() else 0
        self.out = open(path, "ab")
        self.buffer = array("i")
        self.starts, self.lengths = array("q"), array("i")
        self.offset = self.base
        self.last: tuple[str, array] = ("", array("i"))

    def add(self, ids: array) -> None:
        self.starts.append(self.offset)
        self.lengths.append(len(ids))
        self.offset += len(ids)
        self.buffer.extend(ids)
        if len(self.buffer) > 1_000_000:
            self.flush()

    def flush(self) -> None:
        self.buffer.tofile(self.out)
        self.buffer = array("i")


class SequenceWriter:
    """Records each added paragraph's word ids per field, and (document, paragraph) to find its docnum later."""

    def __init__(self, folder: Path, previous: Path | None = None):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.vocab: dict[str, int] = {}
        if previous is not None:
            words = json.loads((previous / VOCAB).read_text(encoding="utf-8"))
            self.vocab = {w: i for i, w in enumerate(words)}
        self.streams = {f: _Stream(self.folder, f, previous) for f in FIELDS}
        self._docs: dict[str, int] = {}
        self._raw_ids: dict[str, int] = {}
        self.keys = array("q")

    def _ids(self, words: list[str]) -> array:
        """Word ids of raw words (as written): each distinct raw word is folded and stemmed once.

        An int array: the stream and the segment writer copy it as it is, no conversion per word."""
        known = self._raw_ids
        try:
            return array("i", map(known.__getitem__, words))
        except KeyError:  # a new raw word: learn the paragraph's unknown words, then map them all
            if len(known) > _RAW_CACHE_LIMIT:
                known.clear()
            vocab = self.vocab
            for word in words:
                if word not in known:
                    known[word] = vocab.setdefault(fold_and_stem(word), len(vocab))
            return array("i", map(known.__getitem__, words))

    def add(self, doc_id: str, n: int, text_words: list[str], heading: str) -> array:
        """One paragraph (its text as `raw_words`), in the order it is given to the index writer; its word ids."""
        self.keys.append((self._docs.setdefault(doc_id, len(self._docs)) << 24) | n)
        text_ids = self._ids(text_words)
        self.streams["text"].add(text_ids)
        stream = self.streams["heading"]
        if stream.last[0] != heading:  # consecutive paragraphs share their section heading
            stream.last = (heading, self._ids(raw_words(heading)))
        stream.add(stream.last[1])
        return text_ids

    def finish(self, doc_names: list[str], doc_ids: np.ndarray, para_n: np.ndarray,
               previous: Path | None = None) -> None:
        """Write docnum -> slice for the docnums given (a new index, or an update's new segment) and the vocabulary."""
        mine = np.array([self._docs.get(name, -1) for name in doc_names], dtype=np.int64)
        wanted = (mine[np.asarray(doc_ids)] << 24) | np.asarray(para_n, dtype=np.int64)
        keys = np.frombuffer(self.keys, dtype=np.int64) if len(self.keys) else np.zeros(0, np.int64)
        found = np.zeros(0, dtype=np.int64)
        if len(wanted):
            order = np.argsort(keys, kind="stable")
            found = order[np.clip(np.searchsorted(keys[order], wanted), 0, max(len(keys) - 1, 0))]
            if not len(keys) or not np.array_equal(keys[found], wanted):
                raise RuntimeError("a paragraph's word sequence is missing")
        for field, stream in self.streams.items():
            stream.flush()
            stream.out.close()
            starts = np.frombuffer(stream.starts, dtype=np.int64)[found] if len(found) else np.zeros(0, np.int64)
            lengths = np.frombuffer(stream.lengths, dtype=np.int32)[found] if len(found) else np.zeros(0, np.int32)
            if previous is not None:
                starts = np.concatenate([np.load(previous / f"seq_{field}_start.npy"), starts])
                lengths = np.concatenate([np.load(previous / f"seq_{field}_len.npy"), lengths])
            np.save(self.folder / f"seq_{field}_start.npy", starts)
            np.save(self.folder / f"seq_{field}_len.npy", lengths)
            _pack(self.folder, field, len(self.vocab))
        words = [""] * len(self.vocab)
        for word, i in self.vocab.items():
            words[i] = word
        (self.folder / VOCAB).write_text(json.dumps(words, separators=(",", ":")), encoding="utf-8")

    def cancel(self) -> None:
        """Close the files of an abandoned build."""
        for stream in self.streams.values():
            if not stream.out.closed:
                try:
                    stream.out.close()
                except OSError:
                    pass  # its buffer could not be written (a full disk): the file is closed all the same


@dataclass
class Sequences:
    """One field's memory-mapped sequences."""

    tokens: np.ndarray
    starts: np.ndarray
    lengths: np.ndarray

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


def load(folder: Path) -> tuple[dict[str, int], dict[str, Sequences]] | None:
    """The vocabulary and each field's sequences in a generation's arrays folder, or None when it has none."""
    folder = Path(folder)
    try:
        words = json.loads((folder / VOCAB).read_text(encoding="utf-8"))
        fields = {}
        for field in FIELDS:
            path, dtype = folder / packed_file(field), np.uint16
            if not path.exists():
                path, dtype = folder / tokens_file(field), np.int32
            tokens = np.memmap(path, dtype=dtype, mode="r") if path.stat().st_size else np.zeros(0, dtype)
            fields[field] = Sequences(tokens, np.load(folder / f"seq_{field}_start.npy", mmap_mode="r"),
                                      np.load(folder / f"seq_{field}_len.npy", mmap_mode="r"))
        return {w: i for i, w in enumerate(words)}, fields
    except (OSError, ValueError):
        return None
