"""Councils the page's furniture names: the council that published it (its newsroom, its committee minutes), when
the text names none, and councils whose names head its sections.

A council's own page calls itself "the council" or "the city" and names itself only in the site furniture: the
<title>'s site part ("… | Brighton & Hove City Council") or a header line ("London Borough of X | Committee
minutes"). Such a page is about that council.
"""
from __future__ import annotations

import datetime as dt
import re

from indexer.models import Document
from indexer import settings
from indexer.ingest.annotate.places import subject_mentions
from indexer.ingest.annotate.site_council import site_council
from indexer.ingest.annotate.address_council import address_council

# The page speaks of its own council: "the council", "the Council's", "the city's children", "the borough".
# A council's own blog or newsroom in the first person: "our Ofsted inspection", "our children's services".
_SELF_REFERENCE = re.compile(r"\bthe (?:council|city|borough|county|authority)(?:['’]s)?\b"
                             r"|\bour (?:(?:ofsted|ilacs|latest|recent|last|full)\s+)*(?:inspection|children['’]s services"
                             r"|services? for children|social workers|council|borough|county)\b", re.IGNORECASE)


# Where a header line's parts meet: "Brighton & Hove City Council | News", "Wirral Council - minutes".
_PART_SEPARATOR = re.compile(r"\s*\|\s*|\s+[-–—]\s+")
# A meeting's own header: "Wirral Council - minutes", "X Council - Health and Wellbeing Board".
_MEETING = re.compile(r"\b(?:minutes|committee|cabinet|board|panel|council meeting|scrutiny)\b", re.IGNORECASE)


def _site_lines(doc: Document) -> list[str]:
    """The parts of the <title> and of header lines that carry a site's name (split at '|' or a spaced dash)."""
    lines = [doc.meta.get("page_title", "")] + [b.text for b in doc.blocks if b.kind == "heading"]
    lines += list(dict.fromkeys(p.heading for p in doc.paragraphs if p.heading))
    return [part.strip() for line in lines if _PART_SEPARATOR.search(line) for part in _PART_SEPARATOR.split(line)]


def _meeting_header(doc: Document) -> bool:
    """A header line names a council's meeting ("… - minutes", "… - Children and Families Committee")."""
    lines = [b.text for b in doc.blocks if b.kind == "heading"] + [p.heading for p in doc.paragraphs if p.heading]
    return any(_PART_SEPARATOR.search(line) and _MEETING.search(line) for line in lines)


def publisher_council(doc: Document, text: str, day: dt.date | None) -> tuple[str | None, str]:
    """The one council named in the site furniture of a page that refers to 'the council', with the line; else
    the council whose own website the page's address belongs to."""
    code, line = _furniture_council(doc, text, day)
    if not code and settings.ROUND23_SITE_COUNCIL:
        code, host = site_council(doc.url, day)
        line = f"its address is the council's own website ({host})" if code else ""
    if not code and settings.ROUND27_ADDRESS_COUNCIL:
        code, path = address_council(doc.url, day)
        line = f"the page's address names it ({path})" if code else ""
    return code, line


def _furniture_council(doc: Document, text: str, day: dt.date | None) -> tuple[str | None, str]:
    """The one council named in the site furniture of a page that refers to 'the council', with the line."""
    if not (_SELF_REFERENCE.search(text) or _meeting_header(doc)):
        return None, ""
    found: dict[str, str] = {}
    for part in _site_lines(doc):
        mentions = subject_mentions(part, day)
        if len(mentions) == 1 and len(mentions[0][0].alias) >= len(part) - 25:
            found.setdefault(mentions[0][1], part)
    if not found:
        found = _named_in_headers(doc, day)
    if len(found) != 1:
        return None, ""
    code, line = next(iter(found.items()))
    return code, line


_COUNCIL_NAME = re.compile(r"\b(?:council|borough|county)\b", re.IGNORECASE)


def _named_in_headers(doc: Document, day: dt.date | None) -> dict[str, str]:
    """Councils named with their council word in the page's headline and header lines ("Derby City Council",
    "Posted by Derby City Council", "Derby City Council responds to Ofsted report"): a newsroom's or a minutes page's
    own council, when it is the only one they name."""
    lines = [doc.title, doc.meta.get("page_title", "")] + [b.text for b in doc.blocks if b.kind == "heading"]
    found: dict[str, str] = {}
    for line in lines:
        for mention, code in subject_mentions(line or "", day):
            # round 12: the place name then a council word the gazetteer does not list with it ("Rochdale Borough
            # Council news", "Bury Metropolitan Council"): a council's name all the same
            if _COUNCIL_NAME.search(mention.alias) or _COUNCIL_SUFFIX.match(line[mention.end:]):
                found.setdefault(code, line.strip()[:120])
    return found


# What may follow a place's name to make it its council's name.
_COUNCIL_SUFFIX = re.compile(r"\s+(?:(?:City|Borough|County|Metropolitan(?:\s+Borough|\s+District)?|District|Royal\s+Borough)"
                             r"\s+)?Council\b", re.IGNORECASE)

_COUNCIL_WORD = re.compile(r"\b(?:council|borough|county|city of)\b", re.IGNORECASE)


def paragraph_sections(doc: Document, day: dt.date | None) -> dict[int, str]:
    """Paragraph number -> the council whose name alone heads its section ("Leeds City Council" over "Rated
    inadequate in April."): a grade the paragraph gives without naming a council is that council's."""
    headed = {heading: code for heading in {p.heading for p in doc.paragraphs if p.heading}
              for code in [_heading_council(heading, day)] if code}
    return {p.n: headed[p.heading] for p in doc.paragraphs if p.heading in headed}


def _heading_council(heading: str, day: dt.date | None) -> str:
    """The council a section heading consists of ('' when it is anything else)."""
    if not _COUNCIL_WORD.search(heading):
        return ""
    mentions = subject_mentions(heading, day)
    if len(mentions) == 1 and len(mentions[0][0].alias) >= len(heading.strip()) - 3:
        return mentions[0][1]
    return ""


def section_councils(doc: Document, day: dt.date | None) -> list[str]:
    """Councils whose name alone heads a section of the page ("Wokingham Borough Council" over its paragraphs), in
    the order of the sections: a round-up's entries, each about its council."""
    out: list[str] = []
    for heading in dict.fromkeys(p.heading for p in doc.paragraphs if p.heading):
        if not _COUNCIL_WORD.search(heading):
            continue  # "Suffolk" over a page is the outlet's section label, not a round-up entry
        mentions = subject_mentions(heading, day)
        if len(mentions) == 1 and len(mentions[0][0].alias) >= len(heading.strip()) - 3:
            if mentions[0][1] not in out:
                out.append(mentions[0][1])
    return out
