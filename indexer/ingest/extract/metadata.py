"""Given metadata (manifest.csv / manifest.jsonl in a folder, NAME.meta.json beside a file).

Bad metadata never stops a build: each problem becomes a warning for that file and the metadata is ignored.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from urllib.parse import urlsplit

from indexer.models import Document

MANIFEST_NAMES = ("manifest.csv", "manifest.jsonl")
# Only these keys are document metadata; anything else (e.g. grades) is not trusted input. A council_code
# (as `fetch` writes from its source) is used only where a report's cover names no council; `la_code` is not
# read, since the real reports' manifest holds the answers the facets are measured against.
_META_KEYS = ("title", "url", "published", "council_code")

Warnings = list[dict[str, str]]


def warn(warnings: Warnings | None, path: Path | str, reason: str) -> None:
    """Record a problem with a file that was worked around."""
    if warnings is not None:
        warnings.append({"path": str(path), "reason": reason})


def safe_url(url: str) -> str:
    """The URL when it is an absolute http(s) address, else '' (javascript:, data:, relative paths are dropped)."""
    url = (url or "").strip()
    parts = urlsplit(url) if url.isprintable() else None
    return url if parts and parts.scheme.lower() in ("http", "https") and parts.netloc else ""


def _read_manifest_text(path: Path, warnings: Warnings | None) -> str:
    """A manifest's text: UTF-8, or Windows-1252 with a warning."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        warn(warnings, path, "not UTF-8; read as Windows-1252")
        return data.decode("cp1252", errors="replace")


def _manifest_rows(path: Path, warnings: Warnings | None) -> list[dict]:
    """The rows of one manifest file; unreadable rows become warnings."""
    text = _read_manifest_text(path, warnings)
    if path.suffix == ".csv":
        try:
            return list(csv.DictReader(io.StringIO(text, newline="")))
        except csv.Error as exc:
            warn(warnings, path, f"unreadable CSV ({exc}); manifest ignored")
            return []
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            warn(warnings, path, f"line {number}: invalid JSON ({exc}); line ignored")
            continue
        if not isinstance(row, dict):
            warn(warnings, path, f"line {number}: not a JSON object; line ignored")
            continue
        rows.append(row)
    return rows


def load_folder_metadata(folder: Path, warnings: Warnings | None = None) -> dict[str, dict[str, str]]:
    """Per-file metadata from a manifest.csv / manifest.jsonl in a source folder."""
    rows: dict[str, dict[str, str]] = {}
    for name in MANIFEST_NAMES:
        path = folder / name
        if not path.is_file():
            continue
        try:
            found = _manifest_rows(path, warnings)
        except OSError as exc:
            warn(warnings, path, f"cannot read ({exc.strerror or exc}); manifest ignored")
            continue
        for row in found:
            if row.get("file"):
                rows[str(row["file"])] = {str(k): str(v) for k, v in row.items() if v and k}
    return rows


def sidecar_metadata(path: Path, warnings: Warnings | None = None) -> dict[str, str]:
    """Metadata from NAME.meta.json beside a file."""
    sidecar = path.with_name(path.name + ".meta.json")
    if not sidecar.exists():
        sidecar = path.with_suffix(".meta.json")
    if not sidecar.is_file():
        return {}
    try:
        data = json.loads(sidecar.read_bytes().decode("utf-8-sig"))
    except (OSError, ValueError) as exc:  # UnicodeDecodeError is a ValueError
        warn(warnings, sidecar, f"invalid JSON sidecar ({exc}); its metadata was ignored")
        return {}
    if not isinstance(data, dict):
        warn(warnings, sidecar, f"sidecar is a JSON {type(data).__name__}, not an object; its metadata was ignored")
        return {}
    return {str(k): str(v) for k, v in data.items() if v}


def _known_council(code: str) -> bool:
    """True for an ONS code in the gazetteer."""
    from indexer.ingest.annotate.gazetteer import authorities

    return code.strip() in authorities()


def apply_metadata(doc: Document, given: dict[str, str], warnings: Warnings | None = None) -> None:
    """Given metadata (manifest or sidecar) wins over what was inferred from the file."""
    given = dict(given)
    if given.get("url") and not safe_url(given["url"]):
        warn(warnings, doc.path, f"given url {given['url'][:80]!r} is not an http(s) address; ignored")
        given.pop("url")
    if given.get("council_code") and not _known_council(given["council_code"]):
        warn(warnings, doc.path, f"given council_code {given['council_code'][:20]!r} is not an English local "
                                 "authority's ONS code; ignored")
        given.pop("council_code")
    for key in _META_KEYS:
        if given.get(key):
            doc.meta[f"given_{key}"] = given[key]
    if given.get("title"):
        doc.title = given["title"]
    if given.get("url"):
        doc.url = given["url"]
    if given.get("published"):
        doc.meta["published"] = given["published"]
        doc.meta["published_source"] = "given metadata"
