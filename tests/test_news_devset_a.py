"""The labelled news dev set (part a) is well-formed: files exist, councils are gazetteer names, grades and years are valid."""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from indexer import settings

from tests.each_record import check_each

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "data" / "news_devset_a.jsonl"
GRADES = {"outstanding", "good", "requires improvement", "adequate", "inadequate", None}
KINDS = {"roundup", "movement", "pre2013", "annual_assessment", "subjudgement", "undated", "school_decoy",
         "location_decoy", "press_release", "archived", "plain"}
KEYS = {"id", "file", "url", "outlet", "title", "kinds", "published", "truth", "evidence", "shared_run"}
MAX_FIXTURE_CHARS = 2600


def _records() -> list[dict]:
    """Every line of the labels file, parsed."""
    with LABELS.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _gazetteer_names() -> set[str]:
    """Canonical council names from the project's own copy of the gazetteer."""
    with settings.GAZETTEER_CSV.open(encoding="utf-8") as handle:
        return {row["name"] for row in csv.DictReader(handle)}


RECORDS = _records()


def test_ids_are_unique_and_prefixed():
    ids = [r["id"] for r in RECORDS]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"a\d\d", i) for i in ids), ids
    assert len(RECORDS) >= 32


def test_record_is_well_formed():
    """Every record of set a (one test; a failure names each failing record and why)."""
    check_each(_record_is_well_formed, RECORDS)


def _record_is_well_formed(record):
    assert set(record) == KEYS
    assert record["url"].startswith(("http://", "https://"))
    assert record["title"].strip() and record["outlet"].strip() and record["evidence"].strip()
    assert record["kinds"] and set(record["kinds"]) <= KINDS
    if record["published"] is not None:
        assert re.fullmatch(r"(20\d\d)-\d\d-\d\d", record["published"])
        assert int(record["published"][:4]) == record["truth"]["year"]


def test_fixture_exists_and_is_named_after_the_id():
    """Every record of set a (one test; a failure names each failing record and why)."""
    check_each(_fixture_exists_and_is_named_after_the_id, RECORDS)


def _fixture_exists_and_is_named_after_the_id(record):
    path = ROOT / record["file"]
    assert path.is_file(), path
    assert path.parent == ROOT / "tests" / "fixtures" / "news"
    assert path.name.startswith(record["id"] + "-") and path.suffix in {".txt", ".html"}
    text = path.read_text(encoding="utf-8")
    assert 200 < len(text) <= MAX_FIXTURE_CHARS


def test_truth_uses_gazetteer_names_grades_and_years():
    """Every record of set a (one test; a failure names each failing record and why)."""
    check_each(_truth_uses_gazetteer_names_grades_and_years, RECORDS)


def _truth_uses_gazetteer_names_grades_and_years(record):
    names = _gazetteer_names()
    truth = record["truth"]
    councils = [c["council"] for c in truth["councils"]]
    assert len(councils) == len(set(councils))
    assert set(councils) <= names, set(councils) - names
    assert all(c["grade"] in GRADES for c in truth["councils"])
    assert truth["year"] is None or 2008 <= truth["year"] <= 2026
    if "adequate" in {c["grade"] for c in truth["councils"]}:
        assert truth["year"] <= 2013, "'adequate' is a pre-2013 grade"


def test_roundups_name_several_councils():
    """Every round-up of set a (one test; a failure names each failing record)."""
    check_each(_roundups_name_several_councils, [r for r in RECORDS if "roundup" in r["kinds"]])


def _roundups_name_several_councils(record):
    assert len(record["truth"]["councils"]) >= 2


def test_undated_records_have_no_printed_date_but_a_reasoned_year():
    """Every undated record of set a (one test; a failure names each failing record)."""
    check_each(_undated_records_have_no_printed_date_but_a_reasoned_year,
               [r for r in RECORDS if "undated" in r["kinds"]])


def _undated_records_have_no_printed_date_but_a_reasoned_year(record):
    assert record["published"] is None
    assert record["truth"]["year"] is not None


def test_mix_of_kinds_grades_and_decades():
    kinds = [k for r in RECORDS for k in r["kinds"]]
    assert kinds.count("roundup") >= 6 and kinds.count("pre2013") >= 6
    assert kinds.count("undated") >= 6 and kinds.count("location_decoy") >= 3
    grades = {c["grade"] for r in RECORDS for c in r["truth"]["councils"]}
    assert {"outstanding", "good", "requires improvement", "adequate", "inadequate"} <= grades
    years = {r["truth"]["year"] for r in RECORDS}
    assert min(years) <= 2009 and max(years) >= 2025


def test_fixture_is_in_own_words():
    """The longest word run shared with the source page (names and headline aside) was measured and is short, for
    every record of set a (one test; a failure names each failing record and why)."""
    check_each(_fixture_is_in_own_words, RECORDS)


def _fixture_is_in_own_words(record):
    run = record["shared_run"]
    assert run["against"] in {"source page", "previous fixture"}
    assert run["names_aside"] <= 8 and run["longest"] >= run["names_aside"]
