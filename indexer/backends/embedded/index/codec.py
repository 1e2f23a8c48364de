"""Two small changes to how Whoosh writes and reads segments, installed on import (build and search import it).

1. Whoosh looks a field's length column up for every length it reads; for a field without one (NUMERIC)
   it asks the file system each time. A finished segment's files never change, so "no column" is kept.
2. Whoosh reads every posting's paragraph length back while writing, only to store per-block length
   bounds that its own block-max scoring uses. reportsearch ranks in numpy (indexer/ranking.py) and never
   uses Whoosh's scoring, so the codec skips those reads (the per-paragraph length columns are still written).
"""
from __future__ import annotations

from whoosh.codec import base, whoosh3


def _cached_reader(self, fieldname, column):
    """Whoosh's W3PerDocReader._cached_reader, also caching a missing column."""
    try:
        return self._readers[fieldname]
    except KeyError:
        reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
        self._readers[fieldname] = reader
        return reader


whoosh3.W3PerDocReader._cached_reader = _cached_reader
base.Codec.length_stats = False
