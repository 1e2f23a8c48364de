"""The PostgreSQL column of `reportsearch benchmark --database URL`: the same scaled corpus and queries, built
into a scratch database created beside the given one (and dropped after), timed page by page."""
from __future__ import annotations

import contextlib
import os
import statistics
import time
from collections.abc import Iterable, Iterator

import psycopg
from psycopg import conninfo, sql

from indexer.models import Document, SearchRequest
from indexer.backends.postgres import open_postgres


@contextlib.contextmanager
def scratch_database(url: str) -> Iterator[str]:
    """A new empty database on the server of `url` (the user's data is never touched), dropped afterwards."""
    name = f"reportsearch_bench_{os.getpid()}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield conninfo.make_conninfo(url, dbname=name)
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def measure(url: str, documents: Iterable[Document], requests: list[tuple[str, SearchRequest]],
            log=print) -> dict:
    """Build rate and per-query page times (kind, ms, total) of the PostgreSQL backend."""
    with scratch_database(url) as scratch:
        reader, writer = open_postgres(scratch)
        log("building PostgreSQL (COPY) …")
        started = time.perf_counter()
        report = writer.build_from_documents(documents, ["benchmark"])
        seconds = time.perf_counter() - started
        try:
            reader.warm()
        except psycopg.errors.QueryCanceled:
            pass
        log(f"running {len(requests)} queries on PostgreSQL …")
        rows = []
        for kind, req in requests:
            started = time.perf_counter()
            try:
                total = reader.search(req).total
            except psycopg.errors.QueryCanceled:  # over the statement time-out: counted at its time, marked
                total = "timeout"
            rows.append({"kind": kind, "query": req.q, "pg_ms": (time.perf_counter() - started) * 1000,
                         "pg_total": total})
        reader.db.close()
    return {"paragraphs": report.paragraphs, "build_seconds": round(seconds, 2),
            "build_rate": report.paragraphs / max(seconds, 1e-9), "rows": rows}


def summarise(rows: list[dict], group) -> dict[str, dict]:
    """p50 / p95 per kind group and overall."""
    kinds: dict[str, list[float]] = {}
    for row in rows:
        kinds.setdefault(group(row["kind"]), []).append(row["pg_ms"])
    kinds["all"] = [r["pg_ms"] for r in rows]
    out = {kind: {"n": len(ms), "p50": statistics.median(ms), "p95": _p95(ms)} for kind, ms in kinds.items()}
    out["all"]["timeouts"] = sum(1 for r in rows if r["pg_total"] == "timeout")
    return out


def _p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
