"""Which council a grade statement is about, and which subject councils each paragraph names."""
from __future__ import annotations

import datetime as dt

from ..models import Document
from .gazetteer import display_name
from .places import council_groups, subject_mentions


def council_mentions(text: str, day: dt.date | None) -> list[tuple]:
    """(mention, code) for every council that can be a subject in text."""
    return subject_mentions(text, day)


def graded_councils(text: str, mentions: list, position: int) -> list[str]:
    """The council(s) a grade at `position` is about: the nearest group named before it ("Rotherham and
    Doncaster were judged…"); else the group named after it ("rated inadequate were: A, B and C")."""
    groups = council_groups(text, mentions)
    before = [g for g in groups if g[-1][0].end <= position]
    if before:
        chosen = before[-1]
    else:
        after = [g for g in groups if g[0][0].start > position]
        if not after:
            return []
        chosen = after[0]
    return list(dict.fromkeys(code for _, code in chosen))


def paragraph_councils(doc: Document, chosen: list[str], published: dt.date | None) -> None:
    """In a multi-council document, a paragraph naming particular subject councils is about those."""
    for para in doc.paragraphs:
        named = []
        for mention, code in council_mentions(para.text, published):
            if code in chosen and display_name(code) not in named:
                named.append(display_name(code))
        para.council = named
