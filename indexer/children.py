"""Forked helper processes (segment writers, file readers): when forking is safe, and dying with the parent.

Forking copies only the calling thread; a lock another thread held stays locked in the child. A process may
fork when its only other threads are ones this project started for its own reader pool (they hold nothing
a child uses) — never inside a web server with request threads.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading

PR_SET_PDEATHSIG = 1
_OWN_THREADS: set[threading.Thread] = set()


def can_fork() -> bool:
    """True when every thread but the main one was started by this project's reader pool."""
    if not hasattr(os, "fork"):
        return False
    others = [t for t in threading.enumerate() if t is not threading.main_thread()]
    return all(t in _OWN_THREADS for t in others)


def note_own_threads(before: set[threading.Thread]) -> None:
    """Record the threads started since `before` as this project's own (a reader pool's manager threads)."""
    _OWN_THREADS.update(set(threading.enumerate()) - before)
    _OWN_THREADS.intersection_update(threading.enumerate())  # forget finished ones


def die_with_parent(parent: int) -> None:
    """In a freshly forked child of `parent`: ask the kernel for SIGKILL when the parent dies; exit if it
    already has."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:
        os._exit(1)  # the parent died between fork and prctl
