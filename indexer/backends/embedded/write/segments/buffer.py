"""One new Whoosh segment, buffered in memory as paragraphs are added and written by `finish()`."""
from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Sequence

from whoosh.codec import default_codec
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.columns import NumericColumn
from whoosh.util.numeric import length_to_byte

from indexer.backends.embedded.write.segments.perdoc import write_per_document
from indexer.backends.embedded.write.segments.postings import (TermPostings, decoded_lengths, write_small_field,
                                                               write_text_postings)
from indexer.backends.embedded.index.stored import pack_document

TEXT_FIELD = "text"
_MEMO_LIMIT = 50_000


_LENGTH_BYTES = [length_to_byte(n) for n in range(4096)]


def _length_byte(length: int) -> int:
    """Whoosh's one-byte approximation of a field length (a table for the common lengths)."""
    return _LENGTH_BYTES[length] if length < 4096 else length_to_byte(length)


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
        self.small: dict[str, dict[bytes, TermPostings]] = {}
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
        names = sorted({n for p in paragraphs for n in self._names(p)})  # a field may appear in some only
        head = paragraphs[0]
        same = [n for n in names if n != TEXT_FIELD and n in head and f"_stored_{n}" not in head
                and all(p.get(n) == head[n] and f"_stored_{n}" not in p for p in paragraphs)]
        shared: dict = {}
        for name in same:
            self._add_field(name, head[name], head[name], range(first, first + count), shared)
        varying = [n for n in names if n not in shared and n not in same]
        owns: list[dict] = []
        for offset, fields in enumerate(paragraphs):
            docnum = first + offset
            stored: dict = {}
            for name in varying:
                value = fields.get(name)
                if value is None:
                    continue
                if name == TEXT_FIELD:
                    self._add_text(text_ids[offset], fields.get("_stored_text", value), docnum, stored)
                else:
                    self._add_field(name, value, fields.get(f"_stored_{name}", value), range(docnum, docnum + 1),
                                    stored)
            owns.append(stored)
        # The shared values once per document, the own ones in blocks of paragraphs (backends/embedded/index/stored.py).
        self.stored.extend(fields or None for fields in pack_document(shared, owns))
        self.docnum += count

    def add_document(self, text_ids: Sequence[int], **fields) -> None:
        """One paragraph (see add_paragraphs)."""
        self.add_paragraphs([fields], [text_ids])

    def _names(self, fields: dict) -> tuple[str, ...]:
        """The indexable field names of a paragraph dict, sorted as Whoosh sorts them."""
        keys = tuple(fields)
        names = self._order.get(keys)
        if names is None:
            if any(k.startswith("_") and k.endswith("_boost") for k in keys):
                raise ValueError("boosts per document or field (`_boost`, `_<field>_boost`) are not supported "
                                 "by the rebuild's segment writer")
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
                postings = terms[btext] = TermPostings()
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

    def _lengths(self, name: str):
        """The field's length per paragraph of this segment as Whoosh decodes it (None: not scorable)."""
        entry = self.numbers.get(f"_{name}_len")
        return decoded_lengths(entry[1].tobytes(), self.docnum) if entry is not None else None

    def finish(self):
        """Write the segment's files; the finished segment."""
        self.finish_per_document()
        self.finish_postings()
        return self.segment

    def finish_per_document(self) -> None:
        """Write the stored fields, lengths and columns (files of their own: may run beside finish_postings)."""
        write_per_document(self)
        self.segment.set_doc_count(self.docnum)

    def finish_postings(self) -> None:
        """Write the terms and postings of every field (the terms and postings files only)."""
        fieldwriter = self.codec.field_writer(self.ix.storage, self.segment)
        for name in sorted({*self.small, TEXT_FIELD} & set(self.schema.names())):
            if name == TEXT_FIELD:
                if len(self.text_ids):
                    fieldwriter.start_field(name, self.schema[name])
                    self.text_lengths.extend([0] * (self.docnum - len(self.text_lengths)))
                    write_text_postings(fieldwriter, self.schema[name], self.text_ids, self.text_lengths,
                                        self.vocabulary, self._lengths(name))
                    fieldwriter.finish_field()
                continue
            fieldwriter.start_field(name, self.schema[name])
            write_small_field(fieldwriter, self.small[name], self._lengths(name))
            fieldwriter.finish_field()
        fieldwriter.close()
