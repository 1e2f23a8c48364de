"""The database layout: one control schema naming the live generation, and one schema per generation.

A generation is a schema `rs_<stamp>` holding `documents`, `paragraphs`, `vocab` and `files`. The control schema's
one-row table `live_generation` names the live one; a switch is one UPDATE of that row in the transaction that
finishes the build, so readers (and replicas, which replay the row after the data it names) never see a half-built
generation. Schema names are made here from a timestamp, never from user input.
"""
from __future__ import annotations

import datetime as dt
import re

import psycopg
from psycopg import sql

from indexer import settings

CONTROL = "reportsearch"
GENERATION_RE = re.compile(r"^rs_\d{8}_\d{6}_\d{6}$")
SUBJUDGEMENTS = settings.SUBJUDGEMENT_FIELDS

CONTROL_DDL = f"""
CREATE SCHEMA IF NOT EXISTS {CONTROL};
CREATE TABLE IF NOT EXISTS {CONTROL}.live_generation (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    generation text NOT NULL,
    switched_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE IF NOT EXISTS {CONTROL}.generations (
    generation text PRIMARY KEY,
    built_at timestamptz NOT NULL DEFAULT now(),
    info jsonb NOT NULL DEFAULT '{{}}');
"""

_SUB_COLUMNS = ",\n".join(f"    {name} text" for name in SUBJUDGEMENTS)
GENERATION_DDL = f"""
CREATE SCHEMA {{schema}};
CREATE TABLE {{schema}}.documents (
    doc_idx integer PRIMARY KEY,
    doc_id text NOT NULL UNIQUE,
    path text NOT NULL,
    kind text NOT NULL,
    title text NOT NULL,
    url text NOT NULL,
    published date,
    year integer NOT NULL,
    year_confidence text NOT NULL,
    council text[] NOT NULL,
    council_code text[] NOT NULL,
    severity text[] NOT NULL,
    subjudgements jsonb NOT NULL,
    grade_change text[] NOT NULL,
    outcome jsonb,
    date_sort integer NOT NULL,
    paragraphs integer NOT NULL,
    length integer NOT NULL,
    words tsvector NOT NULL);
CREATE TABLE {{schema}}.paragraphs (
    pid integer PRIMARY KEY,
    doc_idx integer NOT NULL,
    n integer NOT NULL,
    heading text NOT NULL,
    text text NOT NULL,
    council text[] NOT NULL,
    council_listed text[] NOT NULL,
    severity text[] NOT NULL,
    year integer NOT NULL,
    date_sort integer NOT NULL,
{_SUB_COLUMNS},
    grade_change text[] NOT NULL,
    length integer NOT NULL,
    fkey integer NOT NULL,
    tsv tsvector NOT NULL);
CREATE TABLE {{schema}}.facet_keys (
    fkey integer PRIMARY KEY,
    council text[] NOT NULL,
    severity text[] NOT NULL,
    year integer NOT NULL,
{_SUB_COLUMNS});
CREATE TABLE {{schema}}.vocab (term text PRIMARY KEY, df integer NOT NULL);
CREATE TABLE {{schema}}.words (word text PRIMARY KEY, count integer NOT NULL);
CREATE TABLE {{schema}}.files (path text PRIMARY KEY, signature text NOT NULL, doc_id text, skipped text);
"""

# No statistics for the stored text: nothing filters on it, and sampling it was most of ANALYZE's time.
INDEX_DDL = """
ALTER TABLE {schema}.paragraphs ALTER COLUMN text SET STATISTICS 0, ALTER COLUMN heading SET STATISTICS 0;
CREATE INDEX ON {schema}.paragraphs USING gin (tsv);
CREATE INDEX ON {schema}.documents USING gin (words);
CREATE INDEX ON {schema}.paragraphs (doc_idx, n);
CREATE INDEX ON {schema}.paragraphs USING gin (council);
CREATE INDEX ON {schema}.paragraphs (date_sort DESC, pid);
CREATE INDEX ON {schema}.vocab (term text_pattern_ops);
ANALYZE {schema}.documents;
ANALYZE {schema}.paragraphs;
ANALYZE {schema}.vocab;
ANALYZE {schema}.facet_keys;
"""


def new_generation_name() -> str:
    """A fresh generation schema name from the time (sortable)."""
    return "rs_" + dt.datetime.now(dt.timezone.utc).strftime("%Y%m%d_%H%M%S_%f")


def ident(generation: str) -> sql.Identifier:
    """A generation's schema as an SQL identifier (refusing anything not made by `new_generation_name`)."""
    if not GENERATION_RE.match(generation):
        raise ValueError(f"not a generation name: {generation!r}")
    return sql.Identifier(generation)


def script(template: str, generation: str) -> list[sql.Composed]:
    """A DDL template's statements with the generation's schema filled in."""
    return [sql.SQL(stmt.strip()).format(schema=ident(generation))
            for stmt in template.split(";") if stmt.strip()]


def ensure_control(conn) -> None:
    """The control schema and tables, and the read-only serving role (when the writer may create roles)."""
    for stmt in CONTROL_DDL.split(";"):
        if stmt.strip():
            conn.execute(stmt)
    if not _reader_role(conn):
        try:
            with conn.transaction():  # a savepoint: a writer without CREATEROLE goes on without the role
                conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(settings.PG_READER_ROLE)))
        except psycopg.errors.InsufficientPrivilege:
            return
    reader = sql.Identifier(settings.PG_READER_ROLE)
    conn.execute(sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(sql.Identifier(CONTROL), reader))
    conn.execute(sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA {} TO {}").format(sql.Identifier(CONTROL), reader))


def _reader_role(conn) -> bool:
    """True when the serving role exists."""
    return conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (settings.PG_READER_ROLE,)).fetchone() is not None


def grant_reader(conn, generation: str) -> None:
    """Let the serving role read a generation."""
    if not _reader_role(conn):
        return
    reader = sql.Identifier(settings.PG_READER_ROLE)
    conn.execute(sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(ident(generation), reader))
    conn.execute(sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA {} TO {}").format(ident(generation), reader))


def older_layout(generation: str, exc: Exception) -> str:
    """The one-line message for a generation built before a column this version reads (round 27's
    `council_listed`): the operator rebuilds, nothing else is wrong."""
    missing = getattr(getattr(exc, "diag", None), "message_primary", None) or str(exc).splitlines()[0]
    return (f"the live index ({generation}) was built by an older version ({missing}): rebuild the index "
            "(`reportsearch rebuild --database URL ...`)")


def has_column(conn, generation: str, table: str, column: str) -> bool:
    """True when a generation's table has this column (a generation from before it was added has not)."""
    return conn.execute("SELECT 1 FROM information_schema.columns WHERE table_schema = %s AND table_name = %s "
                        "AND column_name = %s", (generation, table, column)).fetchone() is not None


def live_generation(conn) -> str | None:
    """The live generation's name (None before the first rebuild or without the control schema)."""
    exists = conn.execute("SELECT to_regclass(%s)", (f"{CONTROL}.live_generation",)).fetchone()[0]
    if exists is None:
        return None
    row = conn.execute(f"SELECT generation FROM {CONTROL}.live_generation").fetchone()
    return row[0] if row else None


def switch(conn, generation: str, info: dict) -> None:
    """Make a generation live (inside the caller's transaction: the build's last statement)."""
    from psycopg.types.json import Jsonb

    conn.execute(f"INSERT INTO {CONTROL}.generations (generation, info) VALUES (%s, %s)",
                 (generation, Jsonb(info)))
    conn.execute(f"INSERT INTO {CONTROL}.live_generation (generation) VALUES (%s) ON CONFLICT (only_row) "
                 "DO UPDATE SET generation = EXCLUDED.generation, switched_at = now()", (generation,))


def generations(conn) -> list[str]:
    """Every generation schema in the database, oldest first."""
    rows = conn.execute("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'rs\\_%%' ORDER BY nspname").fetchall()
    return [r[0] for r in rows if GENERATION_RE.match(r[0])]


def prune(conn, keep: int = settings.PG_KEEP_GENERATIONS) -> list[str]:
    """Drop generations older than the newest `keep` (never the live one) and unfinished builds; their names."""
    live = live_generation(conn)
    finished = {r[0] for r in conn.execute(f"SELECT generation FROM {CONTROL}.generations").fetchall()}
    names = generations(conn)
    kept = [g for g in names if g in finished][-keep:]
    dropped = [g for g in names if g not in kept and g != live]
    for name in dropped:
        conn.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(ident(name)))
        conn.execute(f"DELETE FROM {CONTROL}.generations WHERE generation = %s", (name,))
    return dropped
