"""Writing into the download folder: whole files only (temporary name, then rename), and the manifest."""
from __future__ import annotations

import csv
import hashlib
import io
import os
import tempfile
from pathlib import Path

MANIFEST = "manifest.csv"
MANIFEST_COLUMNS = ("file", "url", "title", "published", "council_code", "council", "kind")
TEMP_PREFIX = ".part-"


def _umask() -> int:
    """The process's umask (read by setting it, then restoring it)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def temp_path(folder: Path, name: str) -> Path:
    """A temporary name beside the final one (same file system, so the rename is atomic), with the usual
    permissions rather than mkstemp's owner-only ones, so a server running as another user can read it."""
    handle, path = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{name}.", dir=folder)
    os.close(handle)
    os.chmod(path, 0o666 & ~_umask())
    return Path(path)


def place(temp: Path, final: Path) -> None:
    """Move a finished download into place in one step."""
    os.replace(temp, final)


def discard(temp: Path) -> None:
    """Remove a temporary file, if it is there."""
    temp.unlink(missing_ok=True)


def remove_leftovers(folder: Path) -> int:
    """Delete temporary files an interrupted run left; how many."""
    count = 0
    for path in folder.glob(TEMP_PREFIX + "*"):
        path.unlink(missing_ok=True)
        count += 1
    return count


def write_atomically(path: Path, data: bytes) -> None:
    """Write a small file whole: a reader sees the old content or the new, never half."""
    temp = temp_path(path.parent, path.name)
    try:
        with open(temp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        place(temp, path)
    except BaseException:
        discard(temp)
        raise


def sha256(path: Path) -> str:
    """A file's SHA-256, hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_manifest(folder: Path) -> tuple[list[str], dict[str, dict[str, str]]]:
    """An existing manifest's columns and rows by file (empty when there is none or it cannot be read)."""
    try:
        text = (folder / MANIFEST).read_text(encoding="utf-8-sig")
        reader = csv.DictReader(io.StringIO(text, newline=""))
        rows = {row["file"]: row for row in reader if row.get("file")}
        return list(reader.fieldnames or []), rows
    except (OSError, UnicodeDecodeError, csv.Error, KeyError):
        return [], {}


def write_manifest(folder: Path, rows: dict[str, dict[str, str]]) -> None:
    """Merge rows into the folder's manifest.csv (rows of other files kept while the file exists; other columns
    kept), written atomically."""
    columns, existing = read_manifest(folder)
    merged = {name: row for name, row in existing.items() if (folder / name).exists()}
    for name, row in rows.items():
        merged[name] = {**merged.get(name, {}), **row}
    fieldnames = list(dict.fromkeys([*MANIFEST_COLUMNS, *columns]))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fieldnames, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for name in sorted(merged):
        writer.writerow(merged[name])
    data = buffer.getvalue().encode("utf-8")
    try:
        if (folder / MANIFEST).read_bytes() == data:
            return  # unchanged: keep its time, so `update` does not re-read the folder's files
    except OSError:
        pass
    write_atomically(folder / MANIFEST, data)
