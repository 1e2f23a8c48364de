"""Writing to PostgreSQL: a rebuild or update builds a new generation beside the live one with COPY, validates
it, and switches to it in one transaction; the live generation serves until then. Writes go to the primary."""
from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from psycopg import sql

from indexer.ingest import filestate
from indexer import settings
from indexer.analysis import raw_words
from indexer.backends.embedded.write.build import _unique_doc_id
from indexer.ingest.documents import annotate_within_limit, load_documents
from indexer.models import Document
from indexer.backends.embedded.index.spelling import WordCounter
from indexer.backends.embedded.write.update import _keeping_ids, _plan, _read
from indexer.contract import BuildReport, IndexBusy, IndexDamaged
from indexer.backends.postgres import frequent, layout, phrases, postings
from indexer.backends.postgres.database import Database
from indexer.backends.postgres.rows import DocumentRows, FacetKeys, document_rows, iter_terms

LOCK_KEY = 0x7265706F  # the advisory lock one writer at a time holds ("repo")
_PARAGRAPH_COLUMNS = ("pid", "doc_idx", "n", "heading", "text", "council", settings.LISTED_FIELD, "severity", "year",
                      "date_sort", *settings.SUBJUDGEMENT_FIELDS, "grade_change", "length", "fkey", "tsv")
_FKEY = _PARAGRAPH_COLUMNS.index("fkey")


class RebuildRunning(IndexBusy):
    """Another rebuild or update of this database is running."""


class PostgresWriter:
    """Builds generations in a PostgreSQL database (IndexWriter)."""

    def __init__(self, database: Database):
        self.db = database

    def rebuild(self, sources: list[Path], progress: Callable[[Document, int], None] | None = None,
                allow_shrink: bool = False, follow_links: bool = False) -> BuildReport:
        """Every document of the sources, as a new generation."""
        return self.build_from_documents(load_documents(sources, follow_links=follow_links),
                                         [str(Path(s).resolve()) for s in sources], allow_shrink, progress)

    def build_from_documents(self, documents: Iterable[Document], sources: list[str], allow_shrink: bool = False,
                             progress: Callable[[Document, int], None] | None = None) -> BuildReport:
        """Read documents as a new generation, validated and switched in (RebuildRunning when one is)."""
        with self.db.primary() as conn, _writer_lock(conn):
            return self._build(conn, documents, sources, allow_shrink, progress)

    def update(self, sources: list[Path], progress: Callable[[Document, int], None] | None = None,
               allow_shrink: bool = False, follow_links: bool = False) -> BuildReport:
        """Only new, changed and removed files: unchanged documents are copied inside the database."""
        names = [str(Path(s).resolve()) for s in sources]
        with self.db.primary() as conn, _writer_lock(conn):
            live = layout.live_generation(conn)
            # a generation from before a paragraph column (round 27's council_listed) cannot be copied from: rebuilt
            if live is None or not layout.has_column(conn, live, "paragraphs", settings.LISTED_FIELD):
                return self._build(conn, load_documents(sources), names, True, progress)
            known = {p: {"signature": s, "doc_id": d, **({"skipped": k} if k else {})} for p, s, d, k in
                     conn.execute(sql.SQL("SELECT path, signature, doc_id, skipped FROM {}.files")
                                  .format(layout.ident(live))).fetchall()}
            to_read, gone, unchanged = _plan(sources, known)
            keep = [e["doc_id"] for e in unchanged.values() if e.get("doc_id") and not e.get("skipped")]
            documents = _keeping_ids(_read(to_read), known)
            report = self._build(conn, documents, names, True, progress, copy_from=(live, keep, unchanged))
            report.added = sum(1 for item in to_read if str(getattr(item, "path", item)) not in known)
            report.changed = len(to_read) - report.added
            report.removed = len(gone)
            return report

    def validate(self) -> list[str]:
        """Problems found in the live generation (empty = sound)."""
        with self.db.primary() as conn:
            live = layout.live_generation(conn)
            if live is None:
                return ["no generation has been built: run `reportsearch rebuild --database URL`"]
            return check_generation(conn, live)

    def _build(self, conn, documents: Iterable[Document], sources: list[str], allow_shrink: bool, progress,
               copy_from: tuple[str, list[str], dict] | None = None) -> BuildReport:
        """Create, fill, index, validate and switch one generation; on any failure drop it (the live one stays)."""
        started = time.perf_counter()
        layout.ensure_control(conn)
        conn.commit()
        layout.prune(conn, keep=settings.PG_KEEP_GENERATIONS)  # unfinished builds of a crashed writer
        conn.commit()
        name = layout.new_generation_name()
        report = BuildReport(index_dir=self.db.display_url(), generation=name, sources=list(sources))
        try:
            for stmt in layout.script(layout.GENERATION_DDL, name):
                conn.execute(stmt)
            files: dict[str, dict] = {}
            seen: set[str] = set()
            counters = [0, 0]  # next doc_idx, next pid
            df: Counter = Counter()
            spelling = WordCounter()
            keys = FacetKeys()
            if copy_from is not None:
                live, keep, unchanged = copy_from
                for fkey, *values in conn.execute(sql.SQL("SELECT * FROM {}.facet_keys ORDER BY fkey")
                                                  .format(layout.ident(live))):
                    keys.key(values[0], values[1], values[2], tuple(values[3:]))  # numbered 0, 1, … as before
                _copy_kept(conn, live, name, keep, df, counters, report)
                for (text,) in conn.execute(sql.SQL("SELECT text FROM {}.paragraphs").format(layout.ident(name))):
                    spelling.add_words(raw_words(text))
                files.update(unchanged)
                seen.update(keep)
            cube = frequent.CubeCounter() if copy_from is None else None  # an update counts in SQL
            recorded = postings.PostingCounter() if copy_from is None else None  # so does it its postings
            pairs = phrases.PairCounter(recorded) if recorded is not None else None  # and its word pairs
            _load(conn, name, documents, report, files, seen, df, counters, progress, spelling, keys, cube,
                  recorded, pairs)
            with conn.cursor().copy(sql.SQL("COPY {}.facet_keys FROM STDIN").format(layout.ident(name))) as cp:
                for row in keys.rows():
                    cp.write_row(row)
            with conn.cursor().copy(sql.SQL("COPY {}.words (word, count) FROM STDIN").format(layout.ident(name))) as cp:
                for row in spelling.counts.items():
                    cp.write_row(row)
            with conn.cursor().copy(sql.SQL("COPY {}.vocab (term, df) FROM STDIN").format(layout.ident(name))) as cp:
                for row in iter_terms(recorded.frequencies() if recorded is not None else df):
                    cp.write_row(row)
            with conn.cursor().copy(sql.SQL("COPY {}.files FROM STDIN").format(layout.ident(name))) as cp:
                for path, entry in files.items():
                    cp.write_row((path, entry["signature"], entry.get("doc_id"), entry.get("skipped")))
            loaded = time.perf_counter()
            prepared = postings.prepare(recorded, report.paragraphs, pairs)  # grouped while the server indexes
            # The GIN index is built after the load in one pass, in memory as far as the setting allows.
            conn.execute("SELECT set_config('maintenance_work_mem', %s, true)",
                         (settings.PG_BUILD_MAINTENANCE_WORK_MEM,))
            for stmt in layout.script(layout.INDEX_DDL, name):
                conn.execute(stmt)
            counted = time.perf_counter()
            index_seconds = round(counted - loaded, 2)
            frequent.build(conn, layout.ident(name), report.paragraphs, cube, prepared)  # one-word pages
            frequent_seconds = round(time.perf_counter() - counted, 2)
            counted = time.perf_counter()
            postings.build(conn, layout.ident(name), report.paragraphs, prepared)  # all-words pages
            phrases.build(conn, layout.ident(name), prepared.result()[2] if prepared is not None
                          else phrases.rows_in_sql(conn, layout.ident(name)))  # phrase pages
            postings_seconds = round(time.perf_counter() - counted, 2)
            problems = check_generation(conn, name, report.documents, report.paragraphs)
            live = layout.live_generation(conn)
            if live and not allow_shrink:
                problems += _shrink_problems(conn, live, report.paragraphs)
            if problems:
                raise IndexDamaged("the new generation failed its checks (the live one stays): " + "; ".join(problems))
            layout.grant_reader(conn, name)
            report.seconds = round(time.perf_counter() - started, 2)
            info = {"built_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"), "sources": sources,
                    "skipped": report.skipped, "warnings": report.warnings, "documents": report.documents,
                    "paragraphs": report.paragraphs, "seconds": report.seconds,
                    "load_seconds": round(loaded - started, 2), "index_seconds": index_seconds,
                    "frequent_seconds": frequent_seconds, "postings_seconds": postings_seconds}
            layout.switch(conn, name, info)
            conn.commit()
        except BaseException:
            conn.rollback()
            raise
        layout.prune(conn)
        conn.commit()
        return report


class _writer_lock:
    """The database-wide advisory lock one writer holds (a session lock on the writing connection)."""

    def __init__(self, conn):
        self.conn = conn

    def __enter__(self):
        if not self.conn.execute("SELECT pg_try_advisory_lock(%s)", (LOCK_KEY,)).fetchone()[0]:
            raise RebuildRunning("another rebuild or update of this database is running; try again when it ends")
        self.conn.commit()
        return self

    def __exit__(self, *exc):
        self.conn.rollback()
        self.conn.execute("SELECT pg_advisory_unlock(%s)", (LOCK_KEY,))
        self.conn.commit()


def _load(conn, name: str, documents: Iterable[Document], report: BuildReport, files: dict, seen: set[str],
          df: Counter, counters: list[int], progress, spelling: WordCounter, keys: FacetKeys,
          cube: frequent.CubeCounter | None = None, recorded: postings.PostingCounter | None = None,
          pairs: phrases.PairCounter | None = None) -> None:
    """COPY documents and their paragraphs into a generation; unreadable ones are reported and skipped.

    The paragraphs go in one COPY that streams while the next documents are analysed (psycopg sends from a
    thread, the server parses on its own core), FREEZE-d: the table is new in this transaction, so its rows are
    written already visible to everyone and the first searches do not rewrite every page to set hint bits.
    The few document rows follow in a second COPY."""
    schema = layout.ident(name)
    cur = conn.cursor()
    docs_sql = sql.SQL("COPY {}.documents FROM STDIN WITH (FREEZE)").format(schema)
    paras_sql = sql.SQL("COPY {}.paragraphs ({}) FROM STDIN WITH (FREEZE)").format(
        schema, sql.SQL(", ").join(map(sql.Identifier, _PARAGRAPH_COLUMNS)))
    pending_docs: list[tuple] = []
    with cur.copy(paras_sql) as copy:
        for doc in documents:
            rows = _document(doc, report, files, seen, counters, keys)
            if rows is None:
                continue
            if recorded is None:  # a rebuild's word frequencies come from its recorded postings
                for stems in rows.paragraph_stems:
                    df.update(stems)
            if cube is not None:
                cube.add(rows.document[0], [row[_FKEY] for row in rows.paragraphs], rows.paragraph_stems,
                         rows.shared)
            if recorded is not None:
                recorded.add(rows.paragraphs, rows.paragraph_stems, rows.shared, _FKEY)
                if pairs is not None:
                    pairs.add(rows.paragraphs[0][0], rows.runs, rows.heading_start)
            for words in rows.paragraph_words:
                spelling.add_words(words)
            pending_docs.append(rows.document)
            for row in rows.paragraphs:
                copy.write_row(row)
            if progress:
                progress(doc, report.paragraphs)
    with cur.copy(docs_sql) as copy:
        for row in pending_docs:
            copy.write_row(row)


def _document(doc: Document, report: BuildReport, files: dict, seen: set[str], counters: list[int],
              keys: FacetKeys) -> DocumentRows | None:
    """One read document as rows, counted in the report (None when it has nothing to store)."""
    report.warnings.extend(doc.meta.get("warnings", []))
    if not doc.error and not doc.facet_evidence:
        annotate_within_limit(doc)
    if doc.error:
        report.skipped.append({"path": doc.path, "reason": doc.error})
        files[doc.path] = {"signature": filestate.signature(doc.path), "doc_id": None, "skipped": doc.error}
        return None
    if not doc.paragraphs:  # nothing to find (the embedded index stores no row for it either)
        files[doc.path] = {"signature": filestate.signature(doc.path), "doc_id": None}
        return None
    _unique_doc_id(doc, seen)
    rows = document_rows(doc, counters[0], counters[1], keys)
    counters[0] += 1
    counters[1] += len(rows.paragraphs)
    report.documents += 1
    report.paragraphs += len(rows.paragraphs)
    files[doc.path] = {"signature": filestate.signature(doc.path), "doc_id": doc.doc_id}
    return rows


def _copy_kept(conn, live: str, name: str, keep: list[str], df: Counter, counters: list[int],
               report: BuildReport) -> None:
    """Unchanged documents copied from the live generation inside the database (renumbered densely)."""
    old, new = layout.ident(live), layout.ident(name)
    cols = sql.SQL(", ").join(map(sql.Identifier, _PARAGRAPH_COLUMNS[2:]))
    conn.execute(sql.SQL("CREATE TEMP TABLE kept ON COMMIT DROP AS SELECT doc_idx AS old_idx, "
                         "(row_number() OVER (ORDER BY doc_idx) - 1)::int AS doc_idx FROM {}.documents "
                         "WHERE doc_id = ANY(%s)").format(old), (keep,))
    conn.execute(sql.SQL("INSERT INTO {new}.documents SELECT k.doc_idx, d.doc_id, d.path, d.kind, d.title, d.url, "
                         "d.published, d.year, d.year_confidence, d.council, d.council_code, d.severity, "
                         "d.subjudgements, d.grade_change, d.outcome, d.date_sort, d.paragraphs, d.length, d.words "
                         "FROM {old}.documents d JOIN kept k ON k.old_idx = d.doc_idx").format(new=new, old=old))
    conn.execute(sql.SQL("INSERT INTO {new}.paragraphs (pid, doc_idx, {cols}) SELECT "
                         "(row_number() OVER (ORDER BY p.pid) - 1)::int, k.doc_idx, {pcols} FROM {old}.paragraphs p "
                         "JOIN kept k ON k.old_idx = p.doc_idx").format(
        new=new, old=old, cols=cols, pcols=sql.SQL(", ").join(sql.SQL("p.") + sql.Identifier(c)
                                                              for c in _PARAGRAPH_COLUMNS[2:])))
    docs, paras = conn.execute(sql.SQL("SELECT (SELECT count(*) FROM {n}.documents), "
                                       "(SELECT count(*) FROM {n}.paragraphs)").format(n=new)).fetchone()
    # Word document frequencies of the kept paragraphs (text and heading, weights B and D).
    for term, count in conn.execute(sql.SQL("SELECT word, ndoc FROM ts_stat(%s, 'BD')"),
                                    (sql.SQL("SELECT tsv FROM {}.paragraphs").format(new).as_string(conn),)):
        df[term] += count
    counters[0], counters[1] = docs, paras
    report.documents += docs
    report.paragraphs += paras
    conn.execute("DROP TABLE kept")


def check_generation(conn, name: str, documents: int | None = None, paragraphs: int | None = None) -> list[str]:
    """A generation's problems: counts that differ from what was written, paragraphs without a document,
    a search that finds nothing."""
    schema = layout.ident(name)
    problems = []
    docs, paras, orphans = conn.execute(sql.SQL(
        "SELECT (SELECT count(*) FROM {s}.documents), (SELECT count(*) FROM {s}.paragraphs), "
        "(SELECT count(*) FROM {s}.paragraphs p WHERE NOT EXISTS "
        "(SELECT 1 FROM {s}.documents d WHERE d.doc_idx = p.doc_idx))").format(s=schema)).fetchone()
    if documents is not None and docs != documents:
        problems.append(f"{docs} documents stored, {documents} written")
    if paragraphs is not None and paras != paragraphs:
        problems.append(f"{paras} paragraphs stored, {paragraphs} written")
    if orphans:
        problems.append(f"{orphans} paragraphs belong to no document")
    if paras:
        term = conn.execute(sql.SQL("SELECT term FROM {}.vocab ORDER BY df DESC LIMIT 1").format(schema)).fetchone()
        found = term and conn.execute(sql.SQL("SELECT count(*) FROM {}.paragraphs WHERE tsv @@ "
                                              "to_tsquery('simple', %s)").format(schema),
                                      ("'" + term[0].replace("'", "''") + "'",)).fetchone()[0]
        if not found:
            problems.append("a search for the commonest word finds nothing")
    return problems


def _shrink_problems(conn, live: str, paragraphs: int) -> list[str]:
    """A rebuild that would lose most of the live paragraphs (a source folder missing?) is refused."""
    before = conn.execute(sql.SQL("SELECT count(*) FROM {}.paragraphs").format(layout.ident(live))).fetchone()[0]
    if before and paragraphs < before / 2:
        return [f"it has {paragraphs:,} paragraphs against {before:,} live (a source folder missing?); "
                "rebuild with --allow-shrink to switch anyway"]
    return []
