"""The backend contract's behaviours on PostgreSQL (a real primary and streaming replica, tests/pg_cluster.py).

Written against the SearchBackend protocol only (`backend` fixture) so they can be parametrised over both
backends; a few compare with the embedded index built from the same documents, and the last ones are about
PostgreSQL itself (generations, update, roles, time-outs, replicas).
"""
from __future__ import annotations

import datetime as dt
import re
import shutil
import threading
import time
from pathlib import Path

import psycopg
import pytest

from indexer import settings
from indexer.contract import IndexDamaged, IndexMissing, IndexWriter, ParagraphMissing, SearchBackend
from indexer.backends.postgres import Database, PostgresBackend, PostgresWriter, open_postgres
from indexer.backends.embedded.write.build import build_from_documents
from indexer.ingest.documents import load_documents
from indexer.models import SearchRequest
from indexer.backends import open_backend
from tests.conftest import PLANTED_DOCS


@pytest.fixture(scope="module")
def corpus(seeds_and_planted) -> Path:
    """The seeds plus the planted documents (three councils, dated, a twin paragraph)."""
    return seeds_and_planted


@pytest.fixture(scope="module")
def database(pg_cluster, corpus):
    """The corpus rebuilt into the test cluster; the replica caught up."""
    reader, writer = open_postgres(pg_cluster.primary.url)
    report = writer.rebuild([corpus])
    assert report.documents == 10 and not report.skipped
    pg_cluster.wait_replayed()
    yield pg_cluster
    reader.db.close()


@pytest.fixture(scope="module")
def backend(database) -> SearchBackend:
    """The PostgreSQL backend reading from the replica, the primary as fall-back."""
    reader = PostgresBackend(Database(database.primary.url, [database.replica.url]))
    yield reader
    reader.db.close()


@pytest.fixture(scope="module")
def embedded(tmp_path_factory, corpus) -> SearchBackend:
    """The embedded index over the same files."""
    index_dir = tmp_path_factory.mktemp("embedded")
    build_from_documents(load_documents([corpus]), index_dir, [str(corpus)])
    return open_backend(index_dir)


def hits(backend, q: str, **kw) -> list[tuple[str, int]]:
    """(doc_id, paragraph) of the first page."""
    return [(h.doc_id, h.paragraph) for h in backend.search(SearchRequest(q=q, **kw)).hits]


def test_it_is_a_search_backend(backend):
    assert isinstance(backend, SearchBackend)
    assert isinstance(PostgresWriter(backend.db), IndexWriter)
    assert backend.exists()
    assert re.match(r"rs_\d{8}_", backend.generation_id())


# --- syntax ------------------------------------------------------------------------------------------------------

def test_phrase_matches_only_adjacent_words(backend):
    result = backend.search(SearchRequest(q='"zeppelin register"', collapse=False, per_page=50))
    assert result.total == 5  # medway-2019 x2, medway-2023 x2, the twin ("zeppelin register entries")
    texts = [h.snippet_html for h in result.hits]
    assert all("<mark>zeppelin register</mark>" in t for t in texts)


def test_boolean_operators(backend):
    both = backend.search(SearchRequest(q="trampoline AND zeppelin", collapse=False, per_page=50)).total
    either = backend.search(SearchRequest(q="trampoline OR zeppelin", collapse=False, per_page=50)).total
    without = backend.search(SearchRequest(q="trampoline NOT zeppelin", collapse=False, per_page=50)).total
    trampoline = backend.search(SearchRequest(q="trampoline*", collapse=False, per_page=50)).total
    assert both + without == trampoline
    assert either > both > 0


def test_fields_and_ranges(backend, embedded):
    titled = {d for d, _ in hits(backend, "title:sunderland", per_page=50)}
    assert titled >= {"sunderland-2020.txt", "sunderland-2021.txt"}
    assert titled == {d for d, _ in hits(embedded, "title:sunderland", per_page=50)}
    assert all("sunderland" in backend.document(d).title.lower() for d in titled)
    kent = backend.search(SearchRequest(q="council:kent", per_page=50))
    assert kent.total and all("Kent" in h.council for h in kent.hits)
    years = backend.search(SearchRequest(q="year:[2019 TO 2021] trampoline", collapse=False, per_page=50))
    assert years.total and all(2019 <= h.year <= 2021 for h in years.hits)


def test_bad_syntax_is_a_message_not_an_error(backend):
    result = backend.search(SearchRequest(q='"zeppelin register'))
    assert "unclosed quotation mark" in result.message and result.total
    leading = backend.search(SearchRequest(q="*pelin"))
    assert "starts with a wildcard" in leading.message


def test_user_text_is_never_sql(backend):
    for q in ["'; DROP SCHEMA reportsearch CASCADE; --", "council:\"x'); DROP TABLE t; --\"", "a\\'b:*", "!!&|<->"]:
        backend.search(SearchRequest(q=q))
    assert backend.exists()


# --- best match ---------------------------------------------------------------------------------------------------

def test_best_match_needs_every_word_up_to_two_then_a_share(backend):
    two = backend.search(SearchRequest(q="zeppelin trampoline", collapse=False, per_page=50))
    assert two.match_info["required"] == 2
    assert all("zeppelin" in h.snippet_html.lower() and "trampoline" in h.snippet_html.lower() for h in two.hits)
    four = backend.search(SearchRequest(q="zeppelin trampoline dormitory quokka", collapse=False, per_page=50))
    assert four.match_info["required"] == 3 and four.total >= two.total
    strict = backend.search(SearchRequest(q="zeppelin trampoline dormitory quokka", match="all"))
    assert strict.total == 0 and strict.match_info["mode"] == "all"


def test_best_match_finds_the_same_paragraphs_as_the_embedded_index(backend, embedded):
    for q in ["social worker caseloads", "care leavers support judged inadequate", "medway inadequate",
              "zeppelin register placements", "missing from care", "children in care visits", "",
              "is medway inadequate?"]:
        for collapse in (True, False):
            req = SearchRequest(q=q, collapse=collapse, per_page=50)
            ours, theirs = backend.search(req), embedded.search(req)
            assert (ours.total, ours.total_docs) == (theirs.total, theirs.total_docs), q
            assert {(h.doc_id, h.paragraph) for h in ours.hits} == {(h.doc_id, h.paragraph) for h in theirs.hits} \
                or len(ours.hits) == 50, q


def test_syntax_finds_the_same_paragraphs_as_the_embedded_index(backend, embedded):
    for q in ['"zeppelin register"', "trampoline AND NOT medway", "child*", "council:Medway", "title:kent",
              "year:[2019 TO 2021]", "heading:leadership OR zeppelin"]:
        req = SearchRequest(q=q, collapse=False, per_page=10)
        assert backend.search(req).total == embedded.search(req).total, q


def test_best_page_first(backend):
    assert hits(backend, "zeppelin register unregulated placements")[0][0].startswith("medway")


def _page(result) -> tuple:
    """Everything a results page shows, for comparing two ways of computing it."""
    return (result.total, result.total_docs, result.year_histogram, result.match_info,
            [(h.doc_id, h.paragraph, h.score, h.more_in_doc, h.other_paragraphs) for h in result.hits],
            {name: [(v.value, v.count) for v in values] for name, values in result.facets.items()})


SPEED_PATH_REQUESTS = [SearchRequest(q="social worker caseloads"), SearchRequest(q="medway inadequate", collapse=False),
                       SearchRequest(q="children placed out of area", severity=["inadequate"], council=["Medway"]),
                       SearchRequest(q="zeppelin trampoline", per_page=2, page=2),
                       SearchRequest(q='"zeppelin register" OR trampoline'), SearchRequest(q="council:Medway care")]


def test_one_pass_page_equals_the_separate_count_and_ranking(backend, monkeypatch):
    """The page counted and ranked in one pass over the matches is the page of the two separate statements."""
    from indexer.backends.postgres import pages

    fused = real = pages.can_fuse
    monkeypatch.setattr(settings, "PG_POSTINGS_PAGES", False)  # two-word pages would read the postings instead
    used = []
    monkeypatch.setattr(pages, "can_fuse", lambda *a: used.append(real(*a)) or used[-1])
    once = [_page(backend.search(req)) for req in SPEED_PATH_REQUESTS]
    assert all(used) and len(used) == len(SPEED_PATH_REQUESTS)
    monkeypatch.setattr(pages, "can_fuse", lambda *a: False)
    assert [_page(backend.search(req)) for req in SPEED_PATH_REQUESTS] == once
    monkeypatch.setattr(pages, "can_fuse", fused)


def test_spread_paragraphs_as_one_key_list_find_the_same(backend, monkeypatch):
    """Documents with every word only across paragraphs: their best paragraphs passed as one list of row keys
    (many of them) give the same page as passed beside the index condition (few)."""
    from indexer.backends.postgres import matching

    # "visits" and "rebuilt" are in two paragraphs of one planted document, never in one paragraph.
    requests = [SearchRequest(q=q, collapse=c) for q in ("visits rebuilt", "zeppelin trampoline", "medway placements")
                for c in (True, False)]
    beside = [_page(backend.search(req)) for req in requests]
    assert beside[0][0] and "medway-2019.txt" in {hit[0] for hit in beside[0][4]}
    monkeypatch.setattr(matching, "SHORT_LIST", -1)
    assert [_page(backend.search(req)) for req in requests] == beside


# --- facets -------------------------------------------------------------------------------------------------------

def counts(result, facet: str) -> dict[str, int]:
    return {v.value: v.count for v in result.facets[facet]}


def test_facet_counts_are_honest_under_multi_select(backend, embedded):
    q = "children placed out of area"
    plain = backend.search(SearchRequest(q=q))
    chosen = backend.search(SearchRequest(q=q, council=["Medway"]))
    # The council facet is counted without its own selection: the other councils keep their counts.
    assert counts(chosen, "council") == counts(plain, "council")
    assert [v.value for v in chosen.facets["council"] if v.selected] == ["Medway"]
    # Other facets are counted under the selection.
    assert sum(counts(chosen, "year").values()) == chosen.total < plain.total
    both = backend.search(SearchRequest(q=q, council=["Medway", "Sunderland"], year=[2019]))
    assert counts(both, "council")["Sunderland"] == 0 or "Sunderland" in counts(both, "council")
    assert both.total == sum(v.count for v in both.facets["year"] if v.selected)
    for req in (SearchRequest(q=q, council=["Medway", "Kent"]), SearchRequest(q=q, year=[2019, 2023]),
                SearchRequest(q="", council=["Sunderland"], year=[2021])):
        ours, theirs = backend.search(req), embedded.search(req)
        for facet in ("council", "year", "severity"):
            assert counts(ours, facet) == counts(theirs, facet), (req, facet)
        assert ours.year_histogram == theirs.year_histogram


# --- snippets, documents, exports ---------------------------------------------------------------------------------

def test_snippets_mark_words_as_written_and_escape_html(backend):
    hit = backend.search(SearchRequest(q="dormitories")).hits[0]
    assert re.search(r"<mark>[Dd]ormitory</mark>", hit.snippet_html)
    assert "<script" not in backend.search(SearchRequest(q="council")).hits[0].snippet_html


def test_document_and_matching_paragraphs(backend):
    doc = backend.document("medway-2019.txt")
    assert doc.title == PLANTED_DOCS["medway-2019.txt"][0] and doc.published == "2019-08-27" and doc.year == 2019
    assert [p.n for p in doc.paragraphs] == sorted(p.n for p in doc.paragraphs)
    assert any("zeppelin register" in p.text for p in doc.paragraphs)
    assert backend.document("no-such.txt") is None
    found = backend.matching_paragraphs("medway-2019.txt", "zeppelin")
    assert found.numbers and all("<mark>zeppelin</mark>" in found.marked[n] for n in found.numbers)


def test_export_rows(backend):
    rows, total = backend.export_rows(SearchRequest(q="trampoline"), cap=3)
    assert len(rows) == 3 and total > 3
    assert all("trampoline" in r.text.lower() for r in rows) and rows[0].score >= rows[-1].score
    assert set(rows[0].as_dict()) >= {"doc_id", "paragraph", "council", "year", "text"}


# --- councils, grid, similar, feeds, stats ------------------------------------------------------------------------

def test_council_pages(backend, embedded):
    assert backend.document_counts()["Medway"] >= 2
    summary = backend.council_summary(["Medway"], {"medway"})
    assert summary.paragraphs > 10
    assert [year for year, _ in summary.documents_by_year][:2] == [2023, 2019]
    assert {"zeppelin", "trampoline"} & {t.text for t in summary.terms}


def test_grid(backend, embedded):
    req = SearchRequest(q="trampoline")
    grid, theirs = backend.grid(req), embedded.grid(req)
    assert grid.total == theirs.total and grid.years == theirs.years
    assert [(r.council, r.total, r.documents) for r in grid.rows] == \
        [(r.council, r.total, r.documents) for r in theirs.rows]
    medway = next(r for r in grid.rows if r.council == "Medway")
    assert {c.year for c in medway.cells if c.count} == {2019, 2023}


def test_similar(backend):
    source = backend.document("medway-2019.txt")
    n = next(p.n for p in source.paragraphs if p.text.startswith("Trampoline dormitory checks"))
    result = backend.similar("medway-2019.txt", n, "other-councils")
    assert result.results and result.results[0].doc_id == "sunderland-2021.txt"
    assert result.results[0].shared and "zeppelin" in result.words
    anywhere = backend.similar("medway-2019.txt", n, "other-documents")
    assert {r.doc_id for r in anywhere.results} >= {"medway-2023.txt"}
    assert "medway-2019.txt" not in {r.doc_id for r in anywhere.results}
    with pytest.raises(ParagraphMissing):
        backend.similar("medway-2019.txt", 999, "other-councils")


def test_feeds_newest_first(backend):
    entries, total = backend.newest(SearchRequest(q="zeppelin"), None, 50)
    dates = [h.date for h in entries]
    assert dates == sorted(dates, reverse=True) and total >= len(entries) > 0
    since, _ = backend.newest(SearchRequest(q="zeppelin"), dt.date(2021, 1, 1), 50)
    assert since and all(h.date >= dt.date(2021, 1, 1) for h in since)


def test_stats(backend):
    stats = backend.stats()
    assert stats.documents == 10 and stats.paragraphs > 100
    assert stats.facets["council"]["Medway"] > 0 and stats.built_at


# --- PostgreSQL itself --------------------------------------------------------------------------------------------

def test_a_failed_rebuild_leaves_the_live_generation(database, corpus, tmp_path):
    reader, writer = open_postgres(database.primary.url)
    before = reader.generation_id()
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(IndexDamaged):
        writer.rebuild([empty])  # would lose every paragraph
    assert reader.generation_id() == before and reader.search(SearchRequest(q="zeppelin")).total
    assert writer.validate() == []
    reader.db.close()


def test_rebuild_switches_and_update_indexes_only_changes(database, corpus, tmp_path):
    folder = tmp_path / "docs"
    shutil.copytree(corpus, folder)
    with psycopg.connect(database.primary.url, autocommit=True) as conn:
        conn.execute("CREATE DATABASE updates")
    url = database.primary.url.rsplit("/", 1)[0] + "/updates"
    reader, writer = open_postgres(url)
    with pytest.raises(IndexMissing):
        reader.search(SearchRequest(q="zeppelin"))
    first = writer.rebuild([folder])
    old = reader.generation_id()
    (folder / "kent-2018.txt").unlink()
    (folder / "new.txt").write_text("Quokka sightings\n\nA quokka inspection of Medway found quokkas.\n")
    time.sleep(0.01)
    (folder / "medway-2023.txt").write_text("Medway update\n\nThe zeppelin register is gone now.\n")
    report = writer.update([folder])
    assert (report.added, report.changed, report.removed) == (1, 1, 1)
    assert report.documents == first.documents
    assert reader.generation_id() != old
    assert reader.search(SearchRequest(q="quokka")).total == 1
    assert reader.document("kent-2018.txt") is None
    assert reader.document("medway-2023.txt").paragraphs[-1].text == "The zeppelin register is gone now."
    assert reader.search(SearchRequest(q='"zeppelin register"', collapse=False, per_page=50)).total == 4  # medway-2019 x2, the twin, the rewritten medway-2023
    reader.db.close()


def test_serving_role_reads_but_cannot_write(database, backend):
    with psycopg.connect(database.primary.url, autocommit=True) as conn:
        conn.execute("DROP ROLE IF EXISTS web")
        conn.execute("CREATE ROLE web LOGIN IN ROLE reportsearch_reader")
    database.wait_replayed()
    url = f"postgresql://web@127.0.0.1:{database.primary.port}/postgres"
    reader = PostgresBackend(Database(url))
    assert reader.search(SearchRequest(q="zeppelin")).total
    name = reader.generation_id()
    with psycopg.connect(url) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(f'DELETE FROM "{name}".paragraphs')
    reader.db.close()


def test_statement_timeout_cancels_a_slow_request(database):
    db = Database(database.primary.url)
    with pytest.raises(psycopg.errors.QueryCanceled):
        db.read(lambda conn: conn.execute("SELECT pg_sleep(2)").fetchone(), timeout_ms=100)
    assert db.read(lambda conn: conn.execute("SELECT 1").fetchone()[0]) == 1
    db.close()


def test_reads_go_to_the_replica(database, backend):
    seen = backend.db.read(lambda conn: conn.execute("SELECT pg_is_in_recovery()").fetchone()[0])
    assert seen is True


def test_a_stopped_replica_costs_no_request(database):
    reader = PostgresBackend(Database(database.primary.url, [database.replica.url]))
    failures, done = [], []
    stop = threading.Event()

    def load() -> None:
        queries = ["zeppelin register", "children placed out of area", '"trampoline dormitory"', "council:Medway"]
        i = 0
        while not stop.is_set():
            try:
                result = reader.search(SearchRequest(q=queries[i % len(queries)]))
                assert result.total > 0
                done.append(1)
            except Exception as exc:  # noqa: BLE001 - every failure is counted
                failures.append(repr(exc))
            i += 1

    threads = [threading.Thread(target=load) for _ in range(4)]
    for t in threads:
        t.start()
    try:
        time.sleep(0.5)
        database.stop_replica()
        time.sleep(1.0)  # reads keep coming for a second after the replica went away
    finally:
        stop.set()
        for t in threads:
            t.join(30)
        database.start_replica()
        reader.db.close()
    assert not failures and len(done) > 20


def test_a_replica_serves_a_new_generation_once_replayed(database, corpus):
    reader, writer = open_postgres(database.primary.url)
    replica = PostgresBackend(Database(database.replica.url))
    writer.rebuild([corpus])
    database.wait_replayed()
    assert replica.generation_id() == reader.generation_id()
    assert replica.search(SearchRequest(q="zeppelin")).total == reader.search(SearchRequest(q="zeppelin")).total
    reader.db.close()
    replica.db.close()


def test_cli_rebuild_update_stats_on_the_database(database, corpus, runner, tmp_path, monkeypatch):
    from indexer.cli import main

    with psycopg.connect(database.primary.url, autocommit=True) as conn:
        conn.execute("CREATE DATABASE clitest")
    url = database.primary.url.rsplit("/", 1)[0] + "/clitest"
    out = runner.invoke(main, ["rebuild", "--database", url, "--source", str(corpus)])
    assert out.exit_code == 0 and "Indexed 10 documents" in out.output and "generation rs_" in out.output
    small = tmp_path / "small"
    small.mkdir()
    (small / "one.txt").write_text("One note\n\nA single short paragraph.\n")
    shrink = runner.invoke(main, ["rebuild", "--database", url, "--source", str(small)])
    assert shrink.exit_code == 1 and "--allow-shrink" in shrink.output and "Traceback" not in shrink.output
    out = runner.invoke(main, ["update", "--source", str(corpus)], env={"REPORTSEARCH_DATABASE_URL": url})
    assert out.exit_code == 0 and "(added 0, changed 0, removed 0)" in out.output
    out = runner.invoke(main, ["stats", "--database", url, "--json"])
    assert out.exit_code == 0 and '"documents": 10' in out.output
    # Nothing listens on port 1: the pool gives up after its wait (the statement time-out, 5 s), shortened here.
    monkeypatch.setattr(settings, "PG_STATEMENT_TIMEOUT_MS", 500)
    down = runner.invoke(main, ["stats", "--database", "postgresql://x@127.0.0.1:1/none"])
    assert down.exit_code == 1 and "Traceback" not in down.output and "no database server answered" in down.output
    assert runner.invoke(main, ["rebuild", "--replica", url]).exit_code == 2


def test_misspelt_words_are_corrected_as_in_the_embedded_index(backend, embedded):
    req = SearchRequest(q="zepelin register")
    ours, theirs = backend.search(req), embedded.search(req)
    assert ours.corrections == theirs.corrections == [("zepelin", "zeppelin")] and ours.total == theirs.total > 0
    assert ours.suggestion == theirs.suggestion == "zeppelin register"


def test_feeds_exports_and_documents_match_the_embedded_index(backend, embedded):
    req = SearchRequest(q="children placed out of area")
    ours, total = backend.newest(req, dt.date(2019, 1, 1), 20)
    theirs, their_total = embedded.newest(req, dt.date(2019, 1, 1), 20)
    assert [(h.doc_id, h.paragraph, h.date) for h in ours] == [(h.doc_id, h.paragraph, h.date) for h in theirs]
    assert total == their_total
    assert backend.export_rows(req, 1000)[1] == embedded.export_rows(req, 1000)[1]
    for doc_id in ("medway-2019.txt", "001_8effb7a534c938bd.txt"):
        mine, other = backend.document(doc_id).as_dict(), embedded.document(doc_id).as_dict()
        assert {k: mine[k] for k in ("title", "year", "council", "severity", "published")} == \
            {k: other[k] for k in ("title", "year", "council", "severity", "published")}
        assert [(p["n"], p["text"]) for p in mine["paragraphs"]] == [(p["n"], p["text"]) for p in other["paragraphs"]]


def test_every_page_serves_from_postgresql_and_its_replica(database):
    from webui import create_app

    app = create_app({"TESTING": True, "INDEX_DIR": "/nonexistent-index", "DATABASE_URL": database.primary.url,
                      "REPLICAS": [database.replica.url]})
    client = app.test_client()
    found = client.get("/search.json?q=zeppelin").get_json()
    assert found["total"] > 0 and found["hits"][0]["snippet"].count("<mark>") >= 1
    assert all(v["toggle_url"].startswith("?") for v in found["facets"]["council"])  # links made above the seam
    for url in ("/", "/search?q=trampoline&council=Medway", "/search.csv?q=zeppelin", "/search.atom?q=zeppelin",
                "/search/grid?q=zeppelin", "/doc/medway-2019.txt?q=zeppelin", "/council/Medway", "/councils",
                "/about", "/similar?doc=medway-2019.txt&p=1"):
        response = client.get(url)
        assert response.status_code in (200, 404), url  # 404 only where no such paragraph exists
        assert response.status_code == 200 or url.startswith("/similar"), url


def test_cli_search_similar_and_evaluate_read_the_database(database, embedded, runner, tmp_path):
    import json

    from indexer.cli import main

    url = database.primary.url
    out = runner.invoke(main, ["search", "--database", url, "--json", "--limit", "3", "medway", "inadequate"])
    assert out.exit_code == 0, out.output
    found = json.loads(out.output)
    from indexer.search.present import run_search

    theirs = run_search(embedded, SearchRequest(q="medway inadequate", per_page=3))  # what the command shows
    assert found["total"] == theirs.total > 0
    # The same documents on the first page; PostgreSQL's final order may differ (ts_rank candidates, docs/postgresql.md).
    assert sorted(h["doc_id"] for h in found["hits"]) == sorted(h.doc_id for h in theirs.hits)
    first = found["hits"][0]
    out = runner.invoke(main, ["similar", "--database", url, "--json", first["doc_id"], str(first["paragraph"])])
    assert out.exit_code == 0 and "Traceback" not in out.output
    judged = tmp_path / "judged.jsonl"
    judged.write_text(json.dumps({"id": "p1", "query": "medway inadequate",
                                  "relevant": {first["doc_id"]: 2}}) + "\n", encoding="utf-8")
    out = runner.invoke(main, ["evaluate", "--queries", str(judged), "--json"],
                        env={"REPORTSEARCH_DATABASE_URL": url})
    assert out.exit_code == 0, out.output
    report = json.loads(out.output)
    assert report["summary"]["recall@10"] == 1.0 and report["index"].startswith("postgresql://")
    assert "@" not in report["index"] or "postgres@" in report["index"]  # the user, never a password
