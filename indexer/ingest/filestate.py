"""Which source files a generation holds, by path and signature, so an update can index only what changed."""
from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

from indexer.ingest.extract import MANIFEST_NAMES, load_folder_metadata

FILES = "files.json"


def _mtime(path: Path) -> int:
    """A file's modification time in ns, 0 when it does not exist."""
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return 0


@lru_cache(maxsize=64)
def _manifest_rows(folder: Path, stamps: tuple[int, ...]) -> dict[str, str]:
    """File name -> a digest of its manifest row, for one state (`stamps`) of a folder's manifests."""
    rows = load_folder_metadata(folder)
    return {name: hashlib.sha1(json.dumps(row, sort_keys=True).encode("utf-8")).hexdigest()[:16]
            for name, row in rows.items()}


def signature(path: Path | str) -> str:
    """Size and mtime of a file and its sidecar, and its own manifest row (metadata there changes the document;
    a row added for another file does not, so fetching one new report re-reads one file, not the folder)."""
    path = Path(path)
    try:
        stat = os.stat(path)
    except OSError:
        return "missing"
    stamps = tuple(_mtime(path.parent / m) for m in MANIFEST_NAMES)
    row = _manifest_rows(path.parent, stamps).get(path.name, "") if any(stamps) else ""
    extras = [_mtime(path.with_name(path.name + ".meta.json")), row]
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
