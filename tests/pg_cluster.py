"""A throwaway PostgreSQL 15 primary and one streaming replica on free loopback ports, for the tests.

Runs as the current user, or as the `postgres` OS user when the tests run as root (PostgreSQL refuses root).
Without PostgreSQL binaries the tests that need it skip with a clear message, except under CI=true, where a
missing PostgreSQL is a failure: `.ci/run` installs it.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

BIN_DIRS = (Path("/usr/lib/postgresql/15/bin"),)
MISSING = ("PostgreSQL 15 NOT FOUND (initdb, pg_ctl, pg_basebackup): the PostgreSQL backend tests are SKIPPED. "
           "Install it with `apt-get install -y postgresql-15` (make test does this when run as root).")


def bin_dir() -> Path | None:
    """The folder holding initdb, pg_ctl and pg_basebackup, or None."""
    for folder in (*BIN_DIRS, *(Path(p) for p in os.environ.get("PATH", "").split(os.pathsep) if p)):
        if all((folder / name).exists() for name in ("initdb", "pg_ctl", "pg_basebackup", "postgres")):
            return folder
    return None


def free_port() -> int:
    """A loopback TCP port nobody listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    """One running PostgreSQL server: its data folder and port."""

    data: Path
    port: int

    @property
    def url(self) -> str:
        """A libpq URL as the superuser."""
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"


@dataclass
class Cluster:
    """A primary and one streaming replica, started and stopped by the tests."""

    root: Path
    bins: Path
    primary: Server | None = None
    replica: Server | None = None
    as_postgres: bool = field(default_factory=lambda: os.geteuid() == 0)

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        """A PostgreSQL program, as the postgres OS user when we are root."""
        command = [str(self.bins / args[0]), *args[1:]]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, check=check, capture_output=True, text=True, timeout=120)

    def start(self) -> "Cluster":
        """initdb, start the primary, base-backup a replica (-R: it follows the primary) and start it."""
        if self.as_postgres:
            shutil.chown(self.root, "postgres", "postgres")
        self.primary = Server(self.root / "primary", free_port())
        # --no-sync, a fast checkpoint for the base backup: a throwaway cluster (fsync=off too); saves seconds a start.
        self.run("initdb", "--no-sync", "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "-D", str(self.primary.data))
        with open(self.primary.data / "pg_hba.conf", "a", encoding="utf-8") as hba:
            hba.write("host replication all 127.0.0.1/32 trust\n")
        self._start(self.primary)
        self.replica = Server(self.root / "replica", free_port())
        self.run("pg_basebackup", "-h", "127.0.0.1", "-p", str(self.primary.port), "-U", "postgres",
                 "-D", str(self.replica.data), "-R", "-X", "stream", "--no-sync", "--checkpoint=fast")
        self._start(self.replica)
        return self

    def _start(self, server: Server) -> None:
        """pg_ctl start, waiting until it accepts connections."""
        options = f"-p {server.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off " \
                  f"-c synchronous_commit=off -c full_page_writes=off -c hot_standby_feedback=on"
        self.run("pg_ctl", "-w", "-t", "60", "-D", str(server.data), "-l", str(server.data / "log.txt"),
                 "-o", options, "start")

    def stop_replica(self) -> None:
        """Stop the replica at once (its clients see their connections drop)."""
        if self.replica is not None:
            self.run("pg_ctl", "-D", str(self.replica.data), "-m", "immediate", "-w", "stop", check=False)

    def start_replica(self) -> None:
        """Start the replica again."""
        assert self.replica is not None
        self._start(self.replica)

    def wait_replayed(self, timeout: float = 30.0) -> None:
        """Wait until the replica has replayed everything the primary has written."""
        import psycopg

        with psycopg.connect(self.primary.url, autocommit=True) as conn:
            target = conn.execute("SELECT pg_current_wal_insert_lsn()").fetchone()[0]
        deadline = time.monotonic() + timeout
        with psycopg.connect(self.replica.url, autocommit=True) as conn:
            while time.monotonic() < deadline:
                done = conn.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", (target,)).fetchone()[0]
                if done:
                    return
                time.sleep(0.05)
        raise TimeoutError("the replica did not catch up")

    def stop(self) -> None:
        """Stop both servers and remove their folders."""
        for server in (self.replica, self.primary):
            if server is not None and server.data.exists():
                self.run("pg_ctl", "-D", str(server.data), "-m", "fast", "-w", "stop", check=False)
        shutil.rmtree(self.root, ignore_errors=True)


def start_cluster() -> Cluster:
    """A started primary + replica in a new temporary folder (raises FileNotFoundError without PostgreSQL)."""
    bins = bin_dir()
    if bins is None:
        raise FileNotFoundError(MISSING)
    cluster = Cluster(Path(tempfile.mkdtemp(prefix="reportsearch-pg-")), bins)
    try:
        return cluster.start()
    except BaseException:
        cluster.stop()
        raise
