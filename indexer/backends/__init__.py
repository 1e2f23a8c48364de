"""Search backends behind one contract (`indexer/contract.py`): the embedded index folder (the default) and
PostgreSQL.

`open_backend` is the one place the product opens an index; adding a backend is one package here and one entry
in `_BACKENDS`.
"""
from __future__ import annotations

import importlib
from pathlib import Path

from indexer.contract import (IndexBusy, IndexDamaged, IndexInvalid, IndexMissing, IndexWriter, ParagraphMissing,
                              SearchBackend)

__all__ = ["IndexBusy", "IndexDamaged", "IndexInvalid", "IndexMissing", "IndexWriter", "ParagraphMissing",
           "SearchBackend", "open_backend", "open_writer"]

# URL scheme -> module holding a reading and a writing class; "" is the embedded index folder.
_BACKENDS = {
    "": ("indexer.backends.embedded.backend", "EmbeddedBackend", "EmbeddedWriter"),
    "postgresql": ("indexer.backends.postgres", "open_reader", "open_writer"),
}


def open_backend(index_dir: Path | str | None = None, database: str | None = None, **options) -> SearchBackend:
    """The backend for a database URL when one is given (`postgresql://…`), else the embedded index folder."""
    return _open(1, index_dir, database, options)


def open_writer(index_dir: Path | str | None = None, database: str | None = None, **options) -> IndexWriter:
    """The writer for the same place `open_backend` reads."""
    return _open(2, index_dir, database, options)


def _open(which: int, index_dir, database: str | None, options: dict):
    """Import the backend's module and make its reading (1) or writing (2) class for the location."""
    scheme = database.split("://", 1)[0].split("+", 1)[0] if database else ""
    scheme = "postgresql" if scheme == "postgres" else scheme
    entry = _BACKENDS.get(scheme)
    if entry is None:
        known = ", ".join(f"{k}://" for k in _BACKENDS if k) or "none"
        raise ValueError(f"no search backend for {scheme}:// URLs (database backends: {known})")
    cls = getattr(importlib.import_module(entry[0]), entry[which])
    return cls(database, **options) if scheme else cls(index_dir, **options)
