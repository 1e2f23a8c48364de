"""Reading and annotating in one step: the Document a rebuild would index for a file, facets decided."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from .extract import read_document, read_documents
from .facets import annotate
from .models import Document


def load_document(path: Path, given: dict[str, str] | None = None) -> Document:
    """One file read and annotated; an unreadable one comes back with its error and no facets."""
    doc = read_document(path, given)
    return doc if doc.error else annotate(doc)


def load_documents(sources: Iterable[Path]) -> Iterator[Document]:
    """Every file under the sources, read (manifests applied) and annotated; unreadable ones keep their error."""
    for doc in read_documents(sources):
        yield doc if doc.error else annotate(doc)
