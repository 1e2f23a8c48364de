"""Pages of plain-word queries whose every word is required (two words, say), from the build-time postings.

The full pass (`matching._every_group`, then `pages.counted_and_ranked`) reads every paragraph with both words
twice or more: to find documents that have them only across paragraphs, and to count and rank the matches. Two
frequent words share 30-70k paragraphs at 300k, so that was 0.5-3 s a page. Here the same sets come from the
words' sorted paragraph ids (`postings.py`) in numpy:

- the matches: paragraphs with every word (an intersection), plus, in documents having every word only across
  paragraphs, their paragraphs with the most words (as `_every_group`); the match condition handed on to the
  statements after the ranking, which read only the page's documents, is those documents' matches (`on_page`);
- the counts: the matches grouped by (facet key, document), the rows `tally` reads;
- the candidates: the cheap key over the matches passing the facet selections, computed from the same bound
  constants the SQL uses, its best `PG_CANDIDATES` (plus any within a rounding margin of the last) ordered
  exactly by the SQL's own expression over their lengths and word flags, then scored and collapsed by the same SQL
  as the full pass (`pages.ranked_candidates`).

Only queries whose groups are one word each (or one-word alternatives: `eight` or `8`), all required, without
lifts, stand-ins or named councils, sorted by relevance, within the candidates' pages; a word too rare for postings
is read from the GIN index (fewer paragraphs than the postings' threshold). Everything else takes the full pass
(`None`).
"""
from __future__ import annotations

from functools import reduce

import numpy as np
from psycopg import sql

from indexer import settings
from indexer.models import SearchRequest
from indexer.backends.postgres import pages, postings
from indexer.backends.postgres.facets import selections
from indexer.backends.postgres.query import Expr, PgQuery

MARGIN = 1e-9  # relative: numpy and PostgreSQL compute the same float8 operations; ties are settled in SQL


def required_groups(q: PgQuery, req: SearchRequest, offset: int) -> list[tuple[tuple[str, ...], ...]] | None:
    """Each group's alternatives (as stems) for a best-match query whose groups are all required, without lifts,
    stand-ins or named councils, by relevance, within the candidates' pages; else None."""
    plan = q.plan
    if not settings.PG_POSTINGS_PAGES or plan is None or q.everything or req.sort in ("newest", "oldest"):
        return None
    if q.cheap is None or q.score is None or not q.columns or offset + req.per_page > settings.PG_CANDIDATES // 10:
        return None
    if plan.boosts or plan.stand_ins or plan.any_of or plan.years or q.anchored is not None or q.named is not None:
        return None
    if not plan.groups or not (q.required == len(q.flags) == len(q.groups) == len(plan.groups)):
        return None
    if any(not group.counted for group in plan.groups):
        return None
    return [tuple(tuple(a.stems) for a in group.alternatives) for group in plan.groups]


def required_stems(q: PgQuery, req: SearchRequest, offset: int) -> list[tuple[str, ...]] | None:
    """Each group's one-word alternatives, for a query this module answers (two or more groups of single words,
    all required), else None."""
    groups = required_groups(q, req, offset)
    if groups is None or len(groups) < 2 or any(len(a) != 1 for group in groups for a in group):
        return None
    return [tuple(a[0] for a in group) for group in groups]


def page(conn, schema: sql.Identifier, q: PgQuery, req: SearchRequest, offset: int,
         keys: dict[int, dict]) -> tuple[Expr, list[tuple], list[tuple]] | None:
    """(match condition, count rows, ranked page) from the postings; None when they do not answer the query."""
    groups = required_stems(q, req, offset)
    if groups is None:
        return None
    arrays = postings.paragraph_arrays(conn, schema)
    if arrays is None:
        return None
    stems = sorted({s for group in groups for s in group})
    found = postings.lookup(conn, schema, stems, arrays)
    found.update(postings.rare(conn, schema, [s for s in stems if s not in found]))
    # A group is any of its words (`eight` or `8`): the union of their postings.
    anys = [union(arrays, [found[s][0] for s in group]) for group in groups]
    owns = [union(arrays, [found[s][1] for s in group]) for group in groups]
    return groups_page(conn, schema, q, req, offset, keys, arrays, anys, owns)


def groups_page(conn, schema: sql.Identifier, q: PgQuery, req: SearchRequest, offset: int, keys: dict[int, dict],
                arrays: postings.ParagraphArrays, anys: list[np.ndarray],
                owns: list[np.ndarray]) -> tuple[Expr, list[tuple], list[tuple]] | None:
    """The page from each group's matching paragraphs (any field, and own words), all groups required."""
    every = reduce(sorted_common, anys)
    spread = _spread(arrays, anys, every) if len(anys) > 1 else np.empty(0, dtype=np.int32)
    if not len(spread) and not len(every):
        return None  # nothing has every word: the full pass lowers the minimum
    matches = union(arrays, [every, spread])
    rows = _count_rows(arrays, matches)
    listed = _best_cheap(q, arrays, matches, anys, owns, _passing(arrays, matches, req, keys))
    candidates = _ordered(conn, q, arrays, listed, anys, owns) if len(listed) else []
    ranked = pages.ranked_candidates(conn, schema, q, req, candidates, req.per_page, offset)
    return on_page(arrays, matches, ranked), rows, ranked


def on_page(arrays: postings.ParagraphArrays, matches: np.ndarray, ranked: list[tuple]) -> Expr:
    """The match condition handed on: the matches in the page's documents. The statements after the ranking read
    only those documents (their other matching paragraphs, the paragraph that answers), so every matching id
    need not be sent, nor the query tested again."""
    docs = np.zeros(int(arrays.doc.max()) + 1 if len(arrays.doc) else 1, dtype=bool)
    docs[arrays.doc[[pid for pid, _, _ in ranked]]] = True
    return Expr(sql.SQL("p.pid = ANY(%s::int[])"), [int_array(matches[docs[arrays.doc[matches]]])])


def word_candidates(conn, schema: sql.Identifier, q: PgQuery, req: SearchRequest, stem: str,
                    keys: dict[int, dict]) -> list[tuple] | None:
    """The best `PG_CANDIDATES` (pid, cheap key, lift) of a one-word query (`frequent.single_stem`) from the
    word's postings, as the full pass picks them; None when the word has none."""
    arrays = postings.paragraph_arrays(conn, schema) if settings.PG_POSTINGS_PAGES else None
    found = postings.lookup(conn, schema, [stem], arrays) if arrays is not None else {}
    if stem not in found:
        return None
    anyf, own = found[stem]
    listed = _best_cheap(q, arrays, anyf, [anyf], [own], _passing(arrays, anyf, req, keys))
    return _ordered(conn, q, arrays, listed, [anyf], [own]) if len(listed) else []


def int_array(values: np.ndarray) -> str:
    """An int[] literal (a long Python list took psycopg 5 ms per 10,000 numbers to send)."""
    return "{" + ",".join(map(str, values.tolist())) + "}"


def _ordered(conn, q: PgQuery, arrays: postings.ParagraphArrays, listed: np.ndarray, anys: list[np.ndarray],
             owns: list[np.ndarray]) -> list[tuple]:
    """The best `PG_CANDIDATES` (pid, cheap key, lift) of the listed paragraphs, in the full pass's order: the
    query's own lift and cheap-key SQL evaluated over the listed paragraphs' lengths and word flags (no row
    read), so PostgreSQL's floats and its (lift, cheap, pid) order settle the cut."""
    names = [sql.Identifier(f"g{i}") for i in range(len(anys))] + [sql.Identifier(f"o{i}") for i in range(len(owns))]
    flags = [has(arrays, a)[listed] for a in [*anys, *owns]]
    source = sql.SQL(", ").join(sql.SQL("unnest(%s::boolean[]) AS {}").format(n) for n in names)
    lift = q.lift or Expr(sql.SQL("0"))
    query = sql.SQL(
        "SELECT pid, cheap, lift FROM (SELECT p.pid, ({lift}) AS lift, ({cheap})::float8 AS cheap FROM "
        "(SELECT unnest(%s::int[]) AS pid, unnest(%s::int[]) AS length, {source}) p) a "
        "ORDER BY lift DESC, cheap DESC, pid LIMIT %s").format(lift=lift.sql, cheap=q.cheap.sql, source=source)
    params = [*lift.params, *q.cheap.params, int_array(listed), int_array(arrays.length[listed]),
              *["{" + ",".join("t" if f else "f" for f in flag.tolist()) + "}" for flag in flags],
              settings.PG_CANDIDATES]
    return conn.execute(query, params).fetchall()


def sorted_common(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The values in both of two sorted arrays of distinct values (a binary search of the shorter in the longer:
    no sort, unlike np.intersect1d)."""
    if len(a) > len(b):
        a, b = b, a
    if not len(a) or not len(b):
        return a[:0]
    at = np.minimum(np.searchsorted(b, a), len(b) - 1)
    return a[b[at] == a]


def union(arrays: postings.ParagraphArrays, parts: list[np.ndarray]) -> np.ndarray:
    """The sorted pids in any of the parts (a paragraph mask: np.union1d sorts every time)."""
    mask = np.zeros(len(arrays.doc), dtype=bool)
    for part in parts:
        mask[part] = True
    return np.flatnonzero(mask).astype(np.int32)


def has(arrays: postings.ParagraphArrays, pids: np.ndarray) -> np.ndarray:
    """A paragraph mask of the given pids (testing membership by indexing it is faster than np.isin)."""
    mask = np.zeros(len(arrays.doc), dtype=bool)
    mask[pids] = True
    return mask


def _spread(arrays: postings.ParagraphArrays, anys: list[np.ndarray], every: np.ndarray) -> np.ndarray:
    """In documents having every word but no paragraph with all of them, the paragraphs with the most words
    (as `matching._every_group`)."""
    size = int(arrays.doc.max()) + 1 if len(arrays.doc) else 1
    docs = np.ones(size, dtype=bool)
    for a in anys:  # documents having each word somewhere
        docs &= _present(size, arrays.doc[a])
    docs &= ~_present(size, arrays.doc[every])
    if not docs.any():
        return np.empty(0, dtype=np.int32)
    some = union(arrays, anys)
    some = some[docs[arrays.doc[some]]]
    has = [np.isin(some, a, assume_unique=True) for a in anys]
    tiers = np.sum(has, axis=0)
    doc = arrays.doc[some]
    best = np.zeros(size, dtype=np.int64)
    np.maximum.at(best, doc, tiers)
    covered = np.ones(size, dtype=bool)
    for flags in has:
        covered &= _present(size, doc[flags])
    return some[(tiers == best[doc]) & covered[doc]].astype(np.int32)


def _present(size: int, values: np.ndarray) -> np.ndarray:
    """A boolean array marking the given indexes."""
    out = np.zeros(size, dtype=bool)
    out[values] = True
    return out


def _count_rows(arrays: postings.ParagraphArrays, matches: np.ndarray) -> list[tuple[int, int, int]]:
    """The matches' (facet key, document, paragraphs) rows."""
    if not len(matches):
        return []
    combined = np.sort(arrays.fkey[matches].astype(np.int64) << 32 | arrays.doc[matches].astype(np.int64))
    starts = np.flatnonzero(np.r_[True, combined[1:] != combined[:-1]])
    counts = np.diff(np.r_[starts, len(combined)])
    keys = combined[starts]
    return list(zip((keys >> 32).tolist(), (keys & 0xFFFFFFFF).tolist(), counts.tolist()))


def _passing(arrays: postings.ParagraphArrays, matches: np.ndarray, req: SearchRequest,
             keys: dict[int, dict]) -> np.ndarray:
    """Which matches pass every facet selection (the tests `tally` applies, per facet key)."""
    tests = selections(req)
    if not tests:
        return np.ones(len(matches), dtype=bool)
    ok = np.zeros(max(keys) + 1 if keys else 1, dtype=bool)
    for fkey, values in keys.items():
        ok[fkey] = all(test(values[name]) for name, test in tests.items())
    return ok[arrays.fkey[matches]]


def _best_cheap(q: PgQuery, arrays: postings.ParagraphArrays, matches: np.ndarray, anys: list[np.ndarray],
                owns: list[np.ndarray], passing: np.ndarray) -> np.ndarray:
    """The passing matches whose cheap key is among the best `PG_CANDIDATES` (within the margin), unordered."""
    pids = matches[passing]
    if len(pids) <= settings.PG_CANDIDATES:
        return pids
    cheap = cheap_key(q, arrays.length[pids], [has(arrays, a)[pids] for a in anys],
                      [has(arrays, o)[pids] for o in owns])
    kth = np.partition(cheap, len(cheap) - settings.PG_CANDIDATES)[len(cheap) - settings.PG_CANDIDATES]
    return pids[cheap >= kth - abs(kth) * MARGIN]


def cheap_key(q: PgQuery, length: np.ndarray, g: list[np.ndarray], o: list[np.ndarray]) -> np.ndarray:
    """The query's cheap key (`query._plan_query`) in numpy, from its own bound constants, operation by operation
    in the SQL's order: per group (idf (K1 + 1) / (1.0 + K1 (1 - B + B length / avg)) for its own words, the
    context weight for context only), summed, times the matched share of idf to coverage_power."""
    n = len(g)
    params = q.cheap.params
    assert len(params) == 7 * n + 1, "the cheap key's parameters changed: update allwords.cheap_key"
    length = length.astype(np.float64)
    total = share = None
    for i in range(n):
        idf_k, k1, b1, b2, average, context = params[6 * i:6 * i + 6]
        norm = 1.0 + k1 * ((1 - b1) + (b2 * length) / average)
        part = np.where(o[i], idf_k / norm, np.where(g[i], context, 0.0))
        total = part if total is None else total + part
        weight = np.where(g[i], params[6 * n + i], 0.0)
        share = weight if share is None else share + weight
    return total * np.power(np.minimum(share, 1.0), params[7 * n])
