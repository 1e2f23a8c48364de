"""Whoosh's writer processes die with the rebuild that started them (Linux: PR_SET_PDEATHSIG)."""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
from multiprocessing import util as mp_util

PR_SET_PDEATHSIG = 1
_parent_pid: int | None = None
_registered = False


class _Marker:
    """multiprocessing runs after-fork hooks only for live registered objects."""


_MARKER = _Marker()


def _die_with_parent(_marker: object) -> None:
    """In a freshly forked writer: ask the kernel for SIGKILL when the parent dies; exit if it already has."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if _parent_pid is not None and os.getppid() != _parent_pid:
        os._exit(1)  # the parent died between fork and prctl


def writers_die_with_this_process() -> None:
    """Make every multiprocessing child forked from now on die when this process dies."""
    global _parent_pid, _registered
    _parent_pid = os.getpid()
    if not _registered:
        mp_util.register_after_fork(_MARKER, _die_with_parent)
        _registered = True


def stop_writers(writer) -> None:
    """End a cancelled multi-process writer's children: Whoosh's cancel() only flags its own copy of them."""
    for task in getattr(writer, "tasks", []):
        if task.is_alive():
            task.terminate()
        task.join(timeout=5)
