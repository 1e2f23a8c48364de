"""The command line: rebuild, search, extract --json shape, stats, evaluate, help with examples."""
from __future__ import annotations


import json
import shutil

import pytest

from indexer.cli import main

from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def cli_index(tmp_path_factory):
    from click.testing import CliRunner

    index_dir = tmp_path_factory.mktemp("cli-index")
    result = CliRunner().invoke(main, ["rebuild", "--source", str(SEEDS), "--index", str(index_dir)])
    assert result.exit_code == 0, result.output
    assert "Indexed 5 documents, 121 paragraphs" in result.output
    return index_dir


def test_search_caseloads(runner, cli_index):
    result = runner.invoke(main, ["search", "caseloads", "--index", str(cli_index), "--json"])
    data = json.loads(result.output)
    assert data["hits"][0]["doc_id"] == "000_f098993525120d5e.txt"
    assert "004_c591f3048068f891.txt" in [h["doc_id"] for h in data["hits"][1:3]]
    assert "<mark>caseloads</mark>" in data["hits"][0]["snippet"]
    text = runner.invoke(main, ["search", "case", "loads", "--index", str(cli_index)], color=False).output
    lines = text.splitlines()
    assert lines[1] == "Documents ranked by relevance, each shown by its best-matching paragraph:"
    assert lines[2].startswith("1. Ofsted finds Kent child protection 'inadequate'")
    assert "high case loads for social workers" in text
    assert "score" not in text  # paragraph scores out of document order confused readers; --json keeps them


def test_search_filters(runner, cli_index):
    result = runner.invoke(main, ["search", "children", "--council", "Kent", "--council", "Medway", "--json",
                                  "--index", str(cli_index)])
    data = json.loads(result.output)
    assert {h["council"][0] for h in data["hits"]} == {"Kent", "Medway"}
    # round 8: the 2015 Sunderland seed has no severity (its inspection is only inferred); Medway's 2019 one has
    result = runner.invoke(main, ["search", "children", "--year", "2019", "--severity", "inadequate", "--json",
                                  "--index", str(cli_index)])
    assert {h["doc_id"] for h in json.loads(result.output)["hits"]} == {"000_f098993525120d5e.txt"}


def test_extract_json_shape(runner):
    result = runner.invoke(main, ["extract", "--json", str(SEEDS / "003_daed07e52103bff4.txt")])
    doc = json.loads(result.output.splitlines()[0])
    assert set(doc) >= {"path", "title", "url", "published", "council", "council_code", "year", "severity",
                        "paragraphs", "facet_evidence", "error"}
    assert doc["council"] == ["Kent"] and doc["council_code"] == ["E10000016"]
    assert doc["year"] == 2010 and doc["severity"] == ["inadequate"] and doc["error"] is None
    assert doc["paragraphs"][0] == {"n": 1, "heading": "", "text": "Kent County Council has apologised after an "
                                    "Ofsted report found its childcare protection to be inadequate."}


def test_extract_reports_broken_file(runner, tmp_path):
    bad = tmp_path / "x.pdf"
    bad.write_text("<html><title>Report not found</title></html>")
    doc = json.loads(runner.invoke(main, ["extract", "--json", str(bad)]).output)
    assert doc["error"].startswith("not a PDF") and doc["paragraphs"] == []


def test_stats(runner, cli_index):
    data = json.loads(runner.invoke(main, ["stats", "--json", "--index", str(cli_index)]).output)
    assert data["documents"] == 5 and data["paragraphs"] == 121
    # round 8: the Sunderland seed's 16 paragraphs carry no severity (its inspection is only inferred)
    assert data["facets"]["severity"] == {"inadequate": 105}


def test_missing_index_is_a_clear_error(runner, tmp_path):
    result = runner.invoke(main, ["search", "x", "--index", str(tmp_path / "none")])
    assert result.exit_code == 1 and "run `reportsearch rebuild` first" in result.output


@pytest.mark.parametrize("command", ["rebuild", "search", "extract", "stats", "evaluate", "serve"])
def test_every_command_has_help_with_an_example(runner, command):
    result = runner.invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output and f"reportsearch {command}" in result.output


@pytest.mark.reports
def test_rebuild_real_reports_skips_report_010(runner, reports_dir, tmp_path):
    # Three real reports and the broken one: the whole folder is indexed once per run, by the reports_index fixture.
    folder = tmp_path / "some-reports"
    folder.mkdir()
    for name in ("report-001.pdf", "report-002.pdf", "report-010.pdf", "report-052.pdf"):
        shutil.copy(reports_dir / name, folder / name)
    result = runner.invoke(main, ["rebuild", "--source", str(folder), "--index", str(tmp_path / "r"), "--quiet"])
    assert result.exit_code == 0
    assert "Indexed 3 documents" in result.output
    assert "report-010.pdf: not a PDF: the file is an HTML page" in result.output


def test_search_says_which_matching_applied_and_offers_filters(runner, cli_index):
    best = runner.invoke(main, ["search", "Medway", "caseloads", "reporting", "findings", "--index", str(cli_index)])
    assert best.exit_code == 0 and "with all your words; best matches for at least 3 of 4" in best.output
    assert "Filters you may mean: council Medway" in best.output
    strict = runner.invoke(main, ["search", "Medway", "caseloads", "reporting", "findings", "--match", "all",
                                  "--index", str(cli_index), "--json"])
    assert json.loads(strict.output)["match"]["mode"] == "all"


def test_search_json_has_the_web_api_shape(runner, cli_index):
    from webui import create_app

    cli = json.loads(runner.invoke(main, ["search", "children", "--severity", "inadequate", "--index",
                                          str(cli_index), "--json"]).output)
    web = create_app({"TESTING": True, "INDEX_DIR": str(cli_index)}).test_client().get(
        "/search.json?q=children&severity=inadequate").get_json()
    assert set(cli) == set(web) and cli["facets"] == web["facets"]  # toggle_url included, built by the library
    assert [(h["doc_id"], h["paragraph"]) for h in cli["hits"]] == [(h["doc_id"], h["paragraph"]) for h in web["hits"]]
    assert all(v["toggle_url"].startswith("?") for values in cli["facets"].values() for v in values)
