"""A read-side shortcut for this project's searchers only (Whoosh's classes are never changed).

Whoosh looks a field's length column up for every length it reads; for a field without one (NUMERIC) it asks
the file system each time. A finished segment's files never change, so each of our searchers' per-document
readers remembers a missing column too. The change is made on those reader objects, not on Whoosh's class.
"""
from __future__ import annotations

import types


def _cached_reader(self, fieldname, column):
    """Whoosh's W3PerDocReader._cached_reader, also caching a missing column."""
    try:
        return self._readers[fieldname]
    except KeyError:
        reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
        self._readers[fieldname] = reader
        return reader


def remember_missing_columns(searcher):
    """The searcher, its segments' per-document readers caching missing columns (this searcher only)."""
    top = searcher.reader()
    for reader in getattr(top, "readers", None) or [top]:
        perdoc = getattr(reader, "_perdoc", None)
        if perdoc is not None and hasattr(perdoc, "_readers"):
            perdoc._cached_reader = types.MethodType(_cached_reader, perdoc)
    return searcher
