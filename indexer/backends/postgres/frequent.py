"""Build-time tables for frequent words, so a one-word page of a word in most paragraphs reads a few thousand
rows instead of every match.

For each stem matched by more than `PG_FREQUENT_SHARE` of a generation's paragraphs (any field: title, heading,
context, text), the table `frequent` holds:

- the count cube: matching paragraphs per (facet key, document), the exact rows the one-pass page groups its
  matches into, so the honest multi-select counts, totals and year histogram are `tally` over them;
- `own`: the first `PG_CANDIDATES` paragraphs having the stem in their own words (heading or text), by
  (length, pid), found among the shortest `PG_FREQUENT_SHORT_SHARE` of paragraphs (NULL when fewer are there).

Why the short list gives the full pass's candidates: a one-word best-match query has no lift, and its cheap key
is a strictly decreasing function of length for paragraphs with the word in their own words, and one constant
(the context weight) for paragraphs that match only by their document's title or context. Ordered by (cheap
DESC, pid), own paragraphs therefore come in (length, pid) order. When at least `PG_CANDIDATES` listed
paragraphs pass the facet selections and the last of them ranks above the context constant, no paragraph off
the list can be among the candidates (this needs the length normalisation B > 0, checked); otherwise the
candidates come from one pass over the documents the cube says pass the selections. Both tables are made inside
the generation's transaction (rebuild and update alike), so they always describe that generation.
"""
from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from psycopg import sql

from indexer import settings
from indexer.models import SearchRequest
from indexer.backends.postgres import allwords, pages
from indexer.backends.postgres.postings import decode
from indexer.backends.postgres.facets import selections
from indexer.backends.postgres.query import Expr, PgQuery
from indexer.backends.postgres.rows import MAX_LEXEME_BYTES

DDL = """
CREATE TABLE {schema}.frequent (
    term text PRIMARY KEY,
    paragraphs integer NOT NULL,
    fkeys integer[] NOT NULL,
    docs integer[] NOT NULL,
    counts integer[] NOT NULL,
    own integer[])
"""


class CubeCounter:
    """Matching paragraphs per (stem, document, facet key), counted while a rebuild streams its documents (the
    paragraphs' stems are at hand then; grouping 17M rows in SQL afterwards cost 7-9 s at 300k paragraphs)."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.terms, self.docs, self.fkeys, self.counts = (array("i") for _ in range(4))

    def add(self, doc_idx: int, fkeys: list[int], own: list[set[str]], shared: set[str]) -> None:
        """One document: its paragraphs' facet keys and own stems, and the stems all of them have."""
        groups: dict[int, list] = {}
        for fkey, stems in zip(fkeys, own):
            group = groups.get(fkey)
            if group is None:
                group = groups[fkey] = [0, Counter()]
            group[0] += 1
            group[1].update(stems)  # C-level counting
        ids = self.ids
        for fkey, (paragraphs, counted) in groups.items():
            for stem in shared:  # the title's and context's stems match every paragraph
                counted[stem] = paragraphs
            self.terms.extend([ids.setdefault(stem, len(ids)) for stem in counted])
            self.counts.extend(counted.values())
            self.docs.extend([doc_idx] * len(counted))
            self.fkeys.extend([fkey] * len(counted))

    def frequent(self, least: int) -> Iterator[tuple]:
        """(term, paragraphs, facet keys, documents, counts) of each stem matched by `least` paragraphs or more."""
        terms = np.frombuffer(self.terms, dtype=np.int32)
        counts = np.frombuffer(self.counts, dtype=np.int32)
        if not len(terms):
            return
        matched = np.bincount(terms, weights=counts)
        keep = np.isin(terms, np.flatnonzero(matched >= least))
        terms, counts = terms[keep], counts[keep]
        docs, fkeys = np.frombuffer(self.docs, dtype=np.int32)[keep], np.frombuffer(self.fkeys, dtype=np.int32)[keep]
        order = np.lexsort((fkeys, docs, terms))
        terms, docs, fkeys, counts = terms[order], docs[order], fkeys[order], counts[order]
        names = {i: stem for stem, i in self.ids.items()}
        starts = np.flatnonzero(np.r_[True, terms[1:] != terms[:-1]])
        for start, end in zip(starts, [*starts[1:], len(terms)]):
            stem = names[int(terms[start])]
            if stem and len(stem.encode("utf-8")) <= MAX_LEXEME_BYTES:  # what a tsvector can hold
                yield (stem, int(counts[start:end].sum()), int_array(fkeys[start:end]), int_array(docs[start:end]),
                       int_array(counts[start:end]))


def int_array(values: np.ndarray) -> str:
    """An integer[] value in PostgreSQL's array syntax (psycopg's list dumping of the cube's 1M numbers was slow)."""
    return "{" + ",".join(map(str, values.tolist())) + "}"


def build(conn, schema: sql.Identifier, paragraphs: int, counted: CubeCounter | None = None,
          prepared=None) -> int:
    """Fill a generation's `frequent` table (the cube from `counted` when the build counted it, else from the
    generation's rows, as an update does; the short lists from the recorded postings of `postings.prepare` when
    given, else from the rows); the number of frequent stems."""
    conn.execute(sql.SQL(DDL).format(schema=schema))
    least = max(1, int(paragraphs * settings.PG_FREQUENT_SHARE) + 1)
    if counted is not None:
        rows = list(counted.frequent(least))
        lists = short_lists(prepared.result(), least) if prepared is not None else None
        if lists is not None and all(row[0] in lists for row in rows):
            with conn.cursor().copy(sql.SQL("COPY {}.frequent (term, paragraphs, fkeys, docs, counts, own) FROM "
                                            "STDIN").format(schema)) as copy:
                for row in rows:
                    own = lists[row[0]]
                    copy.write_row((*row, int_array(np.array(own)) if own is not None else None))
            conn.execute(sql.SQL("ANALYZE {}.frequent").format(schema))
            return len(rows)
        with conn.cursor().copy(sql.SQL("COPY {}.frequent (term, paragraphs, fkeys, docs, counts) FROM STDIN")
                                .format(schema)) as copy:
            for row in rows:
                copy.write_row(row)
    else:
        _count_in_sql(conn, schema, least)
    terms = [r[0] for r in conn.execute(sql.SQL("SELECT term FROM {}.frequent").format(schema)).fetchall()]
    if not terms:
        return 0
    # The shortest paragraphs hold the best candidates of a word common in them; the window runs over those only.
    cutoff = conn.execute(sql.SQL("SELECT percentile_disc(%s) WITHIN GROUP (ORDER BY length) FROM {}.paragraphs")
                          .format(schema), (settings.PG_FREQUENT_SHORT_SHARE,)).fetchone()[0]
    conn.execute(sql.SQL(
        "UPDATE {s}.frequent f SET own = l.pids FROM (SELECT lex, array_agg(pid ORDER BY length, pid) AS pids "
        "FROM (SELECT lex, p.pid, p.length, row_number() OVER (PARTITION BY lex ORDER BY p.length, p.pid) AS rn "
        "FROM {s}.paragraphs p, unnest(tsvector_to_array(ts_filter(p.tsv, '{{b,d}}'))) lex "
        "WHERE p.length <= %s AND lex = ANY(%s)) x WHERE rn <= %s GROUP BY lex HAVING count(*) >= %s) l "
        "WHERE f.term = l.lex").format(s=schema), (cutoff, terms, settings.PG_CANDIDATES, settings.PG_CANDIDATES))
    conn.execute(sql.SQL("ANALYZE {}.frequent").format(schema))
    return len(terms)


def short_lists(prepared: tuple, least: int) -> dict[str, list[int] | None]:
    """Each stem's short list, as the SQL below makes it, from a rebuild's recorded postings (`postings.prepare`'s
    result) and paragraph lengths: its first `PG_CANDIDATES` own-word paragraphs by (length, pid) among those no
    longer than the `PG_FREQUENT_SHORT_SHARE` percentile (`percentile_disc`) of lengths; None when fewer. For
    stems in `least` paragraphs or more (the unnesting of every short paragraph's tsvector took 6-8 s at 300k)."""
    arrays, rows, _ = prepared
    length = np.frombuffer(arrays[2], dtype="<i4")
    total = len(length)
    out: dict[str, list[int] | None] = {}
    if not total:
        return out
    ordered = np.sort(length)
    cutoff = ordered[max(int(np.ceil(settings.PG_FREQUENT_SHORT_SHARE * total)), 1) - 1]
    short = int(np.searchsorted(ordered, cutoff, side="right"))  # paragraphs no longer than the cutoff
    order = np.lexsort((np.arange(total), length))  # by (length, pid)
    rank = np.empty(total, dtype=np.int64)
    rank[order] = np.arange(total)
    for term, anyf, own in rows:
        if len(decode(anyf, total)) < least:
            continue
        ranks = rank[decode(own, total)]
        ranks = ranks[ranks < short]
        if len(ranks) < settings.PG_CANDIDATES:
            out[term] = None
            continue
        best = np.partition(ranks, settings.PG_CANDIDATES - 1)[:settings.PG_CANDIDATES]
        out[term] = order[np.sort(best)].tolist()
    return out


def _count_in_sql(conn, schema: sql.Identifier, least: int) -> None:
    """The cube from the generation's rows: the frequent stems by ts_stat, then their matches grouped."""
    terms = [r[0] for r in conn.execute(sql.SQL("SELECT word FROM ts_stat(%s) WHERE ndoc >= %s").format(),
                                        (sql.SQL("SELECT tsv FROM {}.paragraphs").format(schema).as_string(conn),
                                         least)).fetchall()]
    if not terms:
        return
    conn.execute("SELECT set_config('work_mem', %s, true)", (settings.PG_BUILD_WORK_MEM,))
    # Counted one document at a time: many small groupings ran a quarter faster than one of 17M rows at 300k.
    conn.execute(sql.SQL(
        "INSERT INTO {s}.frequent (term, paragraphs, fkeys, docs, counts) "
        "SELECT lex, sum(n), array_agg(fkey ORDER BY doc_idx, fkey), array_agg(doc_idx ORDER BY doc_idx, fkey), "
        "array_agg(n ORDER BY doc_idx, fkey) FROM (SELECT d.doc_idx, c.* FROM {s}.documents d, LATERAL "
        "(SELECT lex, p.fkey, count(*)::int AS n FROM {s}.paragraphs p, unnest(tsvector_to_array(p.tsv)) lex "
        "WHERE p.doc_idx = d.doc_idx AND lex = ANY(%s) GROUP BY 1, 2) c) c GROUP BY lex").format(s=schema),
        (terms,))
    conn.execute("SET LOCAL work_mem TO DEFAULT")  # the candidates' window sort ran twice as long in more memory


@dataclass
class FrequentWord:
    """One frequent stem's build-time rows."""

    counts: list[tuple[int, int, int]]  # (facet key, document, matching paragraphs)
    own: list[int] | None               # its first own-word paragraphs by (length, pid), or None


def single_stem(q: PgQuery, req: SearchRequest) -> str | None:
    """The stem of a relevance-ranked one-word best-match query without lifts (the shape the tables answer)."""
    plan = q.plan
    if plan is None or q.everything or req.sort in ("newest", "oldest") or len(plan.groups) != 1:
        return None
    if plan.boosts or plan.stand_ins or plan.any_of or plan.years or q.anchored is not None or q.named is not None:
        return None
    alternatives = plan.groups[0].alternatives
    if len(alternatives) != 1 or len(alternatives[0].stems) != 1 or not plan.groups[0].counted:
        return None
    return alternatives[0].stems[0]


def lookup(conn, schema: sql.Identifier, stem: str) -> FrequentWord | None:
    """A stem's build-time rows (None when it is not frequent or the generation has no table)."""
    exists = conn.execute("SELECT to_regclass(%s)", (f"{schema.as_string(conn)}.frequent",)).fetchone()[0]
    if exists is None:
        return None
    row = conn.execute(sql.SQL("SELECT fkeys, docs, counts, own FROM {}.frequent WHERE term = %s").format(schema),
                       (stem,)).fetchone()
    if row is None:
        return None
    fkeys, docs, counts, own = row
    return FrequentWord(list(zip(fkeys, docs, counts)), own)


def enough(conn, schema: sql.Identifier, q: PgQuery, candidates: list[tuple]) -> bool:
    """True when the short list's candidates are the full pass's: as many as needed, the last ranking above a
    paragraph that matches by its document's context only."""
    if len(candidates) < settings.PG_CANDIDATES or not settings.RANKING.bm25_b > 0:  # B = 0: length would not order the key
        return False
    context_only = conn.execute(sql.SQL("SELECT ({})::float8 FROM (SELECT false AS o0, true AS g0, 0 AS length) p")
                                .format(q.cheap.sql), q.cheap.params).fetchone()[0]
    return candidates[-1][1] > context_only


def usable(q: PgQuery, req: SearchRequest, offset: int) -> bool:
    """The fast path applies to this page at all (setting on, one plain word, within the candidates)."""
    return (settings.PG_FREQUENT_PAGES and q.cheap is not None and bool(q.columns)
            and offset + req.per_page <= settings.PG_CANDIDATES // 10 and single_stem(q, req) is not None)


def page(conn, schema: sql.Identifier, q: PgQuery, match: Expr, req: SearchRequest, offset: int,
         keys: dict[int, dict]) -> tuple[list[tuple], list[tuple]] | None:
    """(count rows, ranked page) of a frequent word's page from its tables; None when they do not answer it:
    the counts from the cube, and the candidates from the short list when it provably holds them, else from
    the matches of the documents the cube says pass the facet selections (one pass that counts nothing)."""
    if not usable(q, req, offset):
        return None
    word = lookup(conn, schema, single_stem(q, req))
    if word is None:
        return None
    candidates = pages.listed_candidates(conn, schema, q, match, req, word.own) if word.own else []
    if not enough(conn, schema, q, candidates):
        # From the word's postings (no row read), else one pass over the documents with a passing match.
        candidates = allwords.word_candidates(conn, schema, q, req, single_stem(q, req), keys)
        if candidates is None:
            docs = passing_documents(word.counts, req, keys)
            candidates = pages.all_candidates(conn, schema, q, match, req, docs) if docs != [] else []
    return word.counts, pages.ranked_candidates(conn, schema, q, req, candidates, req.per_page, offset)


def passing_documents(counts: list[tuple[int, int, int]], req: SearchRequest,
                      keys: dict[int, dict]) -> list[int] | None:
    """Documents with a match passing every facet selection (None: no selection, every document)."""
    tests = selections(req)
    if not tests:
        return None
    passing = {doc for fkey, doc, _ in counts if all(ok(keys[fkey][name]) for name, ok in tests.items())}
    return sorted(passing)
