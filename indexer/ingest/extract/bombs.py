"""Compressed streams that inflate far beyond their file: a PDF's streams are measured before pdfium reads it.

pdfium inflates every content stream whole: a 200 KB file whose stream inflates to 100 MB of text operators
took minutes and gigabytes. Measuring costs one zlib pass, in bounded chunks, holding nothing.
"""
from __future__ import annotations

import re
import zlib

_STREAM_RE = re.compile(rb"stream\r?\n")
_CHUNK = 1 << 20


def inflated_size(data: bytes, cap: int) -> int:
    """The bytes the file's Flate streams inflate to, counted up to just past `cap`."""
    view = memoryview(data)
    total = 0
    for match in _STREAM_RE.finditer(data):
        if data[match.end():match.end() + 1] not in (b"x", b"h", b"X"):  # not a zlib header: not a Flate stream
            continue
        total += _inflate_count(view[match.end():], cap - total + 1)
        if total > cap:
            break
    return total


def _inflate_count(buffer, limit: int) -> int:
    """How many bytes one zlib stream inflates to, stopping past `limit`; 0 for bytes that are not zlib."""
    inflater = zlib.decompressobj()
    count = 0
    try:
        while buffer and count <= limit:
            count += len(inflater.decompress(buffer, _CHUNK))
            if inflater.eof:
                break
            buffer = inflater.unconsumed_tail
    except zlib.error:
        pass  # a damaged or non-Flate stream: pdfium judges it
    return count


def pdf_bomb_problem(data: bytes, cap: int) -> str | None:
    """The reason a PDF is skipped when its compressed streams inflate past `cap` bytes, else None."""
    if not cap:
        return None
    size = inflated_size(data, cap)
    if size > cap:
        return (f"too large inflated: its compressed streams hold over {cap / 1e6:.0f} MB "
                f"({len(data) / 1e6:.1f} MB on disk; a decompression bomb?)")
    return None
