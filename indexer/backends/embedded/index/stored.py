"""Stored values that are the same on every paragraph of a document (title, URL, path, official outcome, dates,
sub-judgements …) are stored once, on the document's first paragraph, not on each: they were over 60 % of the
stored bytes (an outcome's JSON alone is ~500 bytes; the title, indexed on the first paragraph only, ~120). A
later paragraph's own values (text, heading, id, number) record how far back its document's first paragraph
is; reading merges the two, so readers see every field as before.

With `settings.STORED_TEXT_BLOCK` > 1 a rebuild stores paragraphs' own values in blocks: the first paragraph of
each run of that many paragraphs of a document stores the run's own values as one list, each other paragraph
only how far back that first one is. Whoosh zlib-compresses each paragraph's stored values on its own, and one
paragraph compresses to ~0.65 of its bytes, a block of sixteen to ~0.3; but every read then decodes a block
(readers cache block heads in Generation.heads). `update` stores each paragraph whole (Whoosh's writer): all
read the same.

A document's paragraphs stay contiguous and in order in a generation (rebuilds write them together, updates
delete and add whole documents, Whoosh's merges keep order), so the first paragraph is `docnum - back`.
"""
from __future__ import annotations

from collections.abc import Callable

from indexer import settings

# STORED fields of the schema (Whoosh's reader returns only the schema's fields):
BACK = "doc_back"      # on a later paragraph: how many paragraphs back its document's first one is
SHARED = "doc_shared"  # on a first paragraph: which of its fields the document's other paragraphs share
BLOCK = "block"        # on a block's first paragraph: the own values of the block's paragraphs, in order
BLOCK_BACK = "block_back"  # on a later paragraph of a block: how many paragraphs back the block's first one is
_MERGED = "\x00shared values"  # kept on a cached head: its shared values as one dict, picked out once
_MARKERS = (BACK, SHARED, BLOCK, BLOCK_BACK, _MERGED)


def pack(shared: dict, own: dict, offset: int) -> dict:
    """What to store for the paragraph `offset` of a document: all fields on the first, its own on the others."""
    if offset == 0:
        return {**shared, **own, SHARED: sorted(shared)} if shared else dict(own)
    return {**own, BACK: offset} if shared else dict(own)


def pack_document(shared: dict, owns: list[dict]) -> list[dict]:
    """What to store for each paragraph of one document (its own values in order), in blocks of paragraphs."""
    if len(owns) > 1:  # an own value every paragraph has (the title, indexed on the first only) is shared too
        common = {k: v for k, v in owns[0].items() if all(k in own and own[k] == v for own in owns[1:])}
        if common:
            shared = {**shared, **common}
            owns = [{k: v for k, v in own.items() if k not in common} for own in owns]
    size = max(1, settings.STORED_TEXT_BLOCK)
    out: list[dict] = []
    for start in range(0, len(owns), size):
        block = [{**own, BACK: start + k} if shared and start + k else dict(own)
                 for k, own in enumerate(owns[start: start + size])]
        if len(block) < 2:
            out.append(pack(shared, owns[start], start))
            continue
        head = {BLOCK: block}
        if start == 0 and shared:  # the shared values stay on the first paragraph itself, read by every other
            head.update({**shared, SHARED: sorted(shared)})
        out.append(head)
        out.extend({BLOCK_BACK: back} for back in range(1, len(block)))
    return out


def unpack(fields: dict, docnum: int, read: Callable[[int], dict]) -> dict:
    """A paragraph's stored fields with its document's shared ones merged in (`read` gives raw stored fields)."""
    if BLOCK_BACK in fields:
        back = fields[BLOCK_BACK]
        block = read(docnum - back).get(BLOCK) or ()
        own, head = (block[back] if back < len(block) else {}), None
    elif BLOCK in fields:
        own, head = fields[BLOCK][0], fields
    else:
        own, head = fields, fields
    if not any(marker in own for marker in _MARKERS) and (head is None or SHARED not in head):
        return own
    back = own.get(BACK)
    if back is not None:
        head = read(docnum - back)
    out = dict(_shared_values(head)) if head is not None else {}
    out.update((k, v) for k, v in own.items() if k not in _MARKERS)
    return out


def _shared_values(head: dict) -> dict:
    """A document head's shared values (remembered on the head: `read` hands out cached heads, read per hit)."""
    merged = head.get(_MERGED)
    if merged is None:
        merged = head[_MERGED] = {name: head[name] for name in head.get(SHARED, ()) if name in head}
    return merged
