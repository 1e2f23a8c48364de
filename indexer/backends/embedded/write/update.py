"""`reportsearch update`: index only the new, changed and removed files into a new generation, then switch.

The new generation starts as hard links to the current one's files (Whoosh never rewrites a finished
segment), removed and changed documents are deleted, new and changed ones go into one new segment, and the
persisted arrays are extended rather than recomputed. The same lock, validation and atomic switch as a rebuild.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from whoosh import index as whoosh_index

from indexer.ingest import filestate
from indexer import settings
from indexer.analysis import count_raw_words
from indexer.backends.embedded.write.build import BuildReport, _build_locked, add_documents, finish, invert_sequences
from indexer.backends.embedded.index.layout import (BUILD_INFO, GENERATION_PREFIX, current_generation,
                                                    read_build_info, remove_stale_builds)
from indexer.ingest.extract import (Unreadable, iter_sources, load_folder_metadata, read_document, read_documents,
                                    unreadable_document)
from indexer.backends.embedded.index.lock import RebuildLock
from indexer.models import Document
from indexer.backends.embedded.index.schema import build_schema
from indexer.backends.embedded.index.stored import BLOCK, BLOCK_BACK, unpack
from indexer.backends.embedded.index import arrays as persisted
from indexer.backends.embedded.postings.sequences import VOCAB, SequenceWriter
from indexer.backends.embedded.index.spelling import Speller, WordCounter
from indexer.stemming import ANALYSIS_VERSION
from indexer.backends.embedded.index import integrity
from indexer.backends.embedded.index.layout import MARKER, mark_own
from indexer.ingest.extract.unicode import source_path

# Stored-only fields a rebuild writes and an update never does (it stores each paragraph whole): an index
# from before them is still updated, not rebuilt.
UPDATE_NEVER_WRITES = {BLOCK, BLOCK_BACK}
_REWRITTEN = {BUILD_INFO, filestate.FILES, "words.json", persisted.FOLDER, MARKER, integrity.CHECKSUMS}


def update(sources: list[Path], index_dir: Path | None = None,
           progress: Callable[[Document, int], None] | None = None, *, allow_shrink: bool = False,
           follow_links: bool = False) -> BuildReport:
    """Bring the index in line with `sources`; a full rebuild when there is no index or it predates updates.

    Like a rebuild, refused (IndexShrinks) when it would lose most documents, unless `allow_shrink`."""
    index_dir = Path(index_dir) if index_dir is not None else settings.default_index()
    names = [str(Path(s).resolve()) for s in sources]
    with RebuildLock(index_dir):
        current = current_generation(index_dir)
        known = filestate.load(current) if current else None
        if current is None or known is None or persisted.load(current) is None \
                or not (current / persisted.FOLDER / VOCAB).exists() or not _has_every_field(current) \
                or read_build_info(current).get("analysis_version", 0) != ANALYSIS_VERSION \
                or not read_build_info(current).get("documents"):  # words analysed anew; an empty index
            return _build_locked(read_documents(sources, follow_links), index_dir, names, progress, allow_shrink)
        return _update_locked(sources, index_dir, current, known, names, progress, allow_shrink, follow_links)


def _has_every_field(current: Path) -> bool:
    """True when the index has every field this version writes: an index from before a new field (grade_change)
    is rebuilt, since adding a document with an unknown field would fail."""
    ix = whoosh_index.open_dir(str(current))
    try:
        return set(build_schema().names()) - UPDATE_NEVER_WRITES <= set(ix.schema.names())
    finally:
        ix.close()


def _plan(sources: list[Path], known: dict[str, dict],
          follow_links: bool = False) -> tuple[list[Path | Unreadable], list[str], dict]:
    """Files to read (new or changed), paths gone, and the known entries of unchanged files."""
    to_read, unchanged = [], {}
    seen = set()
    for item in iter_sources(sources, follow_links):
        path = str(item.path if isinstance(item, Unreadable) else item)
        seen.add(path)
        entry = known.get(path)
        if isinstance(item, Path) and entry and entry["signature"] == filestate.signature(item):
            unchanged[path] = entry
        else:
            to_read.append(item)
    gone = [p for p in known if p not in seen]
    return to_read, gone, unchanged


def _keeping_ids(documents, known: dict[str, dict]):
    """The documents, a changed file keeping the id (and so the URLs) it had."""
    for doc in documents:
        if source_path(doc) in known:
            doc.meta["doc_id"] = known[source_path(doc)]["doc_id"]
        yield doc


def _read(items: list[Path | Unreadable]):
    """Read the given files with their folders' manifests (as `read_documents` does for whole folders)."""
    manifests: dict[Path, dict] = {}
    for item in items:
        if isinstance(item, Unreadable):
            yield unreadable_document(item)
            continue
        warnings: list[dict[str, str]] = []
        if item.parent not in manifests:
            manifests[item.parent] = load_folder_metadata(item.parent, warnings)
        yield read_document(item, manifests[item.parent].get(item.name), warnings)


def _link_generation(current: Path, building: Path) -> None:
    """The current generation's Whoosh files, hard-linked (copied where links are impossible)."""
    for path in current.iterdir():
        if path.name in _REWRITTEN or not path.is_file():
            continue
        try:
            os.link(path, building / path.name)
        except OSError:
            shutil.copy2(path, building / path.name)


def _update_locked(sources: list[Path], index_dir: Path, current: Path, known: dict[str, dict], names: list[str],
                   progress, allow_shrink: bool = True, follow_links: bool = False) -> BuildReport:
    """The update itself, under the rebuild lock."""
    started = time.perf_counter()
    to_read, gone, unchanged = _plan(sources, known, follow_links)
    info = read_build_info(current)
    remove_stale_builds(index_dir)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    building = index_dir / f".building-{stamp}"
    building.mkdir()
    report = BuildReport(index_dir=str(index_dir), generation=GENERATION_PREFIX + stamp, sources=names,
                         warnings=list(info.get("warnings", [])))
    report.skipped = [s for s in info.get("skipped", []) if s["path"] in unchanged]
    report.changes = {"added": sum(str(getattr(i, "path", i)) not in known for i in to_read),
                      "changed": sum(str(getattr(i, "path", i)) in known for i in to_read), "removed": len(gone)}
    try:
        mark_own(building)
        _link_generation(current, building)
        old = persisted.load(current)
        words = WordCounter()
        words.counts.update(Speller.load(current).counts)
        sequences = SequenceWriter(building / persisted.FOLDER, previous=current / persisted.FOLDER)
        ix = whoosh_index.open_dir(str(building))
        writer = ix.writer(limitmb=settings.WRITER_LIMIT_MB, compound=False)
        deleted: list[np.ndarray] = []
        try:
            with ix.searcher() as searcher:
                for path in [*gone, *(str(getattr(i, "path", i)) for i in to_read)]:
                    doc_id = known.get(path, {}).get("doc_id")
                    if doc_id and "skipped" not in known[path]:
                        deleted.append(_forget(searcher, writer, doc_id, words))
            files = dict(unchanged)
            add_documents(writer, _keeping_ids(_read(to_read), known), report, words, files, sequences,
                          {e["doc_id"] for e in unchanged.values()}, progress)
        except BaseException:
            writer.cancel()
            sequences.cancel()
            raise
        writer.commit(merge=False)  # old segments keep their docnums, so the old arrays stay valid
        with ix.searcher() as searcher:
            reader = searcher.reader()
            new = persisted.compute(reader, searcher, start=old.size,
                                    names={n: i for i, n in enumerate(old.doc_names) if n})
            sequences.finish(new.doc_names, new.doc_ids, new.para_n, previous=current / persisted.FOLDER)
            invert_sequences(building / persisted.FOLDER, old.size, previous=current / persisted.FOLDER)
            merged = persisted.extend(old, new, np.concatenate(deleted) if deleted else np.zeros(0, np.int64))
            persisted.save(merged, building)
            report.documents = sum(1 for n in merged.doc_names if n)
            report.paragraphs = merged.size if merged.live is None else int(merged.live.sum())
        ix.close()
        finish(building, index_dir, report, words, files, started, allow_shrink)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return report


def _forget(searcher, writer, doc_id: str, words: WordCounter) -> np.ndarray:
    """Delete a document's paragraphs; their docnums, and their words taken off the spelling counts."""
    docnums = np.array(sorted(searcher.document_numbers(doc_id=doc_id)), dtype=np.int64)
    gone: dict[str, int] = {}
    for docnum in docnums.tolist():
        count_raw_words(gone, unpack(searcher.stored_fields(docnum), docnum, searcher.stored_fields).get("text", ""))
    for word, count in gone.items():
        left = words.counts.get(word, 0) - count
        if left > 0:
            words.counts[word] = left
        else:
            words.counts.pop(word, None)
    writer.delete_by_term("doc_id", doc_id)
    return docnums
