"""Which council a grade statement is about, and which subject councils each paragraph names."""
from __future__ import annotations

import datetime as dt
import re

from ..models import Document
from .gazetteer import display_name, find_mentions, resolve_mention

# What may stand between two councils of one list: "A, B and C", "A & B", "A, and B".
_LIST_JOIN = re.compile(r"\s*(,|and|&|,\s*and)\s*")


def council_mentions(text: str, day: dt.date | None) -> list[tuple]:
    """(mention, code) for every council named in text, other bodies' names excluded."""
    return [(m, resolve_mention(m.codes, day)) for m in find_mentions(text) if not m.is_org]


def graded_councils(text: str, mentions: list, position: int) -> list[str]:
    """The council(s) a grade at `position` is about: the nearest named before it, with any councils
    coordinated with it ("Rotherham and Doncaster were judged…"); else the nearest after it."""
    before = sorted(((m, code) for m, code in mentions if m.end <= position), key=lambda mc: mc[0].start)
    if before:
        chosen = [before[-1]]
        for m, code in reversed(before[:-1]):
            if not _LIST_JOIN.fullmatch(text[m.end:chosen[-1][0].start]):
                break
            chosen.append((m, code))
        return list(dict.fromkeys(code for _, code in chosen))
    after = [(m.start - position, code) for m, code in mentions if m.start > position]
    return [min(after)[1]] if after else []


def paragraph_councils(doc: Document, chosen: list[str], published: dt.date | None) -> None:
    """In a multi-council document, a paragraph naming particular subject councils is about those."""
    for para in doc.paragraphs:
        named = []
        for mention, code in council_mentions(para.text, published):
            if code in chosen and display_name(code) not in named:
                named.append(display_name(code))
        para.council = named
