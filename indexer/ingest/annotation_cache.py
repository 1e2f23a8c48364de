"""Facets remembered by content: a file whose text is unchanged is never annotated twice.

The key is a hash of everything annotation reads (kind, title, URL, date, cover and body text) and of the
annotation code and data themselves, so a changed rule, gazetteer or outcomes table misses the cache. Entries
live in the index folder (`annotations/`), one small JSON file each, written atomically (forked readers share
the folder); a full rebuild removes the entries no file used.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from indexer import settings
from indexer.models import Document

FOLDER = "annotations"
# The Document fields annotation sets (paragraph councils are stored beside them).
FIELDS = ("council", "council_code", "year", "severity", "subjudgements", "grade_change", "facet_evidence",
          "outcomes", "confidence", "error")


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the annotation code and its data: a change to either starts a new cache."""
    digest = hashlib.sha1()
    package = settings.PACKAGE_DIR
    files = sorted((package / "ingest" / "annotate").glob("*.py")) + [
        package / n for n in ("grades.py", "stemming.py", "settings.py", "ingest/chunk.py", "ingest/documents.py")]
    for path in [*files, settings.GAZETTEER_CSV, settings.OUTCOMES_CSV]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def content_key(doc: Document) -> str:
    """The hash of what annotating this document reads."""
    digest = hashlib.sha1(code_fingerprint().encode())
    published = doc.published.isoformat() if doc.published else ""
    for part in (doc.kind, doc.title, doc.url, published, doc.meta.get("published_source", ""),
                 doc.meta.get("first_page_text", ""), doc.meta.get("raw_text", "")):
        digest.update(b"\x00" + str(part).encode("utf-8", "surrogatepass"))
    for para in doc.paragraphs:
        digest.update(b"\x01" + para.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


@dataclass(frozen=True)
class AnnotationCache:
    """The cache folder of one index (None: no caching)."""

    folder: Path | None

    @classmethod
    def of_index(cls, index_dir: Path) -> "AnnotationCache":
        """The cache kept in an index folder."""
        return cls(Path(index_dir) / FOLDER)

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def restore(self, doc: Document, key: str) -> bool:
        """Fill the document's facets from the cache; False on a miss (or an unreadable entry)."""
        if self.folder is None:
            return False
        try:
            saved = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        if len(saved.get("paragraph_councils", ())) != len(doc.paragraphs):
            return False
        for name in FIELDS:
            setattr(doc, name, saved[name])
        doc.published = dt.date.fromisoformat(saved["published"]) if saved["published"] else None
        for para, councils in zip(doc.paragraphs, saved["paragraph_councils"]):
            para.council = councils
        for para, listed in zip(doc.paragraphs, saved.get("paragraph_listed", ())):  # round 27
            para.listed = listed
        return True

    def store(self, doc: Document, key: str) -> None:
        """Remember an annotated document's facets (a failed write only costs the next build the work)."""
        if self.folder is None:
            return
        saved = {name: getattr(doc, name) for name in FIELDS}
        saved["published"] = doc.published.isoformat() if doc.published else None
        saved["paragraph_councils"] = [p.council for p in doc.paragraphs]
        if any(p.listed for p in doc.paragraphs):  # round 27: a long list's members (kept only where there are)
            saved["paragraph_listed"] = [p.listed for p in doc.paragraphs]
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(saved, ensure_ascii=False, default=str), encoding="utf-8")
            os.replace(tmp, path)
        except OSError:
            pass

    def prune(self, used: set[str]) -> int:
        """Remove entries whose key no file of the last full build had; how many were removed."""
        if self.folder is None or not self.folder.is_dir():
            return 0
        removed = 0
        for path in self.folder.glob("*/*.json"):
            if path.stem not in used:
                path.unlink(missing_ok=True)
                removed += 1
        return removed
