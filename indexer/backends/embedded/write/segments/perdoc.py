"""A buffered segment's per-document data (stored fields, length and value columns) written through Whoosh's
per-document writer's own column writers, number columns packed at once."""
from __future__ import annotations

import numpy as np

from indexer import settings


def write_per_document(buffered) -> None:
    """The stored fields, lengths and columns a segments.buffer.SegmentWriter holds, as Whoosh's files."""
    perdoc = buffered.codec.per_document_writer(buffered.ix.storage, buffered.segment)
    stored = perdoc._get_column("_stored")
    # Whoosh zlib-compresses each paragraph's stored fields (level 3 by default, ~60 us each here). Texts are
    # stored in blocks of paragraphs (index/stored.py): a block compresses to ~0.3, a lone paragraph to ~0.65.
    stored._child._level = settings.STORED_ZLIB_LEVEL
    for docnum, values in enumerate(buffered.stored):
        if values:
            stored.add(docnum, values)
    for name, (column, values) in buffered.columns.items():
        perdoc._create_column(name, column)
        writer = perdoc._get_column(name)
        for docnum, value in values:
            writer.add(docnum, value)
    for name, (column, values) in buffered.numbers.items():
        perdoc._create_column(name, column)
        _write_numbers(perdoc._get_column(name), column, values)
    perdoc._doccount = buffered.docnum  # start_doc counts documents; the buffered adds bypass it
    perdoc._fieldlengths = buffered.totals
    perdoc.close()


def _write_numbers(writer, column, values) -> None:
    """A number column as Whoosh's writer leaves it: big-endian values up to the last non-default one."""
    numbers = np.frombuffer(values, dtype=values.typecode)
    kept = np.flatnonzero(numbers != column._default)
    count = int(kept[-1]) + 1 if len(kept) else 0
    writer._dbfile.write(numbers[:count].astype(numbers.dtype.newbyteorder(">")).tobytes())
    writer._count = count
