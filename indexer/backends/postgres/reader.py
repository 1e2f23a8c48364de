"""Reading from PostgreSQL (SearchBackend): every request reads the live generation's name once, on the server it
runs on, and queries that generation's schema only, so a page never mixes two generations and a replica serves a
new generation only once it has replayed it (the live row is replayed after the data it names)."""
from __future__ import annotations

import datetime as dt
import math
import threading
from collections import Counter
from dataclasses import dataclass, field, replace

import psycopg
from psycopg import sql

from indexer import settings
from indexer.models import Hit, SearchRequest, SearchResult
from indexer.backends.embedded.query.context import councils_named
from indexer.backends.embedded.read.execute import _message, suggest
from indexer.search.facets import FACETS
from indexer.backends.embedded.read.recent import date_key, key_date
from indexer.backends.embedded.postings.terms import idf, is_content, words
from indexer.search.snippets import QueryMarks, mark
from indexer.backends.embedded.index.spelling import Speller
from indexer.backends.embedded.read.collection import KIND_LABELS, current_council_names
from indexer.contract import (Collection, CouncilDocument, CouncilSummary, DocParagraph, DocumentView, ExportRow,
                              GridCell, GridCounts, GridRow, IndexDamaged, IndexMissing, IndexStats,
                              ParagraphMatches, ParagraphMissing, SimilarParagraph, SimilarResult, SimilarSource)
from indexer.backends.postgres import layout
from indexer.backends.postgres.database import Database
from indexer.backends.postgres.facets import facet_counts, facet_filter, facet_values, tally
from indexer.backends.postgres import allwords, frequent, matching, phrases
from indexer.backends.postgres import pages
from indexer.backends.postgres.pages import own_groups
from indexer.search.answer import asked_by, shown_paragraph
from indexer.backends.postgres.query import Catalog, Expr, PgQuery, and_, lexeme, read
from indexer.backends.postgres.significant import significant


@dataclass
class _GenerationFacts:
    """What a generation holds that every request needs, read once per generation and process."""

    paragraphs: int
    documents: int
    average_length: float
    values: dict[str, set[str]]
    speller: Speller
    keys: dict[int, dict]  # facet key -> {facet name: list of values} (year: [year] or [])
    list_pages: dict[int, list[int]] = field(default_factory=dict)  # council count -> list pages' doc_idx (round 31)


class _Catalog(Catalog):
    """The query reader's questions, answered from one generation over one connection."""

    def __init__(self, conn, schema: sql.Identifier, facts: _GenerationFacts):
        self.conn, self.schema, self.facts = conn, schema, facts
        self.paragraphs = facts.paragraphs
        self.average_length = facts.average_length

    def df(self, terms: list[str]) -> dict[str, int]:
        """Paragraphs having each stem in heading or text."""
        rows = self.conn.execute(sql.SQL("SELECT term, df FROM {}.vocab WHERE term = ANY(%s)").format(self.schema),
                                 (terms,)).fetchall()
        return dict(rows)

    def words_like(self, pattern: str, limit: int) -> tuple[list[str], bool]:
        """Stems matching a wildcard pattern (* and ?), most frequent first; and whether the list was capped."""
        like = pattern.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").replace("*", "%").replace("?", "_")
        rows = self.conn.execute(sql.SQL("SELECT term FROM {}.vocab WHERE term LIKE %s ORDER BY df DESC, term "
                                         "LIMIT %s").format(self.schema), (like, limit + 1)).fetchall()
        return [r[0] for r in rows[:limit]], len(rows) > limit

    def facet_values(self, name: str) -> set[str]:
        """The values a keyword field holds."""
        return self.facts.values.get(name, set())

    def suggest(self, word: str) -> str | None:
        """The speller's correction of an unknown word."""
        return self.facts.speller.suggest(word)

    def list_pages(self, least: int) -> list[int]:
        """The documents whose paragraphs are filed under at least `least` councils (a list page, round 31), read
        once per generation: the union of the paragraphs' council facets, as the embedded index counts them."""
        found = self.facts.list_pages.get(least)
        if found is None:
            found = [r[0] for r in self.conn.execute(sql.SQL(
                "SELECT p.doc_idx FROM {}.paragraphs p, unnest(p.council) c GROUP BY p.doc_idx "
                "HAVING count(DISTINCT c) >= %s ORDER BY p.doc_idx").format(self.schema), (least,)).fetchall()]
            self.facts.list_pages[least] = found
        return found


class PostgresBackend:
    """The product's reads over a PostgreSQL primary and its replicas (SearchBackend)."""

    def __init__(self, database: Database):
        self.db = database
        self._facts: dict[str, _GenerationFacts] = {}
        self._lock = threading.Lock()

    # --- one request -------------------------------------------------------------------------------------------

    def _request(self, work):
        """Run work(conn, schema, catalog) on one server against the live generation read there once."""
        def run(conn):
            name = layout.live_generation(conn)
            if name is None:
                raise IndexMissing("no generation in the database: run `reportsearch rebuild --database URL` first")
            schema = layout.ident(name)
            try:
                return work(conn, schema, _Catalog(conn, schema, self._generation_facts(conn, name, schema)))
            except psycopg.errors.UndefinedColumn as exc:  # a generation built before a column this version reads
                raise IndexDamaged(layout.older_layout(name, exc)) from exc
        return self.db.read(run)

    def _generation_facts(self, conn, name: str, schema: sql.Identifier) -> _GenerationFacts:
        """Counts and facet values of a generation (cached by its name: a generation never changes)."""
        facts = self._facts.get(name)
        if facts is None:
            paragraphs, documents, average = conn.execute(sql.SQL(
                "SELECT (SELECT count(*) FROM {s}.paragraphs), (SELECT count(*) FROM {s}.documents), "
                "(SELECT avg(length) FROM {s}.paragraphs)").format(s=schema)).fetchone()
            values: dict[str, set[str]] = {}
            for field in settings.KEYWORD_FACET_FIELDS:
                column = sql.Identifier(field)
                expr = (sql.SQL("SELECT DISTINCT unnest({}) FROM {}.documents") if field in ("council", "severity", "grade_change")
                        else sql.SQL("SELECT DISTINCT subjudgements->>{} FROM {}.documents"))
                if field in ("council", "severity", "grade_change"):
                    query = expr.format(column, schema)
                else:
                    query = expr.format(sql.Literal(field), schema)
                values[field] = {r[0] for r in conn.execute(query).fetchall() if r[0]}
            counts = dict(conn.execute(sql.SQL("SELECT word, count FROM {}.words").format(schema)).fetchall())
            keys = {}
            for fkey, council, severity, year, *subs in conn.execute(
                    sql.SQL("SELECT * FROM {}.facet_keys").format(schema)).fetchall():
                keys[fkey] = {"council": list(council), "severity": list(severity), "year": [year] if year else [],
                              **{n: [v] if v else [] for n, v in zip(settings.SUBJUDGEMENT_FIELDS, subs)}}
            facts = _GenerationFacts(paragraphs, documents, float(average or 1.0), values, Speller(counts), keys)
            with self._lock:
                self._facts = {name: facts}  # only the live generation's facts are kept
        return facts

    # --- SearchBackend ---------------------------------------------------------------------------------------------

    def exists(self) -> bool:
        """True when a generation is live."""
        return self.db.read(lambda conn: layout.live_generation(conn) is not None)

    def generation_id(self) -> str:
        """The live generation's name."""
        name = self.db.read(layout.live_generation)
        if name is None:
            raise IndexMissing("no generation in the database: run `reportsearch rebuild --database URL` first")
        return name

    def built_at(self) -> str | None:
        """When the live generation was built."""
        return self.stats().built_at

    def warm(self) -> None:
        """Open the pools and read the live generation's facts before users arrive."""
        if self.exists():
            self.search(SearchRequest(q="children services council"))

    def search(self, req: SearchRequest) -> SearchResult:
        """Ranked hits of one page and honest facet counts (each facet counted under the other facets' selections)."""
        def work(conn, schema, cat):
            q = read(cat, req.q, strict=req.match == "all")
            offset = (req.page - 1) * req.per_page
            ranked = None
            every = allwords.page(conn, schema, q, req, offset, cat.facts.keys) or \
                phrases.page(conn, schema, q, req, offset, cat.facts.keys)
            match = every[0] if every is not None else matching.match(conn, schema, q)
            fast = every[1:] if every is not None else frequent.page(conn, schema, q, match, req, offset,
                                                                      cat.facts.keys)
            if fast is not None:  # counts and candidates from build-time tables (postings, frequent words)
                rows, ranked = fast
                counts = tally(rows, req, cat.facts.keys)
            elif pages.can_fuse(q, req, offset):  # counts and the page's candidates from one pass over the matches
                rows, ranked = pages.counted_and_ranked(conn, schema, q, match, req, req.per_page, offset)
                counts = tally(rows, req, cat.facts.keys)
            else:
                counts = facet_counts(conn, schema, match, req, cat.facts.keys)
            total, total_docs = counts.pop("#total")[None], counts.pop("#docs")[None]
            histogram = counts.pop("#years")
            hits = self._page(conn, schema, q, match, req, total, total_docs, ranked)
            suggestion = (suggest(_Spelling(cat.facts.speller), req.q)
                          if req.q and (len(hits) < 3 or q.corrections) else None)
            return SearchResult(request=req, total=total, total_docs=total_docs, hits=hits,
                                facets=facet_values(counts, req), facet_labels={f.name: f.label for f in FACETS},
                                message=_message(q), suggestion=suggestion,
                                year_histogram=sorted((int(y), c) for y, c in histogram.items()),
                                match_info=_match_info(q, match, self._all_words(conn, schema, q, match, req, total)),
                                corrections=list(q.corrections))
        return self._request(work)

    @staticmethod
    def _all_words(conn, schema, q: PgQuery, match: Expr, req: SearchRequest, total: int) -> int:
        """Matching paragraphs (under the facet selections) that have every group of a best-match query."""
        counted = [g for g, group in zip(q.groups, q.plan.groups) if group.counted] if q.plan else []
        if q.plan is None or not counted or q.required >= len(counted):
            return total
        every = Expr(sql.SQL("p.tsv @@ %s::tsquery"), ["(" + " & ".join(counted) + ")"])
        where = and_(match, facet_filter(req), every)
        return conn.execute(sql.SQL("SELECT count(*) FROM {}.paragraphs p WHERE ").format(schema) + where.sql,
                            where.params).fetchone()[0]

    def export_rows(self, req: SearchRequest, cap: int = settings.CSV_EXPORT_CAP) -> tuple[list[ExportRow], int]:
        """Matching paragraphs as flat rows, ranked, up to `cap`; and the total."""
        flat = SearchRequest(**{**req.__dict__, "page": 1, "per_page": cap, "collapse": False})

        def work(conn, schema, cat):
            q = read(cat, flat.q, strict=flat.match == "all")
            match = matching.match(conn, schema, q)
            where = and_(match, facet_filter(flat))
            total = conn.execute(sql.SQL("SELECT count(*) FROM {}.paragraphs p WHERE ").format(schema) + where.sql,
                                 where.params).fetchone()[0]
            ranked = pages.ranked(conn, schema, q, match, flat, cap, 0)
            rows = pages.rows(conn, schema, [pid for pid, _, _ in ranked])
            return [ExportRow(doc_id=r["doc_id"], paragraph=r["n"], title=r["title"], url=r["url"],
                              council="; ".join(r["council"]), year=r["year"] or "",
                              severity="; ".join(r["severity"]), heading=r["heading"], text=r["text"],
                              score=round(score, 4)) for (pid, _, score), r in zip(ranked, (rows[p] for p, _, _ in ranked))], total
        return self._request(work)

    def document(self, doc_id: str) -> DocumentView | None:
        """A whole document, or None."""
        def work(conn, schema, cat):
            doc = conn.execute(sql.SQL("SELECT doc_idx, title, url, path, kind, published, year, year_confidence, "
                                       "council_code, subjudgements, grade_change, outcome FROM {}.documents "
                                       "WHERE doc_id = %s").format(schema), (doc_id,)).fetchone()
            if doc is None:
                return None
            paras = conn.execute(sql.SQL("SELECT n, heading, text, council, severity FROM {}.paragraphs "
                                         "WHERE doc_idx = %s ORDER BY n").format(schema), (doc[0],)).fetchall()
            return DocumentView(
                doc_id=doc_id, title=doc[1], url=doc[2], path=doc[3], kind=doc[4],
                published=doc[5].isoformat() if doc[5] else None, year=doc[6] or None,
                year_confidence=doc[7] or None, severity=list(paras[0][4]) if paras else [],
                council=sorted({c for p in paras for c in p[3]}), council_code=list(doc[8]),
                subjudgements={k: v for k, v in doc[9].items() if v and k in settings.SUBJUDGEMENT_FIELDS},
                grade_change=list(doc[10]), official_outcome=doc[11],
                paragraphs=[DocParagraph(n=p[0], heading=p[1], text=p[2], council=list(p[3])) for p in paras])
        return self._request(work)

    def matching_paragraphs(self, doc_id: str, text: str) -> ParagraphMatches:
        """The paragraphs of one document that match a query (for best match, those with a query word of their
        own), highlighted whole."""
        def work(conn, schema, cat):
            q = read(cat, text)
            if q.everything:
                return ParagraphMatches([], {})
            where = q.where
            if q.plan is not None:
                where = Expr(sql.SQL("p.tsv @@ %s::tsquery"), ["(" + " | ".join(own_groups(q)) + ")"])
            rows = conn.execute(sql.SQL("SELECT p.n, p.text FROM {s}.paragraphs p JOIN {s}.documents d USING (doc_idx) "
                                        "WHERE d.doc_id = %s AND ").format(s=schema) + where.sql + sql.SQL(" ORDER BY p.n"),
                                [doc_id, *where.params]).fetchall()
            marked = {n: mark(t, q.marks, whole=True) for n, t in rows}
            return ParagraphMatches(sorted(marked), marked)
        return self._request(work)

    def stats(self) -> IndexStats:
        """What the live generation holds."""
        def work(conn, schema, cat):
            name = conn.execute(f"SELECT generation FROM {layout.CONTROL}.live_generation").fetchone()[0]
            info = conn.execute(f"SELECT info FROM {layout.CONTROL}.generations WHERE generation = %s",
                                (name,)).fetchone()
            info = info[0] if info else {}
            facets: dict[str, dict[str, int]] = {}
            for field in settings.KEYWORD_FACET_FIELDS:
                column = sql.Identifier(field)
                if field in ("council", "severity", "grade_change"):
                    query = sql.SQL("SELECT v, count(*) FROM {}.paragraphs p, unnest(p.{}) v GROUP BY v "
                                    "ORDER BY count(*) DESC, v").format(schema, column)
                else:
                    query = sql.SQL("SELECT {c}, count(*) FROM {}.paragraphs WHERE {c} IS NOT NULL GROUP BY {c} "
                                    "ORDER BY count(*) DESC, {c}").format(schema, c=column)
                values = dict(conn.execute(query).fetchall())
                if values:
                    facets[field] = values
            years = conn.execute(sql.SQL("SELECT year, count(*) FROM {}.paragraphs WHERE year > 0 GROUP BY year "
                                         "ORDER BY year").format(schema)).fetchall()
            facets["year"] = {str(y): c for y, c in years}
            return IndexStats(documents=cat.facts.documents, paragraphs=cat.facts.paragraphs, facets=facets,
                              built_at=info.get("built_at"), sources=info.get("sources", []),
                              skipped=info.get("skipped", []), warnings=info.get("warnings", []), generation=name)
        return self._request(work)

    def facet_values(self) -> dict[str, set[str]]:
        """Every value each facet field holds in the live generation (years as strings)."""
        def work(conn, schema, cat):
            years = conn.execute(sql.SQL("SELECT DISTINCT year FROM {}.documents WHERE year > 0").format(schema))
            return {**{name: set(values) for name, values in cat.facts.values.items()},
                    "year": {str(row[0]) for row in years.fetchall()}}
        return self._request(work)

    def collection(self, newest_count: int = 6) -> Collection:
        """What the live generation holds, counted by documents: kinds, councils, years, the newest."""
        def work(conn, schema, cat):
            kinds: dict[str, int] = {}
            for kind, n in conn.execute(sql.SQL("SELECT kind, count(*) FROM {}.documents GROUP BY kind")
                                        .format(schema)).fetchall():
                label = KIND_LABELS.get(kind, "other files")
                kinds[label] = kinds.get(label, 0) + n
            per_facet: dict[str, dict[str, int]] = {}
            for field in settings.KEYWORD_FACET_FIELDS:
                if field in ("council", "severity", "grade_change"):
                    query = sql.SQL("SELECT v, count(*) FROM {}.documents d, unnest(d.{}) v GROUP BY v") \
                        .format(schema, sql.Identifier(field))
                else:
                    query = sql.SQL("SELECT subjudgements->>{f}, count(*) FROM {s}.documents "
                                    "WHERE subjudgements->>{f} IS NOT NULL GROUP BY 1").format(
                                        f=sql.Literal(field), s=schema)
                values = dict(conn.execute(query).fetchall())
                if values:
                    per_facet[field] = values
            years = conn.execute(sql.SQL("SELECT year, count(*) FROM {}.documents WHERE year > 0 GROUP BY year "
                                         "ORDER BY year").format(schema)).fetchall()
            newest = [{"doc_id": doc_id, "title": title or doc_id,
                       "date": published.isoformat() if published else str(year),
                       "council": list(council), "severity": list(severity)}
                      for doc_id, title, published, year, council, severity in conn.execute(sql.SQL(
                          "SELECT doc_id, title, published, year, council, severity FROM {}.documents "
                          "WHERE published IS NOT NULL OR year > 0 "
                          "ORDER BY coalesce(published, make_date(year, 7, 1)) DESC, doc_id LIMIT %s")
                          .format(schema), (newest_count,)).fetchall()]
            councils = per_facet.get("council", {})
            current = current_council_names()
            return Collection(documents=cat.facts.documents, paragraphs=cat.facts.paragraphs,
                              by_kind=sorted(kinds.items(), key=lambda kv: -kv[1]), councils_with_documents=councils,
                              current_councils=len(current), current_covered=len(current & set(councils)),
                              years=[(int(y), int(c)) for y, c in years], built_at=None, newest=newest,
                              facet_documents=per_facet)
        found = self._request(work)
        return replace(found, built_at=self.built_at())

    def damage(self) -> str | None:
        """Why the live generation cannot be read now, or None."""
        try:
            self.generation_id()
        except IndexMissing:
            return None  # nothing built yet is not damage
        except Exception as exc:  # noqa: BLE001 - the reason is the answer
            return f"the database cannot be read: {exc}"
        return None

    def grid(self, req: SearchRequest) -> GridCounts:
        """The search's matching paragraphs per council (most first) and year (unknown year last, as 0)."""
        def work(conn, schema, cat):
            q = read(cat, req.q, strict=req.match == "all")
            where = and_(matching.match(conn, schema, q), facet_filter(req))
            # a row's link is the council filter: its councils are the facet key's (round 27: with a long list's
            # members, as the filter; a generation from before has the paragraphs' own there)
            councils = sql.SQL("unnest((SELECT k.council FROM {}.facet_keys k WHERE k.fkey = p.fkey)) c").format(schema)
            cells = conn.execute(sql.SQL("SELECT c, p.year, count(*) FROM {}.paragraphs p, {} WHERE ").format(
                schema, councils) + where.sql + sql.SQL(" GROUP BY c, p.year"), where.params).fetchall()
            docs = dict(conn.execute(sql.SQL("SELECT c, count(DISTINCT p.doc_idx) FROM {}.paragraphs p, {} "
                                             "WHERE ").format(schema, councils) + where.sql +
                                     sql.SQL(" GROUP BY c"), where.params).fetchall())
            total = conn.execute(sql.SQL("SELECT count(*) FROM {}.paragraphs p WHERE ").format(schema) + where.sql,
                                 where.params).fetchone()[0]
            years = sorted({y for _, y, _ in cells}, key=lambda y: (y == 0, y))
            by_council: dict[str, dict[int, int]] = {}
            for council, year, count in cells:
                by_council.setdefault(council, {})[year] = count
            rows = [GridRow(council=c, total=sum(v.values()), documents=docs.get(c, 0),
                            cells=[GridCell(y, v.get(y, 0)) for y in years]) for c, v in by_council.items()]
            rows.sort(key=lambda r: (-r.total, r.council))
            return GridCounts(years=years, rows=rows, total=total)
        return self._request(work)

    def newest(self, req: SearchRequest, since: dt.date | None = None,
               limit: int = settings.FEED_ENTRIES) -> tuple[list[Hit], int]:
        """The search's matching paragraphs of dated documents, newest first (a few per document); the total."""
        def work(conn, schema, cat):
            q = read(cat, req.q, strict=req.match == "all")
            where = and_(matching.match(conn, schema, q), facet_filter(req),
                         Expr(sql.SQL("p.date_sort >= %s"), [date_key(since) if since else 1]))
            total = conn.execute(sql.SQL("SELECT count(*) FROM {}.paragraphs p WHERE ").format(schema) + where.sql,
                                 where.params).fetchone()[0]
            picked = conn.execute(
                sql.SQL("SELECT pid FROM (SELECT p.pid, p.date_sort, p.doc_idx, p.n, row_number() OVER "
                        "(PARTITION BY p.doc_idx ORDER BY p.n) AS rn FROM {}.paragraphs p WHERE ").format(schema)
                + where.sql + sql.SQL(") m WHERE rn <= %s ORDER BY date_sort DESC, doc_idx, n LIMIT %s"),
                [*where.params, settings.FEED_PARAGRAPHS_PER_DOCUMENT, limit]).fetchall()
            rows = pages.rows(conn, schema, [r[0] for r in picked])
            hits = []
            for (pid,) in picked:
                hit = pages.hit(rows[pid], q.marks, 0.0, 0, [])
                hit.date = key_date(rows[pid]["date_sort"])
                hits.append(hit)
            return hits, total
        return self._request(work)

    def similar(self, doc_id: str, paragraph: int, scope: str = "other-councils") -> SimilarResult:
        """Paragraphs in other documents (by default of other councils) sharing the paragraph's distinctive words."""
        def work(conn, schema, cat):
            source = conn.execute(sql.SQL("SELECT p.doc_idx, p.text, p.council, d.title, p.year FROM {s}.paragraphs p "
                                          "JOIN {s}.documents d USING (doc_idx) WHERE d.doc_id = %s AND p.n = %s")
                                  .format(s=schema), (doc_id, paragraph)).fetchone()
            if source is None:
                raise ParagraphMissing(f"document {doc_id!r} has no paragraph {paragraph}")
            doc_idx, text, councils, title, year = source
            exclude = {w.raw for c in councils for w in words(c)}
            tokens = [w for w in words(text) if is_content(w) and w.raw not in exclude]
            tf = Counter(w.stem for w in tokens)
            spelled = {w.stem: w.raw for w in reversed(tokens)}
            df = cat.df(sorted(tf))
            chosen = sorted(((s, spelled[s], f * idf(cat.paragraphs, df[s])) for s, f in tf.items() if df.get(s, 0) > 1),
                            key=lambda t: (-t[2], t[0]))[: settings.SIMILAR_QUERY_TERMS]
            result = SimilarResult(SimilarSource(doc_id, paragraph, title, list(councils), year or None, text),
                                   scope, [raw for _, raw, _ in chosen], [])
            if not chosen:
                return result
            needed = max(2, math.ceil(settings.SIMILAR_MIN_SHARED * len(chosen)))
            present = sql.SQL(", ").join(sql.SQL("p.tsv @@ %s::tsquery") for _ in chosen)
            shared = sql.SQL(" + ").join(sql.SQL("(p.tsv @@ %s::tsquery)::int") for _ in chosen)
            score = sql.SQL(" + ").join(sql.SQL("%s * ts_rank(p.tsv, %s::tsquery, 1)") for _ in chosen)
            words_q = [lexeme(s, "D") for s, _, _ in chosen]
            any_q = "(" + " | ".join(words_q) + ")"
            scope_sql = sql.SQL("AND NOT (p.council && %s)") if scope == "other-councils" else sql.SQL("AND %s::text[] IS NOT NULL")
            query = sql.SQL(
                "SELECT pid, score, present FROM (SELECT DISTINCT ON (doc_idx) pid, doc_idx, score, present FROM ("
                "SELECT p.pid, p.doc_idx, ({score}) AS score, ({shared}) AS shared, ARRAY[{present}] AS present "
                "FROM {s}.paragraphs p WHERE p.tsv @@ %s::tsquery AND p.doc_idx <> %s {scope}) c "
                "WHERE shared >= %s ORDER BY doc_idx, score DESC, pid) b ORDER BY score DESC, pid LIMIT %s").format(
                score=score, shared=shared, present=present, s=schema, scope=scope_sql)
            params = [x for (s, _, w), q in zip(chosen, words_q) for x in (w, q)] + words_q + words_q + \
                     [any_q, doc_idx, list(councils), needed, settings.SIMILAR_RESULTS]
            found = conn.execute(query, params).fetchall()
            rows = pages.rows(conn, schema, [r[0] for r in found])
            marks = QueryMarks(frozenset(s for s, _, _ in chosen), ())
            for pid, score, present_flags in found:
                r = rows[pid]
                result.results.append(SimilarParagraph(
                    doc_id=r["doc_id"], paragraph=r["n"], title=r["title"], council=r["council"], year=r["year"] or None,
                    severity=r["severity"], heading=r["heading"], snippet_html=mark(r["text"], marks),
                    score=round(float(score), 4), shared=[raw for (_, raw, _), ok in zip(chosen, present_flags) if ok]))
            return result
        return self._request(work)

    def council_summary(self, names: list[str], exclude: set[str]) -> CouncilSummary:
        """Paragraph count, documents by year and distinctive words and phrases of these councils' paragraphs."""
        def work(conn, schema, cat):
            paras = conn.execute(sql.SQL("SELECT p.doc_idx, p.text FROM {}.paragraphs p WHERE p.council && %s")
                                 .format(schema), (list(names),)).fetchall()
            docs = conn.execute(sql.SQL(
                "SELECT d.doc_id, d.title, d.year, d.published, d.kind, d.date_sort, count(*), "
                "(array_agg(p.severity ORDER BY p.n))[1], (array_agg(p.council ORDER BY p.n))[1] "
                "FROM {s}.paragraphs p JOIN {s}.documents d USING (doc_idx) WHERE p.council && %s "
                "GROUP BY d.doc_idx ORDER BY d.year DESC, d.date_sort DESC, d.title").format(s=schema),
                (list(names),)).fetchall()
            by_year: dict[int | None, list[CouncilDocument]] = {}
            for doc_id, title, year, published, kind, _, count, severity, council in docs:
                by_year.setdefault(year or None, []).append(CouncilDocument(
                    doc_id, title, year or None, published.isoformat() if published else None, list(severity or []),
                    kind, list(council or []), count))
            terms, phrases = significant(conn, schema, cat, paras, {w.lower() for w in exclude})
            return CouncilSummary(len(paras), list(by_year.items()), terms, phrases)
        return self._request(work)

    def document_counts(self) -> dict[str, int]:
        """Documents per council facet value."""
        def work(conn, schema, cat):
            return dict(conn.execute(sql.SQL("SELECT c, count(DISTINCT p.doc_idx) FROM {}.paragraphs p, "
                                             "unnest(p.council) c GROUP BY c").format(schema)).fetchall())
        return self._request(work)

    # --- matching and ranking -----------------------------------------------------------------------------------

    def _page(self, conn, schema, q: PgQuery, match: Expr, req: SearchRequest, total: int, total_docs: int,
              ranked: list[tuple] | None = None) -> list[Hit]:
        """The hits of the requested page (ranked here unless given): the best paragraph per document when
        collapsing, with the document's other matching paragraphs."""
        offset = (req.page - 1) * req.per_page
        if not total or offset >= (total_docs if req.collapse else total):
            return []
        if ranked is None:
            ranked = pages.ranked(conn, schema, q, match, req, req.per_page, offset)
        rows = pages.rows(conn, schema, [pid for pid, _, _ in ranked], own_groups(q) if q.plan else [])
        if q.plan is not None and req.collapse and req.sort not in ("newest", "oldest") and ranked:
            ranked, rows = self._answering(conn, schema, q, match, req, ranked, rows)
        others: dict[int, tuple[int, list[int]]] = {}
        if req.collapse and ranked:
            # Every matching paragraph of the page's documents (the ranking may have seen only the best ones).
            docs = [rows[pid]["doc_idx"] for pid, _, _ in ranked]
            where = and_(match, facet_filter(req), Expr(sql.SQL("p.doc_idx = ANY(%s)"), [docs]))
            for doc_idx, count, ns in conn.execute(sql.SQL("SELECT p.doc_idx, count(*), (array_agg(p.n ORDER BY p.n))"
                                                           "[1:101] FROM {}.paragraphs p WHERE ").format(schema)
                                                   + where.sql + sql.SQL(" GROUP BY p.doc_idx"), where.params).fetchall():
                others[doc_idx] = (count, ns)
        hits = []
        for pid, _, score in ranked:
            row = rows[pid]
            count, numbers = others.get(row["doc_idx"], (1, []))
            own = [n for n in numbers if n != row["n"]]
            hit = pages.hit(row, q.marks, score, count - 1 if req.collapse else 0, own)
            if q.plan is not None:
                hit.context_matched = pages.context_matched(q, row)
                if "council" in hit.context_matched:
                    hit.councils_matched = councils_named(hit.council, q.plan.stems)
            hits.append(hit)
        return hits


    @staticmethod
    def _answering(conn, schema, q: PgQuery, match: Expr, req: SearchRequest, ranked: list, rows: dict):
        """Each document shown by the paragraph that answers the question among its best few (search/answer.py),
        in the same order, with the best paragraph's score."""
        docs = [rows[pid]["doc_idx"] for pid, _, _ in ranked]
        asked = asked_by(q.plan)
        # Paragraphs without a query word of their own are left out below. A question about councils as a set may
        # be shown the list of them below the minimum (as the embedded index: a run of names has few query words).
        widened = q.where if asked.listing and q.where is not None else match
        if q.named is not None and q.required > 1:  # not a paragraph only the council's looser minimum matched
            widened = Expr(sql.SQL("({} AND ({}) >= %s)").format(widened.sql, q.matched.sql),
                           widened.params + q.matched.params + [q.plan.answer_minimum(q.required)])
        depth = settings.RANKING.flat_order_candidates
        candidates = pages.answer_candidates(conn, schema, q, widened, req, docs, depth)
        more = [p for pids in candidates.values() for p in pids if p not in rows]
        rows = {**rows, **pages.rows(conn, schema, more, own_groups(q))}
        out = []
        for pid, count, score in ranked:
            listed = candidates.get(rows[pid]["doc_idx"], [])
            others = [p for p in listed if p != pid and p in rows and any(rows[p]["own"])]
            # The best leads unless only a named council's looser minimum matched it (it is then not among the
            # candidates) and another paragraph meets the usual one (as the embedded index).
            pids = others if q.named is not None and q.required > 1 and pid not in listed and others else [pid] + others
            round_up = len(rows[pid]["doc_council"]) > 1
            texts = ((rows[p]["n"], rows[p]["text"]) for p in pids)
            chosen = pids[shown_paragraph(asked, texts, round_up, depth)]
            out.append((chosen, count, score))
        return out, rows


class _Spelling:
    """What the embedded 'Did you mean' reads of a generation: its speller."""

    def __init__(self, speller: Speller):
        self.speller = speller


def _match_info(q: PgQuery, match: Expr, all_words: int = 0) -> dict:
    """Which matching applied (toggle links are added above the seam)."""
    if q.plan is None:
        return {"mode": "syntax" if not q.everything else "browse"}
    words = [g.typed[:40] for g in q.plan.counted]
    if q.plan.stand_ins:
        words.append("grade " + " ".join(value for _, value in q.plan.stand_ins))
    return {"mode": "all" if q.plan.strict else "best", "words": words, "required": q.required,
            "of": len(q.plan.counted) + bool(q.plan.stand_ins), "all_words": all_words}
