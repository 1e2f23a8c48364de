"""Helpers shared by the facet tests: read and annotate a file, or a short article written in a test."""
from __future__ import annotations

from pathlib import Path

from indexer.ingest.extract import read_document
from indexer.ingest.annotate import annotate


def annotated(path: Path):
    """Read and annotate one file, as rebuild does."""
    doc = read_document(path)
    assert doc.error is None
    return annotate(doc)


def article(tmp_path, text, name="a.txt"):
    """Annotate a short article written in the test."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return annotated(path)


def article_at(tmp_path, url: str, text: str):
    """Annotate a short article written in the test and given `url` as its address."""
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    doc.url = url
    return annotate(doc)
