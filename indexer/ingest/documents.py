"""Reading and annotating in one step: the Document a rebuild would index for a file, facets decided.

Reading PDFs and deciding facets is most of a rebuild from source files; it runs in forked reader processes
(`settings.READER_PROCS` of them for many files), documents coming back in file order. Each reader runs under a
memory limit, so a file that would take all the memory is one skipped file, not a dead build.
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

from indexer import settings
from indexer.children import can_fork, die_with_parent, note_own_threads
from indexer.ingest.extract import document_sources, read_document
from indexer.ingest.extract.guard import TooSlow, time_limit
from indexer.ingest.annotate import annotate
from indexer.ingest.annotation_cache import AnnotationCache, content_key
from indexer.ingest.title_heading import head_with_title
from indexer.models import Document
from indexer.ingest.extract.unicode import repair_document


def load_document(path: Path, given: dict[str, str] | None = None,
                  warnings: list[dict[str, str]] | None = None, cache: AnnotationCache | None = None) -> Document:
    """One file read and annotated (facets from the cache when its text was annotated before); an unreadable
    one comes back with its error and no facets."""
    doc = read_document(path, given, warnings)
    return doc if doc.error else annotate_within_limit(doc, cache)


def load_documents(sources: Iterable[Path], processes: int | None = None, follow_links: bool = False,
                   cache: AnnotationCache | None = None) -> Iterator[Document]:
    """Every file under the sources, read (manifests applied) and annotated, in order; unreadable ones keep
    their error. Many files are read by several processes."""
    items = list(document_sources(sources, follow_links))
    processes = settings.READER_PROCS if processes is None else processes
    files = sum(1 for item in items if not isinstance(item, Document))
    if files and can_fork():
        # A few files are read by one child: the memory limit must not fall on the build itself.
        yield from _load_in_processes(items, processes if files >= settings.PARALLEL_READ_MIN_FILES else 1, cache)
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
                                 initializer=_start_reader, initargs=(os.getpid(),)) as pool:
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
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"), initializer=_start_reader,
                             initargs=(os.getpid(),)) as pool:
        try:
            return pool.submit(_load, item, cache).result()
        except BrokenProcessPool:
            limit = f" or its {settings.READER_MEMORY_BYTES / 1e9:.0f} GB memory limit" \
                if settings.READER_MEMORY_BYTES else ""
            return repair_document(Document(
                path=str(item[0]), error=f"reading it crashed the reader process (a fault in the file's parser"
                                         f"{limit}); skipped"))


def _start_reader(parent: int) -> None:
    """In a new reader process: die with the build, and live within the readers' memory limit."""
    die_with_parent(parent)
    limit_memory(settings.READER_MEMORY_BYTES)


def limit_memory(extra: int) -> None:
    """Cap this process's address space at what it uses now plus `extra` bytes (RLIMIT_AS; 0 = no cap)."""
    if not extra:
        return
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as statm:
            used = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        wanted = used + extra if hard == resource.RLIM_INFINITY else min(hard, used + extra)
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    except (ImportError, OSError, ValueError):
        pass  # not Linux: no cap


def annotate_within_limit(doc: Document, cache: AnnotationCache | None = None) -> Document:
    """Fill a document's facets (from the cache when the same text was annotated before); one that takes too
    long is skipped with the reason."""
    key = content_key(doc) if cache is not None and cache.folder is not None else ""
    if key:
        doc.meta["annotation_key"] = key  # a full rebuild keeps the entries its files used
        if cache.restore(doc, key):
            return _as_indexed(doc)
    try:
        with time_limit(settings.MAX_FILE_SECONDS):
            _annotate_opening(doc, settings.MAX_FACET_CHARS)
    except TooSlow:
        doc.error = f"too slow: finding its facets took over {settings.MAX_FILE_SECONDS} s (the limit)"
    if key and not doc.error:
        cache.store(doc, key)
    return _as_indexed(doc)


def _as_indexed(doc: Document) -> Document:
    """The page as the index gets it, after its facets (which read it as printed): the title over a body without
    headings (ROUND25_TITLE_HEADING)."""
    head_with_title(doc)
    return doc


def _annotate_opening(doc: Document, limit: int) -> None:
    """Facets from the document's paragraphs up to `limit` characters (all of them in any real report); the rest
    are indexed with the document's facets. A 10 MB one-line text took a minute of facet rules otherwise."""
    total, kept = 0, len(doc.paragraphs)
    for i, para in enumerate(doc.paragraphs):
        total += len(para.text)
        if limit and total > limit:
            kept = max(1, i)
            break
    if kept == len(doc.paragraphs):
        annotate(doc)
        return
    everything, doc.paragraphs = doc.paragraphs, doc.paragraphs[:kept]
    try:
        annotate(doc)
    finally:
        doc.paragraphs = everything


def _load(item: Document | tuple, cache: AnnotationCache | None = None) -> Document:
    """One item of `document_sources`, read and annotated; one that runs out of memory is skipped."""
    if isinstance(item, Document):
        return item
    try:
        return load_document(*item, cache=cache)
    except MemoryError:
        return repair_document(Document(path=str(item[0]), error="too much memory: reading it needed more than "
                                                                 "the reader's memory limit"))
