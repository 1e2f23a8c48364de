"""A scripted HTTP server on loopback standing in for Ofsted's reports site and file store in tests.

Each path has a list of replies served in turn (the last one repeats); a reply can be a function of the
request's headers (for conditional requests) and can drop the connection part-way through a body.
"""
from __future__ import annotations

import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    """One scripted response."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    reset_after: int | None = None  # send this many body bytes, then reset the connection


ReplySpec = Reply | Callable[[dict[str, str]], Reply]


@dataclass
class Seen:
    """One request the server received."""

    path: str
    headers: dict[str, str]
    at: float


def html(body: str) -> Reply:
    """An HTML page."""
    return Reply(200, body.encode("utf-8"), {"Content-Type": "text/html; charset=utf-8"})


def pdf(data: bytes, etag: str = "", last_modified: str = "") -> ReplySpec:
    """A PDF that answers 304 to a matching If-None-Match (or If-Modified-Since) like a real file store."""
    def reply(headers: dict[str, str]) -> Reply:
        validators = {k: v for k, v in (("ETag", etag), ("Last-Modified", last_modified)) if v}
        if (etag and headers.get("if-none-match") == etag) or \
                (last_modified and not etag and headers.get("if-modified-since") == last_modified):
            return Reply(304, b"", validators)
        return Reply(200, data, {"Content-Type": "application/pdf", **validators})
    return reply


class LocalSite:
    """The server: `site.route(path, *replies)`, `site.url`, `site.seen`, `site.close()`."""

    def __init__(self):
        self.routes: dict[str, list[ReplySpec]] = {}
        self.seen: list[Seen] = []
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802 - the http.server API
                site._serve(self)

            def log_message(self, *args):  # quiet
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.handle_error = lambda request, address: None  # a reset we caused is no error
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def route(self, path: str, *replies: ReplySpec) -> None:
        """Serve these replies at `path` (exact, query included), in turn; the last one repeats."""
        with self._lock:
            self.routes[path] = list(replies)

    def requests_for(self, path: str) -> list[Seen]:
        """The requests received for one path."""
        return [s for s in self.seen if s.path == path]

    def _next(self, path: str) -> ReplySpec | None:
        """The reply due at a path."""
        with self._lock:
            replies = self.routes.get(path)
            if not replies:
                return None
            return replies.pop(0) if len(replies) > 1 else replies[0]

    def _serve(self, handler: BaseHTTPRequestHandler) -> None:
        """Answer one request from the script."""
        headers = {k.lower(): v for k, v in handler.headers.items()}
        self.seen.append(Seen(handler.path, headers, time.monotonic()))
        spec = self._next(handler.path)
        reply = Reply(404, b"<html><head><title>Not found</title></head><body>No such page</body></html>",
                      {"Content-Type": "text/html"}) if spec is None else spec(headers) if callable(spec) else spec
        handler.send_response(reply.status)
        for name, value in reply.headers.items():
            handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(reply.body)))
        handler.end_headers()
        if reply.reset_after is None:
            handler.wfile.write(reply.body)
            return
        handler.wfile.write(reply.body[: reply.reset_after])
        handler.wfile.flush()
        # SO_LINGER 0: close with a TCP reset, as a dropped connection looks to the client.
        handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        handler.connection.close()
        handler.close_connection = True

    def close(self) -> None:
        """Stop the server and its thread."""
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)
