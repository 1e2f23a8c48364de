"""Phrase pages from build-time word-pair postings: where each adjacent pair of frequent words stands.

A phrase of common words ("the local authority", "children in care") is the slowest PostgreSQL page: the GIN index
finds every paragraph having all its words, and each of those rows is read again to test the positions and to
rank it (11,000 rows for a phrase matching 20 paragraphs, 80,000 for one matching 58,000, at 300k paragraphs).
Here a phrase is matched in numpy instead: for every pair of adjacent stems that both have word postings
(`postings.py`), the generation stores the paragraph and tsvector position of each occurrence in a paragraph's own
words (heading and text); a phrase of n words matches where its n - 1 pairs follow one another. The counts and the
candidates to rank then come from the paragraph arrays and the same cheap key the SQL computes (`allwords.py`),
and PostgreSQL scores only the candidates.

Positions are PostgreSQL's own (a rebuild computes them as `rows.tsvector_literal` places words; an update reads
them from the tsvectors). A paragraph whose tsvector does not keep every word at its place (past position 16383,
or a word with more than 256 positions: `rows.irregular`) has no pairs recorded; its pid is listed, and such a
paragraph is tested by PostgreSQL itself when it has every word of the query.

Syntax queries made of quoted phrases and words of a paragraph's own text, all required, whose words all have
postings; and best-match queries whose required groups have phrase alternatives (`children in care` and its
synonyms), a group matching in any field: its phrases' own-word pairs plus the documents whose title or context has
the phrase. Within the candidates' pages; anything else takes the full pass (`None`).
"""
from __future__ import annotations

from array import array

import numpy as np
from psycopg import sql

from indexer import settings
from indexer.models import SearchRequest
from indexer.backends.postgres import allwords, postings
from indexer.backends.postgres.query import OWN, Expr, PgQuery, phrase
from indexer.backends.postgres.rows import GAP, MAX_LEXEME_BYTES

DDL = """
CREATE TABLE {schema}.pairs (pair text PRIMARY KEY, pids bytea NOT NULL, positions bytea NOT NULL);
ALTER TABLE {schema}.pairs ALTER COLUMN pids SET STORAGE EXTERNAL, ALTER COLUMN positions SET STORAGE EXTERNAL
"""
IRREGULAR = ""  # the row listing the paragraphs with no pairs recorded (no pair of stems is the empty text)
_PID, _POS = np.dtype("<i4"), np.dtype("<i2")


def pair_name(left: str, right: str) -> str:
    """A pair's key in the table (stems hold no space)."""
    return left + " " + right


# --- the build ------------------------------------------------------------------------------------------------

class PairCounter:
    """Each paragraph's heading and text stems as ids, recorded while a rebuild streams its documents (sharing
    the word postings' stem ids), and which paragraphs are irregular."""

    def __init__(self, words: postings.PostingCounter) -> None:
        self.words = words
        self.seq = array("i")          # stem ids, heading then text, each run ended by -1
        self.heads, self.texts = array("i"), array("i")
        self.starts = array("i")       # the heading's first tsvector position
        self.irregular = array("i")

    def add(self, first_pid: int, runs: list[tuple[list[str], list[str], bool]], heading_start: int) -> None:
        """One document's paragraphs (after `PostingCounter.add`, which numbered their stems)."""
        get, seq = self.words.ids.__getitem__, self.seq
        for i, (heading, text, irregular) in enumerate(runs):
            if irregular:
                self.irregular.append(first_pid + i)
                heading = text = ()
            seq.extend(map(get, heading))
            seq.append(-1)
            seq.extend(map(get, text))
            seq.append(-1)
            self.heads.append(len(heading))
            self.texts.append(len(text))
        self.starts.extend([heading_start] * len(runs))

    def tokens(self, chosen: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(pid, tsvector position, stem id) of every own word whose stem is chosen, in pid and position order."""
        seq = np.frombuffer(self.seq, dtype=np.int32)
        heads = np.frombuffer(self.heads, dtype=np.int32)
        sizes = heads + np.frombuffer(self.texts, dtype=np.int32) + 2
        pid = np.repeat(np.arange(len(sizes), dtype=np.int32), sizes)
        first = np.repeat(np.cumsum(sizes) - sizes, sizes)
        k = np.arange(len(seq), dtype=np.int64) - first
        # Heading word j sits at start + j; after the heading's -1, text word j at start + heading + GAP + j.
        pos = np.repeat(np.frombuffer(self.starts, dtype=np.int32), sizes) + k + \
            (k > np.repeat(heads, sizes)) * (GAP - 1)
        keep = seq >= 0
        keep[keep] = chosen[seq[keep]]
        return pid[keep], pos[keep].astype(np.int32), seq[keep]

    def rows(self, chosen_terms: np.ndarray):
        """The table's rows for pairs of the chosen stem ids (those given word postings)."""
        chosen = np.zeros(len(self.words.ids) + 1, dtype=bool)
        chosen[chosen_terms] = True
        names = {i: stem for stem, i in self.words.ids.items()}
        yield from pair_rows(*self.tokens(chosen), names.__getitem__)
        yield IRREGULAR, np.frombuffer(self.irregular, dtype=np.int32).astype(_PID).tobytes(), b""


def pair_rows(pid: np.ndarray, pos: np.ndarray, term: np.ndarray, name):
    """(pair, pids, positions) rows from own-word tokens sorted by pid and position: a pair is two tokens of one
    paragraph at consecutive positions; a row lists where its first word stands, in pid and position order."""
    at = np.flatnonzero((pid[:-1] == pid[1:]) & (pos[1:] == pos[:-1] + 1))
    if not len(at):
        return
    keys = term[at].astype(np.int64) << 32 | term[at + 1].astype(np.int64)
    order = np.argsort(keys, kind="stable")  # stable: each pair's occurrences stay in pid and position order
    keys, at = keys[order], at[order]
    bounds = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1], True])
    pids, positions = pid[at].astype(_PID), pos[at].astype(_POS)
    for start, end in zip(bounds[:-1].tolist(), bounds[1:].tolist()):
        key = int(keys[start])
        yield pair_name(name(key >> 32), name(key & 0xFFFFFFFF)), pids[start:end].tobytes(), \
            positions[start:end].tobytes()


def build(conn, schema: sql.Identifier, rows) -> int:
    """Create and fill a generation's pairs table; the number of pairs."""
    rows = list(rows)  # read before the COPY starts (an update's rows come from this connection)
    for statement in DDL.split(";"):
        conn.execute(sql.SQL(statement).format(schema=schema))
    count = 0
    with conn.cursor().copy(sql.SQL("COPY {}.pairs (pair, pids, positions) FROM STDIN (FORMAT BINARY)")
                            .format(schema)) as copy:
        copy.set_types(["text", "bytea", "bytea"])
        for row in rows:
            copy.write_row(row)
            count += 1
    conn.execute(sql.SQL("ANALYZE {}.pairs").format(schema))
    return count - 1


def rows_in_sql(conn, schema: sql.Identifier):
    """The pairs table's rows from a generation's tsvectors (an update: PostgreSQL's own positions, so no
    paragraph is irregular), for the stems that have word postings."""
    terms = [r[0] for r in conn.execute(sql.SQL("SELECT term FROM {}.postings ORDER BY term").format(schema))]
    found = conn.execute(sql.SQL(
        "SELECT p.pid, x.pos, t.n FROM {s}.paragraphs p, unnest(p.tsv) u, "
        "unnest(u.positions, u.weights) x(pos, w), unnest(%s::text[]) WITH ORDINALITY t(term, n) "
        "WHERE u.lexeme = t.term AND x.w IN ('B', 'D') ORDER BY 1, 2").format(s=schema), (terms,)).fetchall()
    if found:
        table = np.array(found, dtype=np.int64)
        yield from pair_rows(table[:, 0].astype(np.int32), table[:, 1].astype(np.int32), table[:, 2],
                             lambda n: terms[n - 1])
    yield IRREGULAR, b"", b""


# --- reading --------------------------------------------------------------------------------------------------

def page(conn, schema: sql.Identifier, q: PgQuery, req: SearchRequest, offset: int,
         keys: dict[int, dict]) -> tuple[Expr, list[tuple], list[tuple]] | None:
    """(match condition, count rows, ranked page) from the pair postings; None when they do not answer."""
    if q.plan is not None:
        return _plan_page(conn, schema, q, req, offset, keys)
    if not settings.PG_POSTINGS_PAGES or not q.own_parts or q.cheap is None:
        return None
    if req.sort in ("newest", "oldest") or offset + req.per_page > settings.PG_CANDIDATES // 10:
        return None
    words = sorted({w for part in q.own_parts for w in part})
    if any(not w or len(w.encode("utf-8")) > MAX_LEXEME_BYTES for w in words):
        return None
    arrays = postings.paragraph_arrays(conn, schema)
    if arrays is None or not _has_pairs(conn, schema):
        return None
    found = postings.lookup(conn, schema, words, arrays)
    if any(w not in found for w in words):
        return None  # a rarer word: the index's own candidates are few
    owns = {w: found[w][1] for w in words}
    stored, irregular = _stored_pairs(conn, schema, q.own_parts)
    matches = None
    for part in q.own_parts:
        found_part = owns[part[0]] if len(part) == 1 else _phrase(part, stored)
        matches = found_part if matches is None else allwords.sorted_common(matches, found_part)
    odd = _irregular_matches(conn, schema, q.where, irregular, [owns[w] for w in words])
    if len(odd):
        matches = np.union1d(matches, odd)
    if not len(matches):
        return Expr(sql.SQL("false")), [], []
    rows = allwords._count_rows(arrays, matches)
    flags = [owns[w] for w in words]  # the columns g<i>, o<i> are the words' own flags (`query._syntax_columns`)
    listed = allwords._best_cheap(q, arrays, matches, flags, flags, allwords._passing(arrays, matches, req, keys))
    candidates = allwords._ordered(conn, q, arrays, listed, flags, flags) if len(listed) else []
    ranked = allwords.pages.ranked_candidates(conn, schema, q, req, candidates, req.per_page, offset)
    return allwords.on_page(arrays, matches, ranked), rows, ranked


def _plan_page(conn, schema: sql.Identifier, q: PgQuery, req: SearchRequest, offset: int,
               keys: dict[int, dict]) -> tuple[Expr, list[tuple], list[tuple]] | None:
    """A best-match page whose required groups have phrase alternatives (`children in care`, `care leavers`, with
    their synonyms): each group's paragraphs from the word postings, the pairs, and the documents whose title or
    context has a phrase (a group matches in any field), then the all-words page (`allwords.groups_page`)."""
    groups = allwords.required_groups(q, req, offset)
    if groups is None or all(len(a) == 1 for group in groups for a in group):
        return None  # single words: allwords.page, or a frequent word's tables
    arrays = postings.paragraph_arrays(conn, schema)
    if arrays is None or not _has_pairs(conn, schema):
        return None
    alternatives = {a for group in groups for a in group}
    stems = sorted({s for a in alternatives for s in a})
    if any(not w or len(w.encode("utf-8")) > MAX_LEXEME_BYTES for w in stems):
        return None
    found = postings.lookup(conn, schema, stems, arrays)
    if any(s not in found for a in alternatives if len(a) > 1 for s in a):
        return None  # a phrase with a rarer word: the index's own candidates are few
    found.update(postings.rare(conn, schema, [a[0] for a in alternatives if len(a) == 1 and a[0] not in found]))
    stored, irregular = _stored_pairs(conn, schema, alternatives)
    firsts = np.flatnonzero(np.r_[True, arrays.doc[1:] != arrays.doc[:-1]]).astype(np.int32)
    anys, owns = [], []
    for group in groups:
        group_any, group_own = [], []
        for alt in group:
            if len(alt) == 1:
                group_any.append(found[alt[0]][0])
                group_own.append(found[alt[0]][1])
                continue
            own = allwords.union(arrays, [_phrase(alt, stored), _irregular_matches(
                conn, schema, Expr(sql.SQL("p.tsv @@ %s::tsquery"), [phrase(alt, OWN)]), irregular,
                [found[s][1] for s in alt])])
            group_own.append(own)
            group_any.append(allwords.union(arrays, [own, _in_documents(conn, schema, arrays, firsts, alt)]))
        anys.append(allwords.union(arrays, group_any))
        owns.append(allwords.union(arrays, group_own))
    return allwords.groups_page(conn, schema, q, req, offset, keys, arrays, anys, owns)


def _in_documents(conn, schema: sql.Identifier, arrays: postings.ParagraphArrays, firsts: np.ndarray,
                  words: tuple[str, ...]) -> np.ndarray:
    """The paragraphs of documents whose title or context has the phrase: tested on each document's first
    paragraph (every paragraph carries its document's title and context at the same positions)."""
    docs = [r[0] for r in conn.execute(sql.SQL("SELECT p.doc_idx FROM {}.paragraphs p WHERE p.pid = ANY(%s::int[]) "
                                               "AND p.tsv @@ %s::tsquery").format(schema),
                                       [allwords.int_array(firsts), phrase(words, "AC")]).fetchall()]
    if not docs:
        return np.empty(0, dtype=np.int32)
    return np.flatnonzero(np.isin(arrays.doc, docs)).astype(np.int32)


def _stored_pairs(conn, schema: sql.Identifier, phrases) -> tuple[dict[str, tuple[np.ndarray, np.ndarray]],
                                                                    np.ndarray]:
    """The stored (pids, positions) of every adjacent pair of the phrases' words, and the irregular paragraphs."""
    wanted = sorted({pair_name(a, b) for words in phrases for a, b in zip(words, words[1:])} | {IRREGULAR})
    stored = {name: (np.frombuffer(bytes(p), dtype=_PID), np.frombuffer(bytes(s), dtype=_POS)) for name, p, s in
              conn.execute(sql.SQL("SELECT pair, pids, positions FROM {}.pairs WHERE pair = ANY(%s)").format(schema),
                           (wanted,), binary=True).fetchall()}
    return stored, stored.pop(IRREGULAR, (np.empty(0, dtype=np.int32),))[0]


def _has_pairs(conn, schema: sql.Identifier) -> bool:
    """True when the generation has a pairs table (generations built before it do not)."""
    return conn.execute("SELECT to_regclass(%s)", (f"{schema.as_string(conn)}.pairs",)).fetchone()[0] is not None


def _phrase(words: tuple[str, ...], stored: dict[str, tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """The regular paragraphs where the words stand one after another: each pair's occurrences, shifted back to
    the phrase's start, intersected."""
    starts = None
    for i, (a, b) in enumerate(zip(words, words[1:])):
        pids, positions = stored.get(pair_name(a, b), (np.empty(0, dtype=np.int32), np.empty(0, dtype=np.int16)))
        # pid and the phrase's first position in one sorted key (positions are 1 … 16383)
        keys = pids.astype(np.int64) * 65536 + (positions.astype(np.int64) - i)
        starts = keys if starts is None else allwords.sorted_common(starts, keys)
    pids = (starts >> 16).astype(np.int32)
    return pids[np.r_[True, pids[1:] != pids[:-1]]] if len(pids) else pids


def _irregular_matches(conn, schema: sql.Identifier, where: Expr, irregular: np.ndarray,
                       owns: list[np.ndarray]) -> np.ndarray:
    """The irregular paragraphs having every word that match the condition, as PostgreSQL tests them."""
    if not len(irregular):
        return np.empty(0, dtype=np.int32)
    maybe = irregular
    for own in owns:
        maybe = np.intersect1d(maybe, own, assume_unique=True)
    if not len(maybe):
        return np.empty(0, dtype=np.int32)
    found = conn.execute(sql.SQL("SELECT p.pid FROM {}.paragraphs p WHERE p.pid = ANY(%s::int[]) AND ")
                         .format(schema) + where.sql, [allwords.int_array(maybe), *where.params]).fetchall()
    return np.array(sorted(r[0] for r in found), dtype=np.int32)
