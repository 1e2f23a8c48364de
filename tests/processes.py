"""Child processes as Linux's /proc shows them (tests of forked writers and readers)."""
from __future__ import annotations

from pathlib import Path


def child_states(pid: int) -> dict[int, str]:
    """Process id -> state letter ("S", "R", "Z" …) of every process whose parent is `pid`."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found[int(stat.parent.name)] = fields[0]
    return found
