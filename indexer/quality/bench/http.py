"""Requests/s and latency through the real waitress server, with client threads on loopback."""
from __future__ import annotations

import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

from indexer import settings


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(server: subprocess.Popen, port: int, timeout: float = 120.0) -> None:
    """Poll the server until it answers (it opens the index on the first request)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server exited with status {server.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", "/search?q=children")
            conn.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("the server did not start")


def mixed_paths(queries: list, seed: int = 3) -> list[str]:
    """Search pages, filtered pages, page 2, JSON: what a session of users asks for, each path distinct.

    `queries` are BenchQuery (their grade becomes the severity filter) or plain strings."""
    rng = random.Random(seed)
    paths = []
    for i, q in enumerate(queries):
        text, grade = (q, None) if isinstance(q, str) else (q.text, q.grade)
        params = {"q": text}
        if grade:
            params["severity"] = grade
        if i % 7 == 2:
            params["page"] = "2"
        paths.append(("/search.json?" if i % 4 == 3 else "/search?") + urlencode(params))
    paths = list(dict.fromkeys(paths))
    rng.shuffle(paths)
    return paths


def load_test(index_dir: Path, queries: list, seconds: float = 30.0, clients: int = 8, workers: int = 2,
              threads: int = 4) -> dict:
    """Start `reportsearch serve`, warm it, then `clients` threads request the paths for `seconds`.

    Every path is requested once (clients take the next unused one), so no answer comes from the server's
    result cache; the run ends early when the paths run out."""
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(settings.PROJECT_ROOT),
                                                                     os.environ.get("PYTHONPATH")]))}
    server = subprocess.Popen([sys.executable, "-m", "indexer", "serve", "--index", str(index_dir), "--port",
                               str(port), "--threads", str(threads), "--workers", str(workers)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_until_up(server, port)
        paths = mixed_paths(queries)
        warm, paths = paths[:workers * 4], paths[workers * 4:]
        for path in warm:  # every worker opens the index before the clock starts (these are not timed)
            _request(http.client.HTTPConnection("127.0.0.1", port, timeout=30), path)
        latencies: list[float] = []
        errors = [0]
        kinds: dict[str, int] = {}  # what the errors were
        stop = time.monotonic() + seconds
        next_path = iter(paths)
        take = threading.Lock()

        def client() -> None:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            while time.monotonic() < stop:
                with take:
                    path = next(next_path, None)
                if path is None:
                    return
                started = time.perf_counter()
                problem = _request(conn, path)
                latencies.append((time.perf_counter() - started) * 1000)
                if problem:
                    errors[0] += 1
                    kinds[problem] = kinds.get(problem, 0) + 1
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

        started = time.monotonic()
        pool = [threading.Thread(target=client) for _ in range(clients)]
        for t in pool:
            t.start()
        for t in pool:
            t.join()
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    ordered = sorted(latencies)
    return {"workers": workers, "threads": threads, "clients": clients, "seconds": elapsed,
            "distinct_paths": len(paths), "requests": len(latencies),
            "requests_per_second": len(latencies) / elapsed,
            "p50_ms": statistics.median(ordered) if ordered else 0.0,
            "p95_ms": ordered[int(0.95 * (len(ordered) - 1))] if ordered else 0.0, "errors": errors[0],
            "error_kinds": kinds}


def _request(conn: http.client.HTTPConnection, path: str) -> str | None:
    """One GET; None on a 200, else what went wrong ("HTTP 500", "TimeoutError" …)."""
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return None if response.status == 200 else f"HTTP {response.status}"
    except OSError as error:
        return type(error).__name__
