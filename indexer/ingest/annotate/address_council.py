"""Round 27: the council a page's address names, for a page whose text names none ("…/newham-downgraded-to-
inadequate" over a story that says only "the department"; "…/news/windsor/…" over one that says "the Royal
Borough"). The scraped text often loses the headline and keeps the body, which calls the council by a common noun;
the address keeps the headline's words. Only the path is read: a newspaper's host names its town, not the story's
council."""
from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from indexer.ingest.annotate.gazetteer import resolve_mention
from indexer.ingest.annotate.site_council import address_part_codes, one_body

# A word shorter than this names a council only by an exact spelling ("bury"), never as the start of a longer name
# ("some" is not Somerset).
_MIN_PREFIX = 5
_LONGEST = 3  # "kingston-upon-hull", "west-berkshire": a name spread over up to three words


def _path_words(url: str) -> list[list[str]]:
    """The address path's segments, each as its alphabetic words (the host, the query and numbers left out)."""
    try:
        path = urlsplit(url).path.lower()
    except ValueError:
        return []
    return [[w for w in re.split(r"[-_.+]+", segment) if w.isalpha()] for segment in path.split("/")]


def _segment_codes(words: list[str]) -> set[frozenset[str]]:
    """The councils the words of one segment name, longest spellings first (a word already used is not read again)."""
    found: set[frozenset[str]] = set()
    used: set[int] = set()
    for size in range(_LONGEST, 0, -1):
        for start in range(len(words) - size + 1):
            span = range(start, start + size)
            if used & set(span):
                continue
            part = "".join(words[start:start + size])
            if len(part) < 4:
                continue
            codes = address_part_codes(part, exact=size > 1 or len(part) < _MIN_PREFIX)
            if codes and one_body(codes):
                found.add(codes)
                used.update(span)
    return found


def address_council(url: str, day: dt.date | None) -> tuple[str | None, str]:
    """The one council the address's path names, with the words that name it; (None, '') for none or several."""
    found: set[frozenset[str]] = set()
    for words in _path_words(url or ""):
        found |= _segment_codes(words)
    bodies = {resolve_mention(tuple(sorted(codes)), day) for codes in found}
    if len(bodies) != 1:
        return None, ""
    return bodies.pop(), urlsplit(url).path
