"""Facets cached by content: an unchanged file is not annotated again; a changed one is; stale entries go."""
from __future__ import annotations

import shutil
from pathlib import Path

from indexer.backends.embedded.write import build
from indexer.ingest import documents
from indexer.ingest.annotation_cache import AnnotationCache, content_key
from indexer.ingest.extract import read_document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _counting(monkeypatch) -> list[str]:
    """Record each document annotated for real."""
    seen: list[str] = []
    real = documents.annotate

    def counted(doc):
        seen.append(Path(doc.path).name)
        return real(doc)
    monkeypatch.setattr(documents, "annotate", counted)
    monkeypatch.setattr(documents, "can_fork", lambda: False)  # files read in this process, so they can be counted
    return seen


def test_second_rebuild_annotates_only_changed_files(tmp_path, monkeypatch):
    source = tmp_path / "src"
    shutil.copytree(SEEDS, source)
    index = tmp_path / "index"
    seen = _counting(monkeypatch)
    build.rebuild([source], index)
    assert len(seen) == len(list(SEEDS.glob("*.txt")))
    seen.clear()
    changed = sorted(source.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nA new closing paragraph.\n", encoding="utf-8")
    build.rebuild([source], index)
    assert seen == [changed.name]
    assert len(list((index / "annotations").glob("*/*.json"))) == len(list(SEEDS.glob("*.txt")))  # old entry gone


def test_cached_facets_equal_fresh_ones(tmp_path):
    cache = AnnotationCache(tmp_path / "cache")
    for path in sorted(SEEDS.glob("*.txt")):
        fresh = documents.annotate_within_limit(read_document(path))
        stored = documents.annotate_within_limit(read_document(path), cache)  # a miss: annotated and stored
        doc = read_document(path)
        assert cache.restore(doc, content_key(doc))
        for name in ("council", "council_code", "year", "severity", "subjudgements", "grade_change", "outcomes",
                     "confidence", "published"):
            assert getattr(doc, name) == getattr(fresh, name) == getattr(stored, name), (path.name, name)
        assert [p.council for p in doc.paragraphs] == [p.council for p in fresh.paragraphs]


def test_a_corrupt_entry_is_a_miss(tmp_path):
    cache = AnnotationCache(tmp_path / "cache")
    path = sorted(SEEDS.glob("*.txt"))[0]
    doc = documents.annotate_within_limit(read_document(path), cache)
    key = doc.meta["annotation_key"]
    (tmp_path / "cache" / key[:2] / f"{key}.json").write_text("{not json", encoding="utf-8")
    again = read_document(path)
    assert not cache.restore(again, key)
    assert documents.annotate_within_limit(again, cache).council == doc.council
