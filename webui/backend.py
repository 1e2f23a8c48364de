"""The app's search backend handle, in its own module (as the Flask tutorial keeps its database handle)."""
from __future__ import annotations

from flask import current_app

from indexer.backends import SearchBackend, open_backend


def init_backend(app) -> None:
    """Open the configured backend once per app: a database URL when given, else the index folder."""
    database = app.config.get("DATABASE_URL") or None
    replicas = {"replicas": list(app.config.get("REPLICAS") or [])} if database else {}
    app.extensions["reportsearch"] = open_backend(index_dir=app.config["INDEX_DIR"], database=database, **replicas)


def get_backend() -> SearchBackend:
    """The app's backend."""
    return current_app.extensions["reportsearch"]
