"""`reportsearch benchmark`: reportsearch against SQLite FTS5 on the same paragraphs and queries, in one run."""
from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from indexer import settings
from indexer.quality.bench import corpus, fts
from indexer.quality.bench.queries import BenchQuery, kind_group, sample_queries
from indexer.backends.embedded.write.build import build_from_documents
from indexer.models import SearchRequest
from indexer.backends import SearchBackend, open_backend

# Query shapes that must stay under a second the first time they run (timed on reportsearch only).
SHAPES = ('*a*', '*ing', 'safeguard*', '"requires improvement to be good"', '"the of"', '"to be"',
          " OR ".join(["children", "care", "council", "social", "workers", "leaders", "plans", "risk", "school",
                       "health", "court", "family", "support", "quality", "practice", "review", "staff", "help"]))


def percentile(values: list[float], pct: float) -> float:
    """The pct-th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(pct / 100 * (len(ordered) - 1))))] if ordered else 0.0


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def _request(q: BenchQuery) -> SearchRequest:
    return SearchRequest(q=q.text, severity=[q.grade] if q.grade else [])


_OPEN_PROBE = """
import json, sys, time
def rss():
    for line in open('/proc/self/status'):
        if line.startswith('VmRSS'):
            return int(line.split()[1]) / 1024
from indexer.backends import SearchBackend, open_backend
from indexer.models import SearchRequest
before = rss(); started = time.perf_counter()
index = open_backend(sys.argv[1]); index.generation()
opened = time.perf_counter() - started; after = rss()
started = time.perf_counter(); index.search(SearchRequest(q="children")); first = time.perf_counter() - started
print(json.dumps({"open_seconds": opened, "open_rss_mb": after - before, "rss_mb": after,
                  "first_query_ms": first * 1000, "rss_after_query_mb": rss()}))
"""


def measure_open(index_dir: Path) -> dict:
    """Open time and resident memory of a fresh process opening the index (so nothing is already cached)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(settings.PROJECT_ROOT),
                                                                     os.environ.get("PYTHONPATH")]))}
    out = subprocess.run([sys.executable, "-c", _OPEN_PROBE, str(index_dir)], capture_output=True, text=True,
                         env=env, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_queries(index: SearchBackend, db, queries: list[BenchQuery]) -> list[dict]:
    """Each query once on each engine (alternating, so both see the same machine load)."""
    rows = []
    for q in queries:
        started = time.perf_counter()
        ours = index.search(_request(q))
        ours_ms = _ms(started)
        started = time.perf_counter()
        theirs = fts.search_page(db, q)
        fts_ms = _ms(started)
        rows.append({"kind": q.kind, "query": q.text, "grade": q.grade, "ours_ms": ours_ms, "fts_ms": fts_ms,
                     "ours_total": ours.total, "fts_total": theirs["total"]})
    return rows


def summarise(rows: list[dict]) -> dict:
    """p50 / p95 per kind (the issue's four, and each word band) for both engines, and the p95 ratio."""
    kinds: dict[str, list[dict]] = {}
    for row in rows:
        kinds.setdefault(kind_group(row["kind"]), []).append(row)
        if kind_group(row["kind"]) != row["kind"]:
            kinds.setdefault("  " + row["kind"], []).append(row)
    kinds["all"] = rows
    out = {}
    for kind, group in kinds.items():
        ours = [r["ours_ms"] for r in group]
        theirs = [r["fts_ms"] for r in group]
        out[kind] = {"n": len(group), "ours_p50": statistics.median(ours), "ours_p95": percentile(ours, 95),
                     "fts_p50": statistics.median(theirs), "fts_p95": percentile(theirs, 95),
                     "ratio_p95": percentile(ours, 95) / max(percentile(theirs, 95), 1e-9)}
    return out


def time_shapes(index: SearchBackend) -> dict[str, float]:
    """First-run milliseconds of the awkward query shapes."""
    out = {}
    for text in SHAPES:
        started = time.perf_counter()
        index.search(SearchRequest(q=text))
        out[text if len(text) < 40 else text[:37] + "…"] = _ms(started)
    return out


def measure_update(index_dir: Path, source: Path, workdir: str) -> dict:
    """Seconds for `update` to make one new report searchable (a copy of the first PDF under a new name)."""
    import shutil

    from indexer.backends.embedded.write.update import update

    first = next(iter(sorted(source.glob("*.pdf"))), None)
    if first is None:
        return {"error": "no PDF in the source folder"}
    folder = Path(workdir) / "new-reports"
    folder.mkdir()
    shutil.copy(first, folder / "new-report.pdf")
    started = time.perf_counter()
    report = update([source, folder], index_dir)
    seconds = time.perf_counter() - started
    found = open_backend(index_dir).document("new-report.pdf") is not None
    return {"seconds": seconds, "changes": report.changes, "searchable": found, "paragraphs": report.paragraphs}


def run(source: Path, target_paragraphs: int, http: bool = False, log=print, workdir: Path | None = None,
        database_url: str | None = None) -> dict:
    """Build both engines from the cached corpus, then measure open, queries, shapes (and HTTP); with a database
    URL, the PostgreSQL backend as one more column (indexer/backends/postgres/bench.py)."""
    docs = corpus.load_corpus(source, log)
    copies = corpus.copies_for(docs, target_paragraphs)
    queries = sample_queries(docs)
    result: dict = {"source": str(source), "documents": len(docs) * copies, "copies": copies,
                    "queries": len(queries), "writer_procs": settings.WRITER_PROCS}
    if workdir is not None:
        Path(workdir).mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        index_dir = Path(tmp) / "index"
        log(f"building reportsearch: {len(docs)} documents x {copies} …")
        report = build_from_documents(corpus.scaled(docs, copies), index_dir, [str(source)])
        result["paragraphs"] = report.paragraphs
        result["build_seconds"] = report.seconds
        result["build_rate"] = report.paragraphs / max(report.seconds, 1e-9)
        result["build_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        log("building SQLite FTS5 …")
        db, fts_paragraphs, fts_seconds = fts.build(Path(tmp) / "fts.db", corpus.scaled(docs, copies))
        result["fts_build_rate"] = fts_paragraphs / max(fts_seconds, 1e-9)
        result["fts_paragraphs"] = fts_paragraphs
        log("opening in a fresh process …")
        result["open"] = measure_open(index_dir)
        index = open_backend(index_dir)
        index.warm(freeze=True)  # as `reportsearch serve` starts (its first query is measured by the open probe)
        log(f"running {len(queries)} queries once on each engine …")
        rows = run_queries(index, db, queries)
        result["kinds"] = summarise(rows)
        result["rows"] = rows
        result["shapes_ms"] = time_shapes(index)
        db.close()
        log("update with one new report …")
        result["update"] = measure_update(index_dir, source, tmp)
        if database_url:
            from indexer.quality.backends.postgres import bench as pg_bench

            measured = pg_bench.measure(database_url, corpus.scaled(docs, copies),
                                        [(q.kind, _request(q)) for q in queries], log)
            measured["kinds"] = pg_bench.summarise(measured.pop("rows"), kind_group)
            result["postgres"] = measured
        if http:
            from indexer.quality.bench.http import load_test
            log("HTTP load through waitress …")
            try:
                result["http"] = load_test(index_dir, [q.text for q in queries])
            except Exception as exc:  # noqa: BLE001 - keep the other measurements
                result["http"] = {"error": f"{type(exc).__name__}: {exc}"}
    return result


def format_result(result: dict) -> str:
    """The comparison as a readable table."""
    lines = [f"corpus: {result['source']} x {result['copies']} = {result['documents']} documents, "
             f"{result['paragraphs']} paragraphs; {result['queries']} distinct queries, each run once per engine",
             f"{'kind':22s} {'n':>3s} {'ours p50/p95 ms':>17s} {'FTS5 p50/p95 ms':>17s} {'p95 ratio':>9s}"]
    for kind, k in result["kinds"].items():
        lines.append(f"{kind:22s} {k['n']:3d} {k['ours_p50']:8.1f}/{k['ours_p95']:<8.1f} "
                     f"{k['fts_p50']:8.1f}/{k['fts_p95']:<8.1f} {k['ratio_p95']:9.2f}")
    lines.append(f"build from extracted text: {result['build_rate']:,.0f} paragraphs/s "
                 f"({result['build_seconds']} s, {result['writer_procs']} writer processes, validation included; "
                 f"peak RSS {result['build_peak_rss_mb']:,.0f} MB)   FTS5: {result['fts_build_rate']:,.0f} paragraphs/s "
                 f"(ratio {result['fts_build_rate'] / max(result['build_rate'], 1e-9):.1f}x)")
    if "postgres" in result:
        pg = result["postgres"]
        lines.append(f"PostgreSQL backend ({pg['paragraphs']} paragraphs): build {pg['build_rate']:,.0f} paragraphs/s "
                     f"({pg['build_seconds']} s, COPY + indexes + validation); page p50/p95 ms by kind: "
                     + ", ".join(f"{kind.strip()} {k['p50']:.0f}/{k['p95']:.0f}" for kind, k in pg["kinds"].items()))
    o = result["open"]
    lines.append(f"open (fresh process): {o['open_seconds']:.2f} s, +{o['open_rss_mb']:.0f} MB "
                 f"(process RSS {o['rss_mb']:.0f} MB); first query {o['first_query_ms']:.0f} ms, "
                 f"RSS after it {o['rss_after_query_mb']:.0f} MB")
    u = result.get("update", {})
    if "seconds" in u:
        lines.append(f"update, one new report ({u['changes']}): searchable={u['searchable']} in {u['seconds']:.2f} s")
    lines.append("first run of awkward shapes: " + ", ".join(f"{q} {ms:.0f} ms" for q, ms in
                                                              result["shapes_ms"].items()))
    if "error" in result.get("http", {}):
        lines.append(f"HTTP: {result['http']['error']}")
    elif "http" in result:
        h = result["http"]
        lines.append(f"HTTP ({h['workers']} process(es) x {h['threads']} threads, {h['clients']} clients, "
                     f"{h['seconds']:.0f} s): {h['requests_per_second']:.0f} requests/s, p50 {h['p50_ms']:.0f} ms, "
                     f"p95 {h['p95_ms']:.0f} ms, errors {h['errors']}"
                     + (f" {h['error_kinds']}" if h.get('error_kinds') else ""))
    return "\n".join(lines)
