"""Open an index in a fresh process (nothing cached) and report open time, first query and memory.

Run by the benchmark as `python -m indexer.bench.probe ENGINE PATH QUERIES.json`; prints one JSON line:
open seconds, resident memory after the open, the first query's milliseconds (the first benchmark query's page),
and resident memory after every benchmark query has run once.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from indexer.quality.bench.queries import BenchQuery


def rss_mb() -> float:
    """This process's resident memory in MB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    return 0.0


def _import(name: str) -> None:
    """Load the engine's modules before the clock starts (interpreter and import time are not the open)."""
    if name == "reportsearch":
        from indexer import models, search  # noqa: F401
    elif name == "fts5":
        from indexer.quality.bench import fts  # noqa: F401
    elif name == "tantivy":
        from indexer.quality.bench import tantivy_engine  # noqa: F401
        import tantivy  # noqa: F401


def _engine(name: str, path: Path):
    """A function answering one BenchQuery's page on an opened index."""
    if name == "reportsearch":
        from indexer.models import SearchRequest
        from indexer.backends import open_backend

        index = open_backend(path)
        index.generation()  # opening = ready to answer (the server does this before taking requests)
        return lambda q: index.search(SearchRequest(q=q.text, severity=[q.grade] if q.grade else []))
    if name == "fts5":
        import sqlite3

        from indexer.quality.bench import fts

        db = sqlite3.connect(path)
        return lambda q: fts.search_page(db, q)
    if name == "tantivy":
        from indexer.quality.bench.tantivy_engine import TantivyPage

        page = TantivyPage(path)
        return page.search_page
    raise SystemExit(f"unknown engine {name!r}")


def probe(name: str, path: Path, queries: list[BenchQuery], all_queries: bool) -> dict:
    """Open, first query, then (optionally) the whole query set; times and memory."""
    _import(name)
    before = rss_mb()
    started = time.perf_counter()
    answer = _engine(name, path)
    opened = time.perf_counter() - started
    after_open = rss_mb()
    started = time.perf_counter()
    answer(queries[0])
    first = (time.perf_counter() - started) * 1000
    out = {"open_seconds": opened, "open_rss_mb": after_open - before, "rss_mb": after_open, "first_query_ms": first,
           "rss_after_first_mb": rss_mb()}
    if all_queries:
        for q in queries[1:]:
            answer(q)
        out["rss_after_queries_mb"] = rss_mb()
    return out


def main(argv: list[str]) -> None:
    name, path, queries_file = argv[:3]
    rows = json.loads(Path(queries_file).read_text(encoding="utf-8"))
    queries = [BenchQuery(r["kind"], tuple(r["words"]), r["phrase"], r["grade"]) for r in rows]
    print(json.dumps(probe(name, Path(path), queries, all_queries="--all" in argv)))


if __name__ == "__main__":
    main(sys.argv[1:])
