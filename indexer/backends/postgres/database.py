"""Connections: one pool per server per process, reads routed to healthy replicas with fall-back to the primary.

Every read runs in one read-only transaction with a statement time-out. A replica that fails (down, too far
behind) is set aside for a few seconds and the read is retried on the next server, the primary last, so a replica
stopped under load costs no request. Writes use the primary only.
"""
from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

import psycopg
from psycopg_pool import ConnectionPool, PoolTimeout

from indexer import settings

T = TypeVar("T")
# A server that cannot be reached is handled here (fall-back, one-line errors): the pool's own retry warnings
# would print tracebacks-worth of noise on every command.
logging.getLogger("psycopg.pool").setLevel(logging.ERROR)
_LAGGING = ("SELECT pg_is_in_recovery() AND pg_last_wal_receive_lsn() IS DISTINCT FROM pg_last_wal_replay_lsn() "
            "AND now() - pg_last_xact_replay_timestamp() > make_interval(secs => %s)")


class DatabaseUnavailable(RuntimeError):
    """No server (replica or primary) could answer."""


@dataclass
class Server:
    """One server's pool and health: when it failed last."""

    url: str
    replica: bool
    pool: ConnectionPool | None = None
    failed_at: float = 0.0
    checked_at: float = 0.0  # when its replay lag was last checked
    lock: threading.Lock = field(default_factory=threading.Lock)

    def healthy(self) -> bool:
        """False for a while after a failure."""
        return time.monotonic() - self.failed_at >= settings.PG_REPLICA_RETRY_SECONDS

    def get_pool(self) -> ConnectionPool:
        """The pool, opened on first use (connections are made lazily, a server may be down at start)."""
        with self.lock:
            if self.pool is None:
                self.pool = ConnectionPool(self.url, min_size=0, max_size=settings.PG_POOL_MAX, open=True,
                                           timeout=settings.PG_STATEMENT_TIMEOUT_MS / 1000,
                                           # Never prepared: a generic plan ignores the query's words and the
                                           # candidate lists (seconds instead of milliseconds).
                                           kwargs={"connect_timeout": 3, "prepare_threshold": None},
                                           check=ConnectionPool.check_connection)
            return self.pool


class Database:
    """A primary and optional replicas."""

    def __init__(self, url: str, replicas: list[str] | tuple[str, ...] = ()):
        self.primary_server = Server(url, replica=False)
        self.replicas = [Server(r, replica=True) for r in replicas]
        self._turn = 0

    def display_url(self) -> str:
        """The primary's URL without its password (for reports and messages)."""
        from urllib.parse import urlsplit, urlunsplit

        parts = urlsplit(self.primary_server.url)
        host = parts.hostname or ""
        netloc = (f"{parts.username}@" if parts.username else "") + host + (f":{parts.port}" if parts.port else "")
        return urlunsplit((parts.scheme, netloc, parts.path, "", ""))

    @contextlib.contextmanager
    def primary(self) -> Iterator[psycopg.Connection]:
        """A connection to the primary for writing (not pooled: builds are long and rare)."""
        with psycopg.connect(self.primary_server.url, connect_timeout=10) as conn:
            yield conn

    def read(self, work: Callable[[psycopg.Connection], T], timeout_ms: int | None = None) -> T:
        """Run `work` in a read-only transaction on a healthy replica, else the primary; retried on the next
        server when one fails on the way."""
        last: Exception | None = None
        for server in self._order():
            try:
                return self._run(server, work, timeout_ms)
            except (psycopg.OperationalError, PoolTimeout) as exc:
                if isinstance(exc, psycopg.errors.QueryCanceled):
                    raise  # the request's own time-out: another server would take as long
                server.failed_at = time.monotonic()
                last = exc
        raise DatabaseUnavailable(f"no database server answered: {last}")

    def _order(self) -> list[Server]:
        """Healthy replicas in turn (spreading the load), then the primary."""
        healthy = [r for r in self.replicas if r.healthy()]
        if healthy:
            self._turn = (self._turn + 1) % len(healthy)
            healthy = healthy[self._turn:] + healthy[: self._turn]
        return [*healthy, self.primary_server]

    def _run(self, server: Server, work: Callable[[psycopg.Connection], T], timeout_ms: int | None) -> T:
        """One attempt on one server; a replica too far behind is refused (and set aside)."""
        with server.get_pool().connection() as conn:
            with conn.transaction():
                conn.execute("SET TRANSACTION READ ONLY")
                # A page's sorts and window passes in memory; no JIT (compiling costs more than a page runs).
                conn.execute("SELECT set_config('statement_timeout', %s, true), set_config('work_mem', %s, true), "
                             "set_config('jit', 'off', true)",
                             (str(timeout_ms or settings.PG_STATEMENT_TIMEOUT_MS), settings.PG_WORK_MEM))
                if server.replica and time.monotonic() - server.checked_at > 1.0:
                    # Behind = WAL received but not replayed for long (an idle primary makes no replica late).
                    if conn.execute(_LAGGING, (settings.PG_REPLICA_MAX_LAG_SECONDS,)).fetchone()[0]:
                        raise psycopg.OperationalError("the replica is too far behind the primary")
                    server.checked_at = time.monotonic()
                return work(conn)

    def close(self) -> None:
        """Close every pool."""
        for server in (self.primary_server, *self.replicas):
            if server.pool is not None:
                server.pool.close()
                server.pool = None

