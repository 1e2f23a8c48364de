"""A rebuild's Whoosh segments written directly through Whoosh's own codec, the text postings sorted in numpy.

Whoosh's writer sends every posting through a pickled external sort and its posting writer one call at a
time: ~90 % of a rebuild. Here the per-paragraph data (stored fields, columns, lengths) goes through
Whoosh's per-document writer exactly as `SegmentWriter.add_document` sends it; the small fields' postings
are gathered per term; the text field's postings come from the word ids the build computes anyway,
sorted with numpy, and are handed to Whoosh's posting writer a block at a time. The files are Whoosh's
format, written by Whoosh's classes (tests/test_segment_writer.py compares every term, posting, stored
field and column with what `ix.writer()` writes). Memory stays bounded: a segment is written every
`settings.SEGMENT_PARAGRAPHS` paragraphs.
"""
from __future__ import annotations

import os
import pickle
import signal
import threading
import traceback
from collections import defaultdict
from array import array
from collections.abc import Sequence

import numpy as np
from whoosh.codec import default_codec
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.columns import NumericColumn
from whoosh.util.numeric import length_to_byte
from whoosh.index import TOC
from whoosh.system import pack_uint

from . import settings
from .children import die_with_parent

TEXT_FIELD = "text"
_MEMO_LIMIT = 50_000


def _sorted_ranks(words: Sequence[str]) -> np.ndarray:
    """Each word id's rank in Whoosh's term order (UTF-8 bytes)."""
    order = sorted(range(len(words)), key=lambda i: words[i].encode("utf-8"))
    ranks = np.empty(len(words), dtype=np.int64)
    ranks[np.asarray(order, dtype=np.int64)] = np.arange(len(words))
    return ranks


_LENGTH_BYTES = [length_to_byte(n) for n in range(4096)]


def _length_byte(length: int) -> int:
    """Whoosh's one-byte approximation of a field length (a table for the common lengths)."""
    return _LENGTH_BYTES[length] if length < 4096 else length_to_byte(length)


def _position_bytes(deltas: list[int]) -> bytes:
    """Whoosh's Positions encoding of one posting (formats.Positions.encode, given the deltas)."""
    return pack_uint(len(deltas)) + pickle.dumps(deltas, 2)


class _TermPostings:
    """One small field's postings of one term, in docnum order."""

    __slots__ = ("docs", "weights", "values")

    def __init__(self):
        self.docs = array("I")
        self.weights = array("f")
        self.values: list[bytes] = []


class SegmentWriter:
    """One new segment: paragraphs are buffered in memory as added (no file is open), written by `finish()`.

    Nothing touches a file before `finish()`, so a finished-off copy of the writer (a forked process) can
    write the segment while this process goes on with the next one.
    """

    def __init__(self, ix, vocabulary: dict[str, int]):
        self.ix = ix
        self.schema = ix.schema
        self.codec = default_codec()  # what ix.writer() uses
        self.segment = self.codec.new_segment(ix.storage, ix.indexname)
        self.vocabulary = vocabulary  # the sequence writer's word -> id, growing as words appear
        self.docnum = 0
        self.small: dict[str, dict[bytes, _TermPostings]] = {}
        self.text_ids = array("i")
        self.text_lengths = array("i")
        self.stored: list[dict | None] = []
        self.totals: dict[str, int] = defaultdict(int)  # field -> summed length (Whoosh's field_length)
        self.numbers: dict[str, tuple[NumericColumn, array]] = {}
        self.columns: dict[str, tuple[object, list]] = {}
        self._indexed: dict[tuple[str, object], list] = {}
        self._order: dict[tuple[str, ...], tuple[str, ...]] = {}

    def add_paragraphs(self, paragraphs: list[dict], text_ids: list[Sequence[int]]) -> None:
        """A document's paragraphs (Whoosh field dicts, in order) with the stored values, lengths, columns and
        postings Whoosh's `SegmentWriter.add_document` writes for each.

        Most fields (document id, year, council codes, sub-judgements ...) hold the same value in every
        paragraph of a document: those are indexed once and their postings and columns extended by a range.
        """
        first, count = self.docnum, len(paragraphs)
        names = self._names(paragraphs[0])
        head = paragraphs[0]
        same = [n for n in names if n != TEXT_FIELD and f"_stored_{n}" not in head
                and all(p.get(n) == head[n] and f"_stored_{n}" not in p for p in paragraphs)]
        shared: dict = {}
        for name in same:
            self._add_field(name, head[name], head[name], range(first, first + count), shared)
        varying = [n for n in names if n not in shared and n not in same]
        for offset, fields in enumerate(paragraphs):
            docnum = first + offset
            stored = dict(shared)
            for name in varying:
                value = fields.get(name)
                if value is None:
                    continue
                if name == TEXT_FIELD:
                    self._add_text(text_ids[offset], fields.get("_stored_text", value), docnum, stored)
                else:
                    self._add_field(name, value, fields.get(f"_stored_{name}", value), range(docnum, docnum + 1),
                                    stored)
            self.stored.append(stored or None)
        self.docnum += count

    def add_document(self, text_ids: Sequence[int], **fields) -> None:
        """One paragraph (see add_paragraphs)."""
        self.add_paragraphs([fields], [text_ids])

    def _names(self, fields: dict) -> tuple[str, ...]:
        """The indexable field names of a paragraph dict, sorted as Whoosh sorts them."""
        keys = tuple(fields)
        names = self._order.get(keys)
        if names is None:
            names = self._order[keys] = tuple(sorted(n for n in keys if not n.startswith("_")))
        return names

    def _add_field(self, name: str, value, kept, docnums: range, stored: dict) -> None:
        """One field's value in paragraphs `docnums`: postings, length column, value column, stored value."""
        if value is None:
            return
        field = self.schema[name]
        length = self._add_postings(name, field, value, docnums) if field.indexed else 0
        if field.stored and kept is not None:
            stored[name] = kept
        self._add_columns(name, field, length, kept, docnums)

    def _add_text(self, ids: Sequence[int], kept, docnum: int, stored: dict) -> None:
        """The text field of one paragraph: its word ids are kept for the postings written on finish."""
        field = self.schema[TEXT_FIELD]
        self.text_ids.extend(ids)
        self.text_lengths.extend([0] * (docnum - len(self.text_lengths)))
        self.text_lengths.append(len(ids))
        if field.stored and kept is not None:
            stored[TEXT_FIELD] = kept
        self._add_columns(TEXT_FIELD, field, len(ids) if field.scorable else 0, kept, range(docnum, docnum + 1))

    def _add_columns(self, name: str, field, length: int, kept, docnums: range) -> None:
        """A field's length (as Whoosh's one-byte column and the segment total) and its sortable column."""
        count = len(docnums)
        if length:
            self._numbers(f"_{name}_len", LENGTHS_COLUMN, docnums.start).extend([_length_byte(length)] * count)
            self.totals[name] += length * count
        column = field.column_type
        if column and kept is not None:
            value = field.to_column_value(kept)
            if isinstance(column, NumericColumn):
                self._numbers(name, column, docnums.start).extend([value] * count)
            else:
                self.columns.setdefault(name, (column, []))[1].extend((d, value) for d in docnums)

    def _numbers(self, name: str, column: NumericColumn, docnum: int) -> array:
        """A number column's values so far, padded with its default up to `docnum` (packed at once on finish)."""
        entry = self.numbers.get(name)
        if entry is None:
            entry = self.numbers[name] = (column, array(column._typecode))
        values = entry[1]
        if len(values) < docnum:
            values.extend([column._default] * (docnum - len(values)))
        return values

    def _add_postings(self, name: str, field, value, docnums: range) -> int:
        """One field value's postings in paragraphs `docnums` (values repeat: each is indexed once); its length."""
        key = (name, value)
        items = self._indexed.get(key)
        if items is None:
            if len(self._indexed) > _MEMO_LIMIT:
                self._indexed.clear()
            items = self._indexed[key] = list(field.index(value))
        terms = self.small.setdefault(name, {})
        length, count = 0, len(docnums)
        for btext, freq, weight, vbytes in items:
            postings = terms.get(btext)
            if postings is None:
                postings = terms[btext] = _TermPostings()
            if count == 1:
                postings.docs.append(docnums.start)
                postings.weights.append(weight)
                if vbytes:
                    postings.values.append(vbytes)
            else:
                postings.docs.extend(docnums)
                postings.weights.extend([weight] * count)
                if vbytes:
                    postings.values.extend([vbytes] * count)
            length += freq
        return length if field.scorable else 0

    def finish(self):
        """Write the segment's files; the finished segment."""
        self._write_per_document()
        fieldwriter = self.codec.field_writer(self.ix.storage, self.segment)
        for name in sorted({*self.small, TEXT_FIELD} & set(self.schema.names())):
            if name == TEXT_FIELD:
                if len(self.text_ids):
                    fieldwriter.start_field(name, self.schema[name])
                    self._write_text(fieldwriter, self.schema[name])
                    fieldwriter.finish_field()
                continue
            terms = self.small[name]
            fieldwriter.start_field(name, self.schema[name])
            for btext in sorted(terms):
                p = terms[btext]
                _write_term(fieldwriter, btext, p.docs, p.weights, p.values)
            fieldwriter.finish_field()
        fieldwriter.close()
        self.segment.set_doc_count(self.docnum)
        return self.segment

    def _write_per_document(self) -> None:
        """Stored fields, lengths and columns through Whoosh's per-document writer's own column writers."""
        perdoc = self.codec.per_document_writer(self.ix.storage, self.segment)
        stored = perdoc._get_column("_stored")
        # Whoosh zlib-compresses each paragraph's stored fields at level 3 (~60 us each here); level 0 writes
        # the same zlib format uncompressed in a tenth of the time, for about twice the bytes.
        stored._child._level = 0
        for docnum, values in enumerate(self.stored):
            if values:
                stored.add(docnum, values)
        for name, (column, values) in self.columns.items():
            perdoc._create_column(name, column)
            writer = perdoc._get_column(name)
            for docnum, value in values:
                writer.add(docnum, value)
        for name, (column, values) in self.numbers.items():
            # Whoosh's number writer packs one value per call and leaves trailing defaults unwritten.
            perdoc._create_column(name, column)
            writer = perdoc._get_column(name)
            numbers = np.frombuffer(values, dtype=values.typecode)
            kept = np.flatnonzero(numbers != column._default)
            count = int(kept[-1]) + 1 if len(kept) else 0
            writer._dbfile.write(numbers[:count].astype(numbers.dtype.newbyteorder(">")).tobytes())
            writer._count = count
        perdoc._doccount = self.docnum  # start_doc counts documents; the buffered adds bypass it
        perdoc._fieldlengths = self.totals
        perdoc.close()

    def _write_text(self, fieldwriter, field) -> None:
        """The text field's postings, grouped and ordered in numpy, positions encoded as Whoosh encodes them."""
        self.text_lengths.extend([0] * (self.docnum - len(self.text_lengths)))
        tokens = np.frombuffer(self.text_ids, dtype=np.int32).astype(np.int64)
        lengths = np.frombuffer(self.text_lengths, dtype=np.int32).astype(np.int64)
        count = max(len(lengths), 1)
        starts = np.cumsum(lengths) - lengths
        docs = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
        positions = np.arange(len(tokens), dtype=np.int64) - np.repeat(starts, lengths)
        words = [""] * len(self.vocabulary)
        for word, i in self.vocabulary.items():
            words[i] = word
        ranks = _sorted_ranks(words)
        keys = ranks[tokens] * count + docs
        order = np.argsort(keys, kind="stable")  # stable: positions stay ascending within a posting
        keys, positions = keys[order], positions[order]
        unique, first, freqs = np.unique(keys, return_index=True, return_counts=True)
        term_ranks, posting_docs = unique // count, (unique % count).astype(np.uint32)
        deltas = positions.copy()
        deltas[1:] -= positions[:-1]
        deltas[first] = positions[first]  # each posting's first position is stored from 0
        boost = field.format.field_boost
        weights = (freqs * boost).astype(np.float32)
        word_of_rank = np.empty(len(ranks), dtype=np.int64)
        word_of_rank[ranks] = np.arange(len(ranks))
        bounds = np.flatnonzero(np.diff(term_ranks)) + 1
        term_starts = np.concatenate([[0], bounds])
        term_ends = np.concatenate([bounds, [len(unique)]])
        values = _encoded_positions(deltas, first, freqs)
        docs_all = posting_docs.tobytes()
        weights_all = weights.tobytes()
        for start, end in zip(term_starts.tolist(), term_ends.tolist()):
            btext = words[int(word_of_rank[term_ranks[start]])].encode("utf-8")
            _write_term(fieldwriter, btext, array("I", docs_all[start * 4: end * 4]),
                        array("f", weights_all[start * 4: end * 4]), values[start:end])


def _encoded_positions(deltas: np.ndarray, first: np.ndarray, freqs: np.ndarray) -> list[bytes]:
    """Every posting's encoded positions (its deltas start at `first`); one shared value per lone position."""
    out = np.empty(len(first), dtype=object)
    single = freqs == 1
    lone, which = np.unique(deltas[first[single]], return_inverse=True)
    table = [_position_bytes([p]) for p in lone.tolist()]
    out[single] = [table[i] for i in which.tolist()]
    several = np.flatnonzero(~single)
    delta_list = deltas.tolist()
    out[several] = [_position_bytes(delta_list[at: at + f])
                    for at, f in zip(first[several].tolist(), freqs[several].tolist())]
    return out.tolist()


def _write_term(fieldwriter, btext: bytes, docs: array, weights: array, values: list[bytes]) -> None:
    """One term's postings through Whoosh's posting writer, a full block at a time.

    The blocks are those `add_posting` makes one posting at a time: full blocks of the codec's limit, the
    last one written by `finish_postings`. Length statistics stay unset, as with `Codec.length_stats` off.
    """
    fieldwriter.start_term(btext)
    writer = fieldwriter._postwriter
    writer._compression = 0  # blocks stored plain (Whoosh reads each block's level): zlib was a third of the writing
    limit = writer._blocklimit
    size = len(docs)
    has_values = bool(values)
    for start in range(0, size, limit):
        chunk_weights = weights[start: start + limit]
        writer._ids = docs[start: start + limit]
        writer._weights = chunk_weights
        writer._values = values[start: start + limit] if has_values else []
        writer._maxweight = max(0, max(chunk_weights))
        writer._minlength, writer._maxlength = None, 0
        if start + limit < size:
            writer._write_block()
    fieldwriter.finish_term()


class BulkWriter:
    """Whoosh segments for a full rebuild: a new segment every `settings.SEGMENT_PARAGRAPHS` paragraphs.

    With more than one writer process allowed, a full segment is written by a forked copy of this process
    while this one goes on reading and analysing the next: the two halves of a build's work run on two cores.
    """

    def __init__(self, ix, vocabulary: dict[str, int], processes: int | None = None):
        self.ix = ix
        self.vocabulary = vocabulary
        self.segments = []
        self.current: SegmentWriter | None = None
        self.limit = settings.SEGMENT_PARAGRAPHS
        self.processes = settings.WRITER_PROCS if processes is None else processes
        self.children: list[int] = []
        self.kept = SegmentColumns()

    def add_paragraphs(self, paragraphs: list[dict], text_ids: list[Sequence[int]]) -> None:
        """Add a document's paragraphs, starting a new segment when the current one is full."""
        if self.current is None:
            self.current = SegmentWriter(self.ix, self.vocabulary)
        self.current.add_paragraphs(paragraphs, text_ids)
        if self.current.docnum >= self.limit:
            self._flush(last=False)

    def add_document(self, text_ids: Sequence[int], **fields) -> None:
        """Add one paragraph."""
        self.add_paragraphs([fields], [text_ids])

    def _flush(self, last: bool) -> None:
        """Write the current segment: in a forked process unless it is the last or forking is unsafe."""
        writer, self.current = self.current, None
        if writer is None or not writer.docnum:
            return
        self.segments.append(writer.segment)
        self.kept.add(writer)
        if last or not self._can_fork():
            writer.finish()
            return
        self._wait(keep=self.processes - 2)  # this process is one of the writers
        pid = os.fork()
        if pid == 0:  # the child writes the segment and leaves without running the parent's clean-up
            code = 1
            try:
                die_with_parent()
                writer.finish()
                code = 0
            except BaseException:
                traceback.print_exc()
            finally:
                os._exit(code)
        self.children.append(pid)
        # The child's writer sets these on its copy; the table of contents is written from this one.
        writer.segment.set_doc_count(writer.docnum)
        writer.segment._fieldlengths = writer.totals

    def _can_fork(self) -> bool:
        """Forking a process with other threads running (a web server's) could copy a held lock: never."""
        return self.processes > 1 and hasattr(os, "fork") and threading.active_count() == 1

    def _wait(self, keep: int) -> None:
        """Wait until at most `keep` segment-writing children are running; a failed one fails the build."""
        while len(self.children) > max(keep, 0):
            pid = self.children.pop(0)
            _, status = os.waitpid(pid, 0)
            if status:
                raise RuntimeError(f"writing an index segment failed (process {pid}, status {status})")

    def commit(self) -> None:
        """Write the last segment, wait for the others, and write a table of contents listing them all."""
        self._flush(last=True)
        self._wait(keep=0)
        generation = self.ix.latest_generation() + 1
        TOC(self.ix.schema, self.segments, generation).write(self.ix.storage, self.ix.indexname)

    def cancel(self) -> None:
        """Abandon the build: stop the segment-writing children (the caller removes the folder)."""
        self.current = None
        for pid in self.children:
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        self.children = []


class SegmentColumns:
    """The column values of every written segment that the search arrays need, in docnum order.

    The build hands them to search/arrays.py instead of reading them back from the index a paragraph at a
    time (a minute at a million paragraphs).
    """

    NUMBERS = ("year", "date_sort", "n")

    def __init__(self):
        self.parts: list[dict[str, np.ndarray]] = []
        self.doc_names: dict[str, int] = {}

    def add(self, writer: SegmentWriter) -> None:
        """Keep one segment's doc ids, number columns (as stored values) and match-field lengths."""
        size = writer.docnum
        part = {}
        for name in self.NUMBERS:
            column, values = writer.numbers.get(name, (writer.schema[name].column_type, array("I")))
            numbers = np.full(size, column._default, dtype=np.int64)
            numbers[: len(values)] = np.frombuffer(values, dtype=values.typecode)
            part[name] = numbers
        for name in ("heading", "text"):
            _, values = writer.numbers.get(f"_{name}_len", (None, array("B")))
            lengths = np.zeros(size, dtype=np.uint8)
            lengths[: len(values)] = np.frombuffer(values, dtype=np.uint8)
            part[f"_{name}_len"] = lengths
        names = self.doc_names
        doc_ids = np.full(size, -1, dtype=np.int32)
        for docnum, value in writer.columns.get("doc_id", (None, []))[1]:
            doc_ids[docnum] = names.setdefault(value.decode("utf-8"), len(names))
        part["doc_id"] = doc_ids
        self.parts.append(part)

    def column(self, name: str) -> np.ndarray:
        """One kept column over all segments."""
        return np.concatenate([part[name] for part in self.parts]) if self.parts else np.zeros(0, np.int64)

    def names(self) -> list[str]:
        """Document index -> doc id."""
        out = [""] * len(self.doc_names)
        for name, index in self.doc_names.items():
            out[index] = name
        return out
