"""Build-time word postings: for each stem in at least `PG_POSTINGS_SHARE` of a generation's paragraphs, the
sorted paragraph ids having it in any field and in their own words (heading or text), as int32 bytes; and the
paragraphs' document, facet key and length as three arrays.

With them, a page of words that must all be present (a two-word query) intersects two sorted arrays in numpy
instead of reading every matching row: the counts come from grouping the matches by (facet key, document) and
the ranking's candidates from the same cheap key the SQL computes. Both tables are made inside the generation's
transaction (rebuild and update alike), so they always describe that generation. Paragraph ids are dense
(0 … paragraphs - 1) in a rebuild and after an update's renumbering, so an id is an index into the arrays.
"""
from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from array import array
from dataclasses import dataclass
from itertools import chain, repeat
from operator import itemgetter

import numpy as np
from psycopg import sql

from indexer import settings
from indexer.backends.postgres.rows import MAX_LEXEME_BYTES, quote_lexeme

DDL = """
CREATE TABLE {schema}.postings (term text PRIMARY KEY, anyf bytea NOT NULL, own bytea NOT NULL);
ALTER TABLE {schema}.postings ALTER COLUMN anyf SET STORAGE EXTERNAL, ALTER COLUMN own SET STORAGE EXTERNAL;
CREATE TABLE {schema}.paragraph_arrays (doc bytea NOT NULL, fkey bytea NOT NULL, length bytea NOT NULL);
ALTER TABLE {schema}.paragraph_arrays ALTER COLUMN doc SET STORAGE EXTERNAL,
    ALTER COLUMN fkey SET STORAGE EXTERNAL, ALTER COLUMN length SET STORAGE EXTERNAL
"""
_INT = np.dtype("<i4")
# A posting is stored as b"I" + int32 ids, or as b"B" + a bitmap over all paragraphs when that is smaller (a stem
# in more than 1/32 of them): most ids belong to such stems, so the table is a third of the size and reads faster.
_IDS, _BITS = b"I", b"B"


def encode(pids: np.ndarray, paragraphs: int) -> bytes:
    """Sorted paragraph ids as the smaller of an id list and a bitmap."""
    if 4 * len(pids) <= (paragraphs + 7) // 8:
        return _IDS + pids.astype(_INT).tobytes()
    mask = np.zeros(paragraphs, dtype=bool)
    mask[pids] = True
    return _BITS + np.packbits(mask).tobytes()


def decode(data: bytes, paragraphs: int) -> np.ndarray:
    """The sorted paragraph ids of an encoded posting."""
    body = memoryview(data)[1:]
    if data[:1] == _IDS:
        return np.frombuffer(body, dtype=_INT)
    return np.flatnonzero(np.unpackbits(np.frombuffer(body, dtype=np.uint8), count=paragraphs)).astype(np.int32)


class PostingCounter:
    """Each paragraph's own stems and each document's shared (title and context) stems, recorded while a rebuild
    streams its documents (the stems are at hand then; unnesting every tsvector afterwards costs 7-9 s at 300k).
    Paragraph ids are given in streaming order from 0, so a paragraph's id is its position here."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.own_terms, self.own_sizes = array("i"), array("i")
        self.shared_terms, self.shared_first, self.shared_count = array("i"), array("i"), array("i")
        self.doc, self.fkey, self.length = array("i"), array("i"), array("i")

    def add(self, paragraphs: list[tuple], own: list[set[str]], shared: set[str], fkey_at: int) -> None:
        """One document's paragraph rows (pid first, doc_idx second, length just before the facet key at
        `fkey_at`), their own stems, and the stems every paragraph has from the document. One C-level pass per
        document (a Python loop per paragraph cost 1.5 s more at 300k)."""
        if paragraphs[0][0] != len(self.doc):
            raise ValueError("paragraph ids must follow the streaming order")
        ids = self.ids
        for stem in shared.union(*own).difference(ids):
            ids[stem] = len(ids)
        self.own_terms.extend(map(ids.__getitem__, chain.from_iterable(own)))
        self.own_sizes.extend(map(len, own))
        self.doc.extend(repeat(paragraphs[0][1], len(paragraphs)))
        self.fkey.extend(map(itemgetter(fkey_at), paragraphs))
        self.length.extend(map(itemgetter(fkey_at - 1), paragraphs))
        self.shared_terms.extend(map(ids.__getitem__, shared))
        self.shared_first.extend(repeat(paragraphs[0][0], len(shared)))
        self.shared_count.extend(repeat(len(paragraphs), len(shared)))

    def frequencies(self) -> dict[str, int]:
        """Paragraphs per stem in their own words (the vocabulary's df), from the recorded stems."""
        counts = np.bincount(np.frombuffer(self.own_terms, dtype=np.int32), minlength=len(self.ids)).tolist()
        return {stem: counts[i] for stem, i in self.ids.items() if counts[i]}

    def postings(self, least: int):
        """(term, any-field pids, own pids) of each stem in `least` paragraphs or more (an upper bound is tested
        first, the union after)."""
        terms = np.frombuffer(self.own_terms, dtype=np.int32)
        sizes = np.frombuffer(self.own_sizes, dtype=np.int32)
        pids = np.repeat(np.arange(len(sizes), dtype=np.int32), sizes)
        s_terms = np.frombuffer(self.shared_terms, dtype=np.int32)
        s_first = np.frombuffer(self.shared_first, dtype=np.int32)
        s_count = np.frombuffer(self.shared_count, dtype=np.int32)
        size = len(self.ids)
        bound = np.bincount(terms, minlength=size) + np.bincount(s_terms, weights=s_count, minlength=size)
        chosen = np.flatnonzero(bound >= least)
        if not len(chosen):
            return
        keep = np.isin(terms, chosen)
        terms, pids = terms[keep], pids[keep]
        order = np.argsort(terms, kind="stable")  # pids were recorded in increasing order: they stay sorted
        terms, pids = terms[order], pids[order]
        s_keep = np.isin(s_terms, chosen)
        s_terms, s_first, s_count = s_terms[s_keep], s_first[s_keep], s_count[s_keep]
        s_order = np.argsort(s_terms, kind="stable")
        s_terms, s_first, s_count = s_terms[s_order], s_first[s_order], s_count[s_order]
        names = {i: stem for stem, i in self.ids.items()}
        paragraphs = len(self.doc)
        own_at = np.searchsorted(terms, chosen, side="left"), np.searchsorted(terms, chosen, side="right")
        shared_at = np.searchsorted(s_terms, chosen, side="left"), np.searchsorted(s_terms, chosen, side="right")
        for k, term in enumerate(chosen):
            stem = names[int(term)]
            if not stem or len(stem.encode("utf-8")) > MAX_LEXEME_BYTES:  # not in any tsvector
                continue
            own = pids[own_at[0][k]:own_at[1][k]]
            first, count = s_first[shared_at[0][k]:shared_at[1][k]], s_count[shared_at[0][k]:shared_at[1][k]]
            if len(first):  # a mask, not a sort: own ids and whole documents' ranges
                mask = np.zeros(paragraphs, dtype=bool)
                mask[own] = True
                for start, size in zip(first.tolist(), count.tolist()):
                    mask[start:start + size] = True
                anyf = np.flatnonzero(mask)
            else:
                anyf = own
            if len(anyf) >= least:
                yield stem, encode(anyf, paragraphs), encode(own, paragraphs)

    def arrays(self) -> tuple[bytes, bytes, bytes]:
        """The paragraphs' documents, facet keys and lengths by pid."""
        return tuple(np.frombuffer(a, dtype=np.int32).astype(_INT).tobytes()
                     for a in (self.doc, self.fkey, self.length))


def least_paragraphs(paragraphs: int) -> int:
    """Paragraphs a stem must be in to get postings."""
    return max(2, int(paragraphs * settings.PG_POSTINGS_SHARE) + 1)


def prepare(counted: PostingCounter | None, paragraphs: int, pairs=None) -> Future | None:
    """Group a rebuild's recorded postings (and the word pairs of `phrases.PairCounter`, for the stems given
    postings) in a thread (numpy releases the interpreter), so it runs on the other core while the server builds
    the generation's indexes: (arrays, postings rows, pair rows or None)."""
    if counted is None:
        return None

    def work():
        rows = list(counted.postings(least_paragraphs(paragraphs)))
        chosen = np.array([counted.ids[row[0]] for row in rows], dtype=np.int64)
        return counted.arrays(), rows, list(pairs.rows(chosen)) if pairs is not None else None

    pool = ThreadPoolExecutor(1)
    future = pool.submit(work)
    pool.shutdown(wait=False)
    return future


def build(conn, schema: sql.Identifier, paragraphs: int, prepared: Future | None = None) -> int:
    """Fill a generation's postings and paragraph arrays (from `prepare`'s result when the rebuild recorded
    them, else from the generation's rows, as an update does); the number of stems with postings."""
    for statement in DDL.split(";"):
        conn.execute(sql.SQL(statement).format(schema=schema))
    if prepared is not None:
        arrays, rows, _ = prepared.result()
    else:
        least = least_paragraphs(paragraphs)
        arrays, rows = _arrays_in_sql(conn, schema), list(_postings_in_sql(conn, schema, least, paragraphs))
    conn.execute(sql.SQL("INSERT INTO {}.paragraph_arrays VALUES (%s, %s, %s)").format(schema), arrays)
    with conn.cursor().copy(sql.SQL("COPY {}.postings (term, anyf, own) FROM STDIN (FORMAT BINARY)")
                            .format(schema)) as copy:
        copy.set_types(["text", "bytea", "bytea"])  # binary: bytea as text would be hex, twice the size
        for row in rows:
            copy.write_row(row)
    conn.execute(sql.SQL("ANALYZE {}.postings").format(schema))
    return len(rows)


def _arrays_in_sql(conn, schema: sql.Identifier) -> tuple[bytes, bytes, bytes]:
    """The paragraph arrays read from the generation's rows."""
    found = conn.execute(sql.SQL("SELECT pid, doc_idx, fkey, length FROM {}.paragraphs ORDER BY pid")
                         .format(schema)).fetchall()
    table = np.array(found, dtype=np.int64).reshape(-1, 4)
    if len(table) and not np.array_equal(table[:, 0], np.arange(len(table))):
        raise ValueError("paragraph ids are not dense: the postings cannot index the arrays")
    return tuple(table[:, i].astype(_INT).tobytes() for i in (1, 2, 3))


def _postings_in_sql(conn, schema: sql.Identifier, least: int, paragraphs: int):
    """The postings from the generation's tsvectors (own words: weights B and D), sorted here (ordering inside
    array_agg sorted all 17M (stem, paragraph) rows at 300k)."""
    query = sql.SQL(
        "SELECT u.lexeme, array_agg(p.pid), "
        "coalesce(array_agg(p.pid) FILTER (WHERE u.weights && '{{B,D}}'::text[]), '{{}}') "
        "FROM {}.paragraphs p, unnest(p.tsv) u GROUP BY u.lexeme HAVING count(*) >= %s").format(schema)
    conn.execute("SELECT set_config('work_mem', %s, true)", (settings.PG_BUILD_WORK_MEM,))
    for term, anyf, own in conn.execute(query, (least,)).fetchall():
        yield term, encode(np.sort(np.array(anyf, dtype=_INT)), paragraphs), \
            encode(np.sort(np.array(own, dtype=_INT)), paragraphs)
    conn.execute("SET LOCAL work_mem TO DEFAULT")


# --- reading --------------------------------------------------------------------------------------------------

@dataclass
class ParagraphArrays:
    """A generation's paragraphs' documents, facet keys and lengths, indexed by pid."""

    doc: np.ndarray
    fkey: np.ndarray
    length: np.ndarray


_arrays: dict[str, ParagraphArrays | None] = {}
_lock = threading.Lock()


def paragraph_arrays(conn, schema: sql.Identifier) -> ParagraphArrays | None:
    """The generation's arrays, read once per process (None when the generation has no postings tables)."""
    name = schema.as_string(conn)
    # A replica holds the primary's generations under the same names: one copy serves every server.
    key = f"{conn.info.dbname}/{name}"
    if key in _arrays:
        return _arrays[key]
    found = None
    if conn.execute("SELECT to_regclass(%s)", (f"{name}.paragraph_arrays",)).fetchone()[0] is not None:
        row = conn.execute(sql.SQL("SELECT doc, fkey, length FROM {}.paragraph_arrays").format(schema),
                           binary=True).fetchone()
        if row is not None:
            found = ParagraphArrays(*(np.frombuffer(bytes(b), dtype=_INT) for b in row))
    with _lock:
        _arrays.clear()  # only the live generation's are kept
        _arrays[key] = found
    return found


def lookup(conn, schema: sql.Identifier, stems: list[str],
           arrays: ParagraphArrays) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """The (any-field, own) pids of those stems that have postings."""
    rows = conn.execute(sql.SQL("SELECT term, anyf, own FROM {}.postings WHERE term = ANY(%s)").format(schema),
                        (stems,), binary=True).fetchall()
    paragraphs = len(arrays.doc)
    return {term: (decode(bytes(anyf), paragraphs), decode(bytes(own), paragraphs)) for term, anyf, own in rows}


def rare(conn, schema: sql.Identifier, stems: list[str]) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """The (any-field, own) pids of stems without postings, from the GIN index: each is in fewer paragraphs
    than the postings' threshold, so this reads few rows."""
    out = {}
    for stem in stems:
        if not stem or len(stem.encode("utf-8")) > MAX_LEXEME_BYTES:  # in no tsvector
            out[stem] = (np.empty(0, dtype=np.int32), np.empty(0, dtype=np.int32))
            continue
        found = conn.execute(sql.SQL("SELECT p.pid, p.tsv @@ %s::tsquery FROM {}.paragraphs p WHERE p.tsv @@ "
                                     "%s::tsquery ORDER BY p.pid").format(schema),
                             (quote_lexeme(stem) + ":BD", quote_lexeme(stem))).fetchall()
        pids = np.array([r[0] for r in found], dtype=np.int32)
        out[stem] = (pids, pids[np.array([r[1] for r in found], dtype=bool)] if found else pids)
    return out
