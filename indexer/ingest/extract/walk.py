"""Find the files under source folders; folders and links that cannot be followed are reported, not ignored."""
from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from indexer import settings
from indexer.ingest.extract.metadata import MANIFEST_NAMES

# A folder's own documentation is not part of the corpus.
_FOLDER_DOCS_RE = re.compile(r"^(readme|license|licence|changelog|sources)(\.[a-z]+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Unreadable:
    """A file or folder the walk could not read, with the reason (reported as skipped)."""

    path: Path
    reason: str


def _is_ignored(name: str) -> bool:
    """True for a file that is not a document: hidden, a manifest, a sidecar, the folder's own README."""
    return bool(name.startswith(".") or name in MANIFEST_NAMES or name.endswith(".meta.json")
                or _FOLDER_DOCS_RE.match(name))


def _is_candidate(name: str) -> bool:
    """True for a file name the indexer reads."""
    return not _is_ignored(name) and Path(name).suffix.lower() in settings.SUPPORTED_SUFFIXES


def unsupported_reason(name: str) -> str:
    """Why a file of another kind is skipped."""
    suffix = Path(name).suffix.lower()
    kinds = ", ".join(sorted(settings.SUPPORTED_SUFFIXES))
    return f"unsupported file kind {suffix or '(no extension)'}: only {kinds} files are read"


def _outside(path: Path, root: str) -> str | None:
    """Where a link under `root` leads when that is outside `root`, else None."""
    real = os.path.realpath(path)
    return None if real == root or real.startswith(root.rstrip(os.sep) + os.sep) else real


def _os_reason(exc: OSError) -> str:
    """A short reason for an OSError."""
    if exc.errno == errno.ELOOP:
        return "symlink loop"
    return exc.strerror or type(exc).__name__


def _walk_folder(folder: Path, seen: set[str], root: str, follow_links: bool) -> Iterator[Path | Unreadable]:
    """Files under one folder in sorted path order; symlinked folders followed once, and links out of the
    source root only with `follow_links` (else reported: a link must not expose a file outside the source)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield Unreadable(folder, f"unreadable folder: {_os_reason(exc)}")
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            is_dir, is_file = entry.is_dir(), entry.is_file()
        except OSError as exc:
            if _is_candidate(entry.name):
                yield Unreadable(path, _os_reason(exc))
            continue
        if not follow_links and (is_dir or is_file) and entry.is_symlink() and not _is_ignored(entry.name) \
                and _outside(path, root):
            yield Unreadable(path, "symbolic link to outside the source folder: not followed "
                                   "(--follow-links follows it)")
            continue
        if is_dir and not entry.name.startswith("."):
            real = os.path.realpath(path)
            if real in seen:
                yield Unreadable(path, "symlink loop: folder already visited")
                continue
            seen.add(real)
            yield from _walk_folder(path, seen, root, follow_links)
        elif is_file and _is_candidate(entry.name):
            yield path
        elif is_file and not _is_ignored(entry.name):
            yield Unreadable(path, unsupported_reason(entry.name))
        elif not is_dir and not is_file and entry.is_symlink() and _is_candidate(entry.name):
            yield Unreadable(path, _link_problem(path))


def _link_problem(path: Path) -> str:
    """Why a symlink does not lead to a file."""
    try:
        path.stat()
    except OSError as exc:
        return "broken symlink" if exc.errno == errno.ENOENT else _os_reason(exc)
    return "symlink to something that is not a file"


def iter_sources(sources: Iterable[Path], follow_links: bool = False) -> Iterator[Path | Unreadable]:
    """Every supported file under the given files and folders, in a stable order, and what could not be read
    (files of other kinds, and links out of a source folder unless `follow_links`, are reported)."""
    for source in sources:
        source = Path(source)
        if source.is_file():
            yield source if Path(source).suffix.lower() in settings.SUPPORTED_SUFFIXES \
                else Unreadable(source, unsupported_reason(source.name))
        elif source.is_dir():
            root = os.path.realpath(source)
            yield from _walk_folder(source, {root}, root, follow_links)
        else:
            yield Unreadable(source, "not found" if not source.is_symlink() else _link_problem(source))


def iter_files(sources: Iterable[Path], follow_links: bool = False) -> Iterator[Path]:
    """Every readable supported file under the given files and folders."""
    return (item for item in iter_sources(sources, follow_links) if isinstance(item, Path))
