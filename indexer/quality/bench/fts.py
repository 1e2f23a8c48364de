"""The baseline: the same paragraphs in SQLite FTS5 (porter tokenizer), the same results page by SQL."""
from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

from indexer.backends.embedded.write.build import index_fields
from indexer.models import Document
from indexer.models import split_facet
from indexer.quality.bench.queries import BenchQuery

_SCHEMA = """
CREATE VIRTUAL TABLE para USING fts5(heading, text, tokenize='porter unicode61');
CREATE TABLE meta(id INTEGER PRIMARY KEY, doc_id TEXT, n INTEGER, title TEXT, year INTEGER);
CREATE TABLE council(id INTEGER, value TEXT);
CREATE TABLE grade(id INTEGER, value TEXT);
"""


def build(path: Path, documents: Iterable[Document]) -> tuple[sqlite3.Connection, int, float]:
    """Load every paragraph (with its facets) into a new database; the connection, paragraphs and seconds."""
    started = time.perf_counter()
    db = sqlite3.connect(path, check_same_thread=False)
    db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
    rowid = 0
    for doc in documents:
        rows, metas, councils, grades = [], [], [], []
        for fields in index_fields(doc):
            rowid += 1
            rows.append((rowid, fields["heading"], fields["text"]))
            metas.append((rowid, fields["doc_id"], fields["n"], doc.title, fields["year"]))
            councils.extend((rowid, c) for c in split_facet(fields["council"]))
            grades.extend((rowid, g) for g in split_facet(fields["severity"]))
        db.executemany("INSERT INTO para(rowid, heading, text) VALUES (?,?,?)", rows)
        db.executemany("INSERT INTO meta VALUES (?,?,?,?,?)", metas)
        db.executemany("INSERT INTO council VALUES (?,?)", councils)
        db.executemany("INSERT INTO grade VALUES (?,?)", grades)
    db.executescript("CREATE INDEX council_id ON council(id); CREATE INDEX grade_id ON grade(id);"
                     "CREATE INDEX grade_value ON grade(value, id);")
    db.commit()
    return db, rowid, time.perf_counter() - started


def search_page(db: sqlite3.Connection, q: BenchQuery) -> dict:
    """Total, the top 10 with snippets, and council / year / grade counts: one results page.

    The matches are computed once into a temporary table (the grade filter applied there), which the
    counts join; the top 10 are ranked by FTS5's bm25 with heading weighted as in reportsearch.
    """
    db.execute("DROP TABLE IF EXISTS temp.hits")
    db.execute("CREATE TEMP TABLE hits(id INTEGER PRIMARY KEY)")
    db.execute("INSERT INTO temp.hits SELECT rowid FROM para WHERE para MATCH ?", [q.fts])
    if q.grade:
        db.execute("DELETE FROM temp.hits WHERE id NOT IN (SELECT id FROM grade WHERE value = ?)", [q.grade])
    total = db.execute("SELECT count(*) FROM temp.hits").fetchone()[0]
    # `+para.rowid`: with a plain `para.rowid IN (…)` SQLite drives the query from temp.hits and re-runs the
    # MATCH for every candidate row (p95 744 ms instead of 48 ms at 108k paragraphs; same rows).
    top = db.execute("SELECT meta.doc_id, meta.n, snippet(para, 1, '<mark>', '</mark>', ' … ', 24) FROM para "
                     "JOIN meta ON meta.id = para.rowid WHERE para MATCH ?"
                     + (" AND +para.rowid IN (SELECT id FROM temp.hits)" if q.grade else "")
                     + " ORDER BY bm25(para, 1.3, 1.0) LIMIT 10", [q.fts]).fetchall()
    councils = db.execute("SELECT value, count(*) FROM temp.hits JOIN council ON council.id = hits.id "
                          "GROUP BY value").fetchall()
    years = db.execute("SELECT year, count(*) FROM temp.hits JOIN meta ON meta.id = hits.id "
                       "GROUP BY year").fetchall()
    grades = db.execute("SELECT value, count(*) FROM temp.hits JOIN grade ON grade.id = hits.id "
                        "GROUP BY value").fetchall()
    return {"total": total, "top": top, "council": councils, "year": years, "grade": grades}


def hit_ids(db: sqlite3.Connection, q: BenchQuery) -> set[tuple[str, int]]:
    """Every matching paragraph of a query as (doc_id, n) (for explaining disagreements)."""
    sql = "SELECT meta.doc_id, meta.n FROM para JOIN meta ON meta.id = para.rowid WHERE para MATCH ?"
    args: list = [q.fts]
    if q.grade:
        sql += " AND +para.rowid IN (SELECT id FROM grade WHERE value = ?)"
        args.append(q.grade)
    return set(db.execute(sql, args))


def paragraph_text(db: sqlite3.Connection, key: tuple[str, int]) -> str:
    """One paragraph's heading and text."""
    row = db.execute("SELECT para.heading || ' / ' || para.text FROM para JOIN meta ON meta.id = para.rowid "
                     "WHERE meta.doc_id = ? AND meta.n = ?", list(key)).fetchone()
    return row[0] if row else ""
