"""The new labelled news sets are well formed: development parts c, h and k, and the held-out sets m, n, p, q, r, s and t.

Part h (tests/data/news_heldout.jsonl) was held out and scored blind once; in issue 22's facet round it became
development material. `reportsearch evaluate --news` scores only tests/data/news_devset*.jsonl; part h is scored
by naming it explicitly (tests/test_evaluate_news.py keeps floors for it).
"""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from indexer import settings

from tests.each_record import check_each

ROOT = Path(__file__).resolve().parent.parent
FILES = {"c": ROOT / "tests" / "data" / "news_devset_c.jsonl", "h": ROOT / "tests" / "data" / "news_heldout.jsonl",
         "k": ROOT / "tests" / "data" / "news_heldout_k.jsonl", "m": ROOT / "tests" / "data" / "news_heldout_m.jsonl",
         "n": ROOT / "tests" / "data" / "news_heldout_n.jsonl", "p": ROOT / "tests" / "data" / "news_heldout_p.jsonl",
         "q": ROOT / "tests" / "data" / "news_heldout_q.jsonl", "r": ROOT / "tests" / "data" / "news_heldout_r.jsonl",
         "s": ROOT / "tests" / "data" / "news_heldout_s.jsonl", "t": ROOT / "tests" / "data" / "news_heldout_t.jsonl",
         "u": ROOT / "tests" / "data" / "news_heldout_u.jsonl", "v": ROOT / "tests" / "data" / "news_heldout_v.jsonl",
         "w": ROOT / "tests" / "data" / "news_heldout_w.jsonl", "x": ROOT / "tests" / "data" / "news_heldout_x.jsonl",
         "y": ROOT / "tests" / "data" / "news_heldout_y.jsonl", "z": ROOT / "tests" / "data" / "news_heldout_z.jsonl",
         "g": ROOT / "tests" / "data" / "news_heldout_g.jsonl", "f": ROOT / "tests" / "data" / "news_heldout_f.jsonl",
         "d": ROOT / "tests" / "data" / "news_heldout_d.jsonl", "e": ROOT / "tests" / "data" / "news_heldout_e.jsonl",
         "j": ROOT / "tests" / "data" / "news_heldout_j.jsonl", "l": ROOT / "tests" / "data" / "news_heldout_l.jsonl",
         "o": ROOT / "tests" / "data" / "news_heldout_o.jsonl",
         "i": ROOT / "tests" / "data" / "news_heldout_i.jsonl"}
GRADES = {"outstanding", "good", "requires improvement", "adequate", "inadequate", None}
KINDS = {"roundup", "movement", "pre2013", "annual_assessment", "subjudgement", "undated", "school_decoy",
         "location_decoy", "press_release", "archived", "plain"}
FIELDS = {"id", "file", "url", "outlet", "title", "kinds", "published", "truth", "evidence", "shared_run"}


def _records(prefix: str) -> list[dict]:
    """Every line of one labels file, parsed."""
    lines = FILES[prefix].read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _gazetteer_names() -> set[str]:
    """Official council names from the project's copy of the gazetteer."""
    with open(settings.GAZETTEER_CSV, encoding="utf-8", newline="") as handle:
        return {row["name"] for row in csv.DictReader(handle)}


RECORDS = [r for prefix in FILES for r in _records(prefix)]
EXISTING_URLS = {json.loads(line)["url"] for name in ("news_devset_a.jsonl", "news_devset_b.jsonl")
                 for line in (ROOT / "tests" / "data" / name).read_text(encoding="utf-8").splitlines() if line.strip()}


def _key(url: str) -> str:
    """A URL without scheme, www. and port, to compare pages."""
    return re.sub(r"^https?://(www\.)?|:443|/$", "", url)


def test_sizes_and_split():
    """At least 80 new articles, at least 40 of them held out."""
    assert len(RECORDS) >= 80
    assert len(_records("h")) >= 40


def test_ids_unique_prefixed_and_pages_new():
    ids = [r["id"] for r in RECORDS]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[chkmnpqrstuvwxyzgfdejloi]\d\d", i) for i in ids)
    keys = [_key(r["url"]) for r in RECORDS]
    assert len(keys) == len(set(keys)), "the same page twice"
    assert not set(keys) & {_key(u) for u in EXISTING_URLS}, "a page already in sets a/b"


@pytest.mark.parametrize("prefix", FILES)
def test_record_is_well_formed(prefix):
    """Every record of the set (one test per set; a failure names each failing record and why)."""
    names = _gazetteer_names()
    check_each(lambda record: _record_is_well_formed(record, names), _records(prefix))


def _record_is_well_formed(record, names):
    assert set(record) == FIELDS
    assert record["url"].startswith(("http://", "https://"))
    assert record["kinds"] and set(record["kinds"]) <= KINDS
    truth = record["truth"]
    councils = [c["council"] for c in truth["councils"]]
    assert set(councils) <= names, set(councils) - names
    assert all(c["grade"] in GRADES for c in truth["councils"])
    assert 2008 <= truth["year"] <= 2026
    if record["published"] is not None:
        assert int(record["published"][:4]) == truth["year"]
    assert ("undated" in record["kinds"]) == (record["published"] is None)


@pytest.mark.parametrize("prefix", FILES)
def test_fixture_exists_and_is_in_own_words(prefix):
    """Every article of the set (one test per set; a failure names each failing article and why)."""
    check_each(_fixture_exists_and_is_in_own_words, _records(prefix))


def _fixture_exists_and_is_in_own_words(record):
    path = ROOT / record["file"]
    assert path.is_file() and path.name.startswith(record["id"] + "-")
    assert 200 < len(path.read_text(encoding="utf-8")) <= 2600
    run = record["shared_run"]
    assert run["against"] == "source page"
    assert run["names_aside"] <= 8


def test_mix_of_kinds_years_and_outlets():
    kinds = [k for r in RECORDS for k in r["kinds"]]
    for kind, least in (("roundup", 5), ("movement", 25), ("subjudgement", 15), ("undated", 30), ("pre2013", 4)):
        assert kinds.count(kind) >= least, kind
    years = {r["truth"]["year"] for r in RECORDS}
    assert min(years) <= 2009 and max(years) >= 2025
    assert len({r["outlet"] for r in RECORDS}) >= 40
