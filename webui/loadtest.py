"""A bounded loopback load test: the real waitress server, threads of mixed queries, optionally during a rebuild."""
from __future__ import annotations

import http.client
import json
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import quote

import numpy as np

# A mix of what users ask: words, phrases, facets, sorts, wildcards, a typo, JSON, CSV, documents, /about.
QUERY_MIX = (
    "/search?q=caseloads",
    "/search?q=%22missing+from+care%22",
    "/search?q=exploitation&severity=inadequate",
    "/search.json?q=supervision&sort=newest",
    "/search?q=council%3AMedway",
    "/search?q=safeguard*",
    "/search?q=casloads",
    "/search?q=social+workers&year_from=2015&per_page=50",
    "/search.csv?q=leadership",
    "/search?q=",
    "/about",
)


@dataclass
class LoadResult:
    """What one phase of the load test measured."""

    label: str
    threads: int
    requests: int = 0
    errors: int = 0
    seconds: float = 0.0
    requests_per_second: float = 0.0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    max_ms: float = 0.0
    statuses: dict[str, int] = field(default_factory=dict)
    error_samples: list[str] = field(default_factory=list)
    rebuild: dict | None = None  # exit code, seconds and generations when the phase ran during a rebuild


class LiveServer:
    """The web UI served by waitress on 127.0.0.1 on a free port, in a background thread."""

    def __init__(self, index_dir: Path, threads: int = 8):
        import waitress

        from webui import create_app

        from webui.serving import server_limits

        self.server = waitress.create_server(create_app({"INDEX_DIR": str(index_dir)}), host="127.0.0.1", port=0,
                                             threads=threads, **server_limits())
        self.port = self.server.effective_port
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        """waitress's loop, a poll at a time, so that stopping happens in this thread (no socket closed mid-poll)."""
        from waitress import wasyncore

        while not self._stop.is_set():
            wasyncore.loop(timeout=0.1, map=self.server._map, count=1)
        self.server.task_dispatcher.shutdown()
        wasyncore.close_all(self.server._map)

    def __enter__(self) -> "LiveServer":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(10)


def _doc_path(port: int) -> str | None:
    """A document page of the served index, for the mix."""
    status, body = _get_once(port, "/search.json?q=children")
    hits = json.loads(body).get("hits", []) if status == 200 else []
    return f"/doc/{quote(hits[0]['doc_id'])}?q=children" if hits else None


def _fetch(conn: http.client.HTTPConnection, path: str) -> tuple[int, bytes]:
    """GET one path on a kept-alive connection."""
    conn.request("GET", path)
    response = conn.getresponse()
    return response.status, response.read()


def _get_once(port: int, path: str) -> tuple[int, bytes]:
    """GET one path on a fresh connection, closed afterwards."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        return _fetch(conn, path)
    finally:
        conn.close()


def _generation(port: int) -> str | None:
    """The generation the server answers from."""
    status, body = _get_once(port, "/about.json")
    return json.loads(body).get("generation") if status == 200 else None


def run_load(port: int, threads: int = 4, seconds: float = 10.0, max_requests: int | None = None,
             label: str = "load", until: threading.Event | None = None) -> LoadResult:
    """Run `threads` clients of mixed queries for `seconds` (or until `until` is set, or `max_requests`)."""
    paths = list(QUERY_MIX)
    doc = _doc_path(port)
    if doc:
        paths.append(doc)
    latencies: list[float] = []
    statuses: Counter[str] = Counter()
    samples: list[str] = []
    lock = threading.Lock()
    budget = {"left": max_requests if max_requests is not None else float("inf")}
    deadline = time.perf_counter() + seconds

    def more() -> bool:
        with lock:
            if budget["left"] <= 0:
                return False
            budget["left"] -= 1
        if until is not None:
            return not until.is_set() or time.perf_counter() < deadline
        return time.perf_counter() < deadline

    def client(offset: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        i = offset
        while more():
            path = paths[i % len(paths)]
            i += 1
            started = time.perf_counter()
            try:
                status, _ = _fetch(conn, path)
                outcome = str(status)
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                status, outcome = 0, type(exc).__name__
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                statuses[outcome] += 1
                if status != 200 and len(samples) < 10:
                    samples.append(f"{path} -> {outcome}")
        conn.close()

    started = time.perf_counter()
    workers = [threading.Thread(target=client, args=(n * 3,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    wall = time.perf_counter() - started
    ms = np.array(latencies) * 1000 if latencies else np.zeros(1)
    errors = sum(n for s, n in statuses.items() if s != "200")
    return LoadResult(label=label, threads=threads, requests=len(latencies), errors=errors, seconds=round(wall, 2),
                      requests_per_second=round(len(latencies) / max(wall, 1e-9), 1),
                      p50_ms=round(float(np.percentile(ms, 50)), 1), p95_ms=round(float(np.percentile(ms, 95)), 1),
                      max_ms=round(float(ms.max()), 1), statuses=dict(statuses), error_samples=samples)


def load_during_rebuild(port: int, index_dir: Path, sources: list[Path], threads: int = 4,
                        min_seconds: float = 2.0) -> LoadResult:
    """Load the server while `reportsearch rebuild` runs on its index in another process (as in production)."""
    before = _generation(port)
    done = threading.Event()
    outcome: dict = {}

    def rebuild() -> None:
        started = time.perf_counter()
        args = [sys.executable, "-m", "indexer", "rebuild", "--quiet", "--index", str(index_dir)]
        for source in sources:
            args += ["--source", str(source)]
        proc = subprocess.run(args, capture_output=True, text=True)
        outcome.update(exit_code=proc.returncode, seconds=round(time.perf_counter() - started, 2),
                       stderr=proc.stderr[-500:])
        done.set()

    builder = threading.Thread(target=rebuild)
    builder.start()
    result = run_load(port, threads, seconds=min_seconds, label="during rebuild", until=done)
    builder.join()
    result.rebuild = {**outcome, "generation_before": before, "generation_after": _generation(port)}
    return result


class ServedProcess:
    """`reportsearch serve --workers N` on 127.0.0.1 on a free port, as a child process, stopped on exit."""

    def __init__(self, index_dir: Path, workers: int, threads: int = 8, timeout: float = 120.0):
        import socket

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.args = [sys.executable, "-m", "indexer", "serve", "--index", str(index_dir), "--port", str(self.port),
                     "--workers", str(workers), "--threads", str(threads)]
        self.timeout = timeout
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> "ServedProcess":
        import tempfile

        # A file, not a pipe: waitress logs its queue depth under load, and a full pipe would stall the server.
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(self.args, stdout=subprocess.DEVNULL, stderr=self.log)
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self.log.seek(0)
                raise RuntimeError(f"the server exited: {self.log.read().decode(errors='replace')[-500:]}")
            try:
                if _get_once(self.port, "/about.json")[0] == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        self.__exit__()
        raise RuntimeError(f"the server did not answer within {self.timeout:.0f} s")

    def __exit__(self, *exc) -> None:
        if self.proc and self.proc.poll() is None:
            stop_process(self.proc)
        self.log.close()


def load_with_slow_clients(port: int, slow: int, threads: int, seconds: float) -> LoadResult:
    """Normal clients' load while `slow` connections each send a byte a second."""
    from webui.slowclients import SlowClients

    with SlowClients(port, slow, max_seconds=seconds + 30) as drip:
        time.sleep(1.5)
        result = run_load(port, threads, seconds, label=f"{slow} slow open")
        result.statuses["slow_connected"] = drip.open_count()
        result.statuses["slow_refused"] = drip.refused
    return result


def run(index_dir: Path, threads: int = 4, seconds: float = 10.0, rebuild_from: list[Path] | None = None,
        server_threads: int = 8, workers: int = 0, slow_clients: int = 0) -> list[LoadResult]:
    """The whole test: load on the index, then (when asked) with slow clients connected, then (when sources
    are given) while it is rebuilt. `workers` > 0 loads a `serve --workers N` process instead of one in here."""
    server = ServedProcess(index_dir, workers, server_threads) if workers else LiveServer(index_dir, server_threads)
    with server:
        results = [run_load(server.port, threads, seconds, label="steady")]
        if slow_clients:
            results.append(load_with_slow_clients(server.port, slow_clients, threads, seconds))
        if rebuild_from:
            results.append(load_during_rebuild(server.port, index_dir, rebuild_from, threads, min_seconds=seconds))
    return results


def format_results(results: list[LoadResult]) -> str:
    """A short table for the terminal."""
    lines = [f"{'phase':<16}{'threads':>8}{'requests':>10}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}"
             f"{'errors':>8}"]
    for r in results:
        lines.append(f"{r.label:<16}{r.threads:>8}{r.requests:>10}{r.requests_per_second:>9}{r.p50_ms:>9}"
                     f"{r.p95_ms:>9}{r.max_ms:>9}{r.errors:>8}")
        lines += [f"  {sample}" for sample in r.error_samples]
        if r.rebuild:
            lines.append(f"  rebuild: exit {r.rebuild['exit_code']} in {r.rebuild['seconds']} s, served "
                         f"{r.rebuild['generation_before']} -> {r.rebuild['generation_after']}")
    return "\n".join(lines)


def as_dicts(results: list[LoadResult]) -> list[dict]:
    """JSON-friendly results."""
    return [asdict(r) for r in results]


def stop_process(proc: subprocess.Popen, grace: float = 15) -> None:
    """Ask a server process to stop, and kill it when it has not within `grace` seconds."""
    proc.terminate()
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
