"""The real server under hostile conditions (a `reportsearch serve` process on 127.0.0.1, bounded in time):
a busy port, huge bodies, slow clients, a file truncated under it, a worker killed; it never dies or starves."""
from __future__ import annotations

import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from webui.loadtest import stop_process

from indexer.backends.embedded.write.build import rebuild
from indexer.backends.embedded.index.layout import current_generation

from tests.conftest import SEEDS, copy_index

pytestmark = pytest.mark.server


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(port: int, path: str, headers: dict | None = None, timeout: float = 10) -> tuple[int, bytes, dict]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read(), dict(response.getheaders())
    finally:
        conn.close()


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(stat[1]) == pid and stat[0] != "Z":
                found.append(int(entry.name))
    return found


class Server:
    """`reportsearch serve` in a child process, stopped (with its workers) at the end."""

    def __init__(self, index: Path, workers: int = 2, *extra: str):
        self.port = _free_port()
        self.log = open(index.parent / f"serve-{self.port}.log", "w+b")  # a file: a full pipe would stall it
        self.proc = subprocess.Popen([sys.executable, "-m", "indexer", "serve", "--index", str(index), "--port",
                                      str(self.port), "--workers", str(workers), "--threads", "4", *extra],
                                     stdout=self.log, stderr=self.log)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, self.output()
            try:
                if _get(self.port, "/about.json", timeout=2)[0] in (200, 503):
                    return
            except OSError:
                time.sleep(0.2)
        raise AssertionError("the server did not start: " + self.output())

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read().decode(errors="replace")

    def stop(self) -> None:
        stop_process(self.proc)
        self.log.close()


@pytest.fixture(scope="module")
def index(tmp_path_factory, seed_index):
    return copy_index(seed_index, tmp_path_factory.mktemp("hostile-server") / "index")


@pytest.fixture(scope="module")
def server(index):
    running = Server(index, 2)
    yield running
    running.stop()
    assert not _children(running.proc.pid)


def test_a_busy_port_is_one_line_and_never_says_serving(index, server):
    proc = subprocess.run([sys.executable, "-m", "indexer", "serve", "--index", str(index), "--port",
                           str(server.port)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and "Serving on" not in proc.stdout
    assert proc.stderr.strip().count("\n") == 0 and "already in use" in proc.stderr
    assert _get(server.port, "/search?q=children")[0] == 200  # the running one is untouched


@pytest.mark.parametrize("length", [64 * 1024 + 1, 50_000_000])
def test_a_get_with_a_huge_body_is_refused(server, length):
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(f"GET /search?q=children HTTP/1.1\r\nHost: x\r\nContent-Length: {length}\r\n\r\n".encode()
                     + b"x" * 1000)
        answer = sock.recv(200)
    assert answer.startswith(b"HTTP/1.1 413"), answer


def test_the_host_header_never_reaches_a_link(server):
    status, body, _ = _get(server.port, "/search.atom?q=children", {"Host": "evil.example"})
    assert status == 200 and b"evil.example" not in body
    status, _, headers = _get(server.port, "//search?q=children", {"Host": "evil.example"})
    assert "evil.example" not in headers.get("Location", "")


def test_normal_requests_are_answered_while_150_slow_clients_hang_on(server):
    from webui.slowclients import SlowClients

    with SlowClients(server.port, 150, interval=1.0, max_seconds=30) as slow:
        time.sleep(1.5)
        timings = []
        for _ in range(10):
            started = time.perf_counter()
            status = _get(server.port, "/search.json?q=social+workers", timeout=10)[0]
            timings.append(time.perf_counter() - started)
            assert status == 200
        assert slow.refused == 0 and slow.open_count() >= 140
    assert max(timings) < 5


def test_a_file_truncated_under_the_server_is_a_503_and_no_worker_dies(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "src")
    rebuild([tmp_path / "src"], tmp_path / "index")
    running = Server(tmp_path / "index", 2)
    try:
        workers = sorted(_children(running.proc.pid))
        assert len(workers) == 2
        for _ in range(6):
            assert _get(running.port, "/search.json?q=children")[0] == 200
        os.truncate(current_generation(tmp_path / "index") / "arrays" / "years.npy", 64)
        for _ in range(10):
            status, body, _ = _get(running.port, "/search.json?q=children")
            assert status == 503 and b"years.npy" in body
        assert sorted(_children(running.proc.pid)) == workers and running.proc.poll() is None
        rebuild([tmp_path / "src"], tmp_path / "index")
        assert all(_get(running.port, "/search.json?q=children")[0] == 200 for _ in range(6))
    finally:
        running.stop()


def test_a_killed_worker_is_replaced(tmp_path, index):
    running = Server(index, 2)
    try:
        first = sorted(_children(running.proc.pid))
        os.kill(first[0], signal.SIGKILL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            now = _children(running.proc.pid)
            if len(now) == 2 and first[0] not in now:
                break
            time.sleep(0.2)
        now = sorted(_children(running.proc.pid))
        assert len(now) == 2 and first[0] not in now
        assert all(_get(running.port, "/search.json?q=children")[0] == 200 for _ in range(8))
        assert "starting another" in running.output()
    finally:
        running.stop()
