"""The benchmark corpus: documents extracted and annotated once, cached as JSONL, replayed at any scale."""
from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from indexer.ingest.documents import load_documents
from indexer.ingest.extract import iter_files
from indexer.models import Document, Paragraph

CACHE_DIR = Path(os.environ.get("REPORTSEARCH_CACHE", Path(tempfile.gettempdir()) / "reportsearch-cache"))
CACHE_VERSION = 2  # 2: grade_change kept


def _fingerprint(source: Path) -> str:
    """A key for a folder's content: every file's path, size and mtime, and the cache format."""
    digest = hashlib.sha1(f"v{CACHE_VERSION}".encode())
    for path in sorted(iter_files([source])):
        stat = path.stat()
        digest.update(f"{path}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


def doc_to_json(doc: Document) -> dict:
    """The fields a build reads from a Document, as JSON."""
    return {"path": doc.path, "kind": doc.kind, "title": doc.title, "url": doc.url,
            "published": doc.published.isoformat() if doc.published else None, "council": doc.council,
            "council_code": doc.council_code, "year": doc.year, "severity": doc.severity,
            "subjudgements": doc.subjudgements, "grade_change": doc.grade_change, "outcomes": doc.outcomes, "facet_evidence": doc.facet_evidence,
            "meta": {k: v for k, v in doc.meta.items() if k in ("doc_id", "warnings")},
            "paragraphs": [[p.n, p.text, p.heading, p.council] for p in doc.paragraphs]}


def doc_from_json(data: dict) -> Document:
    """A Document back from `doc_to_json` (facets already filled, so the build does not re-annotate it)."""
    fields = dict(data)
    fields["published"] = dt.date.fromisoformat(data["published"]) if data["published"] else None
    fields["paragraphs"] = [Paragraph(n=n, text=text, heading=heading, council=council)
                            for n, text, heading, council in data["paragraphs"]]
    fields["facet_evidence"] = data["facet_evidence"] or {"cached": True}
    return Document(**fields)


def load_corpus(source: Path, log=print) -> list[Document]:
    """The readable documents of a folder, extracted and annotated once and then read from the cache."""
    cache = CACHE_DIR / f"corpus-{_fingerprint(source)}.jsonl"
    if cache.exists():
        with cache.open(encoding="utf-8") as lines:
            return [doc_from_json(json.loads(line)) for line in lines]
    log(f"extracting {source} once (cached in {cache}) …")
    docs = [doc for doc in load_documents([source]) if not doc.error]
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    tmp = cache.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        for doc in docs:
            out.write(json.dumps(doc_to_json(doc), ensure_ascii=False) + "\n")
    os.replace(tmp, cache)
    return [doc_from_json(doc_to_json(d)) for d in docs]


def copies_for(docs: list[Document], target_paragraphs: int) -> int:
    """How many times the corpus is repeated to reach about `target_paragraphs`."""
    base = sum(len(d.paragraphs) for d in docs)
    return max(1, -(-target_paragraphs // max(base, 1)))


def scaled(docs: list[Document], copies: int) -> Iterator[Document]:
    """The corpus repeated `copies` times, each copy with its own document ids (streamed, never held)."""
    for i in range(copies):
        for doc in docs:
            clone = copy.copy(doc)
            clone.meta = {**doc.meta, "doc_id": f"{doc.doc_id}~{i}" if i else doc.doc_id}
            yield clone
