"""Slow clients for the load test: connections that send a request a byte a second (slowloris), bounded in time.

They go to 127.0.0.1 only, and stop when the phase ends; the server must keep answering everyone else.
"""
from __future__ import annotations

import socket
import threading
import time

REQUEST = b"GET /search?q=caseloads HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 4000


class SlowClients:
    """`count` loopback connections, each sending one more byte of a never-ending request every `interval` s."""

    def __init__(self, port: int, count: int, interval: float = 1.0, max_seconds: float = 600.0):
        self.port, self.count, self.interval, self.max_seconds = port, count, interval, max_seconds
        self.sockets: list[socket.socket] = []
        self.refused = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._drip, daemon=True)

    def _connect(self) -> None:
        """Open the connections (a refused one is counted, not retried)."""
        for _ in range(self.count):
            try:
                sock = socket.create_connection(("127.0.0.1", self.port), timeout=5)
                sock.setblocking(False)
                self.sockets.append(sock)
            except OSError:
                self.refused += 1

    def _drip(self) -> None:
        """One byte per connection per interval, until stopped (or max_seconds)."""
        deadline = time.monotonic() + self.max_seconds
        position = 0
        while not self._stop.wait(self.interval) and time.monotonic() < deadline:
            byte = REQUEST[position % len(REQUEST):position % len(REQUEST) + 1]
            position += 1
            for sock in self.sockets:
                try:
                    sock.send(byte)
                except OSError:
                    pass  # closed by the server (its time-out) or full: either way not our problem

    def open_count(self) -> int:
        """Connections the server has not closed."""
        alive = 0
        for sock in self.sockets:
            try:
                alive += sock.recv(1, socket.MSG_PEEK) != b""
            except BlockingIOError:
                alive += 1
            except OSError:
                pass
        return alive

    def __enter__(self) -> "SlowClients":
        self._connect()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(5)
        for sock in self.sockets:
            sock.close()
