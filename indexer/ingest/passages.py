"""Round 25: a page printed one sentence per line, its lines joined back into passages.

News sites print one sentence per paragraph, and scraped page text keeps one sentence per line, so the words that
answer a question are spread over several tiny paragraphs, each ranked and shown alone. After the facets are decided
(they read the page as printed), consecutive short body paragraphs of a text or HTML page that are each a sentence
or two are joined into passages of up to `settings.ROUND25_PASSAGE_CHARS`. A run never crosses a heading or a page;
it breaks at a line that is not a finished sentence (a list entry, a label), at a longer paragraph (already a
paragraph of its own), and between paragraphs filed under different councils (a round-up's entries stay apart).
"""
from __future__ import annotations

from indexer import settings
from indexer.ingest.boilerplate import ends_sentence
from indexer.ingest.chunk import sentences
from indexer.models import Document, Paragraph


def join_sentence_lines(doc: Document) -> None:
    """Join a text or HTML page's runs of one-sentence paragraphs into passages (PDF reports keep theirs)."""
    if not settings.ROUND25_LINE_PASSAGES or doc.kind not in ("text", "html"):
        return
    lines = [is_line(para) for para in doc.paragraphs]
    if not printed_by_line(lines):
        return
    passages: list[Paragraph] = []
    open_run = False  # the last passage is made of lines and may take the next one
    for para, line in zip(doc.paragraphs, lines):
        if open_run and line and _continues(passages[-1], para):
            last = passages[-1]
            last.text = f"{last.text} {para.text}"
            last.council = list(dict.fromkeys([*last.council, *para.council]))
            last.listed = list(dict.fromkeys([*last.listed, *para.listed]))
            continue
        passages.append(Paragraph(n=len(passages) + 1, text=para.text, heading=para.heading, page=para.page,
                                  council=list(para.council), listed=list(para.listed)))
        open_run = line
    doc.paragraphs = passages


def printed_by_line(lines: list[bool]) -> bool:
    """True for a page printed one sentence per line: enough lines, and most of its paragraphs are lines (a
    page written in paragraphs, with a one-sentence paragraph here and there, keeps its paragraphs)."""
    count = sum(lines)
    return count >= settings.ROUND25_PAGE_MIN_LINES and count >= settings.ROUND25_PAGE_LINE_SHARE * len(lines)


def is_line(para: Paragraph) -> bool:
    """A paragraph that is one line of a sentence-per-line page: short, a sentence or two, finished."""
    text = para.text
    return (len(text) <= settings.ROUND25_LINE_CHARS and ends_sentence(text)
            and len(sentences(text)) <= settings.ROUND25_LINE_SENTENCES
            and not (settings.ROUND25_QUOTE_BREAKS and _is_quote(text)))


def _is_quote(text: str) -> bool:
    """A line that is a quotation (it opens with a quotation mark)."""
    return text[:1] in "\"\u201c\u2018'"


def _continues(run: Paragraph, para: Paragraph) -> bool:
    """True when the line `para` continues the passage `run`: same heading and page, no other council, room left."""
    return (para.heading == run.heading and para.page == run.page
            and not (run.council and para.council and set(run.council) != set(para.council))
            and len(run.text) + 1 + len(para.text) <= settings.ROUND25_PASSAGE_CHARS)
