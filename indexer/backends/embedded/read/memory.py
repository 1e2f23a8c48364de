"""Search buffers reused, not faulted in afresh: the C allocator keeps freed large blocks for the next search.

A search over hundreds of thousands of paragraphs makes a few dozen temporary arrays of a few megabytes. By
default glibc gives each such block its own fresh mapping from the system and returns it when freed, so every
search pays a page fault per 4 KB it writes (at 300k paragraphs, about half the ranking time of a frequent
word). Raising the mapping threshold and the trim threshold keeps freed blocks in the heap for the next search,
whose arrays are the same sizes. The memory kept is bounded by the largest search's temporaries and the trim
threshold. Linux with glibc only; elsewhere nothing changes.
"""
from __future__ import annotations

import ctypes
import sys

from indexer import settings

_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # mallopt parameters (malloc.h)
_MMAP_LIMIT = 32 << 20  # glibc refuses a mapping threshold above 32 MB on 64-bit systems
_applied: list[bool] = []


def keep_freed_buffers() -> bool:
    """Ask glibc to serve blocks below 32 MB from its heap and keep up to `settings.SEARCH_HEAP_KEEP_MB` of freed
    heap; once per process. True when it was applied."""
    if _applied:
        return _applied[0]
    _applied.append(_apply(settings.SEARCH_HEAP_KEEP_MB))
    return _applied[0]


def _apply(keep_mb: int) -> bool:
    """The two mallopt calls (nothing when `keep_mb` is 0 or the C library is not glibc)."""
    if keep_mb <= 0 or not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL("libc.so.6").mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    # Setting either also stops glibc adjusting the thresholds itself.
    return bool(mallopt(_M_MMAP_THRESHOLD, _MMAP_LIMIT)) and bool(mallopt(_M_TRIM_THRESHOLD, keep_mb << 20))
