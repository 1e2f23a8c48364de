"""Stored values that are the same on every paragraph of a document (title, URL, path, official outcome, dates,
sub-judgements …) are stored once, on the document's first paragraph, not on each: they were over 60 % of the
stored bytes (an outcome's JSON alone is ~500 bytes). A later paragraph stores its own values and how far back
its document's first paragraph is; reading merges the two, so readers see every field as before.

Paragraph texts are stored in blocks: the first paragraph of each run of `settings.STORED_TEXT_BLOCK` paragraphs
of a document stores the run's texts as one list, the others how far back that paragraph is. Whoosh compresses
each paragraph's stored values on its own, and a lone paragraph compresses poorly (~0.65); a block of sixteen
compresses to ~0.3 of its bytes. Readers cache decoded block heads (Generation.heads), so a page's hits, mostly
from a few documents, decode few blocks.

A document's paragraphs stay contiguous and in order in a generation (rebuilds write them together, updates
delete and add whole documents, Whoosh's merges keep order), so the first paragraph is `docnum - back`.
"""
from __future__ import annotations

from collections.abc import Callable

from indexer import settings

# Two STORED fields of the schema (Whoosh's reader returns only the schema's fields):
BACK = "doc_back"      # on a later paragraph: how many paragraphs back its document's first one is
SHARED = "doc_shared"  # on a first paragraph: which of its fields the document's other paragraphs share
TEXTS = "text_block"   # on a block's first paragraph: the texts of the block's paragraphs, in order
TEXT_BACK = "text_back"  # on a later paragraph of a block: how many paragraphs back the block's first one is
TEXT = "text"


def pack(shared: dict, own: dict, offset: int) -> dict:
    """What to store for the paragraph `offset` of a document: all fields on the first, its own on the others."""
    if offset == 0:
        return {**shared, **own, SHARED: sorted(shared)} if shared else dict(own)
    return {**own, BACK: offset} if shared else dict(own)


def pack_texts(stored: list[dict]) -> None:
    """Move the texts of one document's packed paragraphs (in order) into blocks, in place."""
    size = max(1, settings.STORED_TEXT_BLOCK)
    for start in range(0, len(stored), size):
        block = stored[start: start + size]
        if len(block) < 2:
            continue
        block[0][TEXTS] = [fields.pop(TEXT, None) for fields in block]
        for back, fields in enumerate(block[1:], start=1):
            fields[TEXT_BACK] = back


def unpack(fields: dict, docnum: int, read: Callable[[int], dict]) -> dict:
    """A paragraph's stored fields with its document's shared ones and its text merged in (`read` gives raw
    stored fields)."""
    back = fields.get(BACK)
    if back is None and TEXTS not in fields and TEXT_BACK not in fields:
        return {k: v for k, v in fields.items() if k != SHARED} if SHARED in fields else fields
    out = {}
    if back is not None:
        head = read(docnum - back)
        out = {name: head[name] for name in head.get(SHARED, ()) if name in head}
    out.update((k, v) for k, v in fields.items() if k not in (BACK, SHARED, TEXTS, TEXT_BACK))
    text = _text(fields, docnum, read)
    if text is not None:
        out[TEXT] = text
    return out


def _text(fields: dict, docnum: int, read: Callable[[int], dict]):
    """A paragraph's text from its block (None when it has none)."""
    if TEXTS in fields:
        return fields[TEXTS][0]
    back = fields.get(TEXT_BACK)
    if back is None:
        return fields.get(TEXT)
    texts = read(docnum - back).get(TEXTS) or ()
    return texts[back] if back < len(texts) else None
