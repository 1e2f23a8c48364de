"""An index is opened, searched and its stats read before CURRENT switches to it; a bad one is never served."""
from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from indexer import settings
from indexer.backends.embedded.write.build import current_generation, rebuild
from indexer.cli import main
from indexer.backends.embedded.index.schema import build_schema
from indexer.backends import open_backend
from indexer.backends.embedded.index.validate import IndexInvalid, validate_generation

from tests.conftest import search_total, SEEDS


def _undated_folder(folder: Path) -> Path:
    """One dated seed plus an undated .txt of 1,000 short paragraphs (the issue-7 reproduction)."""
    folder.mkdir()
    shutil.copy(next(SEEDS.glob("000_*.txt")), folder)
    rng = random.Random(7)
    words = "the council said social workers visited children and reviewed their plans across teams".split()
    paras = [" ".join(rng.choice(words) for _ in range(25)).capitalize() + "." for _ in range(1000)]
    (folder / "undated.txt").write_text("Practice notes\n\n" + "\n\n".join(paras) + "\n", encoding="utf-8")
    return folder


def test_every_segment_has_the_numeric_columns_with_two_writers(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "WRITER_PROCS", 2)
    monkeypatch.setattr(settings, "SEGMENT_PARAGRAPHS", 30)  # the dated seed fills one, the undated file another
    report = rebuild([_undated_folder(tmp_path / "src")], tmp_path / "index")
    assert (report.documents, report.paragraphs) == (2, 1038)
    gen = current_generation(tmp_path / "index")
    with whoosh_index.open_dir(str(gen)).reader() as reader:  # segment files are real files: close them
        segments = [seg for seg, _ in reader.leaf_readers()]
        assert len(segments) == 2  # the undated paragraphs fill a segment of their own
        for seg in segments:
            assert seg.has_column("year") and seg.has_column("date_sort") and seg.has_column("n")
    handle = open_backend(tmp_path / "index")
    stats = handle.stats().as_dict()
    assert stats["facets"]["year"] == {"2019": 38} and stats["paragraphs"] == 1038
    from indexer.models import SearchRequest
    result = handle.search(SearchRequest(q="visited", sort="newest"))
    assert result.total > 700 and [h.year for h in result.hits] == [2019, None]  # undated last
    assert handle.search(SearchRequest(q="", year=[2019])).total == 38


def _broken_generation(path: Path) -> Path:
    """Two segments, the first without a year column: Whoosh then misreads the column (struct.error)."""
    path.mkdir(parents=True)
    ix = whoosh_index.create_in(path, build_schema())
    writer = ix.writer()
    for i in range(5):
        writer.add_document(id=f"a#{i}", doc_id="a", n=i, text="caseloads were high", date_sort=0)
    writer.commit()
    writer = ix.writer()
    for i in range(3):
        writer.add_document(id=f"b#{i}", doc_id="b", n=i, text="caseloads were high", date_sort=20190701,
                            year=2019)
    writer.commit(merge=False)
    return path


def test_validation_catches_a_misread_numeric_column(tmp_path):
    with pytest.raises(IndexInvalid, match="cannot be opened: error: unpack requires"):
        validate_generation(_broken_generation(tmp_path / "gen-bad"))


def test_validation_checks_the_counts_the_build_wrote(seed_index):
    gen = current_generation(seed_index)
    assert validate_generation(gen, 5, 121)["documents"] == 5
    with pytest.raises(IndexInvalid, match="holds 121 paragraphs, the build wrote 122"):
        validate_generation(gen, 5, 122)


def _corrupt_after_commit(monkeypatch):
    """Make the next build write an index whose segment files are truncated (an unreadable generation)."""
    from indexer.backends.embedded.index.spelling import WordCounter

    save = WordCounter.save

    def save_and_corrupt(self, folder):
        save(self, folder)
        for pattern in ("*.seg", "*.trm", "*.pst", "*.col"):  # compound or separate segment files
            for seg in Path(folder).glob(pattern):
                seg.write_bytes(seg.read_bytes()[:64])

    monkeypatch.setattr(WordCounter, "save", save_and_corrupt)


def test_failed_validation_keeps_the_old_generation(seed_index_copy, monkeypatch):
    index_dir = seed_index_copy
    before = current_generation(index_dir)
    _corrupt_after_commit(monkeypatch)
    with pytest.raises(IndexInvalid, match="the new index cannot be"):
        rebuild([SEEDS], index_dir)
    assert current_generation(index_dir) == before
    assert not list(index_dir.glob(".building-*"))
    assert sorted(p.name for p in index_dir.glob("gen-*")) == [before.name]
    assert search_total(open_backend(index_dir), '"caseloads"') == 2


def test_cli_rebuild_exits_non_zero_with_the_reason(seed_index_copy, monkeypatch, runner):
    index_dir = seed_index_copy
    before = current_generation(index_dir)
    _corrupt_after_commit(monkeypatch)
    result = runner.invoke(main, ["rebuild", "--source", str(SEEDS), "--index", str(index_dir), "--quiet"])
    assert result.exit_code == 1
    assert "rebuild failed, the previous index is still in use: the new index cannot be" in result.output
    assert current_generation(index_dir) == before
