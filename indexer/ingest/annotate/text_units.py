"""Sentences with their position, shared by the facet deciders."""
from __future__ import annotations

from dataclasses import dataclass

from indexer.ingest.chunk import sentences
from indexer.models import Document


@dataclass
class Sentence:
    """One sentence of a document with the paragraph it came from."""

    text: str
    paragraph: int  # 0 for the title
    index: int


# The document last split, its texts and its sentences: the article rules and the movement rules share one split.
_last: tuple = (None, None, [])


def document_sentences(doc: Document) -> list[Sentence]:
    """The title and every paragraph's sentences, in order (split once per document)."""
    global _last
    texts = (doc.title, *(p.text for p in doc.paragraphs))
    if _last[0] is doc and _last[1] == texts:
        return list(_last[2])
    out = _split(doc)
    _last = (doc, texts, out)
    return list(out)


def _split(doc: Document) -> list[Sentence]:
    """The title and every paragraph's sentences, in order."""
    out = [Sentence(doc.title, 0, 0)] if doc.title else []
    for para in doc.paragraphs:
        for sentence in sentences(para.text):
            out.append(Sentence(sentence, para.n, len(out)))
    return out
