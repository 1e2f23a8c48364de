"""Hostile file-system states and damaged indexes: nothing good lost, nothing outside the source exposed, every
damaged generation a 503 with the reason (never a 500 or a dead process), housekeeping only of its own folders."""
from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import search_total
from click.testing import CliRunner

from indexer.backends.embedded.index import layout
from indexer.backends.embedded.write.build import rebuild
from indexer.cli import main
from indexer.backends.embedded.index.layout import current_generation
from indexer.backends import open_backend
from indexer.backends.embedded.write.shrink import IndexShrinks

from tests.conftest import SEEDS
from tests.hostile_helpers import PROSE, app_client, get, one_line_error, seed_copy


def cli(*args):
    """Run the reportsearch CLI in-process."""
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def built(seed_index):
    """A seed index built once (the run's), copied by each test that damages it."""
    return seed_index


@pytest.fixture()
def index_copy(built, tmp_path):
    """A private copy of the seed index."""
    shutil.copytree(built, tmp_path / "index", symlinks=True)
    return tmp_path / "index"


def _leftovers(index_dir: Path) -> list[str]:
    return sorted(p.name for p in index_dir.iterdir() if p.name.startswith((".building-", ".CURRENT", ".PREVIOUS")))


# --- 1. a typo must not lose the index ---------------------------------------------------------------------

@pytest.mark.parametrize("keep", [0, 1, 2])
def test_a_rebuild_that_loses_most_documents_is_refused(index_copy, tmp_path, keep):
    src = tmp_path / "few"
    src.mkdir()
    for path in sorted(SEEDS.iterdir())[:keep]:
        shutil.copy(path, src)
    live = current_generation(index_copy)
    result = cli("rebuild", "--quiet", "--source", src, "--index", index_copy)
    line = one_line_error(result)
    assert f"hold {keep:,} documents where the live one holds 5" in line and "--allow-shrink" in line
    assert current_generation(index_copy) == live and open_backend(index_copy).stats().as_dict()["documents"] == 5
    assert not _leftovers(index_copy)


def test_allow_shrink_replaces_it(index_copy, tmp_path):
    (tmp_path / "one").mkdir()
    shutil.copy(sorted(SEEDS.iterdir())[0], tmp_path / "one")
    result = cli("rebuild", "--quiet", "--allow-shrink", "--source", tmp_path / "one", "--index", index_copy)
    assert result.exit_code == 0 and open_backend(index_copy).stats().as_dict()["documents"] == 1


def test_a_rebuild_keeping_most_documents_goes_ahead(index_copy, tmp_path):
    src = tmp_path / "most"
    src.mkdir()
    for path in sorted(SEEDS.iterdir())[:3]:
        shutil.copy(path, src)
    assert rebuild([src], index_copy).documents == 3


def test_an_update_from_an_emptied_folder_is_refused(index_copy, tmp_path):
    from indexer.backends.embedded.write.update import update

    with pytest.raises(IndexShrinks, match="hold 0 documents where the live one holds 5"):
        update([tmp_path], index_copy)
    assert open_backend(index_copy).stats().as_dict()["documents"] == 5 and not _leftovers(index_copy)


def test_an_update_of_an_empty_index_works(tmp_path):
    (tmp_path / "empty").mkdir()
    assert cli("rebuild", "--quiet", "--source", tmp_path / "empty", "--index", tmp_path / "i").exit_code == 0
    result = cli("update", "--source", tmp_path / "empty", "--index", tmp_path / "i")
    assert result.exit_code == 0 and "0 documents" in result.output
    assert cli("update", "--source", SEEDS, "--index", tmp_path / "i").exit_code == 0
    assert open_backend(tmp_path / "i").stats().as_dict()["documents"] == 5


# --- 11. housekeeping only of its own ------------------------------------------------------------------------

def test_foreign_folders_in_the_index_directory_survive_rebuilds(index_copy):
    foreign = [index_copy / "gen-00000000-000000-000000", index_copy / ".building-foreign", index_copy / "gen-notes"]
    for folder in foreign:
        folder.mkdir()
        (folder / "precious.txt").write_text("mine")
    for _ in range(2):
        rebuild([SEEDS], index_copy)
    assert all((folder / "precious.txt").read_text() == "mine" for folder in foreign)


def test_the_generation_before_is_kept_and_older_ones_pruned(index_copy):
    first = current_generation(index_copy)
    rebuild([SEEDS], index_copy)
    second = current_generation(index_copy)
    rebuild([SEEDS], index_copy)
    third = current_generation(index_copy)
    assert (index_copy / layout.PREVIOUS).read_text().strip() == second.name
    assert second.is_dir() and third.is_dir() and not first.exists()


def test_the_previous_generation_is_the_recorded_one_not_the_newest_name(index_copy):
    rebuild([SEEDS], index_copy)
    previous = current_generation(index_copy)
    decoy = index_copy / "gen-99999999-999999-999999"  # sorts last; made by us but not the one replaced
    shutil.copytree(previous, decoy)
    rebuild([SEEDS], index_copy)
    assert previous.is_dir() and not decoy.exists()


def test_a_symlinked_generation_is_not_followed_by_housekeeping(index_copy, tmp_path):
    outside = tmp_path / "outside"
    shutil.copytree(current_generation(index_copy), outside)
    (index_copy / "gen-00000000-000000-000001").symlink_to(outside)
    rebuild([SEEDS], index_copy)
    rebuild([SEEDS], index_copy)
    assert (outside / layout.MARKER).exists() and any(outside.iterdir())


# --- pointer states --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("pointer", ["", "\n", "gen-missing", "../../etc", "/etc", "\xff\xfe", "gen-" + "x" * 300])
def test_a_broken_current_pointer_is_a_503_and_one_cli_line(index_copy, pointer):
    (index_copy / layout.CURRENT).write_bytes(pointer.encode("latin-1", "replace"))
    for url in ("/", "/search.json?q=children", "/about", "/doc/000_f098993525120d5e.txt", "/councils"):
        response = get(app_client(index_copy), url)
        assert response.status_code == 503, url
        assert "rebuild" in response.get_data(as_text=True)
    assert "CURRENT" in one_line_error(cli("search", "children", "--index", index_copy))


def test_a_rebuild_cures_an_empty_pointer(index_copy):
    (index_copy / layout.CURRENT).write_text("")
    assert rebuild([SEEDS], index_copy).documents == 5
    assert get(app_client(index_copy), "/search.json?q=children").status_code == 200


# --- damaged files of every kind -------------------------------------------------------------------------------

KINDS = {"array": "arrays/years.npy", "doc-ids": "arrays/doc_ids.npy", "postings": "arrays/inv_text_0_docs.npy",
         "pairs": "arrays/inv_text_0_pair_keys.npy", "sequence": "arrays/seq_text.u16",
         "vocabulary": "arrays/seq_vocab.json", "arrays-info": "arrays/arrays.json", "whoosh-postings": "*.pst",
         "whoosh-terms": "*.trm", "stored-fields": "*_stored.col", "toc": "_MAIN_*.toc", "build-info": "build.json",
         "spelling": "words.json", "file-list": "files.json", "checksums": "checksums.json"}


def _damage(path: Path, how: str) -> None:
    data = path.read_bytes()
    if how == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif how == "zeroed":
        path.write_bytes(b"\x00" * len(data))
    elif how == "flipped":
        middle = len(data) // 2
        path.write_bytes(data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1:])
    elif how == "deleted":
        path.unlink()
    elif how == "grown":
        path.write_bytes(data + b"\x00" * 100)


@pytest.mark.parametrize("how", ["truncated", "flipped", "deleted", "grown"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_a_damaged_index_file_is_a_503_with_the_reason(index_copy, kind, how):
    gen = current_generation(index_copy)
    target = sorted(gen.glob(KINDS[kind]))[-1]
    _damage(target, how)
    client = app_client(index_copy)
    for url in ("/search?q=children", "/search.json?q=children", "/about.json"):
        response = get(client, url)
        if kind == "checksums" and how == "deleted":
            assert response.status_code == 200  # a generation from before checksums: served unverified
            continue
        assert response.status_code == 503, (url, response.status_code)
        assert "damaged" in response.get_data(as_text=True)
    if not (kind == "checksums" and how == "deleted"):
        assert "damaged" in one_line_error(cli("search", "children", "--index", index_copy))


@pytest.mark.parametrize("name", ["years.npy", "seq_text.u16", "inv_text_0_docs.npy"])
def test_a_mapped_file_truncated_while_served_is_a_503_not_a_crash(index_copy, name):
    client = app_client(index_copy)
    assert get(client, "/search.json?q=children").status_code == 200
    target = current_generation(index_copy) / "arrays" / name
    os.truncate(target, 16)
    for url in ("/search.json?q=children", "/search.json?q=social+workers&sort=newest", "/about.json"):
        response = get(client, url)
        assert response.status_code == 503 and name in response.get_json()["error"]
    rebuild([SEEDS], index_copy)
    assert get(client, "/search.json?q=children").status_code == 200  # a rebuild cures it, no restart


# --- operator errors: one line, non-zero, nothing left behind --------------------------------------------------

@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EDQUOT])
def test_a_write_failure_during_rebuild_is_one_line(index_copy, monkeypatch, code):
    from indexer.backends.embedded.write import build

    live = current_generation(index_copy)

    def failing(*args, **kwargs):
        raise OSError(code, os.strerror(code), str(index_copy / "x"))

    monkeypatch.setattr(build.filestate, "save", failing)
    line = one_line_error(cli("rebuild", "--quiet", "--index", index_copy))
    assert "nothing was changed" in line
    assert current_generation(index_copy) == live and not _leftovers(index_copy)


def test_a_read_only_index_folder_is_one_line(index_copy, monkeypatch):
    from indexer.backends.embedded.index import lock

    real_open = os.open

    def read_only(path, *args, **kwargs):
        if str(path).startswith(str(index_copy)):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(lock.os, "open", read_only)
    assert "read-only" in one_line_error(cli("rebuild", "--quiet", "--index", index_copy))


BAD_ARGS = [("serve", "--port", "0"), ("serve", "--port", "70000"), ("serve", "--workers", "0"),
            ("serve", "--workers", "65"), ("serve", "--threads", "0"), ("serve", "--base-url", "ftp://x"),
            ("search", "x", "--limit", "0"), ("search", "x", "--limit", "99999999999999999999"),
            ("search", "x", "--year", "99999999999999999999"), ("search", "x", "--year-from", "-5"),
            ("similar", "x.txt", "-1"), ("similar", "x.txt", "99999999999999999999"),
            ("benchmark", "--paragraphs", "0"), ("loadtest", "--clients", "0"), ("loadtest", "--seconds", "-1"),
            ("search", "\udcff\udcfe"), ("search", "x", "--council", "\udcff"), ("rebuild", "--source", "/nonexistent")]


@pytest.mark.parametrize("args", BAD_ARGS, ids=lambda a: " ".join(a).encode("ascii", "replace").decode())
def test_out_of_range_and_undecodable_arguments_are_one_line(index_copy, args):
    result = cli(*args, "--index", index_copy) if args[0] != "similar" else cli(*args, "--index", index_copy)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "Error:" in result.output


def test_serve_on_a_damaged_index_does_not_rebuild_it(index_copy, monkeypatch):
    from webui import cli as web_cli

    (index_copy / layout.CURRENT).write_text("")
    monkeypatch.setattr(web_cli, "run_rebuild", lambda *a, **k: pytest.fail("rebuilt over a damaged index"))
    monkeypatch.setattr("webui.serving.serve", lambda *a, **k: None)
    assert cli("serve", "--index", index_copy, "--port", "5999").exit_code == 0


# --- 6. links out of the source, 10. unsupported kinds ---------------------------------------------------------

@pytest.fixture()
def linked_source(tmp_path):
    src = seed_copy(tmp_path / "src")
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "passwords.txt").write_text(PROSE.format(c="Secretshire") + "\n")
    (src / "leak.txt").symlink_to(secret / "passwords.txt")
    (src / "leakdir").symlink_to(secret)
    inside = src / "sub"
    inside.mkdir()
    (inside / "ok.txt").write_text(PROSE.format(c="Insideton") + "\n")
    (src / "alias.txt").symlink_to(inside / "ok.txt")
    return src


def test_links_out_of_the_source_are_reported_not_followed(linked_source, tmp_path):
    report = rebuild([linked_source], tmp_path / "i")
    skipped = {Path(s["path"]).name: s["reason"] for s in report.skipped}
    assert "outside the source folder" in skipped["leak.txt"] and "--follow-links" in skipped["leak.txt"]
    assert "outside the source folder" in skipped["leakdir"]
    assert search_total(open_backend(tmp_path / "i"), "Secretshire") == 0
    assert search_total(open_backend(tmp_path / "i"), "Insideton") >= 1  # links inside the source are fine
    assert get(app_client(tmp_path / "i"), "/doc/passwords.txt").status_code == 404


def test_follow_links_follows_them(linked_source, tmp_path):
    result = cli("rebuild", "--quiet", "--follow-links", "--source", linked_source, "--index", tmp_path / "i")
    assert result.exit_code == 0
    assert search_total(open_backend(tmp_path / "i"), "Secretshire") >= 1


def test_the_cli_summary_lists_links_not_followed(linked_source, tmp_path):
    result = cli("rebuild", "--quiet", "--source", linked_source, "--index", tmp_path / "i")
    assert result.exit_code == 0 and "leak.txt" in result.output and "outside the source folder" in result.output


UNSUPPORTED = ["report.docx", "report.rtf", "report.doc", "report.odt", "sheet.xlsx", "scan.png", "notes",
               "archive.tar.gz"]


@pytest.mark.parametrize("name", UNSUPPORTED)
def test_unsupported_kinds_are_reported_with_the_reason(tmp_path, name):
    from indexer.ingest.extract import read_documents

    (tmp_path / name).write_bytes(b"PK\x03\x04 not really")
    (tmp_path / "ok.txt").write_text(PROSE.format(c="Kent") + "\n")
    docs = {Path(d.path).name: d.error for d in read_documents([tmp_path])}
    assert docs["ok.txt"] is None
    assert docs[name].startswith(f"unsupported file kind {Path(name).suffix or '(no extension)'}")
    assert ".pdf" in docs[name]  # says what is read


def test_unsupported_kinds_are_in_the_rebuild_summary(tmp_path):
    src = seed_copy(tmp_path / "src")
    for name in UNSUPPORTED:
        (src / name).write_bytes(b"PK\x03\x04 not really")
    result = cli("rebuild", "--quiet", "--source", src, "--index", tmp_path / "i")
    assert result.exit_code == 0 and f"Skipped {len(UNSUPPORTED)} files:" in result.output
    assert all(f"{name}: unsupported file kind" in result.output for name in UNSUPPORTED)
    assert open_backend(tmp_path / "i").stats().as_dict()["documents"] == 5


# Whoosh leaves a temporary file of the abandoned build to the garbage collector (its folder is removed).
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_really_full_disk_is_one_line_and_keeps_the_index(tmp_path):
    import gc
    import subprocess

    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)],
                                           capture_output=True).returncode:
        pytest.skip("needs root and tmpfs to make a small disk")
    try:
        assert rebuild([SEEDS], disk / "index").documents == 5
        live = current_generation(disk / "index")
        src = seed_copy(tmp_path / "big")
        for n in range(12):  # more text than the disk holds once indexed
            (src / f"more-{n}.txt").write_text("\n\n".join(PROSE.format(c=f"Place{n}x{i}") for i in range(300)))
        line = one_line_error(cli("rebuild", "--quiet", "--source", src, "--index", disk / "index"))
        assert "no space left" in line
        assert current_generation(disk / "index") == live and not _leftovers(disk / "index")
        assert open_backend(disk / "index").stats().as_dict()["documents"] == 5
        gc.collect()
    finally:  # lazily: an abandoned build's file may still be open until the garbage collector closes it
        subprocess.run(["umount", "--lazy", str(disk)], capture_output=True)
