"""Rebuild: atomic generation switch, broken files reported and skipped, build info recorded."""
from __future__ import annotations

import shutil

import pytest

from indexer.backends.embedded.write.build import current_generation, rebuild
from indexer.backends import open_backend

from tests.conftest import search_total, SEEDS


def test_rebuild_switches_generation_atomically(tmp_path):
    index_dir = tmp_path / "index"
    first = rebuild([SEEDS], index_dir)
    gen1 = current_generation(index_dir)
    assert gen1.name == first.generation and first.documents == 5 and first.paragraphs == 121
    handle = open_backend(index_dir)
    assert search_total(handle, '"caseloads"') == 2
    second = rebuild([SEEDS], index_dir)
    assert current_generation(index_dir).name == second.generation != first.generation
    assert search_total(handle, '"caseloads"') == 2  # the open handle follows the new generation
    assert not list(index_dir.glob(".building-*"))


def test_broken_files_are_reported_and_the_rest_indexed(tmp_path):
    source = tmp_path / "src"
    shutil.copytree(SEEDS, source)
    (source / "report-404.pdf").write_text("<!DOCTYPE html><html><title>Report not found</title></html>")
    (source / "garbage.txt").write_bytes(b"\x00\x01\x02" * 100)
    report = rebuild([source], tmp_path / "index")
    assert report.documents == 5
    assert sorted((s["path"].rsplit("/", 1)[-1], s["reason"].split(":")[0]) for s in report.skipped) == [
        ("garbage.txt", "not text"), ("report-404.pdf", "not a PDF")]
    stats = open_backend(tmp_path / "index").stats().as_dict()
    assert stats["documents"] == 5 and len(stats["skipped"]) == 2


def test_failed_build_leaves_the_old_index_in_place(tmp_path, monkeypatch):
    index_dir = tmp_path / "index"
    rebuild([SEEDS], index_dir)
    before = current_generation(index_dir)

    def explode(doc):
        raise RuntimeError("disk full")

    monkeypatch.setattr("indexer.ingest.documents.annotate", explode)
    monkeypatch.setattr("indexer.ingest.annotation_cache.AnnotationCache.restore", lambda self, doc, key: False)  # annotate anew
    with pytest.raises(RuntimeError):
        rebuild([SEEDS], index_dir)
    assert current_generation(index_dir) == before
    assert not list(index_dir.glob(".building-*"))
    assert search_total(open_backend(index_dir), '"caseloads"') == 2


def test_progress_callback_sees_every_file(tmp_path):
    seen = []
    rebuild([SEEDS], tmp_path / "index", progress=lambda doc, paragraphs: seen.append((doc.doc_id, paragraphs)))
    assert [s[0] for s in seen] == sorted(p.name for p in SEEDS.iterdir())
    assert seen[-1][1] == 121


def test_same_file_name_in_two_folders_gets_distinct_ids(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(SEEDS / "003_daed07e52103bff4.txt", tmp_path / folder / "story.txt")
    rebuild([tmp_path], tmp_path / "index")
    index = open_backend(tmp_path / "index")
    assert index.stats().as_dict()["documents"] == 2
    assert len(index.document("story.txt").paragraphs) == 13
    assert len(index.document("story~2.txt").paragraphs) == 13
