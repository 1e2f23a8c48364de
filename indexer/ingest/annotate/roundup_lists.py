"""Councils a round-up lists under a heading phrase: "nine councils must act urgently: A, B, C, …", or in bullet
items under a line ending with a colon.

A list of three or more councils that a colon or a dash introduces is the structure of a round-up: every council
in it is a subject of the article, whether or not the list's phrase is a grade (a finding such as "areas for
priority action" leaves each listed council a subject with no overall grade; a grade phrase is handed to each
of them by `attribution.py`).
"""
from __future__ import annotations

import datetime as dt
import re

from indexer.ingest.annotate.places import council_groups, subject_mentions

MIN_LISTED = 3
# The words before the list end with a colon or a dash: "…must put things right urgently:", "… as follows –".
_INTRODUCED = re.compile(r"(?::|\s[-–—])\s*$")


def listed_councils(sentences: list, day: dt.date | None) -> set[str]:
    """Codes of the councils in every introduced list of at least three councils."""
    found = _bulleted(sentences, day)
    previous = ""
    for sentence in sentences:
        text = sentence.text
        mentions = subject_mentions(text, day)
        for group in council_groups(text, mentions):
            codes = list(dict.fromkeys(code for _, code in group))
            head = text[:group[0][0].start]
            # the list may stand on its own line under the sentence that introduces it
            introduced = _INTRODUCED.search(head) or not head.strip() and _INTRODUCED.search(previous)
            if len(codes) >= MIN_LISTED and introduced:
                found.update(codes)
        previous = text
    return found


_BULLET = re.compile(r"^\s*[-•*·–]\s+")


def _bulleted(sentences: list, day: dt.date | None) -> set[str]:
    """Councils named in the bullet items under a line that ends with a colon ("Councils can recover:" then
    "- Rotherham …", "- Norfolk …"), when the items name at least three councils between them."""
    found: set[str] = set()
    items: list[str] | None = None
    for sentence in sentences + [None]:
        text = sentence.text if sentence is not None else ""
        if items is not None and _BULLET.match(text):
            items += [code for _, code in subject_mentions(text, day)]
            continue
        if items and len(set(items)) >= MIN_LISTED:
            found.update(items)
        items = [] if _INTRODUCED.search(text) and text.rstrip().endswith(":") else None
    return found
