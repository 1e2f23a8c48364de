"""One rebuild at a time per index folder: an OS file lock that dies with its holder, naming who holds it."""
from __future__ import annotations

from indexer.contract import IndexBusy

import datetime as dt
import fcntl
import json
import os
from multiprocessing import util as mp_util
from pathlib import Path

LOCK_FILE = ".rebuild.lock"


class RebuildLocked(IndexBusy):
    """Another rebuild of the same index folder is running."""


class RebuildLock:
    """Held for the whole of a rebuild; the kernel releases it when the holder exits, even after kill -9.

    A lock file left by a dead process is simply taken over: only a live holder keeps the OS lock.
    """

    def __init__(self, index_dir: Path):
        self.path = Path(index_dir) / LOCK_FILE
        self._fd: int | None = None

    def __enter__(self) -> "RebuildLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(fd)
            os.close(fd)
            raise RebuildLocked(f"another rebuild is running, pid {holder.get('pid', '?')}, started "
                                f"{holder.get('started', 'at an unknown time')} (lock {self.path})") from None
        info = {"pid": os.getpid(), "started": dt.datetime.now().astimezone().isoformat(timespec="seconds")}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode(), 0)
        self._fd = fd
        # Forked children (Whoosh's writers) must not keep the lock alive after this process lets go.
        mp_util.register_after_fork(self, RebuildLock._close_in_child)
        return self

    def _close_in_child(self) -> None:
        """In a forked child: drop the inherited descriptor (the parent's copy keeps the lock)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __exit__(self, *exc) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            os.close(self._fd)  # closing releases the lock
            self._fd = None


def _read_holder(fd: int) -> dict:
    """Who holds the lock, as its holder wrote it."""
    try:
        return json.loads(os.pread(fd, 4096, 0).decode() or "{}")
    except (OSError, ValueError):
        return {}
