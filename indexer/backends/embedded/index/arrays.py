"""The per-paragraph arrays the server reads, computed once at build time and memory-mapped at open.

A generation's `arrays/` folder holds one .npy file per array and `arrays.json` (document names, title words,
keyword facet values). Opening maps the files instead of walking every paragraph: open time and resident
memory no longer grow with the index (Tantivy's "fast fields" idea).
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from whoosh.util.numeric import byte_to_length

from indexer import settings
from indexer.backends.embedded.index.schema import as_text
from indexer.backends.embedded.index.stored import unpack
from indexer.search.snippets import MATCH_FIELDS

FOLDER = "arrays"
META = "arrays.json"
FORMAT = 1


@dataclass
class Arrays:
    """docnum-indexed arrays, per-document data and keyword postings."""

    doc_ids: np.ndarray               # docnum -> document index
    doc_names: list[str]              # document index -> doc_id ("" for a document an update removed)
    years: np.ndarray                 # docnum -> year (0 = unknown)
    dates: np.ndarray                 # docnum -> yyyymmdd (0 = unknown)
    para_n: np.ndarray                # docnum -> paragraph number
    lengths: dict[str, np.ndarray]    # match field -> docnum -> length (as Whoosh stores it)
    title_words: list[list[str]]      # document index -> analysed title words
    keyword_postings: dict[str, dict[str, np.ndarray]]  # facet -> value -> ascending docnums (live only)
    live: np.ndarray | None = None    # docnum -> not deleted; None when nothing is deleted

    @property
    def size(self) -> int:
        return len(self.years)


def compute(reader, searcher, start: int = 0, names: dict[str, int] | None = None) -> Arrays:
    """The arrays of docnums `start`.. read from an open index (all of it by default)."""
    size = reader.doc_count_all()
    span = range(start, size)
    names = dict(names or {})
    column = reader.column_reader("doc_id")
    doc_ids = np.fromiter((names.setdefault(as_text(column[i]), len(names)) for i in span), dtype=np.int32,
                          count=len(span))
    doc_names = [""] * (max(names.values(), default=-1) + 1)
    for name, index in names.items():
        doc_names[index] = name
    lengths = {f: np.fromiter((reader.doc_field_length(i, f, 0) or 0 for i in span), dtype=np.float32,
                              count=len(span)) for f in MATCH_FIELDS}
    return Arrays(doc_ids, doc_names, _int_column(reader, "year", span).astype(np.int32),
                  _int_column(reader, "date_sort", span), _int_column(reader, "n", span).astype(np.int32), lengths,
                  _title_words(searcher, doc_ids, span, len(doc_names)), _keyword_postings(reader, start))


def compute_from_columns(reader, searcher, columns) -> Arrays:
    """The arrays of a new index from the column values its writer kept (segments.SegmentColumns):
    what `compute` reads back a paragraph at a time, without reading."""
    doc_ids, names, para_n = document_columns(searcher.schema, columns)
    lengths = {f: _LENGTH_OF_BYTE[columns.column(f"_{f}_len")] for f in MATCH_FIELDS}
    ints = {n: _column_ints(searcher.schema[n], columns.column(n)) for n in ("year", "date_sort")}
    return Arrays(doc_ids, names, ints["year"].astype(np.int32), ints["date_sort"], para_n,
                  lengths, _title_words(searcher, doc_ids, range(len(doc_ids)), len(names)),
                  _keyword_postings(reader, 0))


def document_columns(schema, columns) -> tuple[np.ndarray, list[str], np.ndarray]:
    """docnum -> document index, document index -> doc id, docnum -> paragraph number, from kept columns
    (no segment file is read: the build needs them while the last segment is still being written)."""
    return (columns.column("doc_id").astype(np.int32), columns.names(),
            _column_ints(schema["n"], columns.column("n")).astype(np.int32))


_LENGTH_OF_BYTE = np.array([byte_to_length(b) for b in range(256)], dtype=np.float32)


def _column_ints(field, stored: np.ndarray) -> np.ndarray:
    """A NUMERIC field's column values (as stored: offset to sort unsigned) back as int64, unset as 0."""
    offset = field.to_column_value(0)
    if field.from_column_value(offset + 20190701) != 20190701:
        raise ValueError(f"unexpected column encoding for {field!r}")
    values = stored.astype(np.int64) - offset
    values[(values < 0) | (values > 10**9)] = 0  # unset NUMERIC columns hold a sentinel
    return values


def _int_column(reader, name: str, span: range) -> np.ndarray:
    """A sortable NUMERIC column as int64 (unset values become 0)."""
    column = reader.column_reader(name)
    values = np.fromiter((int(column[i] or 0) for i in span), dtype=np.int64, count=len(span))
    values[(values < 0) | (values > 10**9)] = 0  # unset NUMERIC columns read back as a sentinel
    return values


def _title_words(searcher, doc_ids: np.ndarray, span: range, count: int) -> list[list[str]]:
    """Each document's analysed title words (for documents with a paragraph in `span`)."""
    analyzer = searcher.schema["title"].analyzer
    out: list[list[str]] = [[] for _ in range(count)]
    _, first = np.unique(doc_ids, return_index=True)
    for offset in first:
        docnum = span.start + int(offset)
        title = unpack(searcher.stored_fields(docnum), docnum, searcher.stored_fields).get("title", "")
        out[doc_ids[offset]] = sorted({t.text for t in analyzer(title)})
    return out


def _keyword_postings(reader, start: int) -> dict[str, dict[str, np.ndarray]]:
    """Facet value -> docnums for segments from docnum `start` on, deleted paragraphs left out."""
    out: dict[str, dict[str, np.ndarray]] = {f: {} for f in settings.KEYWORD_POSTING_FIELDS}
    for segment, offset in reader.leaf_readers():
        if offset < start:
            continue
        for facet in settings.KEYWORD_POSTING_FIELDS:
            if facet not in segment.indexed_field_names():
                continue
            for term in segment.lexicon(facet):
                ids = np.fromiter(segment.postings(facet, term).all_ids(), dtype=np.int32) + offset
                value = as_text(term)
                old = out[facet].get(value)
                out[facet][value] = ids if old is None else np.concatenate([old, ids])
    return out


def save(arrays: Arrays, generation: Path) -> None:
    """Write the arrays beside a generation's Whoosh files."""
    folder = Path(generation) / FOLDER
    folder.mkdir(exist_ok=True)
    plain = {"doc_ids": arrays.doc_ids, "years": arrays.years, "dates": arrays.dates, "para_n": arrays.para_n,
             **{f"len_{f}": v for f, v in arrays.lengths.items()}}
    if arrays.live is not None:
        plain["live"] = arrays.live
    keyword = {}
    for facet, values in arrays.keyword_postings.items():
        names = sorted(values)
        ids = [np.asarray(values[n], dtype=np.int32) for n in names]
        offsets = np.cumsum([0] + [len(i) for i in ids]).tolist()
        plain[f"kw_{facet}"] = np.concatenate(ids) if ids else np.zeros(0, dtype=np.int32)
        keyword[facet] = {"values": names, "offsets": offsets}
    for name, values in plain.items():
        np.save(folder / f"{name}.npy", np.ascontiguousarray(values))
    meta = {"format": FORMAT, "size": arrays.size, "doc_names": arrays.doc_names,
            "title_words": arrays.title_words, "keyword": keyword}
    tmp = folder / f".{META}.{os.getpid()}"
    tmp.write_text(json.dumps(meta, separators=(",", ":")), encoding="utf-8")
    os.replace(tmp, folder / META)  # written last: its presence means the arrays are complete


def load(generation: Path) -> Arrays | None:
    """The memory-mapped arrays of a generation, or None when it has none (built before they existed)."""
    folder = Path(generation) / FOLDER
    try:
        meta = json.loads((folder / META).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if meta.get("format") != FORMAT:
        return None

    def mapped(name: str) -> np.ndarray:
        return np.load(folder / f"{name}.npy", mmap_mode="r")

    keyword = {}
    for facet, info in meta["keyword"].items():
        ids, offsets = mapped(f"kw_{facet}"), info["offsets"]
        keyword[facet] = {v: ids[offsets[i]:offsets[i + 1]] for i, v in enumerate(info["values"])}
    live = mapped("live") if (folder / "live.npy").exists() else None
    return Arrays(mapped("doc_ids"), meta["doc_names"], mapped("years"), mapped("dates"), mapped("para_n"),
                  {f: mapped(f"len_{f}") for f in MATCH_FIELDS}, meta["title_words"], keyword, live)


def extend(old: Arrays, new: Arrays, deleted: np.ndarray) -> Arrays:
    """Old arrays followed by a new segment's (computed with `start` = old size), with `deleted` docnums dead."""
    size = old.size + new.size
    live = np.ones(size, dtype=bool) if old.live is None else np.concatenate([old.live, np.ones(new.size, bool)])
    live[deleted] = False
    doc_ids = np.concatenate([old.doc_ids, new.doc_ids])
    names = list(new.doc_names) + [""] * max(0, len(old.doc_names) - len(new.doc_names))
    alive = np.zeros(len(names), dtype=bool)
    alive[doc_ids[live]] = True
    doc_names = [name if alive[i] else "" for i, name in enumerate(names)]
    renewed = set(np.unique(new.doc_ids).tolist())
    titles = [new.title_words[i] if i in renewed or i >= len(old.title_words) else old.title_words[i]
              for i in range(len(doc_names))]
    keyword = {}
    for facet in settings.KEYWORD_POSTING_FIELDS:
        values = {}
        for value in set(old.keyword_postings.get(facet, {})) | set(new.keyword_postings.get(facet, {})):
            ids = np.concatenate([np.asarray(old.keyword_postings.get(facet, {}).get(value, []), dtype=np.int32),
                                  np.asarray(new.keyword_postings.get(facet, {}).get(value, []), dtype=np.int32)])
            ids = ids[live[ids]]
            if len(ids):
                values[value] = ids
        keyword[facet] = values
    return Arrays(doc_ids, doc_names,
                  np.concatenate([old.years, new.years]), np.concatenate([old.dates, new.dates]),
                  np.concatenate([old.para_n, new.para_n]),
                  {f: np.concatenate([old.lengths[f], new.lengths[f]]) for f in MATCH_FIELDS}, titles, keyword,
                  None if live.all() else live)
