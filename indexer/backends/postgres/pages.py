"""One page of results: the ranked paragraphs (exactly scored candidates), their stored fields and hits."""
from __future__ import annotations

from psycopg import sql

from indexer import settings
from indexer.models import Hit, SearchRequest
from indexer.backends.embedded.index.schema import text_analyzer
from indexer.backends.embedded.query.context import CONTEXT_KINDS
from indexer.search.names import alias_stems
from indexer.search.synonyms import stems_of
from indexer.search.snippets import QueryMarks, mark
from indexer.backends.postgres.facets import facet_filter
from indexer.backends.postgres.query import OWN, Expr, PgQuery, and_, lexeme

ANALYZER = text_analyzer()
# What the ranking reads of a paragraph (lift columns included).
_RANK_COLUMNS = ("pid", "doc_idx", "n", "date_sort", "length", "tsv", "council", "severity", "grade_change",
                 *settings.SUBJUDGEMENT_FIELDS)  # severity: an overall grade the query names lifts
_HIT_COLUMNS = sql.SQL("p.pid, p.n, p.heading, p.text, p.council, p.severity, p.year, p.date_sort, d.doc_id, d.title, "
                       "d.url, d.year_confidence, d.council, d.severity")


def without_phrases(tsquery: str) -> str:
    """A group's tsquery with phrases loosened to all their words (for the documents' position-less words)."""
    return tsquery.replace(" <-> ", " & ")


def own_groups(q: PgQuery) -> list[str]:
    """Each group of a best-match query restricted to a paragraph's own words (heading and text)."""
    out = []
    for group in q.plan.groups:
        alts = [lexeme(a.stems[0], OWN) if len(a.stems) == 1 else
                "(" + " <-> ".join(lexeme(s, OWN) for s in a.stems) + ")" for a in group.alternatives]
        out.append("(" + " | ".join(alts) + ")")
    return out


def _scored(schema, q: PgQuery, where: Expr, req: SearchRequest, reach: int) -> tuple:
    """The scored matching paragraphs as SQL (pid, doc_idx, n, date_sort, lift, score), its parameters, the order
    key and whether the order is by date; `reach` is how deep a page reads (the cheap shortlist only when shallow)."""
    by_date = req.sort in ("newest", "oldest") or q.everything
    if by_date:
        direction = sql.SQL("DESC" if req.sort != "oldest" else "ASC")
        key = sql.SQL("(date_sort = 0), date_sort {}, doc_idx, n").format(direction)
        lift, score = Expr(sql.SQL("0")), Expr(sql.SQL("0"))
    else:
        key = sql.SQL("lift DESC, score DESC, pid")
        lift = q.lift or Expr(sql.SQL("0"))
        score = q.score or Expr(sql.SQL("0"))
    source, source_params = sql.SQL("{}.paragraphs p").format(schema), []
    if q.columns and not by_date:
        # The groups are tested once per row in a scan the planner may not flatten (OFFSET 0); lift and score
        # read the results.
        subs = sql.SQL(", ").join(sql.SQL("p.") + sql.Identifier(c) for c in _RANK_COLUMNS)
        cols = sql.SQL(", ").join(sql.SQL("{} AS {}").format(e.sql, sql.Identifier(name)) for name, e in q.columns)
        source = sql.SQL("(SELECT {}, {} FROM {}.paragraphs p WHERE {} OFFSET 0) p").format(subs, cols, schema,
                                                                                          where.sql)
        source_params = [x for _, e in q.columns for x in e.params] + where.params
        where = Expr(sql.SQL("true"))
    inner = sql.SQL("SELECT p.pid, p.doc_idx, p.n, p.date_sort, ({}) AS lift, ({})::float8 AS score "
                    "FROM {} WHERE ").format(lift.sql, score.sql, source) + where.sql
    params = [*lift.params, *score.params, *source_params, *where.params]
    if q.cheap is not None and not by_date and reach <= settings.PG_CANDIDATES // 10:
        # Score exactly only the best candidates by the cheap key (ts_rank over every match of a frequent word
        # is most of a page's time); the page and its documents come from them.
        subs = sql.SQL(", ").join(sql.SQL("p.") + sql.Identifier(c) for c in _RANK_COLUMNS)
        cols = sql.SQL(", ").join(sql.SQL("{} AS {}").format(e.sql, sql.Identifier(name)) for name, e in q.columns)
        inner = sql.SQL(
            "SELECT p.pid, p.doc_idx, p.n, p.date_sort, p.lift, ({score})::float8 AS score FROM "
            "(SELECT {subs}, {cols}, c.lift FROM (SELECT p.pid, ({lift}) AS lift FROM {source} "
            "ORDER BY ({lift}) DESC, ({cheap}) DESC, p.pid LIMIT %s) c JOIN {s}.paragraphs p USING (pid) OFFSET 0) p"
        ).format(score=score.sql, subs=subs, cols=cols, lift=lift.sql, source=source, cheap=q.cheap.sql, s=schema)
        params = [*score.params, *[x for _, e in q.columns for x in e.params], *lift.params, *source_params,
                  *lift.params, *q.cheap.params, settings.PG_CANDIDATES]
    return inner, params, key, by_date


def answer_candidates(conn, schema, q: PgQuery, match: Expr, req: SearchRequest, doc_idxs: list[int],
                      count: int) -> dict[int, list[int]]:
    """Per document, the pids of its best `count` matching paragraphs within its best paragraph's lift, in the
    ranking's order (the paragraph shown is chosen among them: search/answer.py)."""
    where = and_(match, facet_filter(req), Expr(sql.SQL("p.doc_idx = ANY(%s)"), [doc_idxs]))
    inner, params, key, _ = _scored(schema, q, where, req, 0)
    # The named council's lift is left out of the candidates' tier within a document (as the embedded index): a
    # lift above 0 is a paragraph with a word of its own, the only kind the council lifts.
    council = q.council_lift or Expr(sql.SQL("0"))
    query = sql.SQL(
        "WITH m AS MATERIALIZED ({inner}), a AS (SELECT m.*, m.lift - CASE WHEN m.lift > 0 THEN ({council}) ELSE 0 END "
        "AS tier FROM m JOIN {s}.paragraphs p USING (pid)), r AS (SELECT pid, doc_idx, tier, row_number() OVER w AS rn, "
        "first_value(tier) OVER w AS top FROM a WINDOW w AS (PARTITION BY doc_idx ORDER BY {key})) "
        "SELECT doc_idx, array_agg(pid ORDER BY rn) FROM r WHERE rn <= %s AND tier = top GROUP BY doc_idx"
    ).format(inner=inner, key=key, council=council.sql, s=schema)
    return dict(conn.execute(query, [*params, *council.params, count]).fetchall())


def ranked(conn, schema, q: PgQuery, match: Expr, req: SearchRequest, limit: int, offset: int) -> list[tuple]:
    """(pid, matching paragraphs of its document, score) of one page, in the requested order."""
    inner, params, key, by_date = _scored(schema, q, and_(match, facet_filter(req)), req, limit + offset)
    if not req.collapse:
        query = sql.SQL("WITH m AS MATERIALIZED ({}) SELECT pid, 1, score FROM m ORDER BY {} LIMIT %s OFFSET %s") \
            .format(inner, key)
        return conn.execute(query, [*params, limit, offset]).fetchall()
    if by_date:
        doc_score = sql.SQL("0")
        doc_key = key
    else:
        # A document ranks by its best paragraph plus a share of its next best (as the embedded ranking).
        doc_score = sql.SQL("max(score) FILTER (WHERE rn = 1) + %s * coalesce(sum(score) FILTER "
                            "(WHERE rn BETWEEN 2 AND %s), 0)")
        params = [*params, settings.RANKING.document_share, 1 + settings.RANKING.document_share_paragraphs]
        doc_key = sql.SQL("lift DESC, dscore DESC, pid")
    query = sql.SQL(
        "WITH m AS MATERIALIZED ({inner}), "
        "r AS (SELECT m.*, row_number() OVER (PARTITION BY doc_idx ORDER BY {key}) AS rn, "
        "count(*) OVER (PARTITION BY doc_idx) AS cnt FROM m), "
        "d AS (SELECT doc_idx, {dscore} AS dscore FROM r GROUP BY doc_idx) "
        "SELECT pid, cnt, coalesce(dscore, score) FROM (SELECT r.*, d.dscore FROM r JOIN d USING (doc_idx) "
        "WHERE rn = 1) x ORDER BY {doc_key} LIMIT %s OFFSET %s").format(inner=inner, key=key, dscore=doc_score,
                                                                    doc_key=doc_key)
    return conn.execute(query, [*params, limit, offset]).fetchall()


def rows(conn, schema, pids: list[int], own_groups: list[str] | None = None) -> dict[int, dict]:
    """Stored fields of paragraphs by pid (and, for best match, which groups each has in its own words)."""
    if not pids:
        return {}
    own = own_groups or []
    flags = sql.SQL(", ").join(sql.SQL("p.tsv @@ %s::tsquery") for _ in own) if own else sql.SQL("")
    query = sql.SQL("SELECT {cols}, p.doc_idx, ARRAY[{flags}]::boolean[] FROM {s}.paragraphs p JOIN {s}.documents d "
                    "USING (doc_idx) WHERE p.pid = ANY(%s)").format(cols=_HIT_COLUMNS, flags=flags, s=schema)
    out = {}
    for r in conn.execute(query, [*own, list(pids)]).fetchall():
        out[r[0]] = {"pid": r[0], "n": r[1], "heading": r[2], "text": r[3], "council": list(r[4]),
                     "severity": list(r[5]), "year": r[6], "date_sort": r[7], "doc_id": r[8], "title": r[9],
                     "url": r[10], "year_confidence": r[11], "doc_council": list(r[12]),
                     "doc_severity": list(r[13]), "doc_idx": r[14], "own": list(r[15] or [])}
    return out


def hit(row: dict, marks: QueryMarks, score: float, more: int, others: list[int]) -> Hit:
    """One stored paragraph as a Hit with its highlighted snippet."""
    return Hit(doc_id=row["doc_id"], paragraph=row["n"], title=row["title"], url=row["url"], council=row["council"],
               year=row["year"] or None, severity=row["severity"], heading=row["heading"],
               snippet_html=mark(row["text"], marks), score=round(float(score), 4), more_in_doc=more,
               other_paragraphs=others, year_confidence=row["year_confidence"] or "")


def context_matched(q: PgQuery, row: dict) -> list[str]:
    """Which kinds of document context matched query words the paragraph itself lacks."""
    aliases = alias_stems()
    context = {
        "title": {s for _, s in stems_of(row["title"])},
        "council": {s for c in row["doc_council"] for s in aliases.get(c, {st for _, st in stems_of(c)})},
        "severity": {s for g in row["doc_severity"] for _, s in stems_of(g)},
        "year": {str(row["year"])} if row["year"] else set(),
    }
    kinds: list[str] = []
    for group, own in zip(q.plan.groups, row["own"]):
        if own:
            continue
        for alt in group.alternatives:
            kinds.extend(k for k in CONTEXT_KINDS if all(s in context[k] for s in alt.stems) and k not in kinds)
    return kinds


# What the fused statement reads of a matching paragraph: the facet selections and the lifts need these.
_FUSED_COLUMNS = ("pid", "doc_idx", "fkey", "length", "year", "council", "severity", "grade_change",
                  *settings.SUBJUDGEMENT_FIELDS)


def _fused_columns(req: SearchRequest) -> sql.Composable:
    """The fused statement's paragraph columns; round 27's `council_listed` only when a council is selected (the
    filter alone reads it, so a generation from before it still serves every other search)."""
    names = (*_FUSED_COLUMNS, settings.LISTED_FIELD) if req.council else _FUSED_COLUMNS
    return sql.SQL(", ").join(sql.SQL("p.") + sql.Identifier(c) for c in names)


def can_fuse(q: PgQuery, req: SearchRequest, offset: int) -> bool:
    """True for a relevance-ranked page among its candidates (or of a syntax query scoring every match):
    `counted_and_ranked` applies."""
    if req.sort in ("newest", "oldest") or q.everything or q.score is None:
        return False
    if q.cheap is None:  # a syntax query of many words: every match is scored
        return q.plan is None
    return bool(q.columns) and offset + req.per_page <= settings.PG_CANDIDATES // 10


def counted_and_ranked(conn, schema, q: PgQuery, match: Expr, req: SearchRequest, limit: int,
                       offset: int) -> tuple[list[tuple], list[tuple]]:
    """The facet count rows (facet key, document, paragraphs) of every match and the page's ranked
    (pid, matching paragraphs of its document, score), from one pass over the matches.

    Each match is read once: its facet key and document for the counts, whether it passes the facet selections,
    and the cheap key that picks the candidates scored exactly (as `ranked`). Reading the matches a second time
    for the counts was a third to a half of a frequent word's page."""
    passes = facet_filter(req)
    lift = q.lift or Expr(sql.SQL("0"))
    subs = _fused_columns(req)
    cols = sql.SQL(", ").join(sql.SQL("{} AS {}").format(e.sql, sql.Identifier(name)) for name, e in q.columns) \
        if q.columns else sql.SQL("")
    rank_subs = sql.SQL(", ").join(sql.SQL("p.") + sql.Identifier(c) for c in _RANK_COLUMNS)
    page, page_params = _page_sql(req, limit, offset)
    tail = sql.SQL("{page} SELECT 0, fkey, doc_idx, count(*), 0::float8, 0 FROM a GROUP BY fkey, doc_idx "
                   "UNION ALL SELECT 1, pid, 0, cnt, score, lift FROM page").format(page=page)
    if q.cheap is None:  # a syntax query of many words: every match is scored (no cheap stand-in)
        query = sql.SQL(
            "WITH a AS MATERIALIZED (SELECT p.pid, p.fkey, p.doc_idx, ({passes}) AS pass, ({lift}) AS lift, "
            "({score})::float8 AS score FROM {s}.paragraphs p WHERE {match}), "
            "m AS (SELECT pid, doc_idx, lift, score FROM a WHERE pass), ").format(
            passes=passes.sql, lift=lift.sql, score=q.score.sql, s=schema, match=match.sql) + tail
        params = [*passes.params, *lift.params, *q.score.params, *match.params, *page_params]
        return _split(conn.execute(query, params).fetchall())
    query = sql.SQL(
        "WITH a AS MATERIALIZED (SELECT p.pid, p.fkey, p.doc_idx, ({passes}) AS pass, ({lift}) AS lift, "
        "({cheap})::float8 AS cheap FROM (SELECT {subs}, {cols} FROM {s}.paragraphs p WHERE {match} OFFSET 0) p), "
        "c AS (SELECT pid, lift FROM a WHERE pass ORDER BY lift DESC, cheap DESC, pid LIMIT %s), "
        "m AS MATERIALIZED (SELECT p.pid, p.doc_idx, p.n, p.lift, ({score})::float8 AS score FROM "
        "(SELECT {rank_subs}, {cols}, c.lift FROM c JOIN {s}.paragraphs p USING (pid) OFFSET 0) p), ").format(
        passes=passes.sql, lift=lift.sql, cheap=q.cheap.sql, subs=subs, cols=cols, s=schema, match=match.sql,
        score=q.score.sql, rank_subs=rank_subs) + tail
    column_params = [x for _, e in q.columns for x in e.params]
    params = [*passes.params, *lift.params, *q.cheap.params, *column_params, *match.params, settings.PG_CANDIDATES,
              *q.score.params, *column_params, *page_params]
    return _split(conn.execute(query, params).fetchall())


def _page_sql(req: SearchRequest, limit: int, offset: int) -> tuple[sql.Composable, list]:
    """The CTEs `page` (and for collapsed pages `r`, `d`) ranking the exactly scored candidates `m`."""
    if req.collapse:
        # A document ranks by its best paragraph plus a share of its next best (as the embedded ranking).
        page = sql.SQL(
            "r AS (SELECT m.*, row_number() OVER (PARTITION BY doc_idx ORDER BY lift DESC, score DESC, pid) AS rn, "
            "count(*) OVER (PARTITION BY doc_idx) AS cnt FROM m), "
            "d AS (SELECT doc_idx, max(score) FILTER (WHERE rn = 1) + %s * coalesce(sum(score) FILTER "
            "(WHERE rn BETWEEN 2 AND %s), 0) AS dscore FROM r GROUP BY doc_idx), "
            "page AS (SELECT r.pid, r.cnt, coalesce(d.dscore, r.score) AS score, r.lift FROM r JOIN d USING (doc_idx) "
            "WHERE rn = 1 ORDER BY r.lift DESC, coalesce(d.dscore, r.score) DESC, r.pid LIMIT %s OFFSET %s)")
        page_params = [settings.RANKING.document_share, 1 + settings.RANKING.document_share_paragraphs, limit, offset]
    else:
        page = sql.SQL("page AS (SELECT pid, 1::bigint AS cnt, score, lift FROM m "
                       "ORDER BY lift DESC, score DESC, pid LIMIT %s OFFSET %s)")
        page_params = [limit, offset]
    return page, page_params


def _split(rows: list[tuple]) -> tuple[list[tuple], list[tuple]]:
    """The fused statement's rows as (facet key, document, paragraphs) counts and the ranked page."""
    counts, ranked = [], []
    for kind, a, b, count, score, row_lift in rows:
        if kind == 0:
            counts.append((a, b, count))
        else:
            ranked.append((row_lift, score, a, count))
    ranked.sort(key=lambda r: (-r[0], -r[1], r[2]))  # the page's order (the union does not keep it)
    return counts, [(pid, count, score) for _, score, pid, count in ranked]


def listed_candidates(conn, schema, q: PgQuery, match: Expr, req: SearchRequest, listed: list[int]) -> list[tuple]:
    """The best `PG_CANDIDATES` (pid, cheap key, lift) among listed paragraphs that match and pass the facet
    selections, in the full pass's candidate order."""
    passes = facet_filter(req)
    lift = q.lift or Expr(sql.SQL("0"))
    subs = _fused_columns(req)
    cols = sql.SQL(", ").join(sql.SQL("{} AS {}").format(e.sql, sql.Identifier(name)) for name, e in q.columns)
    query = sql.SQL(
        "SELECT pid, cheap, lift FROM (SELECT p.pid, ({passes}) AS pass, ({lift}) AS lift, ({cheap})::float8 AS cheap "
        "FROM (SELECT {subs}, {cols} FROM {s}.paragraphs p WHERE p.pid = ANY(%s) AND {match} OFFSET 0) p) a "
        "WHERE pass ORDER BY lift DESC, cheap DESC, pid LIMIT %s").format(
        passes=passes.sql, lift=lift.sql, cheap=q.cheap.sql, subs=subs, cols=cols, s=schema, match=match.sql)
    params = [*passes.params, *lift.params, *q.cheap.params, *[x for _, e in q.columns for x in e.params], listed,
              *match.params, settings.PG_CANDIDATES]
    return conn.execute(query, params).fetchall()


def ranked_candidates(conn, schema, q: PgQuery, req: SearchRequest, candidates: list[tuple], limit: int,
                      offset: int) -> list[tuple]:
    """The page's ranked (pid, matching candidates of its document, score) from given candidates, scored
    exactly and collapsed as `counted_and_ranked` does with its own."""
    rank_subs = sql.SQL(", ").join(sql.SQL("p.") + sql.Identifier(c) for c in _RANK_COLUMNS)
    cols = sql.SQL(", ").join(sql.SQL("{} AS {}").format(e.sql, sql.Identifier(name)) for name, e in q.columns)
    page, page_params = _page_sql(req, limit, offset)
    query = sql.SQL(
        "WITH c AS (SELECT unnest(%s::int[]) AS pid, unnest(%s::int[]) AS lift), "
        "m AS MATERIALIZED (SELECT p.pid, p.doc_idx, p.n, p.lift, ({score})::float8 AS score FROM "
        "(SELECT {rank_subs}, {cols}, c.lift FROM c JOIN {s}.paragraphs p USING (pid) OFFSET 0) p), "
        "{page} SELECT 1, pid, 0, cnt, score, lift FROM page").format(
        score=q.score.sql, rank_subs=rank_subs, cols=cols, s=schema, page=page)
    params = [[c[0] for c in candidates], [c[2] for c in candidates], *q.score.params,
              *[x for _, e in q.columns for x in e.params], *page_params]
    return _split(conn.execute(query, params).fetchall())[1]


def all_candidates(conn, schema, q: PgQuery, match: Expr, req: SearchRequest,
                   docs: list[int] | None = None) -> list[tuple]:
    """The best `PG_CANDIDATES` (pid, cheap key, lift) among every match passing the facet selections, within
    `docs` when given (one pass, nothing counted: the counts came from elsewhere)."""
    passes = facet_filter(req)
    if docs is not None:  # read only these documents' paragraphs (by their index), not every match
        passes = and_(Expr(sql.SQL("p.doc_idx = ANY(%s)"), [docs]), passes)
    lift = q.lift or Expr(sql.SQL("0"))
    subs = _fused_columns(req)
    cols = sql.SQL(", ").join(sql.SQL("{} AS {}").format(e.sql, sql.Identifier(name)) for name, e in q.columns)
    where = and_(match, passes)
    query = sql.SQL(
        "SELECT pid, cheap, lift FROM (SELECT p.pid, ({lift}) AS lift, ({cheap})::float8 AS cheap "
        "FROM (SELECT {subs}, {cols} FROM {s}.paragraphs p WHERE {where} OFFSET 0) p) a "
        "ORDER BY lift DESC, cheap DESC, pid LIMIT %s").format(
        lift=lift.sql, cheap=q.cheap.sql, subs=subs, cols=cols, s=schema, where=where.sql)
    params = [*lift.params, *q.cheap.params, *[x for _, e in q.columns for x in e.params], *where.params,
              settings.PG_CANDIDATES]
    return conn.execute(query, params).fetchall()
