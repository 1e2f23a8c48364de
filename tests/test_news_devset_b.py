"""The labelled news dev set B is well formed: files exist, councils are gazetteer names, grades and years are valid."""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from indexer import settings

from tests.each_record import check_each

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "data" / "news_devset_b.jsonl"
GRADES = {"outstanding", "good", "requires improvement", "adequate", "inadequate"}
KINDS = {"roundup", "movement", "pre2013", "annual_assessment", "subjudgement", "undated", "school_decoy",
         "location_decoy", "press_release", "archived", "plain"}
FIELDS = {"id", "file", "url", "outlet", "title", "kinds", "published", "truth", "evidence", "shared_run"}


def _records() -> list[dict]:
    """Every line of the labels file, parsed."""
    lines = LABELS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _gazetteer_names() -> set[str]:
    """Official council names from the project's copy of the gazetteer."""
    with open(settings.GAZETTEER_CSV, encoding="utf-8", newline="") as handle:
        return {row["name"] for row in csv.DictReader(handle)}


RECORDS = _records()


def test_enough_articles_of_each_kind():
    """The share asked for: 32+ articles, with the emphasised kinds well represented."""
    assert len(RECORDS) >= 32
    count = lambda kind: sum(kind in r["kinds"] for r in RECORDS)  # noqa: E731
    assert count("school_decoy") >= 6
    assert count("movement") >= 7
    assert count("subjudgement") >= 5
    assert count("undated") >= 5
    assert count("roundup") >= 3


def test_ids_are_unique_and_prefixed():
    ids = [r["id"] for r in RECORDS]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"b\d{2}", i) for i in ids)


def test_record_is_well_formed():
    """Fields, file, kinds, published date and truth all follow the labelling format, for every record of set b
    (one test; a failure names each failing record and why)."""
    check_each(_record_is_well_formed, RECORDS)


def _record_is_well_formed(record):
    assert set(record) == FIELDS
    path = ROOT / record["file"]
    assert path.is_file(), f"missing fixture {record['file']}"
    assert path.name.startswith(record["id"] + "-")
    assert 300 < len(path.read_text(encoding="utf-8")) <= 2800
    assert record["url"].startswith(("http://", "https://"))
    assert record["kinds"] and set(record["kinds"]) <= KINDS
    assert record["published"] is None or re.fullmatch(r"20\d\d-\d\d-\d\d", record["published"])
    assert record["evidence"].strip()
    truth = record["truth"]
    assert set(truth) == {"councils", "year"}
    assert truth["year"] is None or 2008 <= truth["year"] <= 2026
    if record["published"]:
        assert int(record["published"][:4]) == truth["year"]


def test_truth_councils_are_gazetteer_names_with_valid_grades():
    """Every record of set b (one test; a failure names each failing record and why)."""
    names = _gazetteer_names()
    check_each(lambda record: _truth_councils_are_gazetteer_names_with_valid_grades(record, names), RECORDS)


def _truth_councils_are_gazetteer_names_with_valid_grades(record, names):
    councils = record["truth"]["councils"]
    for entry in councils:
        assert set(entry) == {"council", "grade"}
        assert entry["council"] in names, f"{entry['council']!r} is not a gazetteer name"
        assert entry["grade"] is None or entry["grade"] in GRADES
        if entry["grade"] == "adequate":
            assert record["truth"]["year"] is None or record["truth"]["year"] <= 2013
    assert len({e["council"] for e in councils}) == len(councils)
    if "school_decoy" in record["kinds"]:
        assert councils == []
    if "roundup" in record["kinds"] and "school_decoy" not in record["kinds"]:
        assert len(councils) >= 2


def test_fixture_is_in_own_words():
    """The longest word run shared with the source page (names and headline aside) was measured and is short, for
    every record of set b (one test; a failure names each failing record and why)."""
    check_each(_fixture_is_in_own_words, RECORDS)


def _fixture_is_in_own_words(record):
    run = record["shared_run"]
    assert run["against"] in {"source page", "previous fixture"}
    assert run["names_aside"] <= 8 and run["longest"] >= run["names_aside"]
