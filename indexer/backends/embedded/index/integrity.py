"""Each generation's files, with their sizes and checksums recorded at build time and checked before serving.

A truncated memory-mapped file ends a process with SIGBUS on the first page fault past its end; so sizes are
checked before a generation is opened and before each request touches it, and checksums once when it is opened.
"""
from __future__ import annotations

import json
import time
import os
import zlib
from pathlib import Path

CHECKSUMS = "checksums.json"
_CHUNK = 1 << 22


class IndexDamaged(RuntimeError):
    """A generation whose files are missing, truncated or changed since it was built, with the reason."""


def _crc(path: Path) -> int:
    """The CRC-32 of a file's bytes."""
    crc = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            crc = zlib.crc32(chunk, crc)
    return crc


def _files(generation: Path) -> list[Path]:
    """Every file of a generation but the record itself, sorted."""
    return sorted(p for p in generation.rglob("*") if p.is_file() and p.name != CHECKSUMS)


def record(generation: Path) -> None:
    """Write the size and checksum of every file of a finished generation."""
    generation = Path(generation)
    files = {p.relative_to(generation).as_posix(): [p.stat().st_size, _crc(p)] for p in _files(generation)}
    (generation / CHECKSUMS).write_text(json.dumps(files, separators=(",", ":")), encoding="utf-8")


def recorded(generation: Path) -> dict[str, list[int]] | None:
    """relative path -> [size, crc32] as built, or None for a generation built before this record existed."""
    try:
        data = json.loads((Path(generation) / CHECKSUMS).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise IndexDamaged(f"its file list {CHECKSUMS} is unreadable ({exc})") from exc
    if not isinstance(data, dict):
        raise IndexDamaged(f"its file list {CHECKSUMS} is not a JSON object")
    return data


def check_sizes(generation: Path, files: dict[str, list[int]]) -> None:
    """Raise IndexDamaged when a recorded file is missing or has another size (one stat per file)."""
    folder = os.fspath(generation)
    for name, (size, _) in files.items():
        try:
            found = os.stat(os.path.join(folder, name)).st_size
        except OSError:
            raise IndexDamaged(f"the index file {name} is missing") from None
        if found != size:
            raise IndexDamaged(f"the index file {name} is {found:,} bytes, {size:,} when built (truncated or changed)")


def verify(generation: Path) -> dict[str, list[int]] | None:
    """Check sizes, then checksums, of every recorded file; the record (None when there is none)."""
    files = recorded(generation)
    if files is None:
        return None
    check_sizes(generation, files)
    for name, (_, crc) in files.items():
        if _crc(Path(generation) / name) != crc:
            raise IndexDamaged(f"the index file {name} has changed since it was built (checksum differs)")
    return files


class GenerationGuard:
    """A server's checks of its live generation: all files verified when it is opened, sizes before each use.

    A generation that fails is not retried for RETRY_SECONDS (verifying reads every file).
    """

    RETRY_SECONDS = 5.0

    def __init__(self, error: type[Exception]):
        self.error = error
        self._files: dict[Path, dict[str, list[int]] | None] = {}
        self._failed: dict[Path, tuple[float, str]] = {}

    def open(self, path: Path, opener):
        """Verify a generation and open it with `opener(path)`; raise `error` with the reason when it fails."""
        failed = self._failed.get(path)
        if failed and failed[1] and time.monotonic() - failed[0] < self.RETRY_SECONDS:
            raise self.error(failed[1])
        try:
            files = verify(path)
            opened = opener(path)
        except Exception as exc:  # noqa: BLE001 - whatever breaks the loader, the index is unusable
            detail = str(exc) if isinstance(exc, IndexDamaged) else f"it cannot be opened ({type(exc).__name__}: {exc})"
            reason = f"the index generation {path.name} is damaged: {detail}; run `reportsearch rebuild`"
            self._failed[path] = (time.monotonic(), reason)
            raise self.error(reason) from exc
        self._failed.pop(path, None)
        self._files = {path: files}
        return opened

    def still_whole(self, path: Path) -> None:
        """Raise `error` when a file of the open generation has lost or gained bytes since it was verified."""
        files = self._files.get(path)
        if files:
            try:
                check_sizes(path, files)
            except IndexDamaged as exc:
                raise self.error(f"the index generation {path.name} is damaged: {exc}; "
                                 "run `reportsearch rebuild`") from None

    def recheck(self, path: Path) -> str | None:
        """After an unexpected failure: every file of the generation verified again (at most once per
        RETRY_SECONDS); the reason it is damaged, or None."""
        failed = self._failed.get(path)
        if failed and time.monotonic() - failed[0] < self.RETRY_SECONDS:
            return failed[1] if failed[1] else None
        try:
            verify(path)
            reason = ""
        except IndexDamaged as exc:
            reason = f"the index generation {path.name} is damaged: {exc}; run `reportsearch rebuild`"
        self._failed[path] = (time.monotonic(), reason)
        return reason or None
