"""The rebuild's parallel paths (reader processes, segment files written by forked processes, the last segment's
postings beside the word sequences) build the same index as a build in one process, and a worker that fails
fails the build with a clear message, the live index untouched. Also: `rebuild` starts without the web app."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from indexer import settings
from indexer.backends import open_backend
from indexer.backends.embedded.write.build import current_generation, rebuild
from indexer.backends.embedded.write.segments import SegmentWriter, bulk
from indexer.cli import main
from indexer.contract import IndexInvalid

from tests.conftest import NEWS, ROOT, SEEDS, search_total
from tests.index_contents import contents, differences


@pytest.fixture(autouse=True)
def forking_allowed(monkeypatch):
    """Two writer processes, and forking allowed although earlier tests in this worker may have left idle threads
    (a test server, a connection pool): the build refuses to fork beside threads it did not start, which made these
    tests depend on which tests ran before them."""
    monkeypatch.setattr(settings, "WRITER_PROCS", 2)
    monkeypatch.setattr(bulk, "can_fork", lambda: True)
    monkeypatch.setattr("indexer.ingest.documents.can_fork", lambda: True)


# News fixtures in the sample: enough for several segments at 300 paragraphs, at a fraction of the build time. It
# was every third fixture (about 120 of 358 articles); a fixed number spread over every set keeps its cost as sets
# are added (every third was 170 of 511).
SAMPLE = 120


@pytest.fixture(scope="module")
def news(tmp_path_factory):
    """120 news fixtures spread evenly over every set (sorted names)."""
    folder = tmp_path_factory.mktemp("news-sample")
    files = sorted(p for p in NEWS.iterdir() if p.is_file())
    for path in (files[i * len(files) // SAMPLE] for i in range(min(SAMPLE, len(files)))):
        shutil.copy(path, folder / path.name)
    return folder


def _build(folder, monkeypatch, parallel: bool, segment: int, news) -> tuple[dict, list[str]]:
    """Seeds + news fixtures built in parallel or in one process; the contents and which work was forked."""
    forked: list[str] = []
    real_fork = bulk.BulkWriter._fork

    def spy(self, work, writer):
        forked.append(work.__name__)
        return real_fork(self, work, writer)

    with monkeypatch.context() as patch:
        patch.setattr(settings, "SEGMENT_PARAGRAPHS", segment)
        patch.setattr(bulk.BulkWriter, "_fork", spy)
        if parallel:
            patch.setattr(settings, "PARALLEL_READ_MIN_FILES", 2)
        else:  # the setting that forces one writer process, and readers in this process
            patch.setattr(settings, "WRITER_PROCS", 1)
            patch.setattr("indexer.ingest.documents.can_fork", lambda: False)
        report = rebuild([SEEDS, news], folder)
    assert report.documents > 80 and report.paragraphs > 800
    return contents(folder), forked


@pytest.mark.parametrize("segment", [50_000, 300])
def test_parallel_build_has_the_serial_builds_contents(tmp_path, monkeypatch, segment, news):
    """Terms, postings, stored fields, lengths, columns, arrays, side files and result pages all equal."""
    serial, serial_forks = _build(tmp_path / "serial", monkeypatch, parallel=False, segment=segment, news=news)
    parallel, parallel_forks = _build(tmp_path / "parallel", monkeypatch, parallel=True, segment=segment, news=news)
    assert serial_forks == []
    # one segment: its postings in a child; several: full ones whole in children, then the last one's postings
    assert parallel_forks[-1] == "finish_postings" and parallel_forks.count("finish_postings") == 1
    assert (len(parallel_forks) > 2) == (segment < 1000)
    assert differences(serial, parallel) == []
    pages = parallel["pages"]
    assert pages[0]["total"] > 0 and "<mark>" in pages[0]["hits"][0]["snippet_html"]
    assert any(value["count"] for values in pages[1]["facets"].values() for value in values)
    assert len(parallel["whoosh"]["postings"]) > 3000 and any(k.startswith("arrays/inv_text") for k in parallel["files"])


def test_the_comparison_sees_a_difference(tmp_path, monkeypatch, news):
    """The helper above is not blind: one paragraph fewer is noticed in postings, stored fields and pages. (Two
    builds of the seeds and 20 of the sample's articles, read in parallel: the helper's sight does not depend on
    the corpus's size, and the sample's size is checked where it matters, above.)"""
    monkeypatch.setattr(settings, "PARALLEL_READ_MIN_FILES", 2)
    sample = sorted(p for p in news.iterdir() if p.is_file())[:20]
    doc = next(p for p in sample if p.suffix == ".txt")
    for name, changed in (("a", None), ("b", doc)):
        source = tmp_path / f"news-{name}"
        source.mkdir()
        for path in sample:
            text = path.read_bytes()
            (source / path.name).write_bytes(text.replace(b" the ", b" tha ") if path == changed else text)
        rebuild([SEEDS, source], tmp_path / name)
    found = differences(contents(tmp_path / "a"), contents(tmp_path / "b"))
    assert found and any(f.startswith("/whoosh/stored") for f in found)


def test_a_failing_segment_writer_fails_the_build_and_leaves_the_live_index(tmp_path, monkeypatch):
    """The forked process writing the postings dies: a clear error, the old generation still live and searched."""
    index_dir = tmp_path / "index"
    rebuild([SEEDS], index_dir)
    before = current_generation(index_dir)

    def explode(self):
        raise OSError("disk full while writing postings")

    monkeypatch.setattr(SegmentWriter, "finish_postings", explode)  # the forked child inherits it
    with pytest.raises(IndexInvalid, match="failed in a worker process .*exit status 1"):
        rebuild([SEEDS], index_dir)
    assert current_generation(index_dir) == before
    assert not list(index_dir.glob(".building-*"))
    assert search_total(open_backend(index_dir), '"caseloads"') == 2

    out = CliRunner().invoke(main, ["rebuild", "--quiet", "--index", str(index_dir), "--source", str(SEEDS)])
    assert out.exit_code == 1
    assert "rebuild failed, the previous index is still in use: writing an index segment failed" in out.output
    assert "Traceback" not in out.output and current_generation(index_dir) == before


def test_a_killed_segment_writer_is_named(tmp_path, monkeypatch):
    """A child killed by a signal (out of memory, say) is reported as such."""
    test_process = os.getpid()

    def die(self):
        assert os.getpid() != test_process, "the postings were to be written by a forked process"
        os.kill(os.getpid(), 9)

    monkeypatch.setattr(SegmentWriter, "finish_postings", die)
    with pytest.raises(IndexInvalid, match="killed by signal 9"):
        rebuild([SEEDS], tmp_path / "index")
    assert not (tmp_path / "index" / "CURRENT").exists()


def test_rebuild_starts_without_the_search_and_web_code():
    """`rebuild` loads its own commands only; `--help` still lists every command."""
    code = ("import sys; from indexer.cli import main\n"
            "try:\n    main(['rebuild', '--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('flask', 'bs4', 'indexer.cli.searching', 'indexer.fetch.site') if m in sys.modules))")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout
    assert "Rebuild the index" in out and out.strip().endswith("[]")
    listed = CliRunner().invoke(main, ["--help"]).output
    for name in ("rebuild", "update", "search", "benchmark", "sync", "stats"):
        assert f"  {name} " in listed
