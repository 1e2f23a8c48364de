"""The indexed file behind a document, for download: found from the index's own record, never from a request.

A request names a document id; the file's path comes from what the index stored for that document, must lie
under one of the folders the index was built from, and must still be a regular file.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from indexer import settings

# Saved web pages are served as their text, never rendered from this site (they may carry scripts).
CONTENT_TYPES = {"pdf": "application/pdf", "text": "text/plain", "html": "text/plain"}  # Flask adds charset=utf-8


@dataclass(frozen=True)
class SourceFile:
    """A file that may be served: where it is, its content type and the name to offer."""

    path: Path
    content_type: str
    name: str


def _candidates(stored: str, roots: list[Path]) -> list[Path]:
    """Where a stored path may be: as it is when absolute; else under the root whose tail it starts with
    (a build from `reports/` stored `reports/x.pdf`), then from the working directory."""
    path = Path(stored)
    if path.is_absolute():
        return [path]
    out = []
    for root in roots:
        for i in range(1, len(path.parts)):
            head = path.parts[:i]
            if root.parts[-len(head):] == head:
                out.append(root.joinpath(*path.parts[i:]))
    return [*out, Path.cwd() / path]


def _inside(path: Path, roots: list[Path]) -> bool:
    """True when the path is one of the roots or lies under one."""
    return any(path == root or root in path.parents for root in roots)


def source_file(stored_path: str, sources: list[str]) -> SourceFile | None:
    """The servable file for a document's stored path, or None (outside the indexed folders, gone, unknown kind)."""
    if not stored_path:
        return None
    roots = [Path(s).resolve() for s in sources]
    for candidate in _candidates(stored_path, roots):
        real = candidate.resolve()
        kind = settings.SUPPORTED_SUFFIXES.get(real.suffix.lower())
        if kind and _inside(real, roots) and real.is_file():
            return SourceFile(real, CONTENT_TYPES[kind], real.name)
    return None
