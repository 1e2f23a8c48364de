"""A text page's headline heads the body paragraphs that stand under no heading of their own.

A page's first heading line is its headline: it becomes the title, which ranking reads only as document context
(half a word's weight, `settings.RANKING.context_weight`), while a heading is part of every paragraph below it
(`heading_boost`). A rewritten page often has a second line (the outlet, a date) that heads its body; a scraped page
opens its body straight below the headline, so its paragraphs stood under nothing. Applied after the facets are
read (their rules read headings as the page printed them), to both backends' paragraphs alike.
"""
from __future__ import annotations

from indexer import settings
from indexer.ingest.chunk import sentences
from indexer.ingest.extract.headline import HEADLINE_TITLE
from indexer.models import Document


def _sentence_lines(doc: Document) -> bool:
    """True when the page's body comes as one sentence per paragraph (a scraped page's lines). Measured with this
    reading of its own (round 25's line passages, removed in round 32, read lines otherwise)."""
    body = [p.text for p in doc.paragraphs]
    single = sum(1 for text in body if len(sentences(text)) == 1)
    return len(body) >= settings.ROUND25_LINES_MIN_PARAGRAPHS and single >= settings.ROUND25_LINES_SHARE * len(body)


def head_with_title(doc: Document) -> Document:
    """Give the title as heading to a text page's paragraphs that have none (see the switch for which titles)."""
    mode = settings.ROUND25_TITLE_HEADING
    if mode == "off" or doc.kind != "text" or not doc.title:
        return doc
    if mode == "headline" and doc.meta.get("title_from") != HEADLINE_TITLE:
        return doc
    if mode == "lines" and not _sentence_lines(doc):
        return doc
    heading = doc.title[: settings.MAX_HEADING_CHARS * 2]
    for para in doc.paragraphs:
        if para.heading:
            break  # the page's own headings take over
        if not para.text.startswith(doc.title.rstrip("…")):
            para.heading = heading
            if mode == "lead":
                break  # only the story's opening paragraph
    return doc
