"""Per-file limits: a file too large or too slow to read is skipped with the reason, never stalls a build."""
from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class TooSlow(Exception):
    """Reading one file took longer than its time limit."""


def _on_alarm(signum, frame):
    raise TooSlow()


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TooSlow in the block after `seconds` (main thread only: elsewhere Python cannot interrupt it)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def size_problem(size: int, limit: int) -> str | None:
    """The reason a file of `size` bytes is skipped, or None."""
    if limit and size > limit:
        return f"too large: {size / 1e6:.1f} MB (limit {limit / 1e6:.0f} MB)"
    return None
