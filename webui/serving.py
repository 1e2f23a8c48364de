"""Serving with waitress in worker processes sharing one port (SO_REUSEPORT) and one index, under a supervisor.

Searches are numpy and Python: threads of one process share one core (the GIL); processes use them all.
The index's arrays are memory-mapped, so several processes share their pages instead of copying them.
The port is bound before anything says "Serving on" (a busy port is one clear error), and a worker that dies
is started again, so one fault never leaves the port unanswered.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import signal
import socket
import sys
import time
from collections.abc import Callable

from webui import settings

PR_SET_PDEATHSIG = 1


class _Stopping(Exception):
    """The supervisor was told to stop."""


class PortBusy(OSError):
    """The address is in use (or cannot be bound), with what to do."""


def server_limits() -> dict:
    """waitress settings chosen for this app (settings.py): many idle connections are cheap, bodies are not."""
    return {"connection_limit": settings.SERVER_CONNECTION_LIMIT, "channel_timeout": settings.SERVER_CHANNEL_TIMEOUT,
            "max_request_body_size": settings.SERVER_MAX_BODY_BYTES,
            "max_request_header_size": settings.SERVER_MAX_HEADER_BYTES, "cleanup_interval": 10,
            "asyncore_use_poll": True,  # select() fails past 1024 descriptors
            "backlog": settings.SERVER_BACKLOG, "expose_tracebacks": False, "ident": "reportsearch"}


def _listening_socket(host: str, port: int, shared: bool) -> socket.socket:
    """A listening TCP socket; with `shared`, several processes may listen on the same port."""
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if shared:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(settings.SERVER_BACKLOG)
    return sock


def bind(host: str, port: int, workers: int) -> list[socket.socket]:
    """One listening socket per worker, or PortBusy. A plain bind first: SO_REUSEPORT would otherwise share the
    port with another server of the same user without a word."""
    try:
        _listening_socket(host, port, False).close()
        return [_listening_socket(host, port, workers > 1) for _ in range(workers)]
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise PortBusy(exc.errno, f"port {port} on {host} is already in use: stop the other server "
                                      "or choose another --port") from None
        raise PortBusy(exc.errno, f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def _die_with_parent() -> None:
    """A worker ends when the process that started it ends (Linux)."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        except (OSError, AttributeError):
            pass


def _more_open_files() -> None:
    """Raise the soft limit on open files to the hard one: every thread's searcher keeps each index segment's
    files open (~20 per segment), and each connection is one more."""
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        wanted = hard if hard != resource.RLIM_INFINITY else max(soft, 65536)
        if soft != resource.RLIM_INFINITY and soft < wanted:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    except (ImportError, ValueError, OSError):
        pass


def _run_worker(make_app, sock: socket.socket, threads: int) -> None:
    """One waitress server on an already listening socket."""
    import waitress

    waitress.serve(make_app(), sockets=[sock], threads=threads, **server_limits())


def serve(make_app, host: str, port: int, threads: int, workers: int = 1,
          ready: Callable[[], None] | None = None) -> None:
    """Serve `make_app()` with waitress: `workers` processes x `threads` threads on one port.

    The port is bound first (PortBusy when it cannot be), then `ready()` is called (to say "Serving on"). With
    one worker it serves in this process; with more, this process supervises and restarts a worker that dies.
    """
    _more_open_files()
    workers = max(1, workers)
    sockets = bind(host, port, workers if hasattr(socket, "SO_REUSEPORT") else 1)
    if ready:
        ready()
    if len(sockets) == 1:
        _run_worker(make_app, sockets[0], threads)
        return
    _supervise(make_app, sockets, threads)


def _spawn(make_app, sock: socket.socket, threads: int) -> int:
    """Fork a worker serving on `sock`."""
    pid = os.fork()
    if pid == 0:
        try:
            _die_with_parent()
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            _run_worker(make_app, sock, threads)
        finally:
            os._exit(0)
    return pid


def _supervise(make_app, sockets: list[socket.socket], threads: int) -> None:
    """Keep one worker per socket alive until told to stop; a worker that dies is logged and restarted."""
    def stop(signum, frame):
        raise _Stopping()  # out of waitpid (which a handler that returns would resume)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    workers = {_spawn(make_app, sock, threads): sock for sock in sockets}
    restarts: list[float] = []
    try:
        while True:
            try:
                pid, status = os.waitpid(-1, 0)
            except ChildProcessError:
                return
            sock = workers.pop(pid, None)
            if sock is None:
                continue
            why = f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else f"exit {os.WEXITSTATUS(status)}"
            print(f"reportsearch: worker {pid} ended ({why}); starting another", file=sys.stderr, flush=True)
            restarts = [t for t in restarts if time.monotonic() - t < 60] + [time.monotonic()]
            if len(restarts) > 10 * len(sockets):
                time.sleep(1)  # a worker that dies at once every time must not spin the machine
            workers[_spawn(make_app, sock, threads)] = sock
    except _Stopping:
        pass
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        for pid in workers:
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        for pid in list(workers):
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass
