"""Search backends behind one contract (`contract.py`): the embedded index folder (the default) and PostgreSQL.

`open_backend` is the one place the product opens an index; adding a backend is one package here and one entry
in `_BACKENDS`.
"""
from __future__ import annotations

import importlib
from pathlib import Path

from indexer.backends.contract import IndexDamaged, IndexMissing, ParagraphMissing, SearchBackend

__all__ = ["IndexDamaged", "IndexMissing", "ParagraphMissing", "SearchBackend", "open_backend"]

# URL scheme -> "module:factory"; a factory takes (location, **options) and returns a SearchBackend.
_BACKENDS = {
    "": "indexer.backends.embedded.backend:EmbeddedBackend",
}


def open_backend(index_dir: Path | str | None = None, database: str | None = None, **options) -> SearchBackend:
    """The backend for a database URL when one is given (`postgresql://…`), else the embedded index folder."""
    scheme = database.split("://", 1)[0].split("+", 1)[0] if database else ""
    if scheme == "postgres":
        scheme = "postgresql"
    target = _BACKENDS.get(scheme)
    if target is None:
        raise ValueError(f"no search backend for {scheme!r} URLs; known: {', '.join(k or 'an index folder' for k in _BACKENDS)}")
    module, name = target.split(":")
    factory = getattr(importlib.import_module(module), name)
    return factory(database, **options) if scheme else factory(index_dir, **options)
