"""The newest paragraphs a search matches, by document date: what an alert (Atom feed, `search --since`) lists."""
from __future__ import annotations

import datetime as dt
from collections import Counter

import numpy as np

from indexer import settings
from indexer.models import Hit, SearchRequest
from indexer.backends.embedded.read.execute import selection
from indexer.backends.embedded.read.results import make_hit


def date_key(day: dt.date) -> int:
    """A date as the index's yyyymmdd sort key."""
    return day.year * 10000 + day.month * 100 + day.day


def key_date(key: int) -> dt.date:
    """The index's yyyymmdd sort key as a date."""
    return dt.date(key // 10000, key // 100 % 100, key % 100)


def newest_paragraphs(gen, req: SearchRequest, since: dt.date | None = None, limit: int = 50) -> tuple[list[Hit], int]:
    """Matching paragraphs of dated documents, newest document first (paragraphs in reading order, a few per
    document); and the total.

    Paragraphs of undated documents are left out: an alert is about when something was published.
    """
    parsed, _, _, final = selection(gen, req)
    dated = final & (gen.dates > 0)
    if since is not None:
        dated &= gen.dates >= date_key(since)
    candidates = np.flatnonzero(dated)
    # Newest date first; within a date, by document then paragraph number (stable, reading order).
    order = candidates[np.lexsort((gen.para_n[candidates], gen.doc_ids[candidates], -gen.dates[candidates]))]
    out, per_document = [], Counter()
    for docnum in order:
        if len(out) == limit:
            break
        per_document[int(gen.doc_ids[docnum])] += 1
        if per_document[int(gen.doc_ids[docnum])] > settings.FEED_PARAGRAPHS_PER_DOCUMENT:
            continue  # one long new report must not push every other match out of the feed
        hit = make_hit(gen, int(docnum), parsed.marks, 0.0, 0, [])
        hit.date = key_date(int(gen.dates[docnum]))
        out.append(hit)
    return out, int(candidates.size)
