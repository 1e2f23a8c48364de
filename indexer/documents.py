"""Reading and annotating in one step: the Document a rebuild would index for a file, facets decided.

Reading PDFs and deciding facets is most of a rebuild from source files; with many files it runs in
`settings.READER_PROCS` forked processes, documents coming back in file order.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from . import settings
from .annotation_cache import AnnotationCache, content_key
from .children import can_fork, die_with_parent, note_own_threads
from .extract import document_sources, read_document
from .extract.guard import TooSlow, time_limit
from .facets import annotate
from .models import Document


def load_document(path: Path, given: dict[str, str] | None = None,
                  warnings: list[dict[str, str]] | None = None, cache: AnnotationCache | None = None) -> Document:
    """One file read and annotated (facets from the cache when its text was annotated before); an unreadable
    one comes back with its error and no facets."""
    doc = read_document(path, given, warnings)
    return doc if doc.error else annotate_within_limit(doc, cache)


def load_documents(sources: Iterable[Path], processes: int | None = None,
                   cache: AnnotationCache | None = None) -> Iterator[Document]:
    """Every file under the sources, read (manifests applied) and annotated, in order; unreadable ones keep
    their error. Many files are read by several processes."""
    items = list(document_sources(sources))
    processes = settings.READER_PROCS if processes is None else processes
    files = sum(1 for item in items if not isinstance(item, Document))
    if processes > 1 and files >= settings.PARALLEL_READ_MIN_FILES and can_fork():
        yield from _load_in_processes(items, processes, cache)
    else:
        yield from (_load(item, cache) for item in items)


def _load_in_processes(items: list, processes: int, cache: AnnotationCache | None = None) -> Iterator[Document]:
    """Items read by a pool of forked processes, in order, a few ahead (memory stays bounded). A file whose
    reading kills its process (a crash inside a PDF library) is reported and skipped; the rest go on."""
    ahead = processes * 4
    position = 0
    while position < len(items):
        before = set(threading.enumerate())
        with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork"),
                                 initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
            pending: deque = deque()
            try:
                while position < len(items) or pending:
                    while position < len(items) and len(pending) < ahead:
                        pending.append((position, pool.submit(_load, items[position], cache)))
                        note_own_threads(before)  # the pool's manager thread: segment writers may still fork
                        position += 1
                    index, future = pending.popleft()
                    yield future.result()
            except BrokenProcessPool:
                # Which in-flight file killed its reader is unknown: read each alone, in its own process.
                for index, _ in [(index, future), *pending]:
                    yield _load_alone(items[index], cache)
            finally:
                pool.shutdown(wait=True, cancel_futures=True)  # a build that stops early reads no further


def _load_alone(item, cache: AnnotationCache | None = None) -> Document:
    """One item read in a process of its own; a file that kills it comes back with the reason."""
    if isinstance(item, Document):
        return item
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
        try:
            return pool.submit(_load, item, cache).result()
        except BrokenProcessPool:
            return Document(path=str(item[0]), error="reading it crashed the reader process (a fault in the "
                                                     "file's parser); skipped")


def annotate_within_limit(doc: Document, cache: AnnotationCache | None = None) -> Document:
    """Fill a document's facets (from the cache when the same text was annotated before); one that takes too
    long is skipped with the reason."""
    key = content_key(doc) if cache is not None and cache.folder is not None else ""
    if key:
        doc.meta["annotation_key"] = key  # a full rebuild keeps the entries its files used
        if cache.restore(doc, key):
            return doc
    try:
        with time_limit(settings.MAX_FILE_SECONDS):
            annotate(doc)
    except TooSlow:
        doc.error = f"too slow: finding its facets took over {settings.MAX_FILE_SECONDS} s (the limit)"
    if key and not doc.error:
        cache.store(doc, key)
    return doc


def _load(item: Document | tuple, cache: AnnotationCache | None = None) -> Document:
    """One item of `document_sources`, read and annotated."""
    return item if isinstance(item, Document) else load_document(*item, cache=cache)
