"""`update` indexes only new, changed and removed files, and ends where a full rebuild would."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import numpy as np
import pytest

from indexer.ingest import filestate
from indexer.backends.embedded.write.build import current_generation, index_fields, rebuild
from indexer.backends.embedded.index.schema import build_schema
from indexer.models import SearchRequest
from indexer.backends import open_backend
from indexer.backends.embedded.index import arrays as persisted
from indexer.backends.embedded.write.update import update

from tests.test_search_regression import QUERIES

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _answers(index_dir: Path) -> list[dict]:
    """Order-free answers (a rebuild numbers paragraphs differently, so ties may order differently)."""
    index = open_backend(index_dir)
    out = []
    for spec in QUERIES:
        res = index.search(SearchRequest(**{"per_page": 50, "collapse": False, **spec}))
        out.append({"total": res.total, "total_docs": res.total_docs,
                    "hits": sorted((h.doc_id, h.paragraph, round(h.score, 3)) for h in res.hits)
                    if res.total <= 50 else len(res.hits),
                    "facets": {k: sorted((v.value, v.count) for v in vs) for k, vs in res.facets.items()}})
    stats = index.stats().as_dict()
    out.append({k: stats[k] for k in ("documents", "paragraphs", "facets")})
    return out


@pytest.fixture()
def folder(tmp_path):
    folder = tmp_path / "src"
    folder.mkdir()
    for path in SEEDS.iterdir():
        shutil.copy(path, folder / path.name)
    return folder


def test_update_adds_changes_and_removes_like_a_rebuild(folder, tmp_path):
    index_dir = tmp_path / "index"
    rebuild([folder], index_dir)
    first = current_generation(index_dir)
    for name in ("bbc-2010-kent.html", "roundup-2024.html"):
        shutil.copy(FIXTURES / name, folder / name)                      # new
    changed = sorted(folder.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nA zebracrossing paragraph was added.\n",
                       encoding="utf-8")                                # changed
    removed = sorted(folder.glob("*.txt"))[1]
    removed.unlink()                                                    # removed
    report = update([folder], index_dir)
    assert report.changes == {"added": 2, "changed": 1, "removed": 1}
    assert current_generation(index_dir) != first
    index = open_backend(index_dir)
    assert index.search(SearchRequest(q="zebracrossing")).total == 1
    assert removed.name not in {h.doc_id for h in index.search(SearchRequest(q="", per_page=50)).hits}
    assert index.document(removed.name) is None
    assert index.document("bbc-2010-kent.html") is not None
    arrays = persisted.load(current_generation(index_dir))
    assert arrays.live is not None and not arrays.live.all()  # the removed and the old changed paragraphs
    updated = _answers(index_dir)
    fresh = tmp_path / "fresh"
    rebuild([folder], fresh)
    assert updated == _answers(fresh)


def test_update_with_nothing_changed_keeps_the_results(folder, tmp_path):
    index_dir = tmp_path / "index"
    rebuild([folder], index_dir)
    before = _answers(index_dir)
    report = update([folder], index_dir)
    assert report.changes == {"added": 0, "changed": 0, "removed": 0}
    assert _answers(index_dir) == before


def test_update_of_an_index_without_file_records_rebuilds(folder, tmp_path):
    index_dir = tmp_path / "index"
    rebuild([folder], index_dir)
    os.remove(current_generation(index_dir) / filestate.FILES)
    report = update([folder], index_dir)
    assert report.changes == {} and report.documents == 5


def test_update_of_an_index_without_a_new_field_rebuilds(folder, tmp_path, monkeypatch):
    import indexer.backends.embedded.write.build as build

    def old_schema():
        schema = build_schema()
        schema.remove("grade_change")
        return schema

    def old_fields(doc):
        return ({k: v for k, v in fields.items() if k != "grade_change"} for fields in index_fields(doc))

    index_dir = tmp_path / "index"
    monkeypatch.setattr(build, "build_schema", old_schema)
    monkeypatch.setattr(build, "index_fields", old_fields)
    rebuild([folder], index_dir)
    monkeypatch.undo()
    (folder / "extra.txt").write_text("Rutland children's services\n\nRutland has shaken off its inadequate rating.\n")
    report = update([folder], index_dir)  # adding a document with grade_change to the old index would fail
    assert report.changes == {} and report.documents == 6
    found = open_backend(index_dir).search(SearchRequest(q='grade_change:"from inadequate"'))
    assert "extra.txt" in {h.doc_id for h in found.hits}


def test_persisted_arrays_equal_arrays_read_from_whoosh(folder, tmp_path):
    index_dir = tmp_path / "index"
    rebuild([folder], index_dir)
    gen = open_backend(index_dir).generation()
    stored = persisted.load(gen.path)
    computed = persisted.compute(gen.searcher.reader(), gen.searcher)
    assert isinstance(stored.years, np.memmap)
    for name in ("doc_ids", "years", "dates", "para_n"):
        assert np.array_equal(getattr(stored, name), getattr(computed, name)), name
    assert stored.doc_names == computed.doc_names and stored.title_words == computed.title_words
    for field in stored.lengths:
        assert np.array_equal(stored.lengths[field], computed.lengths[field])
    for facet, values in computed.keyword_postings.items():
        assert {v: ids.tolist() for v, ids in stored.keyword_postings[facet].items()} == \
            {v: ids.tolist() for v, ids in values.items()}
    assert set(stored.keyword_postings["council"])  # not vacuous
