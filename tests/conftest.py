"""Shared fixtures: the seed folder, the real reports (skipped loudly when absent), built indexes, the Flask app."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from indexer import settings
from indexer.build import rebuild

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
REPORTS = settings.SHARED_DIR / "reports"


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
    index_dir = tmp_path_factory.mktemp("seed-index")
    rebuild([SEEDS], index_dir)
    return index_dir


@pytest.fixture(scope="session")
def reports_index(tmp_path_factory, reports_dir) -> Path:
    """An index over the real reports and the seeds."""
    index_dir = tmp_path_factory.mktemp("reports-index")
    rebuild([reports_dir, SEEDS], index_dir)
    return index_dir


@pytest.fixture(scope="session")
def fixture_corpus(tmp_path_factory) -> Path:
    """The seeds plus small crafted documents: a hostile one, an HTML page, a round-up, a school decoy."""
    folder = tmp_path_factory.mktemp("corpus")
    for path in SEEDS.iterdir():
        shutil.copy(path, folder / path.name)
    for path in FIXTURES.iterdir():
        if path.is_file():  # fixtures/news/ is the news dev set, measured by test_evaluate_news, not indexed here
            shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="session")
def fixture_index(tmp_path_factory, fixture_corpus) -> Path:
    """An index over the fixture corpus."""
    index_dir = tmp_path_factory.mktemp("fixture-index")
    rebuild([fixture_corpus], index_dir)
    return index_dir


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
