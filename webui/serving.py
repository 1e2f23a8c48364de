"""Serving with waitress in one process, or several processes sharing one port (SO_REUSEPORT) and one index.

Searches are numpy and Python: threads of one process share one core (the GIL); processes use them all.
The index's arrays are memory-mapped, so several processes share their pages instead of copying them.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import socket
import sys

PR_SET_PDEATHSIG = 1


def _listening_socket(host: str, port: int, shared: bool) -> socket.socket:
    """A listening TCP socket; with `shared`, several processes may listen on the same port."""
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if shared:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(1024)
    return sock


def _die_with_parent() -> None:
    """A worker ends when the process that started it ends (Linux)."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        except (OSError, AttributeError):
            pass


def _more_open_files() -> None:
    """Raise the soft limit on open files to the hard one: every thread's searcher keeps each index segment's
    files open (~20 per segment), and a million paragraphs are 20 segments."""
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        wanted = hard if hard != resource.RLIM_INFINITY else max(soft, 65536)
        if soft != resource.RLIM_INFINITY and soft < wanted:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    except (ImportError, ValueError, OSError):
        pass


def serve(make_app, host: str, port: int, threads: int, workers: int = 1) -> None:
    """Serve `make_app()` with waitress: `workers` processes x `threads` threads on one port."""
    import waitress

    _more_open_files()
    workers = max(1, workers)
    if workers == 1 or not hasattr(socket, "SO_REUSEPORT"):
        waitress.serve(make_app(), host=host, port=port, threads=threads)
        return
    children = []
    for _ in range(workers - 1):
        pid = os.fork()
        if pid == 0:
            _die_with_parent()
            waitress.serve(make_app(), sockets=[_listening_socket(host, port, True)], threads=threads)
            os._exit(0)
        children.append(pid)
    try:
        waitress.serve(make_app(), sockets=[_listening_socket(host, port, True)], threads=threads)
    finally:
        for pid in children:
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
