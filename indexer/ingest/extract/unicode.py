"""Every string that enters the index is valid Unicode: repaired once, where a reader hands a Document over.

JSON (a sidecar, a manifest.jsonl) can carry lone surrogates ("\\ud800"), and a file name with undecodable bytes
arrives as surrogate escapes; neither can be encoded as UTF-8, so one such value used to break every page showing it.
"""
from __future__ import annotations

import re
from typing import Any

from indexer.models import Document

_BAD_RE = re.compile(r"[\ud800-\udfff\x00]")
_ESCAPED_RE = re.compile(r"[\udc80-\udcff]")


def valid(text: str) -> str:
    """The text with surrogate escapes decoded as Windows-1252, other lone surrogates as U+FFFD, NULs removed."""
    if not _BAD_RE.search(text):
        return text
    if _ESCAPED_RE.search(text):  # bytes a file name could not decode: most likely Windows-1252
        text = _ESCAPED_RE.sub(lambda m: bytes([ord(m.group()) - 0xDC00]).decode("cp1252", "replace"), text)
    return _BAD_RE.sub(lambda m: "" if m.group() == "\x00" else "\ufffd", text)


def repaired(value: Any) -> Any:
    """Strings in a value (lists, tuples and dicts walked, keys too) made valid."""
    if isinstance(value, str):
        return valid(value)
    if isinstance(value, dict):
        return {repaired(k): repaired(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(repaired(v) for v in value)
    return value


def repair_document(doc: Document) -> Document:
    """Make every string a reader filled valid: title, URL, error, metadata, blocks, paragraphs and the id.

    The file's own path is kept as the system gave it (the index must find the file again); its valid form is
    what is stored and shown.
    """
    original, doc_id = doc.path, doc.doc_id
    doc.meta = repaired(doc.meta)
    if valid(original) != original:
        doc.path = valid(original)
        doc.meta["source_path"] = original
        doc.meta["doc_id"] = valid(doc_id)
    doc.title, doc.url = valid(doc.title), valid(doc.url)
    doc.error = valid(doc.error) if doc.error else doc.error
    for block in doc.blocks:
        block.text = valid(block.text)
    for para in doc.paragraphs:
        para.text, para.heading = valid(para.text), valid(para.heading)
    return doc


def source_path(doc: Document) -> str:
    """The path the system knows the document's file by (its stored path may have been repaired)."""
    return doc.meta.get("source_path") or doc.path
