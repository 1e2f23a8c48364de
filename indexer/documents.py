"""Reading and annotating in one step: the Document a rebuild would index for a file, facets decided.

Reading PDFs and deciding facets is most of a rebuild from source files; with many files it runs in
`settings.READER_PROCS` forked processes, documents coming back in file order.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import settings
from .extract import document_sources, read_document
from .extract.guard import TooSlow, time_limit
from .facets import annotate
from .models import Document


def load_document(path: Path, given: dict[str, str] | None = None) -> Document:
    """One file read and annotated; an unreadable one comes back with its error and no facets."""
    doc = read_document(path, given)
    return doc if doc.error else annotate_within_limit(doc)


def load_documents(sources: Iterable[Path], processes: int | None = None) -> Iterator[Document]:
    """Every file under the sources, read (manifests applied) and annotated, in order; unreadable ones keep
    their error. Many files are read by several processes."""
    items = list(document_sources(sources))
    processes = settings.READER_PROCS if processes is None else processes
    files = sum(1 for item in items if not isinstance(item, Document))
    if processes > 1 and files >= settings.PARALLEL_READ_MIN_FILES and _can_fork():
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            yield from pool.imap(_load, items)
    else:
        yield from map(_load, items)


def annotate_within_limit(doc: Document) -> Document:
    """Fill a document's facets; one that takes too long is skipped with the reason."""
    try:
        with time_limit(settings.MAX_FILE_SECONDS):
            annotate(doc)
    except TooSlow:
        doc.error = f"too slow: finding its facets took over {settings.MAX_FILE_SECONDS} s (the limit)"
    return doc


def _load(item: Document | tuple) -> Document:
    """One item of `document_sources`, read and annotated."""
    if isinstance(item, Document):
        return item
    doc = read_document(*item)
    return doc if doc.error else annotate_within_limit(doc)


def _can_fork() -> bool:
    """Forking a process with other threads running (a web server's) could copy a held lock: never."""
    return hasattr(os, "fork") and threading.active_count() == 1
