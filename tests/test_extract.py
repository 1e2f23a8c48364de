"""Dispatch and metadata: files that are not what they claim, encodings, manifests and sidecars."""
from __future__ import annotations

import json

from indexer.ingest.extract import read_document, read_documents


def test_html_named_pdf_is_reported_and_skipped(tmp_path):
    bad = tmp_path / "report-010.pdf"
    bad.write_text("<!DOCTYPE html><html><head><title>Report not found</title></head><body>gone</body></html>")
    doc = read_document(bad)
    assert doc.error == 'not a PDF: the file is an HTML page (page title "Report not found")'
    assert doc.paragraphs == []


def test_binary_file_named_txt_is_skipped(tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_bytes(bytes(range(256)) * 10)
    assert read_document(bad).error.startswith("not text")


def test_pdf_named_txt_is_skipped(tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj")
    assert read_document(bad).error == "not text: the file is a PDF"


def test_broken_pdf_is_reported(tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7\nthis is not really a pdf")
    doc = read_document(bad)
    assert doc.error.startswith("cannot read pdf")


def test_cp1252_text_file_is_not_garbled(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("Hackney’s children’s services were rated “inadequate” by Ofsted today.".encode("cp1252"))
    doc = read_document(path)
    assert doc.paragraphs[0].text == "Hackney’s children’s services were rated “inadequate” by Ofsted today."


def test_manifest_metadata_wins_and_sidecar_wins_over_manifest(tmp_path):
    (tmp_path / "a.txt").write_text("Croydon's children's services were rated good by Ofsted inspectors today.\n")
    (tmp_path / "b.txt").write_text("Hackney's children's services were rated inadequate by Ofsted inspectors.\n")
    (tmp_path / "manifest.csv").write_text(
        "file,url,title,published\n"
        "a.txt,https://example.org/a,Croydon rated good,2021-05-04\n"
        "b.txt,https://example.org/b,Hackney rated,2020-01-01\n")
    (tmp_path / "b.txt.meta.json").write_text(json.dumps({"title": "Hackney inadequate", "published": "2022-02-02"}))
    docs = {d.doc_id: d for d in read_documents([tmp_path])}
    assert set(docs) == {"a.txt", "b.txt"}
    assert docs["a.txt"].title == "Croydon rated good" and docs["a.txt"].url == "https://example.org/a"
    assert docs["a.txt"].published.isoformat() == "2021-05-04"
    assert docs["b.txt"].title == "Hackney inadequate" and docs["b.txt"].published.isoformat() == "2022-02-02"


def test_folders_are_walked_and_unsupported_files_reported(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.md").write_text("Kent County Council's children's services were judged good overall.\n")
    (tmp_path / "image.png").write_bytes(b"\x89PNG....")
    docs = list(read_documents([tmp_path]))
    assert [d.doc_id for d in docs if not d.error] == ["x.md"]
    assert [(d.doc_id, d.error.split(":")[0]) for d in docs if d.error] == [("image.png", "unsupported file kind .png")]
