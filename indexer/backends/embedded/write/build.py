"""Build a Whoosh index from folders of documents into a new generation, then switch to it atomically."""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import time
from collections.abc import Callable, Iterable
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from whoosh import index as whoosh_index

from indexer.ingest import filestate
from indexer import settings
from indexer.contract import BuildReport
from indexer.analysis import raw_words
from indexer.ingest.documents import annotate_within_limit, load_documents
from indexer.backends.embedded.index.layout import (BUILD_INFO, GENERATION_PREFIX, current_generation,  # noqa: F401
                                                    mark_own, prune_old_generations, read_build_info,
                                                    remove_stale_builds, switch_to)
from indexer.backends.embedded.index.lock import RebuildLock
from indexer.models import Document
from indexer.backends.embedded.index.schema import build_schema, join_facet
from indexer.backends.embedded.write.segments import BulkWriter, SegmentColumns
from indexer.backends.embedded.index.spelling import WordCounter
from indexer.backends.embedded.index.validate import validate_generation
from indexer.backends.embedded.index import integrity
from indexer.ingest.extract.unicode import source_path
from indexer.backends.embedded.write.shrink import check_shrink
from indexer.ingest.annotation_cache import AnnotationCache

if TYPE_CHECKING:  # imported where used: the search package imports this module
    from indexer.backends.embedded.postings.sequences import SequenceWriter

_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


def date_sort_key(doc: Document) -> int:
    """A sortable number for a document's date: yyyymmdd, mid-year when only the year is known."""
    if doc.published and (doc.year is None or doc.published.year == doc.year):
        return int(doc.published.strftime("%Y%m%d"))
    return doc.year * 10000 + 701 if doc.year else 0


def index_fields(doc: Document) -> Iterable[dict]:
    """The Whoosh documents for one Document: one per paragraph."""
    base = {
        "doc_id": doc.doc_id,
        "kind": doc.kind,
        "title": doc.title,
        "url": doc.url,
        "path": doc.path,
        "published": doc.published.isoformat() if doc.published else "",
        "date_sort": date_sort_key(doc),
        # Every NUMERIC column gets a value (0 = unknown): a segment with an empty column makes Whoosh misread it.
        "year": doc.year or 0,
        "outcome": json.dumps(doc.outcomes[0]) if doc.outcomes else "",
        "council_code": join_facet(doc.council_code),
        "year_confidence": doc.year_confidence or "",
        **{name: doc.subjudgements.get(name, "") for name in settings.SUBJUDGEMENT_FIELDS},
        "grade_change": join_facet(doc.grade_change),
    }
    grade_of = {s.council: s.grade for s in doc.subjects}
    for i, para in enumerate(doc.paragraphs):
        if i == 1:
            # The title is indexed once per document (search widens `title:` to the document), stored on all.
            base = {**base, "title": "", "_stored_title": doc.title}
        councils = para.council or doc.council
        # In a round-up, a paragraph about particular councils carries only their grades.
        grades = [grade_of[c] for c in councils if grade_of.get(c)] if para.council else doc.severity
        yield {**base, "id": f"{doc.doc_id}#{para.n}", "n": para.n, "heading": para.heading,
               "text": para.text, "council": join_facet(councils), settings.LISTED_FIELD: join_facet(para.listed),
               "severity": join_facet(dict.fromkeys(grades))}


def rebuild(sources: list[Path], index_dir: Path | None = None,
            progress: Callable[[Document, int], None] | None = None, *, allow_shrink: bool = False,
            follow_links: bool = False) -> BuildReport:
    """Index every document under `sources` into a fresh generation of `index_dir` and switch to it.

    A new generation with far fewer documents than the live one is refused (IndexShrinks) unless
    `allow_shrink`; links out of a source folder are followed only with `follow_links`.
    """
    index_dir = Path(index_dir) if index_dir is not None else settings.default_index()
    cache = AnnotationCache.of_index(index_dir)
    used: set[str] = set()

    def noting_keys(documents: Iterable[Document]) -> Iterator[Document]:
        for doc in documents:
            used.add(doc.meta.get("annotation_key", ""))
            yield doc
    report = build_from_documents(noting_keys(load_documents(sources, follow_links=follow_links, cache=cache)),
                                  index_dir, [str(Path(s).resolve()) for s in sources], progress,
                                  allow_shrink=allow_shrink)
    cache.prune(used)  # entries of files no longer in the sources (or of older annotation code)
    return report


def build_from_documents(documents: Iterable[Document], index_dir: Path, sources: list[str],
                         progress: Callable[[Document, int], None] | None = None, *,
                         allow_shrink: bool = True) -> BuildReport:
    """Index read documents (facets filled here) into a new generation, switched in only when complete.

    Raises RebuildLocked when another rebuild of the folder is running, IndexInvalid when the new
    generation fails validation or (unless `allow_shrink`) loses most documents; the old one stays in use.
    """
    index_dir = Path(index_dir)
    with RebuildLock(index_dir):
        return _build_locked(documents, index_dir, sources, progress, allow_shrink)


def _build_locked(documents: Iterable[Document], index_dir: Path, sources: list[str],
                  progress: Callable[[Document, int], None] | None, allow_shrink: bool = True) -> BuildReport:
    """The rebuild itself, under the folder's rebuild lock."""
    started = time.perf_counter()
    remove_stale_builds(index_dir)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    building = index_dir / f".building-{stamp}"
    building.mkdir()
    report = BuildReport(index_dir=str(index_dir), generation=GENERATION_PREFIX + stamp, sources=sources)
    try:
        mark_own(building)
        ix = whoosh_index.create_in(building, build_schema())
        from indexer.backends.embedded.index import arrays  # the search package imports this module
        from indexer.backends.embedded.postings.sequences import SequenceWriter

        words = WordCounter()
        sequences = SequenceWriter(building / arrays.FOLDER)
        # Segments are written through Whoosh's codec directly (write/segments/), non-compound: Whoosh
        # reads a compound segment's postings into memory at open (RSS grew with the index).
        writer = BulkWriter(ix, sequences.vocab)
        files: dict[str, dict] = {}
        try:
            add_documents(writer, documents, report, words, files, sequences, set(), progress)
            # The word sequences and their posting arrays need no segment file: they are written while a
            # forked process writes the last segment's postings (write/segments/bulk.py).
            writer.commit(meanwhile=lambda: _save_sequences(ix.schema, building, sequences, writer.kept))
            _save_arrays(ix, building, writer.kept)
        except BaseException:  # a full disk fails here as often as while adding: close every file
            writer.cancel()
            sequences.cancel()
            raise
        ix.close()
        finish(building, index_dir, report, words, files, started, allow_shrink)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return report


def add_documents(writer, documents: Iterable[Document], report: BuildReport, words: WordCounter,
                  files: dict[str, dict], sequences: SequenceWriter, seen_ids: set[str],
                  progress: Callable[[Document, int], None] | None) -> None:
    """Index read documents one by one under ids unique in the generation, reporting progress."""
    for doc in documents:
        _unique_doc_id(doc, seen_ids)
        add_document(writer, doc, report, words, files, sequences)
        if progress:
            progress(doc, report.paragraphs)


def add_document(writer, doc: Document, report: BuildReport, words: WordCounter, files: dict[str, dict],
                 sequences: SequenceWriter) -> None:
    """Index one read document's paragraphs (facets filled first), or record why it was skipped."""
    report.warnings.extend(doc.meta.get("warnings", []))
    if not doc.error and not doc.facet_evidence:
        annotate_within_limit(doc)
    if doc.error:
        report.skipped.append({"path": doc.path, "reason": doc.error})
    else:
        paragraphs, text_ids = [], []
        for fields_ in index_fields(doc):
            text_words = raw_words(fields_["text"])  # read once for the word sequences and the spelling counts
            text_ids.append(sequences.add(fields_["doc_id"], fields_["n"], text_words, fields_["heading"]))
            words.add_words(text_words)
            paragraphs.append(fields_)
        if isinstance(writer, BulkWriter):  # a rebuild's writer takes a document at once and reuses the word ids
            writer.add_paragraphs(paragraphs, text_ids)
        else:
            for fields_ in paragraphs:
                writer.add_document(**fields_)
        report.documents += 1
        report.paragraphs += len(doc.paragraphs)
    files[source_path(doc)] = {"signature": filestate.signature(source_path(doc)), "doc_id": doc.doc_id,
                       **({"skipped": doc.error} if doc.error else {})}


def finish(building: Path, index_dir: Path, report: BuildReport, words: WordCounter, files: dict[str, dict],
           started: float, allow_shrink: bool = True) -> None:
    """Write the side files, validate the new generation as the server will read it, and switch to it
    (not when it would lose most of the live one's documents, unless `allow_shrink`)."""
    check_shrink(index_dir, report.documents, allow_shrink)
    words.save(building)
    filestate.save(building, files)
    report.seconds = round(time.perf_counter() - started, 2)
    report.built_at = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    (building / BUILD_INFO).write_text(json.dumps(report.as_dict(), indent=2), encoding="utf-8")
    integrity.record(building)
    validate_generation(building, report.documents, report.paragraphs)
    final = index_dir / report.generation
    os.replace(building, final)
    switch_to(index_dir, final)
    prune_old_generations(index_dir, final)


def _save_sequences(schema, generation: Path, sequences: SequenceWriter, columns: SegmentColumns) -> None:
    """Write the word sequences (docnum order, from the columns the segment writers kept) and invert them."""
    from indexer.backends.embedded.index import arrays

    doc_ids, names, para_n = arrays.document_columns(schema, columns)
    sequences.finish(names, doc_ids, para_n)
    invert_sequences(generation / arrays.FOLDER, 0)


def _save_arrays(ix, generation: Path, columns: SegmentColumns) -> None:
    """Compute the arrays the server reads once, here, and write them beside the index (mapped at open)."""
    from indexer.backends.embedded.index import arrays

    with ix.searcher() as searcher:
        arrays.save(arrays.compute_from_columns(searcher.reader(), searcher, columns), generation)


def invert_sequences(folder: Path, first: int, previous: Path | None = None) -> None:
    """Posting arrays for the paragraphs from docnum `first` on, from their word sequences."""
    from indexer.backends.embedded.postings import inverted, sequences

    vocab, fields = sequences.load(folder)
    inverted.build_part(folder, fields, first, len(vocab), previous)


def _unique_doc_id(doc: Document, seen: set[str]) -> None:
    """Give a document whose file name is already taken in this build a numbered id ("a.pdf" -> "a~2.pdf")."""
    # Control characters (a newline in a file name) cannot travel in a URL path: /doc/<id> must find it.
    base = _CONTROL_RE.sub("_", doc.doc_id)
    candidate, n = base, 1
    while candidate in seen:
        n += 1
        stem, dot, suffix = base.rpartition(".")
        candidate = f"{stem}~{n}.{suffix}" if dot else f"{base}~{n}"
    seen.add(candidate)
    if candidate != doc.doc_id:
        doc.meta["doc_id"] = candidate
