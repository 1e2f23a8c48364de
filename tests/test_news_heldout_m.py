"""The held-out set m, this round's final held-out set, stays well formed: articles, fixtures, judged queries.

Set m is scored once, at the end, by naming its files; nothing here runs the rules or the ranking on it. The record
shape (fields, kinds, gazetteer names, dates) is checked with sets c, h and k in tests/test_news_devset_new.py.
"""
from __future__ import annotations

import fnmatch
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from indexer.quality.evaluate_news import DEFAULT_GLOB
from indexer.quality.evaluate_queries import load_judged

from tests.conftest import NEWS, REPORTS, ROOT, SEEDS

DATA = ROOT / "tests" / "data"
LABELS = DATA / "news_heldout_m.jsonl"
QUERIES = DATA / "judged_queries_heldout_m.jsonl"


def _lines(path: Path) -> list[dict]:
    """Every JSON line of a file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _key(url: str) -> str:
    """A URL without scheme, www., port and trailing slash, to compare pages."""
    return re.sub(r"^https?://(www\.)?|:443|/$", "", url)


def _folded(text: str) -> str:
    """Markup dropped, lower case, typographic quotes folded, whitespace collapsed (as the paragraph measure does)."""
    text = re.sub(r"<[^>]+>", " ", text).translate(str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"',
                                                                  "\u201d": '"'}))
    return " ".join(text.lower().split())


RECORDS = _lines(LABELS)
JUDGED = load_judged(QUERIES)


def test_size_ids_and_file_names():
    """At least 40 articles, ids m01… unique, each fixture named after its id."""
    ids = [r["id"] for r in RECORDS]
    assert len(ids) >= 40 and len(ids) == len(set(ids))
    assert all(re.fullmatch(r"m\d\d", i) for i in ids)
    assert all(Path(r["file"]).name.startswith(r["id"] + "-") for r in RECORDS)


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r["id"])
def test_fixture_exists_and_shares_at_most_eight_words(record):
    path = ROOT / record["file"]
    assert path.is_file() and path.parent == NEWS
    assert 200 < len(path.read_text(encoding="utf-8")) <= 2600
    run = record["shared_run"]
    assert run["against"] == "source page"
    assert run["names_aside"] <= 8 and run["longest"] >= run["names_aside"]


def test_no_page_repeated_within_m_or_from_any_other_set():
    keys = [_key(r["url"]) for r in RECORDS]
    assert len(keys) == len(set(keys)), "the same page twice in set m"
    others = {_key(r["url"]) for path in DATA.glob("news_*.jsonl") if path != LABELS for r in _lines(path)}
    assert not set(keys) & others, set(keys) & others


def test_mix_of_kinds_years_and_outlets():
    """Unlike the earlier sets on purpose: round-ups with tails and tallies, movement, sub-judgements, undated pages,
    school and nursery decoys, minutes, 2008-2025 with 2009 and 2014 (which set k lacks)."""
    kinds = Counter(k for r in RECORDS for k in r["kinds"])
    for kind, least in (("roundup", 10), ("movement", 15), ("subjudgement", 15), ("undated", 25), ("pre2013", 6),
                        ("school_decoy", 5), ("location_decoy", 4)):
        assert kinds[kind] >= least, (kind, kinds[kind])
    years = {r["truth"]["year"] for r in RECORDS}
    assert min(years) == 2008 and max(years) >= 2025 and {2009, 2014} <= years and len(years) >= 15
    assert len({r["outlet"] for r in RECORDS}) >= 35
    nulls = [c for r in RECORDS for c in r["truth"]["councils"] if c["grade"] is None]
    assert len(nulls) >= 20, "councils named without an overall grade are labelled null"


def test_heldout_m_is_not_scored_by_default():
    """`reportsearch evaluate --news` without files reads only the development sets."""
    assert not fnmatch.fnmatch(f"tests/data/{LABELS.name}", DEFAULT_GLOB)


def test_judged_queries_are_well_formed_and_new():
    assert len(JUDGED) >= 20
    assert len({q.id for q in JUDGED}) == len(JUDGED) and len({q.query for q in JUDGED}) == len(JUDGED)
    assert all(re.fullmatch(r"mq\d\d", q.id) and q.kind and q.note for q in JUDGED)
    earlier = {q.query for name in ("judged_queries.jsonl", "judged_queries_heldout.jsonl",
                                    "judged_queries_heldout_k.jsonl")
               for q in load_judged(DATA / name)}
    assert not {q.query for q in JUDGED} & earlier
    assert sum(len(q.paragraphs) for q in JUDGED) >= 20


@pytest.mark.parametrize("judged", JUDGED, ids=lambda q: q.id)
def test_judged_query_names_existing_documents(judged):
    """Every judged document exists; each query reaches an m article; judged phrases are in their documents."""
    local = {p.name for p in SEEDS.iterdir()} | {p.name for p in NEWS.iterdir()}
    assert 2 in judged.relevant.values()
    assert any(re.match(r"m\d\d-", doc) for doc in judged.relevant)
    for doc in judged.relevant:
        if doc.startswith("report-"):
            assert re.fullmatch(r"report-\d{3}\.pdf", doc), doc
            assert not REPORTS.is_dir() or (REPORTS / doc).is_file(), doc
        else:
            assert doc in local, doc
    for doc, phrases in judged.paragraphs.items():
        text = _folded((NEWS / doc).read_text(encoding="utf-8"))
        assert all(_folded(phrase) in text for phrase in phrases), (doc, phrases)
