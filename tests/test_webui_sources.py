"""Every hit and document links to its source: the original URL and a safe download of the indexed file."""
from __future__ import annotations

import csv
import io

import pytest

from indexer.backends.embedded.write.build import rebuild
from indexer.features.sources import source_file

from tests.pdfs import make_pdf

ORIGINAL = "https://files.ofsted.gov.uk/v1/file/50253182"


@pytest.fixture(scope="module")
def fetched(tmp_path_factory):
    """A folder as `fetch` writes it (a PDF and a manifest with its Ofsted URL), indexed."""
    folder = tmp_path_factory.mktemp("fetched")
    (folder / "barnet-2024-07-23-inspection-50253182.pdf").write_bytes(
        make_pdf(["Barnet children's services", "", "Inspectors saw quokkaberry practice with families."]))
    (folder / "notes.txt").write_text("Barnet notes on quokkaberry follow-up.\n", encoding="utf-8")
    (folder / "page.html").write_text("<html><head><title>Saved page</title><script>alert(1)</script></head>"
                                      "<body><p>A saved page about quokkaberry visits.</p></body></html>",
                                      encoding="utf-8")
    (folder / "manifest.csv").write_text(
        "file,url,title,published,council_code,council,kind\n"
        f"barnet-2024-07-23-inspection-50253182.pdf,{ORIGINAL},\"Barnet: ILACS Short Inspection, 23 July 2024\","
        "2024-07-23,E09000003,Barnet,inspection\n", encoding="utf-8")
    index = tmp_path_factory.mktemp("fetched-index")
    rebuild([folder], index)
    return folder, index


@pytest.fixture()
def web(fetched):
    """A test client over the fetched folder's index."""
    from webui import create_app

    return create_app({"TESTING": True, "INDEX_DIR": str(fetched[1])}).test_client()


def test_a_hit_links_to_the_original_and_to_the_indexed_file(web):
    page = web.get("/search?q=quokkaberry").get_data(as_text=True)
    assert f'<a href="{ORIGINAL}" rel="noopener noreferrer" class="original">' in page
    assert 'href="/file/barnet-2024-07-23-inspection-50253182.pdf" class="file-link"' in page
    assert 'href="/file/notes.txt" class="file-link"' in page


def test_json_and_csv_carry_the_original_url(web):
    hits = web.get("/search.json?q=quokkaberry").get_json()["hits"]
    assert {h["doc_id"]: h["url"] for h in hits}["barnet-2024-07-23-inspection-50253182.pdf"] == ORIGINAL
    rows = list(csv.DictReader(io.StringIO(web.get("/search.csv?q=quokkaberry").get_data(as_text=True))))
    assert ORIGINAL in {r["url"] for r in rows}


def test_the_document_page_links_both(web):
    page = web.get("/doc/barnet-2024-07-23-inspection-50253182.pdf").get_data(as_text=True)
    assert f'href="{ORIGINAL}"' in page and 'href="/file/barnet-2024-07-23-inspection-50253182.pdf"' in page
    assert "Barnet: ILACS Short Inspection, 23 July 2024" in page


def test_the_indexed_pdf_is_served_as_a_pdf(web, fetched):
    with web.get("/file/barnet-2024-07-23-inspection-50253182.pdf") as response:
        assert response.status_code == 200 and response.mimetype == "application/pdf"
        assert response.data == (fetched[0] / "barnet-2024-07-23-inspection-50253182.pdf").read_bytes()
        assert response.headers["Content-Security-Policy"].startswith("sandbox")


def test_a_saved_web_page_is_served_as_text_never_rendered(web):
    with web.get("/file/page.html") as response:
        assert response.status_code == 200 and response.headers["Content-Type"] == "text/plain; charset=utf-8"
        assert b"<script>" in response.data  # shown as source text


@pytest.mark.parametrize("path", ["/file/manifest.csv", "/file/../../../etc/passwd", "/file/%2e%2e/%2e%2e/etc/passwd",
                                  "/file//etc/passwd", "/file/.fetch-state.json", "/file/nothing.pdf",
                                  "/file/barnet-2024-07-23-inspection-50253182.pdf.json"])
def test_anything_not_an_indexed_document_is_404(web, path):
    assert web.get(path, follow_redirects=True).status_code == 404


def test_a_file_gone_since_indexing_is_404_not_500(web, fetched):
    notes = fetched[0] / "notes.txt"
    saved = notes.read_bytes()
    notes.unlink()
    try:
        assert web.get("/file/notes.txt").status_code == 404
    finally:
        notes.write_bytes(saved)


def test_a_stored_path_outside_the_indexed_folders_is_never_served(tmp_path):
    inside = tmp_path / "reports"
    inside.mkdir()
    (inside / "a.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "secret.txt").write_text("x")
    (inside / "link.txt").symlink_to(tmp_path / "secret.txt")
    assert source_file(str(inside / "a.pdf"), [str(inside)]).content_type == "application/pdf"
    assert source_file(str(tmp_path / "secret.txt"), [str(inside)]) is None
    assert source_file(str(inside / "../secret.txt"), [str(inside)]) is None
    assert source_file(str(inside / "link.txt"), [str(inside)]) is None  # a link out of the folder
    assert source_file("reports/a.pdf", [str(inside)]).path == (inside / "a.pdf").resolve()  # a relative build
