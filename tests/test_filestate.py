"""A file's signature follows its own manifest row, not the whole manifest (fetch adds rows one at a time)."""
from __future__ import annotations

import os

from indexer.ingest.filestate import signature


def _manifest(folder, rows: list[str]) -> None:
    """Write a manifest and give it a new modification time."""
    path = folder / "manifest.csv"
    path.write_text("file,url,title\n" + "".join(r + "\n" for r in rows), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))


def test_a_row_for_another_file_leaves_the_signature_alone_its_own_row_changes_it(tmp_path):
    (tmp_path / "a.txt").write_text("A report.\n")
    _manifest(tmp_path, ["a.txt,https://example.org/a,Report A"])
    before = signature(tmp_path / "a.txt")
    _manifest(tmp_path, ["a.txt,https://example.org/a,Report A", "b.txt,https://example.org/b,Report B"])
    assert signature(tmp_path / "a.txt") == before
    _manifest(tmp_path, ["a.txt,https://example.org/a,Report A (corrected)", "b.txt,https://example.org/b,B"])
    assert signature(tmp_path / "a.txt") != before
    (tmp_path / "manifest.csv").unlink()
    assert signature(tmp_path / "a.txt") != before
