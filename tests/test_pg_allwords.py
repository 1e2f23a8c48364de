"""The build-time postings of the PostgreSQL backend (indexer/backends/postgres/postings.py) and the pages read
from them (allwords.py): a page of words that must all be present, and the candidates of a frequent word whose
short list is not enough, equal the full pass's page in every field (totals, facets, histogram, hits, snippets,
scores, match info), flat and collapsed, on page 1 and 2, with one- and multi-value facet selections; the tables
hold exactly what PostgreSQL's own index finds, after a rebuild and after an update.

The corpus is small, so the candidate count is lowered (and with it the deepest page the candidates serve), and
every word in 1 % of paragraphs gets postings."""
from __future__ import annotations

import dataclasses
import json
import shutil
import time

import numpy as np
import psycopg
import pytest

from indexer import settings
from indexer.models import SearchRequest
from indexer.backends.postgres import allwords, open_postgres, postings
from indexer.backends.postgres.query import lexeme

from tests.conftest import rebuilt_database, settings_changed

PAIRS = ("children care", "council services", "social workers", "leaders children", "young people",
         "inspection good", "care leavers", "the and", "children quokka", "medway adoption", "kent services")
SMALL = {"PG_CANDIDATES": 40, "PG_FREQUENT_SHARE": 0.05, "PG_FREQUENT_SHORT_SHARE": 0.5, "PG_POSTINGS_SHARE": 0.01}


@pytest.fixture(scope="module")
def small_settings():
    """Candidate and frequency settings scaled to the test corpus (for the build and every search)."""
    with settings_changed(SMALL) as mp:
        yield mp


@pytest.fixture(scope="module")
def url(pg_cluster, seeds_and_planted, small_settings) -> str:
    """A database with the seeds and planted documents rebuilt into it."""
    return rebuilt_database(pg_cluster, "allwords", seeds_and_planted)


def _requests() -> list[SearchRequest]:
    """Each pair on page 1 and 2, flat and collapsed, with one- and two-value selections and a year range; a few
    one-word pages with a grade (the short list is not enough there), and phrases (which keep the full pass)."""
    out = []
    for q in PAIRS:
        out += [SearchRequest(q=q, per_page=2), SearchRequest(q=q, per_page=2, page=2),
                SearchRequest(q=q, per_page=2, collapse=False), SearchRequest(q=q, per_page=2, page=2, collapse=False),
                SearchRequest(q=q, per_page=2, severity=["inadequate"]),
                SearchRequest(q=q, per_page=2, page=2, council=["Medway"], collapse=False),
                SearchRequest(q=q, per_page=2, year=[2019], severity=["good", "inadequate"]),
                SearchRequest(q=q, per_page=2, council=["Kent", "Medway"], year_from=2018)]
    for q in ("children", "care", "services", "leaders"):
        out += [SearchRequest(q=q, per_page=2, severity=["inadequate"]),
                SearchRequest(q=q, per_page=2, council=["Kent", "Medway"], collapse=False)]
    for q in ('"children in care"', '"social workers"', '"young people" leaders'):
        out += [SearchRequest(q=q, per_page=2), SearchRequest(q=q, per_page=2, severity=["good", "inadequate"])]
    return out


def _pages(pg_reader, on: bool, monkeypatch) -> list[str]:
    """Every field of every page, as JSON."""
    monkeypatch.setattr(settings, "PG_POSTINGS_PAGES", on)
    return [json.dumps(dataclasses.asdict(pg_reader.search(req)), sort_keys=True, default=str) for req in _requests()]


def _spied(monkeypatch) -> tuple[list, list]:
    """Record what allwords.page and allwords.word_candidates answered."""
    pages_, words = [], []
    real_page, real_words = allwords.page, allwords.word_candidates
    monkeypatch.setattr(allwords, "page", lambda *a: pages_.append(real_page(*a)) or pages_[-1])
    monkeypatch.setattr(allwords, "word_candidates", lambda *a: words.append(real_words(*a)) or words[-1])
    return pages_, words


def test_postings_pages_equal_the_full_pass(pg_reader, monkeypatch):
    full = _pages(pg_reader, False, monkeypatch)
    used, words = _spied(monkeypatch)
    spread = []
    real_spread = allwords._spread
    monkeypatch.setattr(allwords, "_spread", lambda *a: spread.append(real_spread(*a)) or spread[-1])
    fast = _pages(pg_reader, True, monkeypatch)
    answered = [u for u in used if u is not None]
    assert len(answered) >= len(PAIRS) * 8 // 2  # most pair pages took the postings
    assert any(u[1] and u[2] for u in answered)  # with counts and a ranked page
    assert any(len(s) for s in spread)  # documents with the words only across paragraphs were met
    assert any(w for w in words if w is not None)  # a one-word page's candidates came from its postings
    assert fast == full
    assert sum('"total": 0' not in p for p in full) > len(full) // 2


def test_many_spread_paragraphs_become_a_key_list(pg_reader, monkeypatch):
    """With the short-list limit at 0 the match is handed on as a list of paragraph keys: the same pages."""
    from indexer.backends.postgres import matching
    monkeypatch.setattr(matching, "SHORT_LIST", 0)
    full = _pages(pg_reader, False, monkeypatch)
    assert _pages(pg_reader, True, monkeypatch) == full


def test_the_comparison_can_fail(pg_reader, monkeypatch):
    """Leaving out the documents that have the words only across paragraphs changes pages: the check above
    would see a wrong answer."""
    full = _pages(pg_reader, False, monkeypatch)
    monkeypatch.setattr(allwords, "_spread", lambda *a: np.empty(0, dtype=np.int32))
    assert _pages(pg_reader, True, monkeypatch) != full


def test_cheap_key_is_the_sql_one(pg_reader, url, monkeypatch):
    """numpy's cheap key equals PostgreSQL's for every match of a pair (the candidates' cut is then settled in
    SQL anyway)."""
    from indexer.backends.postgres import layout, matching, pages
    seen = {}
    real = allwords._best_cheap

    def spy(q, arrays, matches, anys, owns, passing):
        seen["args"] = (q, arrays, matches, anys, owns)
        return real(q, arrays, matches, anys, owns, passing)
    monkeypatch.setattr(allwords, "_best_cheap", spy)
    pg_reader.search(SearchRequest(q="children care", per_page=2))
    q, arrays, matches, anys, owns = seen["args"]
    mine = allwords.cheap_key(q, arrays.length[matches], [np.isin(matches, a) for a in anys],
                              [np.isin(matches, o) for o in owns])
    with psycopg.connect(url) as conn:
        schema = layout.ident(layout.live_generation(conn))
        theirs = dict((pid, cheap) for pid, cheap, _ in pages.all_candidates(conn, schema, q, matching.match(
            conn, schema, q), SearchRequest(q="children care")))
    assert len(theirs) == min(len(matches), settings.PG_CANDIDATES)
    for pid, value in zip(matches.tolist(), mine.tolist()):
        if pid in theirs:
            assert value == theirs[pid]


def check_tables(url: str) -> None:
    """The live generation's postings are PostgreSQL's own matches of each stem in enough paragraphs (any field,
    and own words: heading and text); the arrays are the paragraphs' documents, facet keys and lengths."""
    with psycopg.connect(url) as conn:
        gen = conn.execute("SELECT generation FROM reportsearch.live_generation").fetchone()[0]
        total = conn.execute(f"SELECT count(*) FROM {gen}.paragraphs").fetchone()[0]
        least = postings.least_paragraphs(total)
        stats = {r[0] for r in conn.execute(f"SELECT word FROM ts_stat('SELECT tsv FROM {gen}.paragraphs') "
                                            "WHERE ndoc >= %s", (least,))}
        rows = conn.execute(f"SELECT term, anyf, own FROM {gen}.postings").fetchall()
        assert stats == {r[0] for r in rows} and len(stats) > 20
        kinds = set()
        for term, anyf, own in rows:
            for data, weights in ((anyf, ""), (own, "BD")):
                pids = [r[0] for r in conn.execute(f"SELECT pid FROM {gen}.paragraphs WHERE tsv @@ %s::tsquery "
                                                   "ORDER BY pid", (lexeme(term, weights),))]
                assert postings.decode(bytes(data), total).tolist() == pids, (term, weights)
                kinds.add(bytes(data)[:1])
        assert kinds == {b"I", b"B"}  # both encodings met
        doc, fkey, length = conn.execute(f"SELECT doc, fkey, length FROM {gen}.paragraph_arrays").fetchone()
        table = conn.execute(f"SELECT pid, doc_idx, fkey, length FROM {gen}.paragraphs ORDER BY pid").fetchall()
        assert [r[0] for r in table] == list(range(total))
        for column, data in ((1, doc), (2, fkey), (3, length)):
            assert np.frombuffer(bytes(data), dtype="<i4").tolist() == [r[column] for r in table]


def test_tables_hold_what_the_index_finds(url, small_settings):
    check_tables(url)


def test_update_makes_the_tables_again(url, seeds_and_planted, pg_reader, monkeypatch, tmp_path):
    copy = tmp_path / "docs"
    shutil.copytree(seeds_and_planted, copy)
    _, writer = open_postgres(url)
    before = pg_reader.generation_id()
    (copy / "kent-2018.txt").unlink()
    time.sleep(0.01)
    (copy / "quokka.txt").write_text("Children in Quokka\n\n" + "Children and young people in care. " * 3 + "\n\n"
                                     "Leaders of children's services in Quokka. Care leavers are well supported.\n")
    writer.update([copy])
    writer.db.close()
    check_tables(url)  # made in SQL by the update
    assert pg_reader.generation_id() != before
    assert any(h.doc_id == "quokka.txt" for h in pg_reader.search(SearchRequest(q="children care")).hits)
    full = _pages(pg_reader, False, monkeypatch)
    assert _pages(pg_reader, True, monkeypatch) == full
    assert "quokka.txt" in "".join(full)
