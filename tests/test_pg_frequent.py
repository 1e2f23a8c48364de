"""The frequent-word tables of the PostgreSQL backend (indexer/backends/postgres/frequent.py): a one-word page read
from the count cube and the short list of candidates is the page of the full pass over every match, with and
without facet selections, on page 1 and 2; the tables are made again by `update`.

The corpus is small, so the candidate count is lowered (and with it the deepest page the candidates serve) to
make the short lists both sufficient for some pages and insufficient for others."""
from __future__ import annotations

import shutil
import time

import psycopg
import pytest

from indexer import settings
from indexer.models import SearchRequest
from indexer.backends.postgres import frequent, open_postgres

from tests.conftest import rebuilt_database, settings_changed

WORDS = ("children", "services", "care", "council", "inspection", "social", "the", "and", "leaders", "young")
SMALL = {"PG_CANDIDATES": 40, "PG_FREQUENT_SHARE": 0.05, "PG_FREQUENT_SHORT_SHARE": 0.5}


@pytest.fixture(scope="module")
def small_settings():
    """Candidate and frequency settings scaled to the test corpus (for the build and every search)."""
    with settings_changed(SMALL) as mp:
        yield mp


@pytest.fixture(scope="module")
def url(pg_cluster, seeds_and_planted, small_settings) -> str:
    """A database with the seeds and planted documents rebuilt into it."""
    return rebuilt_database(pg_cluster, "frequent", seeds_and_planted)


def _page(result) -> tuple:
    """Everything a results page shows."""
    return (result.total, result.total_docs, result.year_histogram, result.match_info,
            [(h.doc_id, h.paragraph, h.score, h.more_in_doc, h.other_paragraphs, h.context_matched)
             for h in result.hits],
            {name: [(v.value, v.count) for v in values] for name, values in result.facets.items()})


def _requests() -> list[SearchRequest]:
    """Each word alone, on page 1 and 2, with and without selections of one and two facets, flat and collapsed."""
    out = []
    for word in WORDS:
        out += [SearchRequest(q=word, per_page=2), SearchRequest(q=word, per_page=2, page=2),
                SearchRequest(q=word, per_page=2, collapse=False), SearchRequest(q=word, per_page=2, page=2,
                                                                                 collapse=False),
                SearchRequest(q=word, per_page=2, severity=["inadequate"]),
                SearchRequest(q=word, per_page=2, page=2, council=["Medway"], collapse=False),
                SearchRequest(q=word, per_page=2, year=[2019], severity=["good", "inadequate"]),
                SearchRequest(q=word, per_page=2, council=["Kent", "Medway"], year_from=2018)]
    return out


def _pages(pg_reader, fast: bool, monkeypatch) -> list[tuple]:
    monkeypatch.setattr(settings, "PG_FREQUENT_PAGES", fast)
    return [_page(pg_reader.search(req)) for req in _requests()]


def test_tables_hold_every_match_and_the_shortest_own_paragraphs(url, small_settings):
    check_tables(url)


def check_tables(url: str) -> None:
    """The live generation's frequent stems are those PostgreSQL counts in more than the share of paragraphs; each
    one's cube is its matches grouped by (facet key, document); its own list is its shortest own paragraphs."""
    with psycopg.connect(url) as conn:
        gen = conn.execute("SELECT generation FROM reportsearch.live_generation").fetchone()[0]
        stats = conn.execute(f"SELECT word FROM ts_stat('SELECT tsv FROM {gen}.paragraphs') WHERE ndoc > "
                             f"(SELECT count(*) FROM {gen}.paragraphs) * %s", (settings.PG_FREQUENT_SHARE,))
        assert {r[0] for r in stats} == {r[0] for r in conn.execute(f"SELECT term FROM {gen}.frequent")}
        for term, fkeys, docs, counts in conn.execute(f"SELECT term, fkeys, docs, counts FROM {gen}.frequent").fetchall():
            grouped = conn.execute(f"SELECT fkey, doc_idx, count(*) FROM {gen}.paragraphs WHERE tsv @@ %s::tsquery "
                                   "GROUP BY 1, 2 ORDER BY 2, 1", (frequent_query(term),)).fetchall()
            assert list(zip(fkeys, docs, counts)) == grouped
        rows = conn.execute(f"SELECT term, paragraphs, counts, own FROM {gen}.frequent").fetchall()
        total = conn.execute(f"SELECT count(*) FROM {gen}.paragraphs").fetchone()[0]
        assert rows and any(own for *_, own in rows) and any(own is None for *_, own in rows)
        for term, paragraphs, counts, own in rows:
            matches = conn.execute(f"SELECT count(*) FROM {gen}.paragraphs WHERE tsv @@ %s::tsquery",
                                   (frequent_query(term),)).fetchone()[0]
            assert paragraphs == sum(counts) == matches > total * settings.PG_FREQUENT_SHARE
            if own:
                mine = conn.execute(f"SELECT pid FROM {gen}.paragraphs WHERE tsv @@ %s::tsquery ORDER BY length, pid "
                                    "LIMIT %s", (frequent_query(term, "BD"), settings.PG_CANDIDATES)).fetchall()
                assert own == [r[0] for r in mine]


def frequent_query(term: str, weights: str = "") -> str:
    from indexer.backends.postgres.query import lexeme

    return lexeme(term, weights)


def test_fast_pages_equal_the_full_pass(pg_reader, monkeypatch):
    """Same totals, facet counts, histogram, hits, scores and other paragraphs; the short list served some pages
    and was found insufficient (falling back) for others."""
    full = _pages(pg_reader, False, monkeypatch)
    used, proved = [], []
    real_page, real_enough = frequent.page, frequent.enough
    monkeypatch.setattr(frequent, "page", lambda *a: used.append(real_page(*a)) or used[-1])
    monkeypatch.setattr(frequent, "enough", lambda *a: proved.append(real_enough(*a)) or proved[-1])
    fast = _pages(pg_reader, True, monkeypatch)
    assert sum(u is not None for u in used) >= len(_requests()) // 2  # most pages took the fast path
    assert True in proved and False in proved
    assert fast == full
    assert any(p[0] for p in full) and any(p[4] for p in full)


def test_the_proof_matters(pg_reader, monkeypatch):
    """Trusting the short list without its check gives wrong pages: the comparison above can fail."""
    full = _pages(pg_reader, False, monkeypatch)
    monkeypatch.setattr(frequent, "enough", lambda conn, schema, q, candidates: bool(candidates))
    assert _pages(pg_reader, True, monkeypatch) != full


def test_update_makes_the_tables_again(url, seeds_and_planted, pg_reader, monkeypatch, tmp_path):
    copy = tmp_path / "docs"
    shutil.copytree(seeds_and_planted, copy)
    _, writer = open_postgres(url)
    before = pg_reader.search(SearchRequest(q="children")).total
    (copy / "kent-2018.txt").unlink()
    time.sleep(0.01)
    (copy / "quokka.txt").write_text("Children in Quokka\n\n" + "Children and young people in care. " * 3 + "\n\n"
                                     "Leaders of children's services in Quokka.\n")
    writer.update([copy])
    writer.db.close()
    check_tables(url)  # counted in SQL by the update
    assert pg_reader.search(SearchRequest(q="children")).total != before
    full = _pages(pg_reader, False, monkeypatch)
    assert _pages(pg_reader, True, monkeypatch) == full
    assert "quokka.txt" in {hit[0] for p in full for hit in p[4]} or any(
        h.doc_id == "quokka.txt" for h in pg_reader.search(SearchRequest(q="quokka")).hits)


def test_short_lists_from_the_recorded_postings_equal_the_sql_ones(url, seeds_and_planted, small_settings,
                                                                     monkeypatch):
    """A rebuild makes the short lists in numpy from its recorded postings; made by the SQL instead (as an update
    makes them), every frequent stem's list is the same, None where too few short paragraphs have it."""
    def rebuilt_lists() -> dict:
        _, writer = open_postgres(url)
        writer.rebuild([seeds_and_planted])
        writer.db.close()
        with psycopg.connect(url) as conn:
            gen = conn.execute("SELECT generation FROM reportsearch.live_generation").fetchone()[0]
            return dict(conn.execute(f"SELECT term, own FROM {gen}.frequent").fetchall())

    made = []
    real = frequent.short_lists
    monkeypatch.setattr(frequent, "short_lists", lambda *a: made.append(real(*a)) or made[-1])
    numpy_made = rebuilt_lists()
    assert made and made[0] and set(made[0]) >= set(numpy_made)  # the numpy lists were the ones stored
    monkeypatch.setattr(frequent, "short_lists", lambda *a: None)
    assert rebuilt_lists() == numpy_made
    assert any(v for v in numpy_made.values()) and any(v is None for v in numpy_made.values())
