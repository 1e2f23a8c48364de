"""Shared fixtures: the seed folder, the real reports (skipped loudly when absent), built indexes, the Flask app."""
from __future__ import annotations

import contextlib
import copy
import fcntl
import itertools
import os
import pickle
import shutil
from pathlib import Path
from typing import Callable

import pytest

from indexer import settings
from indexer.backends.embedded.write.build import build_from_documents, rebuild
from indexer.ingest.documents import load_documents

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
NEWS = FIXTURES / "news"
REPORTS = settings.shared_dir() / "reports"


def built_once(tmp_path_factory, name: str, build: Callable[[Path], None]) -> Path:
    """A folder built by `build`; under pytest-xdist the workers of one run share it and the first one builds it."""
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID")
    if not run:
        folder = tmp_path_factory.mktemp(name)
        build(folder)
        return folder
    # Each worker has its own basetemp under one parent: the run's id keeps runs apart, the lock keeps workers apart.
    root = tmp_path_factory.getbasetemp().parent / f"shared-{run}"
    root.mkdir(exist_ok=True)
    folder, marker = root / name, root / f"{name}.built"
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not marker.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            build(folder)
            marker.touch()
    return folder


def pytest_report_header(config):
    """Say up front whether the real-report tests will run."""
    if REPORTS.is_dir():
        return f"real Ofsted reports: {REPORTS}"
    return f"real Ofsted reports NOT FOUND at {REPORTS}: tests marked 'reports' will be SKIPPED"


def pytest_terminal_summary(terminalreporter):
    """Repeat, loudly, at the end that the real-report tests did not run."""
    if not REPORTS.is_dir():
        terminalreporter.write_line(f"WARNING: real Ofsted reports not found at {REPORTS}: "
                                    "tests marked 'reports' were SKIPPED", red=True, bold=True)


@pytest.fixture(scope="session")
def reports_dir() -> Path:
    """../shared/reports, or skip loudly."""
    if not REPORTS.is_dir():
        pytest.skip(f"REAL REPORTS MISSING: {REPORTS} not found (set REPORTSEARCH_SHARED to the shared folder)")
    return REPORTS


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory) -> Path:
    """An index built from seeds/."""
    return built_once(tmp_path_factory, "seed-index", lambda folder: rebuild([SEEDS], folder))


@pytest.fixture(scope="session")
def report_documents(tmp_path_factory, reports_dir) -> list:
    """The real reports read and annotated once per test run (the slowest step of the suite)."""
    def read(folder: Path) -> None:
        (folder / "documents.pickle").write_bytes(pickle.dumps(list(load_documents([reports_dir]))))

    return pickle.loads((built_once(tmp_path_factory, "report-documents", read) / "documents.pickle").read_bytes())


@pytest.fixture(scope="session")
def news_documents(tmp_path_factory) -> list:
    """The news fixture articles read and annotated once per test run (~9 CPU s; the reports index, the news index
    and the segment writer's tests share them). A build sets document ids and facets on what it is given: copy first."""
    def read(folder: Path) -> None:
        (folder / "documents.pickle").write_bytes(pickle.dumps(list(load_documents([NEWS]))))

    return pickle.loads((built_once(tmp_path_factory, "news-documents", read) / "documents.pickle").read_bytes())


@pytest.fixture(scope="session")
def news_index(request, tmp_path_factory) -> Path:
    """An index over the news fixture articles alone (what `rebuild([NEWS])` makes, from the run's read articles)."""
    def build(folder: Path) -> None:
        build_from_documents(copy.deepcopy(request.getfixturevalue("news_documents")), folder, [str(NEWS)])

    return built_once(tmp_path_factory, "news-index", build)


@pytest.fixture(scope="session")
def reports_index(request, tmp_path_factory, reports_dir) -> Path:
    """An index over the real reports, the seeds and the news fixture articles: the judged queries' corpus."""
    def build(folder: Path) -> None:
        reports = copy.deepcopy(request.getfixturevalue("report_documents"))
        news = copy.deepcopy(request.getfixturevalue("news_documents"))
        documents = itertools.chain(reports, load_documents([SEEDS]), news)
        build_from_documents(documents, folder, [str(reports_dir), str(SEEDS), str(NEWS)])

    return built_once(tmp_path_factory, "reports-index", build)


@pytest.fixture(scope="session")
def fixture_corpus(tmp_path_factory) -> Path:
    """The seeds plus small crafted documents: a hostile one, an HTML page, a round-up, a school decoy."""
    def copy_in(folder: Path) -> None:
        for path in SEEDS.iterdir():
            shutil.copy(path, folder / path.name)
        for path in FIXTURES.iterdir():
            if path.is_file():  # sub-folders (news/) are corpora of their own
                shutil.copy(path, folder / path.name)

    # Shared, like the index built from it, so the paths the index records are the ones every worker sees.
    return built_once(tmp_path_factory, "corpus", copy_in)


@pytest.fixture(scope="session")
def fixture_index(tmp_path_factory, fixture_corpus) -> Path:
    """An index over the fixture corpus."""
    return built_once(tmp_path_factory, "fixture-index", lambda folder: rebuild([fixture_corpus], folder))


@pytest.fixture(scope="module")
def reports_client(reports_index):
    """A test client over the real reports, the seeds and the news fixtures."""
    from webui import create_app

    return create_app({"TESTING": True, "INDEX_DIR": str(reports_index)}).test_client()


@pytest.fixture()
def app(fixture_index):
    """The Flask app over the fixture index."""
    from webui import create_app

    return create_app({"TESTING": True, "INDEX_DIR": str(fixture_index)})


@pytest.fixture()
def client(app):
    """A test client."""
    return app.test_client()


@pytest.fixture()
def runner():
    """A click runner for the CLI."""
    from click.testing import CliRunner

    return CliRunner()


# A small corpus with planted words and one planted near-duplicate paragraph, for significant terms and similarity.
FILLER = [
    "Social workers told inspectors that caseloads are manageable and that managers are visible and supportive.",
    "Children in care are visited regularly and their plans are reviewed on time by independent reviewing officers.",
    "The multi-agency safeguarding hub responds promptly to contacts and decisions are recorded clearly.",
    "Care leavers are supported by personal advisers who know them well and help them find suitable homes.",
    "Leaders have a clear understanding of the quality of practice through audits and performance information.",
]
PLANTED_SOURCE = ("Trampoline dormitory checks were missing for children placed out of area, and the zeppelin "
                  "register of unregulated placements was incomplete, leaving senior leaders unaware of risks.")
PLANTED_TWIN = ("Inspectors found that zeppelin register entries for unregulated placements were incomplete and "
                "trampoline dormitory checks missing for children placed out of area.")
PLANTED_DOCS = {
    "medway-2019.txt": ("Medway Council children's services inspection", "2019-08-27", [
        PLANTED_SOURCE,
        "Trampoline dormitory visits by Medway social workers were not recorded for several children.",
        "Medway managers said the zeppelin register would be rebuilt, and trampoline dormitory checks restarted.",
        *FILLER]),
    "medway-2023.txt": ("Medway Council children's services improve", "2023-09-11", [
        "The zeppelin register of unregulated placements in Medway is now complete and reviewed monthly.",
        "A trampoline dormitory audit in Medway found that checks now happen for every child placed away.",
        # The same finding again in Medway's own later report: never "elsewhere".
        "Trampoline dormitory checks were missing for some children placed out of area, and the zeppelin register was incomplete.",
        *FILLER[:3]]),
    "kent-2018.txt": ("Kent County Council children's services inspection", "2018-03-02", [*FILLER, FILLER[0]]),
    "sunderland-2020.txt": ("Sunderland City Council children's services inspection", "2020-06-05", [
        "Sunderland leaders have strengthened oversight of children placed out of area.", *FILLER[1:]]),
    "sunderland-2021.txt": ("Sunderland City Council children's services monitoring visit", "2021-11-19", [
        "Sunderland has made progress since the last inspection.", PLANTED_TWIN, *FILLER[:2]]),
}


@pytest.fixture(scope="session")
def planted_corpus(tmp_path_factory) -> Path:
    """Five short documents about three councils with planted distinctive words and a planted twin paragraph."""
    import json

    folder = tmp_path_factory.mktemp("planted")
    for name, (title, published, paragraphs) in PLANTED_DOCS.items():
        (folder / name).write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        (folder / f"{name}.meta.json").write_text(json.dumps({"title": title, "published": published}))
    return folder


@pytest.fixture(scope="session")
def seeds_and_planted(tmp_path_factory, planted_corpus) -> Path:
    """The seeds plus the planted documents (three councils, dated, a twin paragraph): the PostgreSQL tests' corpus."""
    def copy_in(folder: Path) -> None:
        for source in (SEEDS, planted_corpus):
            for path in source.iterdir():
                shutil.copy(path, folder / path.name)

    return built_once(tmp_path_factory, "seeds-and-planted", copy_in)


@pytest.fixture(scope="session")
def planted_index(tmp_path_factory, planted_corpus) -> Path:
    """An index over the planted corpus."""
    index_dir = tmp_path_factory.mktemp("planted-index")
    rebuild([planted_corpus], index_dir)
    return index_dir


def search_total(backend, text: str) -> int:
    """How many paragraphs match a query (no filters)."""
    from indexer.models import SearchRequest

    return backend.search(SearchRequest(q=text, per_page=1)).total


@pytest.fixture(scope="session")
def pg_cluster():
    """A throwaway PostgreSQL primary + streaming replica (tests/pg_cluster.py); skipped loudly without
    PostgreSQL, except under CI=true, where that is a failure."""
    import os

    from tests.pg_cluster import MISSING, bin_dir, start_cluster

    if bin_dir() is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true and {MISSING}")
        pytest.skip(MISSING)
    cluster = start_cluster()
    yield cluster
    cluster.stop()


@contextlib.contextmanager
def settings_changed(values: dict):
    """Settings changed for a block: a module-scoped fixture's build and every search after it."""
    with pytest.MonkeyPatch.context() as mp:
        for name, value in values.items():
            mp.setattr(settings, name, value)
        yield mp


def rebuilt_database(pg_cluster, name: str, folder: Path) -> str:
    """A fresh database `name` on the test primary with `folder` rebuilt into it; its URL."""
    import psycopg

    from indexer.backends.postgres import open_postgres

    with psycopg.connect(pg_cluster.primary.url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    url = pg_cluster.primary.url.rsplit("/", 1)[0] + "/" + name
    reader, writer = open_postgres(url)
    writer.rebuild([folder])
    reader.db.close()
    return url


def reader_on(request, tmp_path_factory, folder: Path, name: str):
    """Yield a reader over `folder` rebuilt on the backend `request.param` names ("embedded" or "postgres")."""
    if request.param == "embedded":
        from indexer.backends import open_backend
        from indexer.backends.embedded.write.build import rebuild

        index_dir = tmp_path_factory.mktemp(f"{name}-index")
        rebuild([folder], index_dir)
        yield open_backend(index_dir)
        return
    from indexer.backends.postgres import open_postgres

    reader, _ = open_postgres(rebuilt_database(request.getfixturevalue("pg_cluster"), name, folder))
    yield reader
    reader.db.close()


def write_story_and_notes(folder: Path) -> None:
    """An invented one-council story (Bolton, rated good) and four short notes, for word statistics."""
    (folder / "bolton-story.txt").write_text(
        "Bolton rated good\n\nInspectors judged children's services in Bolton good this spring.\n\nLeaders were "
        "praised for stable social work teams.\n", encoding="utf-8")
    for n in range(4):
        (folder / f"note-{n}.txt").write_text(f"Note {n}\n\nA short note.\n\nAnother short note.\n", encoding="utf-8")


def seeds_with(tmp_path_factory, name: str, texts: dict[str, str]) -> Path:
    """A folder of the seeds (for realistic word statistics) and the documents `texts` (file name -> text)."""
    folder = tmp_path_factory.mktemp(f"{name}-corpus")
    for path in SEEDS.iterdir():
        shutil.copy(path, folder / path.name)
    for file_name, text in texts.items():
        (folder / file_name).write_text(text, encoding="utf-8")
    return folder


def backend_over(request, tmp_path_factory, name: str, folder: Path):
    """The folder built on the backend a fixture is parametrised with ("embedded" or "postgresql"), yielded and
    closed after; the PostgreSQL side skips without a test cluster."""
    from indexer.backends import open_backend, open_writer

    if request.param == "embedded":
        index = tmp_path_factory.mktemp(f"{name}-index")
        open_writer(index_dir=index).rebuild([folder])
        yield open_backend(index_dir=index)
        return
    try:
        pg_cluster = request.getfixturevalue("pg_cluster")
    except pytest.FixtureLookupError:
        pytest.skip("no PostgreSQL test cluster")
    opened = open_backend(database=rebuilt_database(pg_cluster, name, folder))
    yield opened
    getattr(opened, "db", None) and opened.db.close()


@pytest.fixture()
def pg_reader(url):
    """A reader of the module's `url` database, closed after the test."""
    from indexer.backends.postgres import open_postgres

    reader, _ = open_postgres(url)
    yield reader
    reader.db.close()


@pytest.fixture(scope="session")
def postgres_database(pg_cluster) -> str:
    """A fresh database on the test cluster's primary, for the contract suite (tests/test_contract.py)."""
    import psycopg

    with psycopg.connect(pg_cluster.primary.url, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS contract")
        conn.execute("CREATE DATABASE contract")
    return pg_cluster.primary.url.rsplit("/", 1)[0] + "/contract"


# Session fixtures a worker spends many seconds building (reading and annotating ~640 documents, indexing them).
SLOW_SHARED = frozenset({"report_documents", "news_documents", "reports_index", "news_index"})


def pytest_collection_modifyitems(config, items):
    """Under pytest-xdist, the test modules that use the slow shared builds go first (in their own order, whole
    modules): worksteal gives the first worker the first half of the tests, so one worker builds them at the start
    while the other runs the rest, instead of one worker idling on the build lock while the other builds."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return
    slow = {item.nodeid.split("::")[0] for item in items if SLOW_SHARED & set(item.fixturenames)}
    items.sort(key=lambda item: item.nodeid.split("::")[0] not in slow)  # a stable sort: same order within each


def pytest_collection_finish(session):
    """Move what collection made (modules, test items: most of a worker's objects) out of the garbage collector's
    sight: they live for the whole run, and every full collection (each index validation makes one) walked them."""
    import gc

    gc.collect()
    gc.freeze()


def copy_index(index_dir: Path, folder: Path) -> Path:
    """A private copy of a built index (to serve, damage or build over): the same folder a rebuild of the same
    sources leaves (generation, CURRENT, annotation cache), for a file copy instead of a rebuild's CPU second."""
    shutil.copytree(index_dir, folder, symlinks=True)
    return folder


@pytest.fixture()
def seed_index_copy(seed_index, tmp_path) -> Path:
    """A private copy of the seed index, for a test that changes it (what `rebuild([SEEDS], tmp_path / "index")`
    gave, where the rebuild itself is not under test)."""
    return copy_index(seed_index, tmp_path / "index")


@pytest.fixture()
def fresh_answer_caches():
    """What a plan asks and the grades a paragraph states are cached (search/answer.py); a switch a test sets
    changes them, so they are emptied before and after."""
    from indexer.search.answer import asked_by, stated_grades_cached
    stated_grades_cached.cache_clear()
    asked_by.cache_clear()
    yield
    stated_grades_cached.cache_clear()
    asked_by.cache_clear()
