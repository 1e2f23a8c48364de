"""What the user typed, as SQL over one generation's `paragraphs p`: a match condition, and for plain words the
best-match columns (groups matched, lifts, score).

The reading is the project's own: plain words become the same best-match plan as in the embedded index (groups of
synonyms, function words dropped, a minimum share of groups); explicit syntax is read by the same parser and its
tree turned into tsquery text over the stored stems (cast with `::tsquery`, so PostgreSQL stems nothing) and
column conditions for facet fields. Every value travels as a bound parameter; SQL text comes only from this
module's fixed fragments and whitelisted column names.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from psycopg import sql

from indexer import settings
from indexer.search.plan import BestMatchPlan, context_weight
from indexer.search.query import best_match_plan, route, unreadable
from indexer.search.synonyms import stems_of
from indexer.backends.embedded.query.parse import parse_syntax_tree  # the one syntax parser (Whoosh's, adapted)
from indexer.search import querytree as qt
from indexer.search.snippets import QueryMarks, query_marks
from indexer.backends.postgres.rows import quote_lexeme

FIELD_WEIGHTS = {"title": "A", "heading": "B", "text": "D"}
OWN = "BD"  # a paragraph's own words: heading and text (A = title and C = context are its document's)
ARRAY_FIELDS = ("council", "severity", "grade_change")
TEXT_FIELDS = settings.SUBJUDGEMENT_FIELDS
# ts_rank's weights {D, C, B, A} lie in [0, 1]: text relative to the heading's boost; title and context rank nothing.
def rank_weights() -> str:
    """ts_rank's weights array, from the heading's boost as ranked now."""
    return "{%.4f, 0, 1, 0}" % (1 / settings.RANKING.heading_boost)
MAX_CHEAP_WORDS = 8  # a syntax query with more words scores every match (no candidates' cut)


class Catalog:
    """What the query reader asks of a generation: word frequencies, wildcard words, stored facet spellings."""

    def df(self, terms: list[str]) -> dict[str, int]:  # pragma: no cover - interface
        raise NotImplementedError

    def words_like(self, pattern: str, limit: int) -> tuple[list[str], bool]:  # pragma: no cover
        raise NotImplementedError

    def facet_values(self, name: str) -> set[str]:  # pragma: no cover
        raise NotImplementedError

    def suggest(self, word: str) -> str | None:  # pragma: no cover
        raise NotImplementedError

    def list_pages(self, least: int) -> list[int]:
        """The documents (doc_idx) whose paragraphs are filed under at least `least` councils (round 31)."""
        return []

    paragraphs: int = 0
    average_length: float = 1.0


@dataclass
class Expr:
    """An SQL fragment and its parameters."""

    sql: sql.Composable
    params: list = field(default_factory=list)


@dataclass
class PgQuery:
    """A read query: the match condition (None = everything), marks, a note, and best-match columns."""

    where: Expr | None
    marks: QueryMarks
    message: str | None = None
    plan: BestMatchPlan | None = None
    groups: list[str] = field(default_factory=list)   # tsquery per group, any weight
    required: int = 0                                 # groups a paragraph must match (plain words)
    matched: Expr | None = None                       # int: groups (and stand-ins) matched
    lift: Expr | None = None                          # int: named judgement / council / movement lifts
    score: Expr | None = None                         # float: relevance
    flags: list[Expr] = field(default_factory=list)   # bool per group and stand-in: the paragraph has it
    corrections: tuple[tuple[str, str], ...] = ()     # (typed, searched as well) for unknown words
    columns: list[tuple[str, Expr]] = field(default_factory=list)  # computed once per row, read by lift and score
    cheap: Expr | None = None                         # float: a cheap stand-in for score, to pick candidates
    anchored: Expr | None = None                      # bool: about a named area, in a document with its grade
    # int: the named councils' part of `lift` on a paragraph with a council value (the paragraph shown is chosen
    # without it, as the embedded index)
    council_lift: Expr | None = None
    named: Expr | None = None                         # bool: a named council's paragraph with a query word of its own
    own_parts: list[tuple[str, ...]] | None = None    # syntax of required own-text phrases and words only

    @property
    def everything(self) -> bool:
        """Nothing asked: browse by date."""
        return self.where is None


def ts(tsquery: str) -> Expr:
    """The condition `p.tsv @@ <tsquery>`."""
    return Expr(sql.SQL("p.tsv @@ %s::tsquery"), [tsquery])


def lexeme(stem: str, weights: str = "") -> str:
    """One tsquery lexeme restricted to weights."""
    return quote_lexeme(stem) + (":" + weights if weights else "")


def phrase(stems: tuple[str, ...] | list[str], weights: str = "") -> str:
    """Adjacent stems as a tsquery phrase."""
    return "(" + " <-> ".join(lexeme(s, weights) for s in stems) + ")"


def read(catalog: Catalog, text: str, strict: bool = False) -> PgQuery:
    """Plain words become a best-match query; explicit syntax a strict one, with a plain-words fallback."""
    return route(text, lambda message: PgQuery(None, query_marks(None), message),
                 lambda text, message: _plain(catalog, text, strict, message),
                 lambda text, message: _syntax(catalog, text, message))


# --- plain words: best match ------------------------------------------------------------------------------------

def _plain(catalog: Catalog, text: str, strict: bool, message: str | None) -> PgQuery:
    """The embedded backend's best-match plan, as SQL columns."""
    def unknown(stems: set[str]) -> set[str]:
        df = catalog.df(sorted(stems))
        return {s for s in stems if not df.get(s)}

    plan, corrections, message = best_match_plan(text, strict, message, catalog.facet_values, unknown,
                                                 catalog.suggest)
    if plan is None:
        return PgQuery(None, query_marks(None), message)
    query = _plan_query(catalog, plan, message)
    query.corrections = corrections
    return query


def _plan_query(catalog: Catalog, plan: BestMatchPlan, message: str | None) -> PgQuery:
    """Groups as tsqueries; matched = groups found (own words or context) plus stand-ins; score = BM25-like rank
    of each group's own words times its idf (context alone counts its `context_weight`), times the matched share of
    the query's idf to coverage_power (as the embedded ranking)."""
    df = catalog.df(sorted({s for g in plan.groups for s in g.alternatives[0].stems}))
    total = max(catalog.paragraphs, 1)
    groups, own, idfs = [], [], []
    for group in plan.groups:
        alternatives = [lexeme(a.stems[0]) if len(a.stems) == 1 else phrase(a.stems) for a in group.alternatives]
        groups.append("(" + " | ".join(alternatives) + ")")
        own.append("(" + " | ".join(lexeme(a.stems[0], OWN) if len(a.stems) == 1 else phrase(a.stems, OWN)
                                    for a in group.alternatives) + ")")
        rarest = max(1, min(df.get(s, 0) for s in group.alternatives[0].stems))
        idfs.append(math.log1p((total - rarest + 0.5) / (rarest + 0.5)))
    facet_parts = [_has_value(facet, value) for facet, value in plan.stand_ins]
    # A word that only introduces a grade ("judged") scores but is not one of the groups required.
    flags = [Expr(sql.SQL("p.tsv @@ %s::tsquery"), [g]) for g, group in zip(groups, plan.groups) if group.counted] \
        + facet_parts
    matched = _sum([Expr(sql.SQL("({})::int").format(e.sql), e.params) for e in flags])
    # Each group is tested once per row (columns g<i>, o<i> of the ranking's inner scan); lift and score read them.
    columns = [(f"g{i}", Expr(sql.SQL("p.tsv @@ %s::tsquery"), [g])) for i, g in enumerate(groups)] + \
              [(f"o{i}", Expr(sql.SQL("p.tsv @@ %s::tsquery"), [o])) for i, o in enumerate(own)]
    if plan.years:  # a paragraph of a document of the year asked (search/year_lift.py), tested once per row too
        columns.append(("y0", Expr(sql.SQL("p.year = ANY(%s)"), [list(plan.years)])))
    g_col = [sql.SQL("p.") + sql.Identifier(f"g{i}") for i in range(len(groups))]
    o_col = [sql.SQL("p.") + sql.Identifier(f"o{i}") for i in range(len(groups))]
    listed = catalog.list_pages(plan.listed) if plan.listed else []  # list pages (round 31)
    boosts = [_lift_of(plan, at, o_col, listed) for at in range(len(plan.boosts))] + \
        [Expr(sql.SQL("({})::int").format(e.sql), e.params) for e in map(lambda b: _has_value(*b), plan.stand_ins)] + \
        [Expr(sql.SQL("(p.{} && %s::text[])::int").format(sql.Identifier(facet)), [list(values)])
         for facet, values in plan.any_of if facet in ARRAY_FIELDS]  # a region: any of its councils, one tier
    if plan.years and settings.RANKING.year_lift:  # the year asked, as tiers (search/year_lift.py)
        boosts.append(Expr(sql.SQL("(p.y0)::int * %s"), [settings.RANKING.year_lift]))
    any_own = sql.SQL("(") + sql.SQL(" OR ").join(o_col) + sql.SQL(")")
    lift = _sum(boosts) if boosts else Expr(sql.SQL("0"))
    lift = Expr(sql.SQL("CASE WHEN {} THEN {} ELSE 0 END").format(any_own, lift.sql), lift.params)
    score_parts = []
    weights = [context_weight(group) for group in plan.groups]
    for g, o, gc, oc, idf, weight in zip(groups, own, g_col, o_col, idfs, weights):
        score_parts.append(Expr(sql.SQL("CASE WHEN {} THEN %s * ts_rank(%s::float4[], p.tsv, %s::tsquery, 1) * 10 "
                                        "WHEN {} THEN %s ELSE 0 END").format(oc, gc),
                                [idf, rank_weights(), o, weight * idf]))
    share = _share(g_col, share_idfs(plan, idfs))
    score = Expr(sql.SQL("({}) * power(least({}, 1.0), %s)").format(_sum(score_parts).sql, share.sql),
                 _sum(score_parts).params + share.params + [settings.RANKING.coverage_power])
    if plan.years:  # a paragraph of a document of the year asked scores more (search/year_lift.py)
        score = Expr(sql.SQL("({}) * CASE WHEN p.y0 THEN %s ELSE 1 END").format(score.sql),
                     score.params + [settings.RANKING.year_factor])
    cheap = _cheap_key(catalog, o_col, g_col, idfs, weights, share_idfs(plan, idfs))
    if plan.years:  # the same factor, so the year's paragraphs are among the candidates scored
        cheap = Expr(sql.SQL("({}) * CASE WHEN p.y0 THEN %s ELSE 1 END").format(cheap.sql),
                     cheap.params + [settings.RANKING.year_factor])
    any_group = "(" + " | ".join(groups) + ")"
    where = ts(any_group)
    if facet_parts:  # a stand-in alone (a document reporting the movement) also matches
        where = _or([where, *facet_parts])
    # A paragraph about a named area ("care leavers") in a document with the named grade for it answers by meaning
    # and matches whatever the minimum (as the embedded index).
    anchored = [and_(_has_value(*plan.boosts[at]), _or([ts(own[g]) for g in plan.anchor_of(at)]))
                for at in range(len(plan.boosts)) if plan.anchor_of(at)]
    councils = [_has_value(facet, value) for facet, value in plan.boosts if facet == "council"]
    named = and_(_or(councils), ts("(" + " | ".join(own) + ")")) if councils and not plan.strict else None
    # (read where the ranking's columns are not: each group's own match tested on the paragraph itself)
    own_tests = [sql.SQL("(p.tsv @@ {}::tsquery)").format(sql.Literal(o)) for o in own]
    council_lift = _sum([_lift_of(plan, at, own_tests, listed) for at, (facet, _) in enumerate(plan.boosts)
                         if facet == "council"])
    return PgQuery(where, plan.marks(), message, plan, groups, plan.required, matched, lift, score, flags,
                   columns=columns, cheap=cheap, anchored=_or(anchored) if anchored and not plan.strict else None,
                   named=named, council_lift=council_lift if councils else None)


def _share(g_col: list[sql.Composable], idfs: list[float]) -> Expr:
    """The matched share of the query's idf (`share_idfs`: a group left out of the share counts 0)."""
    total = sum(idfs) or 1.0
    return _sum([Expr(sql.SQL("CASE WHEN {} THEN %s ELSE 0 END").format(gc), [idf / total])
                 for gc, idf in zip(g_col, idfs)])


def share_idfs(plan: BestMatchPlan, idfs: list[float]) -> list[float]:
    """Each group's idf in the matched share: 0 for a group left out of it (a movement's cue word, as embedded)."""
    return [idf if group.in_share else 0.0 for group, idf in zip(plan.groups, idfs)]


def _cheap_key(catalog: Catalog, o_col: list[sql.Composable], g_col: list[sql.Composable], idfs: list[float],
               weights: list[float], in_share: list[float] | None = None) -> Expr:
    """The cheap key that picks the candidates to score: BM25 with one occurrence per word (length counts), times
    the matched share of idf to coverage_power (`allwords.cheap_key` computes it in numpy: keep the two alike)."""
    norm = sql.SQL("(1.0 + %s * (1 - %s + %s * p.length / %s))")
    K1, B = settings.RANKING.bm25_k1, settings.RANKING.bm25_b
    norm_params = [K1, B, B, max(catalog.average_length, 1.0)]
    parts = [Expr(sql.SQL("CASE WHEN {} THEN %s / {} WHEN {} THEN %s ELSE 0 END").format(oc, norm, gc),
                  [idf * (K1 + 1), *norm_params, weight * idf])
             for oc, gc, idf, weight in zip(o_col, g_col, idfs, weights)]  # weight: a context match's share of idf
    share = _share(g_col, idfs if in_share is None else in_share)
    return Expr(sql.SQL("({}) * power(least({}, 1.0), %s)").format(_sum(parts).sql, share.sql),
                _sum(parts).params + share.params + [settings.RANKING.coverage_power])


def _lift_of(plan: BestMatchPlan, at: int, own_columns: list[sql.Composable], listed: list[int] = ()) -> Expr:
    """The tiers one boost lifts a paragraph by: its value, on a paragraph about its area when it has one (as the
    embedded index). `listed`: the list pages whose paragraphs a named council lifts one tier less (round 31)."""
    has = _has_value(*plan.boosts[at])
    shadowed = plan.shadowed_by(at)
    if shadowed:  # a related council: not where a council named is lifted (search/plan.py)
        has = Expr(sql.SQL("({} AND NOT (p.council && %s::text[]))").format(has.sql), has.params + [list(shadowed)])
    anchor = plan.anchor_of(at)
    if anchor:
        about = sql.SQL("(") + sql.SQL(" OR ").join(own_columns[g] for g in anchor) + sql.SQL(")")
        has = Expr(sql.SQL("({} AND {})").format(has.sql, about), has.params)
    lift = Expr(sql.SQL("({})::int * %s").format(has.sql), has.params + [plan.tiers_of(at)])
    if not (plan.boosts[at][0] == "council" and plan.tiers_of(at) > 0):
        return lift
    if plan.crowded:  # a round-up's paragraph not naming it: one tier less (round 29)
        names = sql.SQL(" OR ").join(own_columns[g] for g in plan.crowded_groups)
        lift = Expr(sql.SQL("({} - ({} AND cardinality(p.council) >= %s AND NOT ({}))::int)").format(
            lift.sql, has.sql, names), lift.params + has.params + [plan.crowded])
    if plan.listed and listed:  # a list page's paragraph, naming it or not: no council lift (round 31)
        lift = Expr(sql.SQL("(CASE WHEN p.doc_idx = ANY(%s::int[]) THEN 0 ELSE {} END)").format(lift.sql),
                    [list(listed)] + lift.params)
    return lift


def _has_value(facet: str, value: str) -> Expr:
    """A paragraph has a facet value (whitelisted column)."""
    if facet in ARRAY_FIELDS:
        return Expr(sql.SQL("%s = ANY(p.{})").format(sql.Identifier(facet)), [value])
    if facet in TEXT_FIELDS:
        return Expr(sql.SQL("coalesce(p.{} = %s, false)").format(sql.Identifier(facet)), [value])
    return Expr(sql.SQL("false"))


def _sum(parts: list[Expr]) -> Expr:
    """parts added."""
    if not parts:
        return Expr(sql.SQL("0"))
    return Expr(sql.SQL(" + ").join(p.sql for p in parts), [x for p in parts for x in p.params])


def _or(parts: list[Expr]) -> Expr:
    """parts OR-ed."""
    return Expr(sql.SQL("(") + sql.SQL(" OR ").join(p.sql for p in parts) + sql.SQL(")"),
                [x for p in parts for x in p.params])


def and_(*parts: Expr) -> Expr:
    """Conditions AND-ed."""
    return Expr(sql.SQL("(") + sql.SQL(" AND ").join(p.sql for p in parts) + sql.SQL(")"),
                [x for p in parts for x in p.params])


def _and(parts: list[Expr]) -> Expr:
    """parts AND-ed."""
    return Expr(sql.SQL("(") + sql.SQL(" AND ").join(p.sql for p in parts) + sql.SQL(")"),
                [x for p in parts for x in p.params])


# --- explicit syntax --------------------------------------------------------------------------------------------

class _Unmatchable(Exception):
    """A part of the query no paragraph can match."""


def _syntax(catalog: Catalog, text: str, message: str | None) -> PgQuery:
    """The project's query syntax, matched strictly as written; on trouble plain words, any of them, and a note."""
    note = None
    try:
        if text.count('"') % 2:
            raise ValueError("an unclosed quotation mark")
        parsed = parse_syntax_tree(text)
        if parsed is None:
            raise ValueError("nothing searchable")
        parsed, note = _expand(catalog, parsed)
        if parsed is None:
            raise ValueError("nothing searchable")
        where = _condition(catalog, parsed)
        marks = query_marks(parsed)
        parts = own_parts(parsed)
    except Exception as exc:  # noqa: BLE001 - any syntax trouble becomes a message, never a 500
        words, message = unreadable(text, exc)
        if not words:
            return PgQuery(None, query_marks(None), message)
        stems = [s for _, s in stems_of(" ".join(words))]
        where = ts("(" + " | ".join(lexeme(s, OWN) for s in stems) + ")")
        marks = QueryMarks(frozenset(stems), ())
        parts = None
    query = PgQuery(where, marks, message or note, score=_relevance(marks), own_parts=parts)
    _syntax_columns(catalog, query)
    return query


def _syntax_columns(catalog: Catalog, q: PgQuery) -> None:
    """A syntax query's own-word flags (columns g<i> and o<i>, alike: its words are searched in a paragraph's own
    text) and the cheap key over them, so a page scores only the best candidates exactly, as best match does.
    Left out for many words (a wildcard's expansion), where testing each word on every row costs more."""
    words = sorted(q.marks.words | {w for p in q.marks.phrases for w in p})
    if not words or len(words) > MAX_CHEAP_WORDS:
        return
    df = catalog.df(words)
    total = max(catalog.paragraphs, 1)
    idfs = [math.log1p((total - max(1, df.get(w, 0)) + 0.5) / (max(1, df.get(w, 0)) + 0.5)) for w in words]
    q.columns = [(f"{kind}{i}", ts(lexeme(w, OWN))) for kind in "go" for i, w in enumerate(words)]
    cols = [sql.SQL("p.") + sql.Identifier(f"o{i}") for i in range(len(words))]
    q.cheap = _cheap_key(catalog, cols, [sql.SQL("p.") + sql.Identifier(f"g{i}") for i in range(len(words))],
                         idfs, [0.0] * len(words))
    q.lift = Expr(sql.SQL("0::int"))  # no lifts (a bare 0 in ORDER BY would name a column)


def own_parts(node: qt.Node) -> list[tuple[str, ...]] | None:
    """The phrases and words of a query made only of required parts of a paragraph's own text (`"a b c" d`,
    each part searched in heading or text), else None."""
    parts = node.parts if isinstance(node, qt.And) else (node,)
    out = []
    for part in parts:
        if not (isinstance(part, qt.Or) and len(part.parts) == 2):
            return None
        heading, text = part.parts
        if type(heading) is not type(text) or not isinstance(heading, (qt.Term, qt.Phrase)) or \
                (heading.field, text.field) != ("heading", "text"):
            return None
        words = heading.words if isinstance(heading, qt.Phrase) else (heading.text,)
        if words != (text.words if isinstance(text, qt.Phrase) else (text.text,)):
            return None
        out.append(tuple(words))
    return out or None


def _relevance(marks: QueryMarks) -> Expr:
    """Rank by the marked words in heading and text, lifted where the title has them (as the embedded order)."""
    words = sorted(marks.words | {w for p in marks.phrases for w in p})
    if not words:
        return Expr(sql.SQL("0"))
    own = "(" + " | ".join(lexeme(w, OWN) for w in words) + ")"
    title = "(" + " | ".join(lexeme(w, "A") for w in words) + ")"
    return Expr(sql.SQL("ts_rank(%s::float4[], p.tsv, %s::tsquery, 1) * CASE WHEN p.tsv @@ %s::tsquery "
                        "THEN %s ELSE 1 END"),
                [rank_weights(), own, title, 1.0 + settings.RANKING.title_match_bonus])


def _expand(catalog: Catalog, q: qt.Node) -> tuple[qt.Node | None, str | None]:
    """Wildcards and prefixes replaced by the words of the index they stand for (the most frequent kept)."""
    notes: list[str] = []

    def fix(node: qt.Node) -> qt.Node:
        if isinstance(node, qt.Pattern) and node.field in FIELD_WEIGHTS:
            pattern = node.text + ("*" if node.prefix else "")
            if pattern[:1] in "*?":
                raise ValueError(f"the pattern “{pattern}” starts with a wildcard, which would scan every word; "
                                 "put some letters before * or ?")
            words, capped = catalog.words_like(pattern.lower(), settings.MAX_EXPANSION_TERMS)
            if capped:
                notes.append(f"“{pattern}” matches many words; the {len(words)} most frequent were searched.")
            if not words:
                return qt.Or(())  # matches nothing
            return qt.Or(tuple(qt.Term(node.field, w) for w in words))
        return node

    return qt.transform(q, fix), " ".join(notes) or None


def _condition(catalog: Catalog, node: qt.Node) -> Expr:
    """A query tree as one SQL condition (text parts merged into as few tsqueries as possible)."""
    kind, value = _part(catalog, node)
    return ts(value) if kind == "ts" else value


def _part(catalog: Catalog, node: qt.Node) -> tuple[str, str | Expr]:
    """("ts", tsquery text) for a text-only node, else ("sql", Expr)."""
    if isinstance(node, qt.Phrase):
        if node.field in FIELD_WEIGHTS:
            return "ts", phrase(list(node.words), FIELD_WEIGHTS[node.field])
        return "sql", _field_value(catalog, node.field, " ".join(node.words))
    if isinstance(node, qt.Term):
        if node.field in FIELD_WEIGHTS:
            return "ts", lexeme(node.text, FIELD_WEIGHTS[node.field])
        return "sql", _field_value(catalog, node.field, node.text)
    if isinstance(node, qt.Range):
        return "sql", _range(node)
    if isinstance(node, qt.Everything):
        return "sql", Expr(sql.SQL("true"))
    if isinstance(node, qt.Not):
        kind, inner = _part(catalog, node.part)
        if kind == "ts":
            return "ts", f"!{inner}" if inner.startswith("(") else f"!({inner})"
        return "sql", Expr(sql.SQL("NOT ") + inner.sql, inner.params)
    if isinstance(node, qt.AndNot):
        return _combine(catalog, [node.positive, qt.Not(node.negative)], "&")
    if isinstance(node, (qt.And, qt.Or)):
        if not node.parts:
            return "sql", Expr(sql.SQL("false"))
        return _combine(catalog, list(node.parts), "&" if isinstance(node, qt.And) else "|")
    raise ValueError(f"“{node}” is not a query this backend can read")


def _combine(catalog: Catalog, children: list[qt.Node], op: str) -> tuple[str, str | Expr]:
    """Children joined by AND (&) or OR (|): text children merged into one tsquery."""
    parts = [_part(catalog, c) for c in children]
    texts = [v for k, v in parts if k == "ts"]
    others = [v for k, v in parts if k == "sql"]
    if not others:
        return "ts", "(" + f" {op} ".join(texts) + ")"
    exprs = ([ts("(" + f" {op} ".join(texts) + ")")] if texts else []) + others
    return "sql", _and(exprs) if op == "&" else _or(exprs)


def _field_value(catalog: Catalog, name: str, value: str) -> Expr:
    """`council:medway`, `severity:good`, `leadership:inadequate`, `year:2019` as column conditions, matched to
    the stored spelling of the value."""
    if name == "year":
        if not value.strip().isdigit():
            raise ValueError(f"year must be a number, not “{value}”")
        return Expr(sql.SQL("p.year = %s"), [int(value)])
    if name in ARRAY_FIELDS or name in TEXT_FIELDS:
        stored = next((v for v in catalog.facet_values(name) if v.lower() == value.lower()), value)
        return _has_value(name, stored)
    raise ValueError(f"the field “{name}” cannot be searched")


def _range(node: qt.Range) -> Expr:
    """A year range (`year:[2018 TO 2020]`, `year:2019`)."""
    if node.field != "year":
        raise ValueError("only years can be searched as a range")
    start, end = node.start, node.end
    parts = [Expr(sql.SQL("p.year > 0"))]
    if start is not None:
        parts.append(Expr(sql.SQL("p.year >= %s"), [start]))
    if end is not None:
        parts.append(Expr(sql.SQL("p.year <= %s"), [end]))
    return _and(parts)
