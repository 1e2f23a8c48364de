"""Round 25: a text page's headline heads the body paragraphs that stand under no heading (invented text)."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.documents import load_document

HEADLINE_PAGE = """Eastshire children's services rated good by inspectors

Inspectors said leaders in the county now know their families well.

Caseloads have fallen since the last visit, the report found.

Staff turnover
Fewer agency workers were used this year than last.
"""

PROSE_PAGE = """Inspectors said leaders in Westvale now know their families well and the service has improved.
Caseloads have fallen since the last visit, the report found.
"""


@pytest.fixture
def page(tmp_path):
    """Write an invented page and load it as a rebuild would."""
    def write(text: str):
        path = tmp_path / "page.txt"
        path.write_text(text, encoding="utf-8")
        return load_document(path)
    return write


def test_headline_heads_the_body_until_the_next_heading(page, monkeypatch):
    monkeypatch.setattr(settings, "ROUND25_TITLE_HEADING", "headline")
    doc = page(HEADLINE_PAGE)
    assert doc.title == "Eastshire children's services rated good by inspectors"
    assert [p.heading for p in doc.paragraphs] == [doc.title, doc.title, "Staff turnover"]


def test_switched_off_the_body_stands_under_nothing(page, monkeypatch):
    monkeypatch.setattr(settings, "ROUND25_TITLE_HEADING", "off")
    doc = page(HEADLINE_PAGE)
    assert [p.heading for p in doc.paragraphs] == ["", "", "Staff turnover"]


def test_a_first_sentence_title_heads_nothing_unless_asked(page, monkeypatch):
    monkeypatch.setattr(settings, "ROUND25_TITLE_HEADING", "headline")
    doc = page(PROSE_PAGE)
    assert doc.title.startswith("Inspectors said leaders in Westvale")
    assert all(not p.heading for p in doc.paragraphs)
    monkeypatch.setattr(settings, "ROUND25_TITLE_HEADING", "any")
    doc = page(PROSE_PAGE)
    # the paragraph the title was taken from is not headed by itself
    assert [bool(p.heading) for p in doc.paragraphs] == [False, True]


def test_facets_are_read_before_the_headline_heads_the_body(page, monkeypatch):
    monkeypatch.setattr(settings, "ROUND25_TITLE_HEADING", "off")
    before = page(HEADLINE_PAGE)
    monkeypatch.setattr(settings, "ROUND25_TITLE_HEADING", "headline")
    after = page(HEADLINE_PAGE)
    assert (after.council, after.severity, after.year) == (before.council, before.severity, before.year)


def test_lead_mode_heads_only_the_opening_paragraph(page, monkeypatch):
    monkeypatch.setattr(settings, "ROUND25_TITLE_HEADING", "lead")
    doc = page(HEADLINE_PAGE)
    assert [p.heading for p in doc.paragraphs] == [doc.title, "", "Staff turnover"]


LINES_PAGE = """Northmoor children's services told to improve

Inspectors visited the borough in March.
They found that too many children waited for a social worker.
Managers did not always check the plans.
The council said it accepted the findings.
"""


def test_lines_mode_heads_only_a_body_of_one_sentence_lines(page, monkeypatch):
    monkeypatch.setattr(settings, "ROUND25_TITLE_HEADING", "lines")
    doc = page(LINES_PAGE)
    assert len(doc.paragraphs) == 4 and all(p.heading == doc.title for p in doc.paragraphs)
    doc = page(HEADLINE_PAGE)  # paragraphs of their own: nothing to tie together
    assert [p.heading for p in doc.paragraphs] == ["", "", "Staff turnover"]
