"""Phrase pages of the PostgreSQL backend from word-pair postings (indexer/backends/postgres/phrases.py): a page of
quoted phrases (and words) equals the full pass's page in every field, flat and collapsed, on page 1 and 2, with
facet selections; the pairs a rebuild records are the ones PostgreSQL's own tsvectors give (an update makes them
from those); a paragraph whose tsvector drops positions is tested by PostgreSQL itself.

The corpus is small, so the candidate count is lowered and every word in 1 % of paragraphs gets postings (and its
pairs with other such words)."""
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
from indexer.backends.postgres import allwords, layout, open_postgres, phrases
from indexer.backends.postgres.rows import irregular

from tests.conftest import rebuilt_database, settings_changed
from tests.test_pg_allwords import SMALL  # the same scaled settings as the word postings' tests

PHRASES = ('"children in care"', '"social workers"', '"young people" leaders', '"the local authority"',
           '"care leavers" "young people"', '"requires improvement to be good"', '"care children"',
           '"children and young people"', 'children AND care', '"services for children" inadequate')
# A paragraph (under the chunker's 1,200 characters) whose word "a" has more than 256 positions: PostgreSQL keeps
# only the first 256, so the phrase at its end is not found there, although the words stand side by side.
LONG = "Children in Longshire\n\n" + "a " * 300 + "a care leaders.\n\n" + \
    "Leaders of children's services in Longshire. The local authority has improved.\n"


@pytest.fixture(scope="module")
def small_settings():
    """Candidate and frequency settings scaled to the test corpus (for the build and every search)."""
    with settings_changed(SMALL) as mp:
        yield mp


@pytest.fixture(scope="module")
def corpus(seeds_and_planted, tmp_path_factory):
    """The seeds and planted documents plus one document with an irregular paragraph and one whose title has a
    phrase its paragraphs do not."""
    folder = tmp_path_factory.mktemp("phrases-corpus")
    for path in seeds_and_planted.iterdir():
        shutil.copy(path, folder / path.name)
    (folder / "longshire.txt").write_text(LONG)
    # A title with a group's phrase that no paragraph repeats: the group matches those paragraphs by the title.
    (folder / "westshire.txt").write_text("Care leavers in Westshire\n\nYoung people leaving care get help with "
                                          "housing and work.\n\nThe local authority supports social work practice "
                                          "with young people well.\n")
    return folder


@pytest.fixture(scope="module")
def url(pg_cluster, corpus, small_settings) -> str:
    """A database with the corpus rebuilt into it."""
    return rebuilt_database(pg_cluster, "phrases", corpus)


def _requests(queries=PHRASES) -> list[SearchRequest]:
    """Each query on page 1 and 2, flat and collapsed, with one- and two-value selections."""
    out = []
    for q in queries:
        out += [SearchRequest(q=q, per_page=2), SearchRequest(q=q, per_page=2, page=2),
                SearchRequest(q=q, per_page=2, collapse=False), SearchRequest(q=q, per_page=2, page=2, collapse=False),
                SearchRequest(q=q, per_page=2, severity=["inadequate"]),
                SearchRequest(q=q, per_page=2, council=["Kent", "Medway"], year_from=2018)]
    return out


def _pages(reader, on: bool, monkeypatch, queries=PHRASES) -> list[str]:
    """Every field of every page, as JSON."""
    monkeypatch.setattr(settings, "PG_POSTINGS_PAGES", on)
    return [json.dumps(dataclasses.asdict(reader.search(req)), sort_keys=True, default=str)
            for req in _requests(queries)]


def _answered(monkeypatch) -> list:
    """Record what phrases.page answered."""
    seen = []
    real = phrases.page
    monkeypatch.setattr(phrases, "page", lambda *a: seen.append(real(*a)) or seen[-1])
    return seen


def test_phrase_pages_equal_the_full_pass(pg_reader, monkeypatch):
    full = _pages(pg_reader, False, monkeypatch)
    seen = _answered(monkeypatch)
    assert _pages(pg_reader, True, monkeypatch) == full
    answered = [s for s in seen if s is not None]
    assert len(answered) >= len(seen) * 3 // 4  # the pairs answered most pages (not the full pass again)
    assert any(len(rows) > 5 for _, rows, _ in answered)
    assert any('"total": 0' in page for page in full) and any('"total": 0,' not in page for page in full)


# Plain words whose groups have phrase alternatives (synonyms included): best match, a group matching in any field.
GROUPS = ("children in care", "care leavers", "looked after children", "care leavers support",
          "young people care leavers", "social work practice")


def test_phrase_group_pages_equal_the_full_pass(pg_reader, monkeypatch):
    full = _pages(pg_reader, False, monkeypatch, GROUPS)
    seen = _answered(monkeypatch)
    assert _pages(pg_reader, True, monkeypatch, GROUPS) == full
    assert sum(s is not None for s in seen) >= len(seen) // 2  # the pairs answered (not the full pass again)
    assert all('"total": 0,' not in page for page in full[::6])


def test_the_comparison_can_fail(pg_reader, monkeypatch):
    """Matching a phrase by its pairs anywhere in the paragraph (positions ignored) changes pages: the check above
    would see a wrong answer."""
    full = _pages(pg_reader, False, monkeypatch)
    real = phrases._phrase

    def loose(words, stored):
        pids = [set(stored.get(phrases.pair_name(a, b), (np.empty(0),))[0].tolist()) for a, b in zip(words, words[1:])]
        return np.array(sorted(set.intersection(*pids)), dtype=np.int32) if pids else real(words, stored)
    monkeypatch.setattr(phrases, "_phrase", loose)
    assert _pages(pg_reader, True, monkeypatch) != full


def test_an_irregular_paragraph_is_tested_by_postgresql(pg_reader, url, monkeypatch):
    """The long paragraph has "a care" side by side, but PostgreSQL dropped the positions of "a" past 256:
    neither path finds it there, and the paragraph is listed as irregular."""
    assert irregular(["children"] * 301, ["leaders"])
    assert not irregular(["children"] * 256, ["leaders"] * 10)
    assert irregular(["a"] * 16390)
    with psycopg.connect(url) as conn:
        gen = layout.live_generation(conn)
        listed = bytes(conn.execute(f"SELECT pids FROM {gen}.pairs WHERE pair = ''").fetchone()[0])
        long_pid = conn.execute(f"SELECT p.pid FROM {gen}.paragraphs p JOIN {gen}.documents d USING (doc_idx) "
                                "WHERE d.doc_id = 'longshire.txt' AND p.text LIKE 'a a a%'").fetchone()[0]
    assert np.frombuffer(listed, dtype="<i4").tolist() == [long_pid]
    queries = ('"a care"', '"a a"', '"care leaders"', '"local authority"')
    assert _pages(pg_reader, True, monkeypatch, queries) == _pages(pg_reader, False, monkeypatch, queries)
    found = {q: {h.doc_id for h in pg_reader.search(SearchRequest(q=q, per_page=50, collapse=False)).hits}
             for q in ('"a a"', '"a care"', '"care leaders"')}
    assert "longshire.txt" in found['"a a"'] and "longshire.txt" in found['"care leaders"']
    assert "longshire.txt" not in found['"a care"']  # PostgreSQL's answer, which the pairs alone would not give


def check_pairs(url: str) -> int:
    """The live generation's pairs are PostgreSQL's: for every pair, the paragraphs and positions of its first
    word where the second stands just after (own words: heading and text), read from the tsvectors; the number of
    pairs."""
    with psycopg.connect(url) as conn:
        gen = layout.ident(layout.live_generation(conn))
        stored = {pair: (bytes(p), bytes(s)) for pair, p, s in conn.execute(
            psycopg.sql.SQL("SELECT pair, pids, positions FROM {}.pairs WHERE pair <> ''").format(gen))}
        irregular_pids = set(np.frombuffer(bytes(conn.execute(psycopg.sql.SQL(
            "SELECT pids FROM {}.pairs WHERE pair = ''").format(gen)).fetchone()[0]), dtype="<i4").tolist())
        expected = {}
        for pair, pids, positions in phrases.rows_in_sql(conn, gen):
            if pair:
                keep = ~np.isin(np.frombuffer(pids, dtype="<i4"), list(irregular_pids))
                if keep.any():
                    expected[pair] = (np.frombuffer(pids, dtype="<i4")[keep].tobytes(),
                                      np.frombuffer(positions, dtype="<i2")[keep].tobytes())
        assert stored == expected and len(stored) > 100
        words = conn.execute(psycopg.sql.SQL("SELECT term FROM {}.postings").format(gen)).fetchall()
        assert {w for pair in stored for w in pair.split(" ")} <= {w for (w,) in words}
    return len(stored)


def test_rebuild_pairs_are_the_tsvectors_pairs(url, small_settings):
    check_pairs(url)


def test_pair_rows_from_tokens():
    """Two tokens of one paragraph at consecutive positions make a pair; other paragraphs and gaps do not."""
    pid = np.array([0, 0, 0, 0, 1, 1], dtype=np.int32)
    pos = np.array([1, 2, 3, 7, 1, 2], dtype=np.int32)
    term = np.array([5, 6, 5, 6, 6, 5], dtype=np.int64)
    rows = list(phrases.pair_rows(pid, pos, term, {5: "a", 6: "b"}.get))
    decoded = {name: (np.frombuffer(p, "<i4").tolist(), np.frombuffer(s, "<i2").tolist()) for name, p, s in rows}
    assert decoded == {"a b": ([0], [1]), "b a": ([0, 1], [2, 1])}


def test_update_makes_the_pairs_again(url, corpus, pg_reader, monkeypatch, tmp_path):
    copy = tmp_path / "docs"
    shutil.copytree(corpus, copy)
    _, writer = open_postgres(url)
    before = pg_reader.generation_id()
    (copy / "kent-2018.txt").unlink()
    time.sleep(0.01)
    (copy / "quokka.txt").write_text("Children in Quokka\n\n" + "Children and young people in care. " * 3 + "\n\n"
                                     "Leaders of children's services in Quokka. The local authority is good.\n")
    writer.update([copy])
    writer.db.close()
    assert pg_reader.generation_id() != before
    check_pairs(url)  # made in SQL by the update
    full = _pages(pg_reader, False, monkeypatch)
    assert _pages(pg_reader, True, monkeypatch) == full
    assert "quokka.txt" in "".join(full)


def test_sorted_common_is_the_intersection():
    rng = np.random.default_rng(3)
    for _ in range(20):
        a = np.unique(rng.integers(0, 500, rng.integers(0, 80)))
        b = np.unique(rng.integers(0, 500, rng.integers(0, 300)))
        assert allwords.sorted_common(a, b).tolist() == np.intersect1d(a, b).tolist()


def test_a_group_matches_by_its_documents_titles_too(pg_reader, monkeypatch):
    """Leaving out the documents whose title or context has a group's phrase changes pages: a group matches in
    any field, not only in a paragraph's own words."""
    full = _pages(pg_reader, False, monkeypatch, GROUPS)
    monkeypatch.setattr(phrases, "_in_documents", lambda *a: np.empty(0, dtype=np.int32))
    assert _pages(pg_reader, True, monkeypatch, GROUPS) != full
