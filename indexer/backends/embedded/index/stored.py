"""Stored values that are the same on every paragraph of a document (title, URL, path, official outcome, dates,
sub-judgements …) are stored once, on the document's first paragraph, not on each: they were over 60 % of the
stored bytes (an outcome's JSON alone is ~500 bytes). A later paragraph stores its own values and how far back
its document's first paragraph is; reading merges the two, so readers see every field as before.

A document's paragraphs stay contiguous and in order in a generation (rebuilds write them together, updates
delete and add whole documents, Whoosh's merges keep order), so the first paragraph is `docnum - back`.
"""
from __future__ import annotations

from collections.abc import Callable

# Two STORED fields of the schema (Whoosh's reader returns only the schema's fields):
BACK = "doc_back"      # on a later paragraph: how many paragraphs back its document's first one is
SHARED = "doc_shared"  # on a first paragraph: which of its fields the document's other paragraphs share


def pack(shared: dict, own: dict, offset: int) -> dict:
    """What to store for the paragraph `offset` of a document: all fields on the first, its own on the others."""
    if offset == 0:
        return {**shared, **own, SHARED: sorted(shared)} if shared else dict(own)
    return {**own, BACK: offset} if shared else dict(own)


def unpack(fields: dict, docnum: int, read: Callable[[int], dict]) -> dict:
    """A paragraph's stored fields with its document's shared ones merged in (`read` gives raw stored fields)."""
    back = fields.get(BACK)
    if back is None:
        return {k: v for k, v in fields.items() if k != SHARED} if SHARED in fields else fields
    head = read(docnum - back)
    out = {name: head[name] for name in head.get(SHARED, ()) if name in head}
    out.update((k, v) for k, v in fields.items() if k != BACK)
    return out
