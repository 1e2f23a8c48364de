"""The index folder's layout: generations, the CURRENT pointer that names the live one, and each one's build.json."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

CURRENT = "CURRENT"
PREVIOUS = "PREVIOUS"
BUILD_INFO = "build.json"
GENERATION_PREFIX = "gen-"
# Written into every generation (and half-built one) this project makes: housekeeping removes only folders
# that carry it, never a folder someone else put in the index directory.
MARKER = ".reportsearch-generation"


def _pointer(index_dir: Path, name: str) -> Path | None:
    """The generation a pointer file names, or None when it is missing, empty or names no generation folder."""
    try:
        value = (Path(index_dir) / name).read_text(encoding="utf-8").strip()
    except (OSError, ValueError):
        return None
    if not value.startswith(GENERATION_PREFIX) or "/" in value or "\\" in value:
        return None
    path = Path(index_dir) / value
    try:
        return path if path.is_dir() else None
    except OSError:  # a name too long for the file system
        return None


def current_generation(index_dir: Path) -> Path | None:
    """The generation folder the CURRENT pointer names, or None when there is no built index."""
    return _pointer(index_dir, CURRENT)


def pointer_problem(index_dir: Path) -> str | None:
    """Why CURRENT names no generation when generation folders exist (a damaged pointer), else None."""
    if current_generation(index_dir) is not None or not any(Path(index_dir).glob(GENERATION_PREFIX + "*")):
        return None
    try:
        value = (Path(index_dir) / CURRENT).read_text(encoding="utf-8").strip()
    except (OSError, ValueError) as exc:
        return f"the pointer {CURRENT} is unreadable ({type(exc).__name__})"
    return f"the pointer {CURRENT} is empty" if not value else f"the pointer {CURRENT} names no generation"


def mark_own(folder: Path) -> None:
    """Mark a new (half-built) generation folder as made by this project."""
    (Path(folder) / MARKER).write_text("made by reportsearch\n", encoding="utf-8")


def is_own(folder: Path) -> bool:
    """True for a folder this project made (it carries the marker)."""
    return (Path(folder) / MARKER).is_file()


def switch_to(index_dir: Path, generation: Path) -> None:
    """Point CURRENT at a finished generation with one atomic rename; PREVIOUS records the one it replaced."""
    before = current_generation(index_dir)
    if before is not None and before != generation:
        _write_pointer(index_dir, PREVIOUS, before.name)
    _write_pointer(index_dir, CURRENT, generation.name)


def _write_pointer(index_dir: Path, name: str, value: str) -> None:
    """Replace a pointer file atomically."""
    tmp = index_dir / f".{name}.{os.getpid()}"
    tmp.write_text(value + "\n", encoding="utf-8")
    os.replace(tmp, index_dir / name)


def prune_old_generations(index_dir: Path, keep: Path) -> None:
    """Remove this project's generations other than the new one and the one it replaced (a server may still
    read that); folders without the marker are never touched."""
    previous = _pointer(index_dir, PREVIOUS)
    for old in index_dir.glob(GENERATION_PREFIX + "*"):
        if old.is_dir() and not old.is_symlink() and old not in (keep, previous) and is_own(old):
            shutil.rmtree(old, ignore_errors=True)


def remove_stale_builds(index_dir: Path) -> None:
    """Remove this project's half-built generations of rebuilds that died (safe only under the rebuild lock)."""
    for stale in index_dir.glob(".building-*"):
        if stale.is_dir() and not stale.is_symlink() and is_own(stale):
            shutil.rmtree(stale, ignore_errors=True)


def read_build_info(generation: Path) -> dict:
    """The build.json of a generation."""
    try:
        return json.loads((generation / BUILD_INFO).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
