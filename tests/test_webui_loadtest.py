"""The loopback load test: the real waitress server answers mixed queries, and keeps answering during a rebuild."""
from __future__ import annotations

import shutil

from indexer.cli import main
from webui.loadtest import LiveServer, load_during_rebuild, run_load

from tests.conftest import SEEDS


def test_load_and_load_during_a_rebuild_have_no_errors(seed_index_copy):
    index_dir = seed_index_copy
    with LiveServer(index_dir, threads=4) as server:
        steady = run_load(server.port, threads=3, seconds=1.5)
        during = load_during_rebuild(server.port, index_dir, [SEEDS], threads=3, min_seconds=1.0)
    assert steady.requests > 10 and steady.errors == 0 and steady.statuses == {"200": steady.requests}
    assert 0 < steady.p50_ms <= steady.p95_ms <= steady.max_ms
    assert during.requests > 10 and during.errors == 0, during.error_samples
    assert during.rebuild["exit_code"] == 0, during.rebuild["stderr"]
    assert during.rebuild["generation_after"] != during.rebuild["generation_before"]  # served the new index


def test_loadtest_command_prints_the_table(seed_index_copy, runner):
    index_dir = seed_index_copy
    result = runner.invoke(main, ["loadtest", "--index", str(index_dir), "--seconds", "1", "--threads", "2"])
    assert result.exit_code == 0, result.output
    header, steady = result.output.splitlines()[:2]
    assert header.split()[:4] == ["phase", "threads", "requests", "req/s"] and steady.split()[0] == "steady"
    assert steady.split()[-1] == "0"  # errors


def test_loadtest_without_an_index_says_so(tmp_path, runner):
    result = runner.invoke(main, ["loadtest", "--index", str(tmp_path / "none")])
    assert result.exit_code == 1 and "no index at" in result.output


def test_a_server_error_counts_as_an_error(seed_index_copy):
    index_dir = seed_index_copy
    with LiveServer(index_dir, threads=2) as server:
        shutil.rmtree(index_dir)  # every search now fails
        result = run_load(server.port, threads=1, seconds=0.5, max_requests=5)
    assert result.requests == 5 and result.errors == 5
