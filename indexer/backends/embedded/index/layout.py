"""The index folder's layout: generations, the CURRENT pointer that names the live one, and each one's build.json."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

CURRENT = "CURRENT"
BUILD_INFO = "build.json"
GENERATION_PREFIX = "gen-"


def current_generation(index_dir: Path) -> Path | None:
    """The generation folder the CURRENT pointer names, or None when there is no built index."""
    pointer = Path(index_dir) / CURRENT
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except OSError:
        return None
    path = Path(index_dir) / name
    return path if path.is_dir() else None


def switch_to(index_dir: Path, generation: Path) -> None:
    """Point CURRENT at a finished generation with one atomic rename."""
    tmp = index_dir / f".{CURRENT}.{os.getpid()}"
    tmp.write_text(generation.name + "\n", encoding="utf-8")
    os.replace(tmp, index_dir / CURRENT)


def prune_old_generations(index_dir: Path, keep: Path) -> None:
    """Remove generations other than the new one and the one before it (a server may still read that)."""
    gens = sorted(p for p in index_dir.glob(GENERATION_PREFIX + "*") if p.is_dir() and p != keep)
    for old in gens[:-1]:
        shutil.rmtree(old, ignore_errors=True)


def remove_stale_builds(index_dir: Path) -> None:
    """Remove half-built generations of rebuilds that died (safe only under the rebuild lock)."""
    for stale in index_dir.glob(".building-*"):
        shutil.rmtree(stale, ignore_errors=True)


def read_build_info(generation: Path) -> dict:
    """The build.json of a generation."""
    try:
        return json.loads((generation / BUILD_INFO).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
