"""Resource bombs (inflating PDFs, memory, text that makes sentence splitting slow) and commands run together:
each bomb is one skipped file with its reason, the rest indexed, nothing left behind; a running rebuild
refuses a second one in one line while searches go on."""
from __future__ import annotations

import threading
import time
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from indexer import settings
from indexer.backends.embedded.write.build import rebuild
from indexer.ingest.chunk import SENTENCE_WINDOW_CHARS, _windows, sentences
from indexer.cli import main
from indexer.ingest.extract import read_document
from indexer.ingest.extract.bombs import inflated_size
from indexer.backends.embedded.index.lock import RebuildLock, RebuildLocked
from indexer.backends import open_backend

from tests.conftest import SEEDS, copy_index
from tests.hostile_helpers import PROSE, app_client, get, one_line_error, seed_copy


def _pdf(content: bytes, compress: bool = True) -> bytes:
    """A one-page PDF whose content stream is `content` (Flate-compressed when asked)."""
    stream = zlib.compress(content, 9) if compress else content
    filters = b"/Filter /FlateDecode " if compress else b""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< " + filters + b"/Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = b"%PDF-1.4\n", []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    return out + f"trailer << /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()


TEXT_OPS = b"BT /F1 12 Tf 72 700 Td (Caseloads were high in Kent.) Tj ET\n"


@pytest.mark.parametrize("megabytes", [60, 200])
def test_a_pdf_that_inflates_past_the_cap_is_skipped_quickly(tmp_path, megabytes):
    path = tmp_path / "bomb.pdf"
    path.write_bytes(_pdf(TEXT_OPS * (megabytes * 1_000_000 // len(TEXT_OPS))))
    assert path.stat().st_size < 2_000_000
    started = time.perf_counter()
    doc = read_document(path)
    assert doc.error.startswith("too large inflated") and "decompression bomb" in doc.error
    assert time.perf_counter() - started < 20


def test_a_pdf_under_the_cap_is_read(tmp_path):
    path = tmp_path / "fine.pdf"
    path.write_bytes(_pdf(TEXT_OPS * 50))
    assert inflated_size(path.read_bytes(), settings.MAX_PDF_INFLATED_BYTES) == len(TEXT_OPS) * 50
    doc = read_document(path)
    assert doc.error is None and "Caseloads were high" in doc.paragraphs[0].text


@pytest.mark.parametrize("data", [b"stream\nx\x9c" + b"\x00" * 100, b"stream\n" + b"\xff" * 100, b"stream\r\n",
                                  b"stream\nx" * 10_000])
def test_damaged_streams_are_counted_without_error(data):
    assert inflated_size(data, 1000) >= 0


def test_the_bomb_is_one_skipped_file_in_a_rebuild(tmp_path):
    src = seed_copy(tmp_path / "src")
    (src / "bomb.pdf").write_bytes(_pdf(TEXT_OPS * 1_200_000))
    report = rebuild([src], tmp_path / "i")
    assert report.documents == 5 and [Path(s["path"]).name for s in report.skipped] == ["bomb.pdf"]
    assert not list((tmp_path / "i").glob(".building-*"))


@pytest.mark.parametrize("how", ["MemoryError", "allocation"])
def test_a_reader_over_its_memory_limit_is_one_skipped_file(tmp_path, monkeypatch, how):
    from indexer.ingest import documents

    real = documents.read_document

    def greedy(path, *rest):
        if Path(path).name.startswith("002"):
            if how == "MemoryError":
                raise MemoryError
            return bytearray(4_000_000_000)  # past the reader's limit: fails in the reader, not the build
        return real(path, *rest)

    monkeypatch.setattr(documents, "read_document", greedy)
    monkeypatch.setattr(settings, "READER_MEMORY_BYTES", 500_000_000)
    monkeypatch.setattr(documents, "can_fork", lambda: True)
    report = rebuild([SEEDS], tmp_path / "i")
    assert report.documents == 4
    assert [s["reason"].split(":")[0] for s in report.skipped] == ["too much memory"]
    assert not list((tmp_path / "i").glob(".building-*"))


def test_the_reader_limit_is_set_in_the_reader_not_the_build(tmp_path, monkeypatch):
    import resource

    from indexer.ingest import documents

    before = resource.getrlimit(resource.RLIMIT_AS)
    seen = {}
    real = documents.read_document

    def spy(path, *rest):
        seen["limit"] = resource.getrlimit(resource.RLIMIT_AS)[0]
        (tmp_path / "limit").write_text(str(seen["limit"]))
        return real(path, *rest)

    monkeypatch.setattr(documents, "read_document", spy)
    monkeypatch.setattr(documents, "can_fork", lambda: True)
    list(documents.load_documents([SEEDS]))
    limit = int((tmp_path / "limit").read_text())
    assert limit != resource.RLIM_INFINITY and limit < 100_000_000_000
    assert resource.getrlimit(resource.RLIMIT_AS) == before


# --- text that made sentence splitting super-linear ----------------------------------------------------------

@pytest.mark.parametrize("unit", ["Mr. ", "a.b. ", "!? ", "word ", "x", "Dr. No. 5. "])
def test_sentence_windows_are_bounded_and_lose_nothing(unit):
    text = unit * (2_000_000 // len(unit))
    windows = _windows(text, SENTENCE_WINDOW_CHARS)
    assert max(map(len, windows)) <= SENTENCE_WINDOW_CHARS
    assert "".join(windows).replace(" ", "") == text.replace(" ", "")


def test_sentences_of_an_abbreviation_run_finish(tmp_path):
    text = "Mr. " * 10_000 + "Caseloads were high. Leaders knew it."
    found = sentences(text)
    assert found[-1] == "Leaders knew it." and "".join(found).replace(" ", "") == text.replace(" ", "")


@pytest.mark.parametrize("unit", ["Caseloads in Gateshead were reviewed weekly by the team ",
                                  "Caseloads were reviewed; Mr. Smith agreed, e.g. in Kent "])
def test_a_long_single_line_is_indexed(tmp_path, unit):
    path = tmp_path / "one-line.txt"
    path.write_text(unit * (300_000 // len(unit)))
    doc = read_document(path)
    assert doc.error is None and len(doc.paragraphs) > 200


# --- commands run together -----------------------------------------------------------------------------------

@pytest.fixture()
def index_dir(seed_index_copy):
    return seed_index_copy


@pytest.fixture(scope="module")
def shared_index(tmp_path_factory, seed_index):
    return copy_index(seed_index, tmp_path_factory.mktemp("hostile-pairs") / "index")


@pytest.mark.parametrize("command", ["rebuild", "update"])
def test_a_second_writer_is_refused_in_one_line(shared_index, command):
    index_dir = shared_index
    with RebuildLock(index_dir):
        line = one_line_error(CliRunner().invoke(main, [command, "--index", str(index_dir), "--source", str(SEEDS)]))
    assert "another rebuild is running" in line and "pid" in line


@pytest.mark.parametrize("args", [["search", "children"], ["stats"], ["search", "children", "--json"],
                                  ["similar", "000_f098993525120d5e.txt", "1"]])
def test_readers_go_on_while_a_rebuild_runs(shared_index, args):
    index_dir = shared_index
    with RebuildLock(index_dir):
        result = CliRunner().invoke(main, [*args, "--index", str(index_dir)])
        assert result.exit_code == 0, result.output
        assert get(app_client(index_dir), "/search.json?q=children").status_code == 200


@pytest.mark.parametrize("pair", [("rebuild", "rebuild"), ("rebuild", "update"), ("update", "rebuild"),
                                  ("update", "update")])
def test_two_writers_at_once_leave_one_good_index(index_dir, pair):
    from indexer.backends.embedded.write.update import update

    run = {"rebuild": lambda: rebuild([SEEDS], index_dir), "update": lambda: update([SEEDS], index_dir)}
    outcomes: list[str] = []

    def go(name):
        try:
            run[name]()
            outcomes.append("ok")
        except RebuildLocked:
            outcomes.append("locked")

    threads = [threading.Thread(target=go, args=(name,)) for name in pair]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert "ok" in outcomes and len(outcomes) == 2
    assert open_backend(index_dir).stats().as_dict()["documents"] == 5
    assert not list(index_dir.glob(".building-*"))


def test_a_search_during_a_switch_sees_one_generation(index_dir):
    client = app_client(index_dir)
    stop = threading.Event()
    statuses: list[int] = []

    def load():
        while not stop.is_set():
            statuses.append(client.get("/search.json?q=children").status_code)

    thread = threading.Thread(target=load)
    thread.start()
    try:
        rebuild([SEEDS], index_dir)
    finally:
        stop.set()
        thread.join(30)
    assert statuses and set(statuses) == {200}


def test_facets_of_a_huge_text_come_from_its_opening_and_every_paragraph_is_kept(tmp_path, monkeypatch):
    from indexer.ingest import documents

    seen = []
    real = documents.annotate
    monkeypatch.setattr(documents, "annotate", lambda doc: (seen.append(len(doc.paragraphs)), real(doc)))
    monkeypatch.setattr(settings, "MAX_FACET_CHARS", 5_000)
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join(PROSE.format(c="Kent") for _ in range(400)))
    doc = documents.load_document(path)
    assert doc.error is None and len(doc.paragraphs) == 400
    assert seen and seen[0] < 40 and "Kent" in doc.council
