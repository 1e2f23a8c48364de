"""HTML pages: main text only, title, canonical URL and published date from the head."""
from __future__ import annotations

from indexer.ingest.extract import read_document

from tests.conftest import FIXTURES


def test_roundup_page_main_text_only():
    doc = read_document(FIXTURES / "roundup-2024.html")
    assert doc.title == "Three councils' children's services graded by Ofsted"
    assert doc.url == "https://news.example.org/2024/03/three-councils-graded"
    assert doc.published.isoformat() == "2024-03-14"
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "Ofsted has published the results of inspections of children's services at three councils in the region."
    assert texts[-1].startswith("A spokesperson for the Department for Education")
    assert len(texts) == 5
    joined = " ".join(texts)
    for furniture in ("cookies", "Share on Facebook", "Tweet", "Related stories", "School rated good", "©", "Home", "By A Reporter"):
        assert furniture not in joined
    assert doc.paragraphs[-1].heading == "Reaction"


def test_date_sources_in_order(tmp_path):
    page = tmp_path / "p.html"
    page.write_text('<html><head><title>T</title><script type="application/ld+json">'
                    '{"@graph": [{"@type": "NewsArticle", "datePublished": "2016-02-03T10:00:00Z"}]}</script></head>'
                    '<body><article><p>Slough Borough Council children\'s services were rated inadequate overall.</p>'
                    '<time datetime="2019-01-01">old</time></article></body></html>')
    doc = read_document(page)
    assert doc.published.isoformat() == "2016-02-03"
    assert doc.meta["published_source"] == "JSON-LD datePublished"


def test_page_without_article_uses_densest_container(tmp_path):
    page = tmp_path / "p.htm"
    page.write_text("<html><body><div class='menu'><p>Home</p><p>About</p></div><div id='content'>"
                    "<p>Inspectors found that Dudley's children's services require improvement to be good.</p>"
                    "<p>Social workers had manageable caseloads in most teams.</p></div>"
                    "<div class='footer'><p>Contact us</p></div></body></html>")
    doc = read_document(page)
    assert [p.text for p in doc.paragraphs] == [
        "Inspectors found that Dudley's children's services require improvement to be good.",
        "Social workers had manageable caseloads in most teams."]


def test_old_bbc_layout_title_date_and_captions():
    doc = read_document(FIXTURES / "bbc-2010-kent.html")
    assert doc.title == "Ofsted finds Kent child protection 'inadequate'"
    assert doc.published.isoformat() == "2010-11-19"
    texts = [p.text for p in doc.paragraphs]
    assert texts[0].startswith("Kent County Council has apologised") and len(texts) == 3
    assert not any("Most Popular" in t or "Medway man jailed" in t or "raised concern" in t for t in texts)


def test_printed_date_when_the_head_has_none(tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<html><head><title>Site | Story</title></head><body><article><h1>Story</h1>"
                    "<div class='story-date'>Published 3 February 2015</div>"
                    "<p>Slough's children's services were rated inadequate overall by Ofsted.</p></article></body></html>")
    doc = read_document(page)
    assert doc.title == "Story" and doc.published.isoformat() == "2015-02-03"
    assert doc.meta["published_source"] == "the article's printed date"


def test_a_labelled_published_line_outranks_an_archive_page_date(tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<html><head><title>Archive | Story</title></head><body><div class='date'>Friday, 4 March 2011"
                    "</div><div id='content'><h1>Story</h1><ul><li>Published: Monday, 3 November 2008</li></ul>"
                    "<p>Luton's children's services were judged inadequate by inspectors.</p></div></body></html>")
    assert read_document(page).published.isoformat() == "2008-11-03"


def test_old_bbc_page_last_updated_line_is_its_date(tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<html><head><title>BBC NEWS | Story</title></head><body><div class='ds'>Page last updated at "
                    "09:01 GMT, Tuesday, 9 December 2008</div><h1>Story</h1><p>Kent's children's services were "
                    "rated inadequate.</p></body></html>")
    assert read_document(page).published.isoformat() == "2008-12-09"
