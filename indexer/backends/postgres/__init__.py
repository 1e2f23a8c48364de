"""The PostgreSQL backend: every feature over a PostgreSQL primary, reads scaled out to streaming replicas.

Modules: layout (control schema, one schema per generation, the switch), rows (a Document as rows with an analysed
tsvector), writer (rebuild / update by COPY, validate, switch), query (what the user typed as SQL), reader (the
SearchBackend reads), matching (the best-match minimum), facets (selections and honest counts), pages (ranking and hits), significant (distinctive
words), database (pools, replica routing, time-outs), cli (the --database / --replica options), bench (the
benchmark's PostgreSQL column).
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from indexer.backends.postgres.database import Database, DatabaseUnavailable
    from indexer.backends.postgres.reader import PostgresBackend
    from indexer.backends.postgres.writer import PostgresWriter, RebuildRunning

__all__ = ["Database", "DatabaseUnavailable", "PostgresBackend", "PostgresWriter", "RebuildRunning", "open_postgres"]

# Loaded on first use (PEP 562): every command imports the `cli` hook of this package, and psycopg costs a fifth of
# a second that a command over the index folder should not pay.
_LAZY = {"Database": "database", "DatabaseUnavailable": "database", "PostgresBackend": "reader",
         "PostgresWriter": "writer", "RebuildRunning": "writer"}


def __getattr__(name: str):
    """The package's classes, imported from their modules when first asked for."""
    if name in _LAZY:
        return getattr(importlib.import_module(f"indexer.backends.postgres.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def open_postgres(database_url: str, replicas: list[str] | tuple[str, ...] = ()) -> tuple[PostgresBackend, PostgresWriter]:
    """A reader (replicas first, the primary as fall-back) and a writer (the primary) over one database."""
    from indexer.backends.postgres.database import Database
    from indexer.backends.postgres.reader import PostgresBackend
    from indexer.backends.postgres.writer import PostgresWriter

    database = Database(database_url, list(replicas))
    return PostgresBackend(database), PostgresWriter(database)


def open_reader(database_url: str, replicas: list[str] | tuple[str, ...] = ()) -> PostgresBackend:
    """The SearchBackend over a database (its replicas first, the primary as fall-back): for open_backend."""
    from indexer.backends.postgres.database import Database
    from indexer.backends.postgres.reader import PostgresBackend

    return PostgresBackend(Database(database_url, list(replicas)))


def open_writer(database_url: str, replicas: list[str] | tuple[str, ...] = ()) -> PostgresWriter:
    """The IndexWriter over a database (the primary only): for open_writer."""
    from indexer.backends.postgres.database import Database
    from indexer.backends.postgres.writer import PostgresWriter

    return PostgresWriter(Database(database_url, []))
