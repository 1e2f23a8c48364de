"""Round 25: a page printed one sentence per line has its lines joined into passages (invented sentences)."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.documents import load_document
from indexer.ingest.passages import join_sentence_lines
from indexer.models import Document, Paragraph

LINES = [
    "The inspectors spent two weeks with the social work teams in the spring.",
    "They read the files of sixty children who had been referred by schools.",
    "Most visits happened on time and the notes were clear.",
    "Managers did not always check that plans were carried out.",
    "The council said it had already hired more senior practitioners.",
    "A further visit is expected before the end of the year.",
    "Families were asked what had changed since the last visit.",
]


@pytest.fixture
def switched_on(monkeypatch):
    """The round's switch on with the limits the tests were written for."""
    for name, value in {"ROUND25_LINE_PASSAGES": True, "ROUND25_LINE_CHARS": 300, "ROUND25_LINE_SENTENCES": 1,
                        "ROUND25_PASSAGE_CHARS": 600, "ROUND25_QUOTE_BREAKS": False,
                        "ROUND25_PAGE_MIN_LINES": 6, "ROUND25_PAGE_LINE_SHARE": 0.6}.items():
        monkeypatch.setattr(settings, name, value)


def page(texts: list[str], kind: str = "text", headings: list[str] | None = None,
         councils: list[list[str]] | None = None) -> Document:
    """A document whose paragraphs are the given texts."""
    headings = headings or [""] * len(texts)
    councils = councils or [[] for _ in texts]
    return Document(path=f"page.{kind}", kind=kind, paragraphs=[
        Paragraph(n=i + 1, text=t, heading=h, council=list(c)) for i, (t, h, c) in
        enumerate(zip(texts, headings, councils))])


def test_sentence_lines_become_passages(switched_on):
    doc = page(LINES)
    join_sentence_lines(doc)
    assert [p.n for p in doc.paragraphs] == list(range(1, len(doc.paragraphs) + 1))
    assert len(doc.paragraphs) == 1
    assert doc.paragraphs[0].text == " ".join(LINES)


def test_passage_length_is_bounded(switched_on, monkeypatch):
    monkeypatch.setattr(settings, "ROUND25_PASSAGE_CHARS", 150)
    doc = page(LINES)
    join_sentence_lines(doc)
    assert len(doc.paragraphs) > 1
    assert all(len(p.text) <= 150 for p in doc.paragraphs)
    assert " ".join(p.text for p in doc.paragraphs) == " ".join(LINES)


def test_never_across_a_heading(switched_on):
    doc = page(LINES, headings=["What the inspectors found"] * 4 + ["What happens next"] * 3)
    join_sentence_lines(doc)
    assert [p.heading for p in doc.paragraphs] == ["What the inspectors found", "What happens next"]
    assert doc.paragraphs[1].text.startswith("The council said")


def test_a_list_entry_breaks_the_run(switched_on):
    texts = LINES[:4] + ["Northfield Borough Council"] + LINES[4:]
    doc = page(texts)
    join_sentence_lines(doc)
    assert [p.text for p in doc.paragraphs][1] == "Northfield Borough Council"
    assert len(doc.paragraphs) == 3


def test_a_long_paragraph_stays_alone(switched_on):
    long = " ".join(LINES[:5])  # a written paragraph, several sentences
    doc = page(LINES[:3] + [long] + LINES[3:])
    join_sentence_lines(doc)
    assert long in [p.text for p in doc.paragraphs]


def test_paragraphs_of_different_councils_stay_apart(switched_on):
    councils = [["Northfield"]] * 3 + [["Southmere"]] * 4
    doc = page(LINES, councils=councils)
    join_sentence_lines(doc)
    assert [p.council for p in doc.paragraphs] == [["Northfield"], ["Southmere"]]


def test_a_page_written_in_paragraphs_keeps_them(switched_on):
    written = [" ".join(LINES[i:i + 3]) for i in range(0, 6, 3)]
    texts = written + LINES[:2] + written
    doc = page(texts)
    join_sentence_lines(doc)
    assert [p.text for p in doc.paragraphs] == texts


def test_reports_keep_their_paragraphs(switched_on):
    doc = page(LINES, kind="pdf")
    join_sentence_lines(doc)
    assert len(doc.paragraphs) == len(LINES)


def test_switch_off_keeps_the_lines(switched_on, monkeypatch):
    monkeypatch.setattr(settings, "ROUND25_LINE_PASSAGES", False)
    doc = page(LINES)
    join_sentence_lines(doc)
    assert len(doc.paragraphs) == len(LINES)


def test_facets_read_the_page_as_printed(switched_on, monkeypatch, tmp_path):
    story = ["Northfield children's services rated good by Ofsted", "",
             *[line for text in LINES for line in (text, "")],
             "Ofsted judged the services for children in Northfield to be good overall.", ""]
    path = tmp_path / "northfield-story.txt"
    path.write_text("\n".join(story), encoding="utf-8")
    joined = load_document(path)
    monkeypatch.setattr(settings, "ROUND25_LINE_PASSAGES", False)
    printed = load_document(path)
    assert len(joined.paragraphs) < len(printed.paragraphs)
    assert " ".join(p.text for p in joined.paragraphs) == " ".join(p.text for p in printed.paragraphs)
    assert (joined.council, joined.severity, joined.year) == (printed.council, printed.severity, printed.year)


def test_two_sentence_lines_join_when_allowed(switched_on, monkeypatch):
    pairs = [f"{LINES[i]} {LINES[i + 1]}" for i in range(0, 6)]  # short paragraphs of two sentences
    doc = page(pairs)
    join_sentence_lines(doc)
    assert len(doc.paragraphs) == len(pairs)  # one-sentence lines only: a page written in paragraphs
    monkeypatch.setattr(settings, "ROUND25_LINE_SENTENCES", 2)
    join_sentence_lines(doc)
    assert len(doc.paragraphs) < len(pairs)
    assert all(len(p.text) <= settings.ROUND25_PASSAGE_CHARS for p in doc.paragraphs)
