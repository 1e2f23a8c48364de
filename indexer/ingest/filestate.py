"""Which source files a generation holds, by path and signature, so an update can index only what changed."""
from __future__ import annotations

import json
import os
from pathlib import Path

from indexer.ingest.extract import MANIFEST_NAMES

FILES = "files.json"


def _mtime(path: Path) -> int:
    """A file's modification time in ns, 0 when it does not exist."""
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return 0


def signature(path: Path | str) -> str:
    """Size and mtime of a file, its sidecar and its folder's manifests (metadata there changes the document)."""
    path = Path(path)
    try:
        stat = os.stat(path)
    except OSError:
        return "missing"
    extras = [_mtime(path.with_name(path.name + ".meta.json"))] + [_mtime(path.parent / m) for m in MANIFEST_NAMES]
    return ":".join(str(v) for v in (stat.st_size, stat.st_mtime_ns, *extras))


def save(generation: Path, files: dict[str, dict]) -> None:
    """Write path -> {signature, doc_id | skipped reason} beside a generation."""
    (Path(generation) / FILES).write_text(json.dumps(files, separators=(",", ":")), encoding="utf-8")


def load(generation: Path) -> dict[str, dict] | None:
    """The files a generation was built from, or None for a generation built before this was recorded."""
    try:
        return json.loads((Path(generation) / FILES).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
