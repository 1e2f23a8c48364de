"""Set aa (round 30): a blind set of 46 real news pages and 24 judged questions over them, scored once on round 29's
code (the questions once more on round 30's), development since.

Its labels and own-words fixtures stay in tests/blind/aa until the set has judged queries of its own (the held-out
sets' checks in test_news_heldout_sets.py ask for them); these checks are the record and fixture checks every set has.
Nothing here runs the rules or the ranking.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from tests.each_record import check_each
from tests.test_news_devset_new import _gazetteer_names, _key, _record_is_well_formed

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "blind" / "aa" / "news_heldout_aa.jsonl"
RECORDS = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_ids_unique_and_pages_new():
    """aa01…aa50 (four numbers left out: pages whose text repeats an already used page), no page of any other set."""
    ids = [r["id"] for r in RECORDS]
    assert len(ids) == 46 and len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"aa\d\d", i) for i in ids)
    keys = [_key(r["url"].split("?")[0]) for r in RECORDS]
    assert len(set(keys)) == len(keys)
    others = {_key(json.loads(line)["url"].split("?")[0]) for path in (ROOT / "tests" / "data").glob("news_*.jsonl")
              for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    assert not set(keys) & others


def test_records_are_well_formed():
    """The record checks of every other set (gazetteer names, grades, kinds, dates)."""
    names = _gazetteer_names()
    check_each(lambda record: _record_is_well_formed(record, names), RECORDS)


def test_fixtures_exist_and_are_in_own_words():
    """One fixture a page, named after its id; at most 8 words in a row shared with the page, names aside. A
    59-row table of councils (aa28) is the one fixture over the other sets' 2,600 characters."""
    check_each(_fixture_ok, RECORDS)


def _fixture_ok(record):
    path = ROOT / record["file"]
    assert path.is_file() and path.name.startswith(record["id"] + "-")
    assert 200 < len(path.read_text(encoding="utf-8")) <= (4000 if record["id"] == "aa28" else 2600)
    run = record["shared_run"]
    assert run["against"] == "source page" and run["names_aside"] <= 8


QUERIES = ROOT / "tests" / "blind" / "aa" / "judged_queries_heldout_aa.jsonl"


def test_judged_queries_are_well_formed_new_and_name_existing_documents():
    """24 questions judged by reading (aaq01…aaq24), each answered by a set aa page, none asked before; every judged
    document exists and every judged phrase is in its document."""
    from indexer.quality.evaluate_queries import load_judged
    from tests.test_news_heldout_sets import _folded
    judged = load_judged(QUERIES)
    assert len(judged) == 24 and len({q.id for q in judged}) == 24
    assert all(re.fullmatch(r"aaq\d\d", q.id) and q.kind and q.note for q in judged)
    earlier = {q.query for path in (ROOT / "tests" / "data").glob("judged_queries*.jsonl") for q in load_judged(path)}
    assert not {q.query for q in judged} & earlier
    aa = ROOT / "tests" / "blind" / "aa" / "fixtures"
    local = {p.name: p for folder in (ROOT / "tests" / "fixtures" / "news", ROOT / "seeds", aa) for p in folder.iterdir()}
    for q in judged:
        assert any(doc.startswith("aa") and grade == 2 for doc, grade in q.relevant.items()), q.id
        assert all(re.fullmatch(r"report-\d{3}\.pdf", doc) or doc in local for doc in q.relevant), q.id
        for doc, phrases in q.paragraphs.items():
            text = _folded(local[doc].read_text(encoding="utf-8"))
            assert all(_folded(phrase) in text for phrase in phrases), (q.id, doc)
