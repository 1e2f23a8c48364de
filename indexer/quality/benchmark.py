"""`reportsearch benchmark`: reportsearch against SQLite FTS5 and Tantivy on the same paragraphs and queries, in one run."""
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
from indexer.quality.bench import corpus, disk, fromfiles, fts, tantivy_engine
from indexer.quality.bench.agreement import agreement, explain, strict_total
from indexer.quality.bench.queries import BenchQuery, distinct_queries, kind_group, sample_queries
from indexer.backends.embedded.write.build import build_from_documents
from indexer.backends.embedded.index.layout import current_generation
from indexer.models import SearchRequest
from indexer.backends import SearchBackend, open_backend

# Query shapes that must stay under a second the first time they run (timed on reportsearch only).
SHAPES = ('*a*', '*ing', 'safeguard*', '"requires improvement to be good"', '"the of"', '"to be"',
          " OR ".join(["children", "care", "council", "social", "workers", "leaders", "plans", "risk", "school",
                       "health", "court", "family", "support", "quality", "practice", "review", "staff", "help"]))


HTTP_REQUESTS = 8000  # distinct paths for the HTTP load (more than 30 s of requests at ~200/s)


def percentile(values: list[float], pct: float) -> float:
    """The pct-th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(pct / 100 * (len(ordered) - 1))))] if ordered else 0.0


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def _request(q: BenchQuery) -> SearchRequest:
    return SearchRequest(q=q.text, severity=[q.grade] if q.grade else [])


def measure_open(engine: str, path: Path, queries: list[BenchQuery], all_queries: bool = True) -> dict:
    """Open time, first query and resident memory of a fresh process opening the index (nothing cached yet);
    with `all_queries`, memory after the whole query set too."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(settings.PROJECT_ROOT),
                                                                     os.environ.get("PYTHONPATH")]))}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump([{"kind": q.kind, "words": q.words, "phrase": q.phrase, "grade": q.grade} for q in queries], handle)
    try:
        out = subprocess.run([sys.executable, "-m", "indexer.quality.bench.probe", engine, str(path), handle.name,
                              *(["--all"] if all_queries else [])], capture_output=True, text=True, env=env, check=True)
    finally:
        os.unlink(handle.name)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_queries(index: SearchBackend, db, queries: list[BenchQuery], tantivy_page=None) -> list[dict]:
    """Each query once on each engine (one after the other, so all see the same machine load)."""
    rows = []
    for q in queries:
        started = time.perf_counter()
        ours = index.search(_request(q))
        ours_ms = _ms(started)
        started = time.perf_counter()
        theirs = fts.search_page(db, q)
        fts_ms = _ms(started)
        row = {"kind": q.kind, "query": q.text, "grade": q.grade, "ours_ms": ours_ms, "fts_ms": fts_ms,
               "ours_total": ours.total, "ours_strict": strict_total(ours), "fts_total": theirs["total"]}
        if tantivy_page is not None:
            started = time.perf_counter()
            row["tantivy_total"] = tantivy_page.search_page(q)["total"]
            row["tantivy_ms"] = _ms(started)
        rows.append(row)
    return rows


def summarise(rows: list[dict]) -> dict:
    """p50 / p95 per kind (the issue's four, and each word band) for every engine, and the p95 ratios."""
    kinds: dict[str, list[dict]] = {}
    for row in rows:
        kinds.setdefault(kind_group(row["kind"]), []).append(row)
        if kind_group(row["kind"]) != row["kind"]:
            kinds.setdefault("  " + row["kind"], []).append(row)
    kinds["all"] = rows
    out = {}
    for kind, group in kinds.items():
        entry = {"n": len(group)}
        for engine in ("ours", "fts", "tantivy"):
            times = [r[f"{engine}_ms"] for r in group if f"{engine}_ms" in r]
            if times:
                entry[f"{engine}_p50"] = statistics.median(times)
                entry[f"{engine}_p95"] = percentile(times, 95)
        entry["ratio_p95"] = entry["ours_p95"] / max(entry["fts_p95"], 1e-9)
        if "tantivy_p95" in entry:
            entry["tantivy_ratio_p95"] = entry["ours_p95"] / max(entry["tantivy_p95"], 1e-9)
        out[kind] = entry
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


def _timed_build(docs, copies: int, index_dir: Path, source: Path) -> tuple[int, float, float]:
    """Paragraphs, wall seconds of the whole build (validation and the switch included), and its own timer."""
    started = time.perf_counter()
    report = build_from_documents(corpus.scaled(docs, copies), index_dir, [str(source)])
    return report.paragraphs, time.perf_counter() - started, report.seconds


def run(source: Path, target_paragraphs: int, http: bool = False, log=print, workdir: Path | None = None,
        from_files: bool = False, with_tantivy: bool = True, database_url: str | None = None) -> dict:
    """Build every engine from the cached corpus, then measure open, queries, agreement, shapes (and HTTP); with a
    database URL, the PostgreSQL backend as one more column (indexer/backends/postgres/bench.py)."""
    docs = corpus.load_corpus(source, log)
    copies = corpus.copies_for(docs, target_paragraphs)
    queries = sample_queries(docs)
    with_tantivy = with_tantivy and tantivy_engine.available()
    result: dict = {"source": str(source), "documents": len(docs) * copies, "copies": copies,
                    "queries": len(queries), "writer_procs": settings.WRITER_PROCS, "tantivy": with_tantivy}
    if workdir is not None:
        Path(workdir).mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        if from_files:
            result["from_files"] = fromfiles.run(source, Path(tmp), log)
        index_dir = Path(tmp) / "index"
        log(f"building reportsearch: {len(docs)} documents x {copies} …")
        result["paragraphs"], result["build_seconds"], result["build_own_seconds"] = _timed_build(
            docs, copies, index_dir, source)
        result["build_rate"] = result["paragraphs"] / max(result["build_seconds"], 1e-9)
        result["build_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        log("building SQLite FTS5 …")
        db, fts_paragraphs, fts_seconds = fts.build(Path(tmp) / "fts.db", corpus.scaled(docs, copies))
        result["fts_build_rate"] = fts_paragraphs / max(fts_seconds, 1e-9)
        result["fts_paragraphs"] = fts_paragraphs
        generation = current_generation(index_dir)
        result["disk"] = {"ours": disk.size(generation), "fts": disk.size(Path(tmp) / "fts.db"),
                          "ours_parts": disk.breakdown(generation)}
        tantivy_page = None
        if with_tantivy:
            log("building Tantivy …")
            tantivy_paragraphs, tantivy_seconds = tantivy_engine.build(Path(tmp) / "tantivy",
                                                                       corpus.scaled(docs, copies))
            result["tantivy_build_rate"] = tantivy_paragraphs / max(tantivy_seconds, 1e-9)
            result["disk"]["tantivy"] = disk.size(Path(tmp) / "tantivy")
        log("opening each engine in a fresh process …")
        result["open"] = {"ours": measure_open("reportsearch", index_dir, queries),
                          "fts": measure_open("fts5", Path(tmp) / "fts.db", queries, all_queries=False)}
        if with_tantivy:
            result["open"]["tantivy"] = measure_open("tantivy", Path(tmp) / "tantivy", queries)
            tantivy_page = tantivy_engine.TantivyPage(Path(tmp) / "tantivy")
        index = open_backend(index_dir)
        index.warm(freeze=True)  # as `reportsearch serve` starts (its first query is measured by the open probe)
        log(f"running {len(queries)} queries once on each engine …")
        rows = run_queries(index, db, queries, tantivy_page)
        result["kinds"] = summarise(rows)
        result["rows"] = rows
        agreed = agreement(rows)
        by_text = {(q.text, q.grade): q for q in queries}
        result["agreement"] = {"engines": agreed["engines"], "queries": agreed["queries"], "agree": agreed["agree"],
                               "differ": [explain(r, by_text[(r["query"], r["grade"])], index, db, tantivy_page).__dict__
                                          for r in agreed["differ"]]}
        result["shapes_ms"] = time_shapes(index)
        db.close()
        log("update with one new report …")
        result["update"] = measure_update(index_dir, source, tmp)
        if database_url:
            from indexer.backends.postgres import bench as pg_bench

            measured = pg_bench.measure(database_url, corpus.scaled(docs, copies),
                                        [(q.kind, _request(q)) for q in queries], log)
            measured["kinds"] = pg_bench.summarise(measured.pop("rows"), kind_group)
            result["postgres"] = measured
        if http:
            from indexer.quality.bench.http import load_test
            log("HTTP load through waitress (distinct requests) …")
            try:
                result["http"] = load_test(index_dir, distinct_queries(docs, HTTP_REQUESTS))
            except Exception as exc:  # noqa: BLE001 - keep the other measurements
                result["http"] = {"error": f"{type(exc).__name__}: {exc}"}
    return result


def _mb(size: int) -> str:
    return f"{size / 1e6:,.1f} MB"


def format_result(result: dict) -> str:
    """The comparison as a readable table."""
    tv = result.get("tantivy")
    lines = [f"corpus: {result['source']} x {result['copies']} = {result['documents']} documents, "
             f"{result['paragraphs']} paragraphs; {result['queries']} distinct queries, each run once per engine, "
             f"each producing the same page (total, top 10 with snippets, council / year / grade counts)",
             f"{'kind':22s} {'n':>3s} {'ours p50/p95 ms':>17s} {'FTS5 p50/p95 ms':>17s} {'vs FTS5':>7s}"
             + (f" {'Tantivy p50/p95':>17s} {'vs Tantivy':>10s}" if tv else "")]
    for kind, k in result["kinds"].items():
        line = (f"{kind:22s} {k['n']:3d} {k['ours_p50']:8.1f}/{k['ours_p95']:<8.1f} "
                f"{k['fts_p50']:8.1f}/{k['fts_p95']:<8.1f} {k['ratio_p95']:7.2f}")
        if tv:
            line += f" {k['tantivy_p50']:8.1f}/{k['tantivy_p95']:<8.1f} {k['tantivy_ratio_p95']:10.2f}"
        lines.append(line)
    lines.append(f"build from extracted text: {result['build_rate']:,.0f} paragraphs/s "
                 f"({result['build_seconds']:.1f} s wall, validation and the switch included; "
                 f"{result['writer_procs']} writer processes; peak RSS {result['build_peak_rss_mb']:,.0f} MB)   "
                 f"FTS5: {result['fts_build_rate']:,.0f} paragraphs/s"
                 + (f"   Tantivy: {result['tantivy_build_rate']:,.0f} paragraphs/s" if tv else ""))
    if "postgres" in result:
        pg = result["postgres"]
        lines.append(f"PostgreSQL backend ({pg['paragraphs']} paragraphs): build {pg['build_rate']:,.0f} paragraphs/s "
                     f"({pg['build_seconds']} s, COPY + indexes + validation); page p50/p95 ms by kind: "
                     + ", ".join(f"{kind.strip()} {k['p50']:.0f}/{k['p95']:.0f}" for kind, k in pg["kinds"].items()))
    d = result["disk"]
    lines.append(f"disk: reportsearch {_mb(d['ours'])} ({d['ours'] / max(result['paragraphs'], 1):,.0f} B a "
                 f"paragraph), FTS5 {_mb(d['fts'])} (ours {d['ours'] / max(d['fts'], 1):.1f}x)"
                 + (f", Tantivy {_mb(d['tantivy'])} (ours {d['ours'] / max(d['tantivy'], 1):.1f}x)" if tv else ""))
    lines.append("  reportsearch by part: " + ", ".join(f"{name} {_mb(size)}" for name, size in d["ours_parts"].items()
                                                        if size))
    for engine, label in (("ours", "reportsearch"), ("fts", "FTS5"), ("tantivy", "Tantivy")):
        o = result["open"].get(engine)
        if o:
            lines.append(f"open {label} (fresh process): {o['open_seconds'] * 1000:,.0f} ms, +{o['open_rss_mb']:.0f} MB;"
                         f" first query {o['first_query_ms']:,.0f} ms"
                         + (f"; RSS after the query set {o['rss_after_queries_mb']:.0f} MB"
                            if "rss_after_queries_mb" in o else f"; RSS after it {o['rss_after_first_mb']:.0f} MB"))
    a = result["agreement"]
    lines.append(f"totals: {' / '.join(a['engines'])} agree on {a['agree']} of {a['queries']} queries "
                 f"(reportsearch's strict count: every word in the paragraph)")
    for item in a["differ"]:
        totals = ", ".join(f"{k} {v}" for k, v in item["totals"].items())
        lines.append(f"  {item['query']}{' + ' + item['grade'] if item['grade'] else ''}: {totals} — {item['reason']}")
        if item["example"]:
            lines.append(f"      {item['example']}")
    u = result.get("update", {})
    if "seconds" in u:
        lines.append(f"update, one new report ({u['changes']}): searchable={u['searchable']} in {u['seconds']:.2f} s")
    lines.append("first run of awkward shapes: " + ", ".join(f"{q} {ms:.0f} ms" for q, ms in
                                                              result["shapes_ms"].items()))
    if "from_files" in result:
        f = result["from_files"]
        for key, label in (("texts_cold", "rebuild --source <reports as .txt>, cold"),
                           ("texts_warm", "the same again, files unchanged"),
                           ("pdfs_cold", "rebuild --source <the PDFs> --source seeds, cold")):
            r = f[key]
            lines.append(f"{label}: {r['seconds']:.1f} s end to end ({r.get('cpu_seconds', 0):.1f} CPU s), "
                         f"{r['documents']} documents, {r['paragraphs']:,} paragraphs = {r['rate']:,.0f} paragraphs/s")
    if "error" in result.get("http", {}):
        lines.append(f"HTTP: {result['http']['error']}")
    elif "http" in result:
        h = result["http"]
        lines.append(f"HTTP ({h['workers']} process(es) x {h['threads']} threads, {h['clients']} clients, "
                     f"{h['seconds']:.0f} s, {h['requests']} requests, every one a distinct path, so none is "
                     f"answered from the result cache): {h['requests_per_second']:.0f} requests/s, "
                     f"p50 {h['p50_ms']:.0f} ms, p95 {h['p95_ms']:.0f} ms, errors {h['errors']}"
                     + (f" {h['error_kinds']}" if h.get('error_kinds') else ""))
    return "\n".join(lines)
