"""The fresh sets of rounds 30-33: blind sets of real news pages, each with judged questions over it.

Set aa (46 pages, 24 questions) was scored once on round 29's code, its questions once more on round 30's, and is
development material since. Set ab (50 pages, 24 questions) was scored once on round 30's final code and on round
29's, nobody having read it, and is development material since round 31; both sit beside the other sets (tests/data,
tests/fixtures/news) since round 31. Set ac (50 pages, 24 questions) was scored once in round 31 on round 30's and
round 31's code and is development material since. Set ad (40 pages, 20 questions) was scored once at the end of round
31 on round 30's and round 31's code and is development material since round 32. Set ae (40 pages, 20 questions)
was scored once at the end of round 32 on round 31's and round 32's code and is development material since. Set af
(40 pages, 16 questions) was scored once at round 32's very end on the same two codes and is development material
since round 33. Set ag (40 pages, 16 questions, round 33) was scored once at round 33's end on round 32's and round
33's final code and is development material since.
These are the record and fixture checks every set has. Nothing here runs the rules or the ranking.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.each_record import check_each
from tests.test_news_devset_new import _gazetteer_names, _key, _record_is_well_formed

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
NEWS = ROOT / "tests" / "fixtures" / "news"
SIZES = {"aa": 46, "ab": 50, "ac": 50, "ad": 40, "ae": 40, "af": 40, "ag": 40}  # aa: four numbers left out, pages whose text repeats a used page
BLIND: dict[str, Path] = {}  # a set still blind: its labels, questions and fixtures together (none at round 33's end)


def _folder(name: str) -> Path:
    """Where a set's labels and questions live."""
    return BLIND.get(name, DATA)


def _records(name: str) -> list[dict]:
    """Every label line of one set."""
    path = _folder(name) / f"news_heldout_{name}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _url(record: dict) -> str:
    """The page's address without scheme, www., port, trailing slash and query."""
    return _key(record["url"].split("?")[0])


@pytest.mark.parametrize("name", SIZES)
def test_ids_unique_and_pages_new(name):
    """ids aa01… / ab01…, no page twice, no page of any earlier set."""
    records = _records(name)
    ids = [r["id"] for r in records]
    assert len(ids) == SIZES[name] and len(set(ids)) == len(ids)
    assert all(re.fullmatch(rf"{name}\d\d", i) for i in ids)
    keys = [_url(r) for r in records]
    assert len(set(keys)) == len(keys)
    earlier = [json.loads(line) for path in DATA.glob("news_*.jsonl") if not path.stem.endswith(tuple(SIZES))
               for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    earlier += [r for other in SIZES if other < name for r in _records(other)]
    assert not set(keys) & {_url(r) for r in earlier}


@pytest.mark.parametrize("name", SIZES)
def test_records_are_well_formed(name):
    """The record checks of every other set (gazetteer names, grades, kinds, dates)."""
    names = _gazetteer_names()
    check_each(lambda record: _record_is_well_formed(record, names), _records(name))


@pytest.mark.parametrize("name", SIZES)
def test_fixtures_exist_and_are_in_own_words(name):
    """One fixture a page, named after its id; at most 8 words in a row shared with the page, names aside. A
    59-row table of councils (aa28) is the one fixture over the other sets' 2,600 characters."""
    check_each(_fixture_ok, _records(name))


def _fixture_ok(record):
    path = ROOT / record["file"]
    assert path.is_file() and path.name.startswith(record["id"] + "-")
    assert 200 < len(path.read_text(encoding="utf-8")) <= (4000 if record["id"] == "aa28" else 2600)
    run = record["shared_run"]
    assert run["against"] == "source page" and run["names_aside"] <= 8


@pytest.mark.parametrize("name", SIZES)
def test_judged_queries_are_well_formed_new_and_name_existing_documents(name):
    """16-24 questions judged by reading (aaq01…, abq01…), each answered by a page of its set, none asked before; every
    judged document exists and every judged phrase is in its document."""
    from indexer.quality.evaluate_queries import load_judged
    from tests.test_news_heldout_sets import _folded
    path = _folder(name) / f"judged_queries_heldout_{name}.jsonl"
    if not path.exists():
        pytest.skip(f"{path.relative_to(ROOT)} not written yet")
    judged = load_judged(path)
    assert len(judged) >= (16 if name in ("af", "ag") else 20) and len({q.id for q in judged}) == len(judged)  # af: 8 a labeller
    assert all(re.fullmatch(rf"{name}q\d\d", q.id) and q.kind and q.note for q in judged)
    earlier = {q.query for p in DATA.glob("judged_queries*.jsonl") if not p.stem.endswith(tuple(SIZES))
               for q in load_judged(p)}
    earlier |= {q.query for other in SIZES if other < name
                if (_folder(other) / f"judged_queries_heldout_{other}.jsonl").exists()
                for q in load_judged(_folder(other) / f"judged_queries_heldout_{other}.jsonl")}
    assert not {q.query for q in judged} & earlier
    folders = [NEWS, ROOT / "seeds"] + [folder / "fixtures" for folder in BLIND.values()]
    local = {p.name: p for folder in folders for p in folder.iterdir()}
    for q in judged:
        assert any(doc.startswith(name) and grade == 2 for doc, grade in q.relevant.items()), q.id
        assert all(re.fullmatch(r"report-\d{3}\.pdf", doc) or doc in local for doc in q.relevant), q.id
        for doc, phrases in q.paragraphs.items():
            text = _folded(local[doc].read_text(encoding="utf-8"))
            assert all(_folded(phrase) in text for phrase in phrases), (q.id, doc)
