"""Facet selections as SQL conditions, and honest multi-select facet counts from the matches' facet keys."""
from __future__ import annotations

from psycopg import sql

from indexer import settings
from indexer.models import FacetValue, SearchRequest
from indexer.search.facets import FACETS, YearFacet
from indexer.backends.postgres.query import Expr, and_


def facet_conditions(req: SearchRequest) -> dict[str, Expr]:
    """Each facet's selection as a condition (only facets with a selection)."""
    out = {}
    for facet in FACETS:
        if facet.name == "year":
            parts = []
            if req.year:
                parts.append(Expr(sql.SQL("p.year = ANY(%s)"), [list(req.year)]))
            if req.year_from is not None:
                parts.append(Expr(sql.SQL("p.year >= %s"), [req.year_from]))
            if req.year_to is not None:
                parts.append(Expr(sql.SQL("p.year <= %s AND p.year > 0"), [req.year_to]))
            if parts:
                out["year"] = and_(*parts)
            continue
        values = facet.selected(req)
        if not values:
            continue
        column = sql.Identifier(facet.name)
        if facet.name == "council":  # round 27: or named only inside a long list (no lift reads that column)
            out[facet.name] = Expr(sql.SQL("(p.council && %s::text[] OR p.{} && %s::text[])").format(
                sql.Identifier(settings.LISTED_FIELD)), [list(values), list(values)])
        elif facet.name == "severity":
            out[facet.name] = Expr(sql.SQL("p.{} && %s::text[]").format(column), [list(values)])
        else:
            out[facet.name] = Expr(sql.SQL("p.{} = ANY(%s)").format(column), [list(values)])
    return out


def facet_filter(req: SearchRequest) -> Expr:
    """Every facet selection AND-ed (true when none)."""
    conditions = list(facet_conditions(req).values())
    return and_(*conditions) if conditions else Expr(sql.SQL("true"))


def selections(req: SearchRequest) -> dict[str, callable]:
    """Each facet with a selection: a test of a facet key's values."""
    out = {}
    for facet in FACETS:
        if facet.name == "year":
            if not req.year and req.year_from is None and req.year_to is None:
                continue
            years, low, high = set(req.year), req.year_from, req.year_to

            def year_ok(values, years=years, low=low, high=high) -> bool:
                year = values[0] if values else 0
                return ((not years or year in years) and (low is None or year >= low)
                        and (high is None or 0 < year <= high))
            out["year"] = year_ok
            continue
        chosen = set(facet.selected(req))
        if chosen:
            out[facet.name] = lambda values, chosen=chosen: not chosen.isdisjoint(values)
    return out


def facet_counts(conn, schema, match: Expr, req: SearchRequest, keys: dict[int, dict]) -> dict[str, dict]:
    """Paragraphs per value of every facet, each under all selections but its own; the totals and the year
    histogram. One GROUP BY of the matches on (facet key, document); the rest is arithmetic on the few keys."""
    rows = conn.execute(sql.SQL("SELECT p.fkey, p.doc_idx, count(*) FROM {}.paragraphs p WHERE ").format(schema)
                        + match.sql + sql.SQL(" GROUP BY p.fkey, p.doc_idx"), match.params).fetchall()
    return tally(rows, req, keys)


def tally(rows, req: SearchRequest, keys: dict[int, dict]) -> dict[str, dict]:
    """Facet counts, totals and the year histogram from the matches' (facet key, document, paragraphs) rows:
    summed per facet key first (a few hundred keys against thousands of rows), the documents counted after."""
    tests = selections(req)
    names = [f.name for f in FACETS]
    out: dict[str, dict] = {n: {} for n in [*names, "#years"]}
    per_key: dict[int, int] = {}
    for fkey, _, count in rows:
        per_key[fkey] = per_key.get(fkey, 0) + count
    total, passing = 0, set()
    for fkey, count in per_key.items():
        values = keys[fkey]
        failing = [n for n, ok in tests.items() if not ok(values[n])]
        if len(failing) > 1:
            continue
        for name in failing or names:  # all pass: every facet counts it; one fails: only that facet does
            counted = out[name]
            for value in values[name]:
                counted[str(value)] = counted.get(str(value), 0) + count
        if not failing:
            total += count
            passing.add(fkey)
            for value in values["year"]:
                out["#years"][str(value)] = out["#years"].get(str(value), 0) + count
    out["#total"] = {None: total}
    out["#docs"] = {None: len({doc_idx for fkey, doc_idx, _ in rows if fkey in passing})}
    return out


def facet_values(counts: dict[str, dict], req: SearchRequest) -> dict[str, list[FacetValue]]:
    """Counted values as the registry shows them, selected ones always listed (toggle URLs are made above the seam)."""
    out = {}
    for facet in FACETS:
        found = counts.get(facet.name, {})
        if isinstance(facet, YearFacet):
            values = facet.values({int(v): c for v, c in found.items() if c}, req)
        else:
            values = facet.values(found, req)
        if values or not facet.hint:
            out[facet.name] = values
    return out
