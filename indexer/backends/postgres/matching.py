"""Which paragraphs a best-match query matches: the minimum of groups per paragraph, or across a document's
paragraphs (its best ones are shown), the minimum lowered while nothing meets it: as the embedded index."""
from __future__ import annotations

from psycopg import sql

from indexer.backends.postgres.pages import without_phrases
from indexer.backends.postgres.query import Expr, PgQuery


def match(conn, schema, q: PgQuery) -> Expr:
    """The query's match condition. Best match: paragraphs with the minimum of groups; where only a whole
    document has them (spread over its paragraphs and context), that document's best paragraphs; the minimum
    lowered (never below one) while nothing meets it; paragraphs about a named area in a document with its
    named grade; and a named council's paragraphs with fewer groups (half the minimum; any, about it alone). As the
    embedded index."""
    found = _minimum(conn, schema, q)
    if q.plan is None:
        return found
    extra = [q.anchored] if q.anchored is not None else []
    if q.named is not None and q.required > 1:  # a named council's paragraphs may miss more groups (plan.py)
        extra.append(Expr(sql.SQL("({} AND ({}) >= %s)").format(q.named.sql, q.matched.sql),
                          q.named.params + q.matched.params + [q.plan.council_minimum(q.required)]))
        # and one about the council alone (a story's, not a round-up's list) with any query word of its own
        extra.append(Expr(sql.SQL("({} AND cardinality(p.council) = 1)").format(q.named.sql), q.named.params))
    for part in extra:
        found = Expr(sql.SQL("({} OR {})").format(found.sql, part.sql), found.params + part.params)
    return found


def _minimum(conn, schema, q: PgQuery) -> Expr:
    """Paragraphs meeting the minimum of groups (or a document's best ones), the minimum lowered while none does."""
    if q.everything:
        return Expr(sql.SQL("true"))
    if q.plan is None:
        return q.where
    required = q.required
    if required <= 1:
        return q.where
    if required == len(q.flags) == len(q.groups):
        fast = _every_group(conn, schema, q)
        if fast is not None:
            return fast
    names, flags, tiers = _flag_columns(q.flags)
    cover = sql.SQL(" + ").join(sql.SQL("(bool_or({}) OVER w)::int").format(n) for n in names)
    # One pass: each candidate's groups, its document's best paragraph and coverage, and the best coverage.
    query = sql.SQL(
        "WITH f AS MATERIALIZED (SELECT p.pid, p.doc_idx, {flags} FROM {s}.paragraphs p WHERE {where}), "
        "t AS (SELECT pid, doc_idx, {tiers} AS t, {cover} AS cov FROM f WINDOW w AS (PARTITION BY doc_idx)), "
        "b AS (SELECT pid, t, cov, max(t) OVER (PARTITION BY doc_idx) AS best, max(cov) OVER () AS top FROM t), "
        "r AS (SELECT pid, t, cov, best, CASE WHEN %s THEN %s ELSE greatest(1, least(%s, top)) END AS need FROM b) "
        "SELECT pid, need FROM r WHERE t >= need OR (cov >= need AND best < need AND t = best)").format(
        flags=flags, s=schema, where=q.where.sql, tiers=tiers, cover=cover)
    params = [x for f in q.flags for x in f.params] + q.where.params + [q.plan.strict, required, required]
    pids = conn.execute(query, params).fetchall()
    q.required = pids[0][1] if pids else required
    return Expr(sql.SQL("p.pid = ANY(%s)"), [[r[0] for r in pids]])

SHORT_LIST = 2000  # spread paragraphs passed beside the index condition; more become one list of row keys


def _every_group(conn, schema, q: PgQuery) -> Expr | None:
    """Every group required (short queries): paragraphs with all of them straight from the index, plus the
    best paragraphs of documents that have them only across paragraphs; None when nothing has them all.
    Many spread paragraphs make the answer one list of paragraph keys, so the later statements fetch those
    rows by key instead of testing every paragraph against the query."""
    every = "(" + " & ".join(q.groups) + ")"
    # Documents having every group somewhere (their words, without positions: a phrase is checked per
    # paragraph below), less those with a paragraph having them all; then their best paragraphs, kept only
    # where the document's paragraphs really cover every group.
    loose = "(" + " & ".join(without_phrases(g) for g in q.groups) + ")"
    docs = [r[0] for r in conn.execute(sql.SQL(
        "SELECT doc_idx FROM {s}.documents WHERE words @@ %s::tsquery EXCEPT "
        "SELECT p.doc_idx FROM {s}.paragraphs p WHERE p.tsv @@ %s::tsquery").format(s=schema), (loose, every))]
    spread: list[int] = []
    if docs:
        names, flags, tiers = _flag_columns([Expr(sql.SQL("p.tsv @@ %s::tsquery"), [g]) for g in q.groups])
        covered = sql.SQL(" AND ").join(sql.SQL("bool_or({}) OVER w").format(n) for n in names)
        query = sql.SQL(
            "WITH f AS MATERIALIZED (SELECT p.pid, p.doc_idx, {flags} FROM {s}.paragraphs p "
            "WHERE p.doc_idx = ANY(%s) AND p.tsv @@ %s::tsquery), "
            "b AS (SELECT pid, {tiers} AS t, max({tiers}) OVER w AS best, {covered} AS cov FROM f "
            "WINDOW w AS (PARTITION BY doc_idx)) "
            "SELECT pid FROM b WHERE cov AND t = best").format(s=schema, flags=flags, tiers=tiers, covered=covered)
        any_group = "(" + " | ".join(q.groups) + ")"
        spread = [r[0] for r in conn.execute(query, [*q.groups, docs, any_group]).fetchall()]
    if len(spread) <= SHORT_LIST:  # the index finds both parts (a bitmap OR)
        if not spread and not conn.execute(sql.SQL("SELECT EXISTS (SELECT 1 FROM {}.paragraphs p WHERE p.tsv @@ "
                                                   "%s::tsquery)").format(schema), (every,)).fetchone()[0]:
            return None  # nothing meets the minimum: the general path lowers it
        return Expr(sql.SQL("(p.tsv @@ %s::tsquery OR p.pid = ANY(%s))"), [every, spread])
    # Many spread paragraphs: one list of row keys (with the OR, PostgreSQL tested every row against the query).
    have_all = [r[0] for r in conn.execute(sql.SQL("SELECT p.pid FROM {}.paragraphs p WHERE p.tsv @@ %s::tsquery")
                                           .format(schema), (every,)).fetchall()]
    return Expr(sql.SQL("p.pid = ANY(%s)"), [sorted({*have_all, *spread})])


def _flag_columns(flags: list[Expr]) -> tuple[list, sql.Composable, sql.Composable]:
    """Column names f0, f1, …, the select list computing them, and their sum as integers."""
    names = [sql.Identifier(f"f{i}") for i in range(len(flags))]
    select = sql.SQL(", ").join(sql.SQL("({}) AS {}").format(f.sql, n) for f, n in zip(flags, names))
    return names, select, sql.SQL(" + ").join(sql.SQL("{}::int").format(n) for n in names)
