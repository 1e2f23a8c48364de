"""What earlier runs fetched: per source URL, the file written and its validators (ETag, Last-Modified).

Kept as JSON in the download folder, so a second run asks only "has it changed?" (a conditional request).
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from indexer import settings
from indexer.fetch.store import write_atomically


@dataclass
class Fetched:
    """One file as last fetched."""

    file: str
    etag: str = ""
    last_modified: str = ""
    size: int = 0
    sha256: str = ""
    fetched_at: str = ""


def state_path(folder: Path) -> Path:
    """The state file of a download folder."""
    return folder / settings.FETCH_STATE


def load(folder: Path) -> dict[str, Fetched]:
    """The state of a folder (empty when missing or unreadable: everything is then fetched again)."""
    try:
        data = json.loads(state_path(folder).read_text(encoding="utf-8"))
        return {url: Fetched(**entry) for url, entry in data.get("files", {}).items()}
    except (OSError, ValueError, TypeError, AttributeError):
        return {}


def save(folder: Path, state: dict[str, Fetched]) -> None:
    """Write the state atomically."""
    data = {"version": 1, "files": {url: asdict(entry) for url, entry in sorted(state.items())}}
    write_atomically(state_path(folder), json.dumps(data, indent=1).encode("utf-8"))
