"""Recognise page furniture in news articles and reports: lines that are not content."""
from __future__ import annotations

import re

# Whole lines that are never content, wherever they stand.
_FURNITURE = [
    r"more on \w*\s?online",
    r"read more\b.*",
    r"related (stories|articles|content|links|topics)",
    r"more on this story",
    r"elsewhere on (the )?bbc",
    r"features (&|and) analysis",
    r"(most (popular|read|shared|watched))",
    r"(share|share this( article| story| page)?|share on \w+|tweet|email this|print this( page)?)",
    r"(advertisement|sponsored|advert|skip to (main )?content|back to top|top of page)",
    r"(try our new site|take me there|learn more)\b.*",
    r"(copyright|©|\(c\)).{0,80}\b(19|20)\d\d\b.*",
    r"this page is best viewed in .*",
    r".*not responsible for the content of external (internet )?sites.*",
    r"story (taken|republished) (directly )?from .*",
    r"update:?\s*\d{1,2}[:.]\d{2}\b.*",
    r"-?\d+\s*°\s*[cf]?\s+-?\d+\s*°\s*[cf]?",
    r"(sign up|subscribe)( now)? to (our|the) .*newsletter.*",
    r"follow us on .*",
    r"(click|tap) here\b.*",
    r"(we use cookies|this (web)?site uses cookies|accept (all )?cookies).*",
    r"(image|photo|picture)( copyright| caption| credit)?: .{0,80}",
    r"(comments?|leave a comment|add your comment|\d+ comments?)",
    r"(bbc \w+|bbc news)",
    r"(posted|published|updated|last updated)( on| at)?:? .{0,40}\b(19|20)\d\d\b.{0,20}",
    r"(tags?|topics?|filed under):.*",
    r"(previous|next) (article|story|post)\b.*",
    r".*\bwayback machine\b.*", r".*\bweb\.archive\.org\b.*", r"\d+ captures?\b.*",
    r"(archived|captured|retrieved) (on|from|at)\b.*",
    r"\d{1,2}\s+[a-z]{3,9}\.?\s+\d{4}\s*[-–]\s*\d{1,2}\s+[a-z]{3,9}\.?\s+\d{4}",  # an archive's capture range
    r"by [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}(?:,? [\w ]{0,40}(?:correspondent|reporter|editor))?",
]
FURNITURE_RE = re.compile(r"^\s*[•·\-–*]?\s*(?:%s)\s*$" % "|".join(_FURNITURE), re.IGNORECASE)

# A line that starts a trailing run of unrelated links (headlines) until real prose resumes.
ZONE_MARKER_RE = re.compile(
    r"^\s*(read more|related stories|more on this story|elsewhere on (the )?bbc|features (&|and) analysis"
    r"|most (popular|read)|more from \w+|you (may|might) also like|recommended|trending)\b.*$",
    re.IGNORECASE,
)

CAPTION_RE = re.compile(
    r"(\[(image|photo|picture|pic)\b[^\]]*\]|\((file )?(pic|photo|picture|image)\)|^\s*(image|photo|picture) (copyright|caption|credit))",
    re.IGNORECASE,
)
# "Quote here" - Name, role   (a pull quote repeated from the body, set as a caption)
PULL_QUOTE_RE = re.compile(r"^\s*[\"“'‘].{10,300}[\"”'’]\s*[-–—]\s*\S.{2,120}$")

# Report-level: the Ofsted back page and anything after it is not the report.
REPORT_END_RE = re.compile(
    r"(The Office for Standards in Education, Children['’]s Services and Skills \(Ofsted\) regulates"
    r"|Ofsted regulates and inspects to achieve excellence"
    r"|Any complaints about the inspection or the report should be made)",
    re.IGNORECASE,
)
REPORT_FURNITURE_RE = re.compile(
    r"(©\s*Crown copyright|This document may be reproduced in whole or in part|Further copies of this report are"
    r" obtainable|^Website: www\.ofsted\.gov\.uk|^Page \d+ of \d+$|^\d+$|^Contents$)",
    re.IGNORECASE,
)
# Cover-page facts: read for facets, not paragraphs of their own.
COVER_META_RE = re.compile(
    r"^(Inspection dates?:?|Inspection date:|Reporting inspector|Lead inspector|Age group|Report published|Published:"
    r"|Her Majesty|His Majesty|Judgement Grade$|Unique reference number|Team inspectors?|Quality assurance manager"
    r"|Senior HMI|Shadow inspector)",
    re.IGNORECASE,
)
# A contents-page entry: text followed by a page number.
TOC_ENTRY_RE = re.compile(r"^.{3,120}?\s\.*\s*\d{1,3}$")

TERMINAL = ".!?:;"
_TRAILING_CLOSERS = "’”\"')]*"


def is_furniture(line: str) -> bool:
    """True for a line of page furniture such as 'READ MORE' links or a copyright footer."""
    return bool(FURNITURE_RE.match(line))


def is_zone_marker(line: str) -> bool:
    """True for a line that opens a trailing run of unrelated headlines."""
    return bool(ZONE_MARKER_RE.match(line))


def is_caption(line: str) -> bool:
    """True for an image caption or a pull quote with attribution."""
    return bool(CAPTION_RE.search(line) or PULL_QUOTE_RE.match(line))


def ends_sentence(line: str) -> bool:
    """True when a line ends with sentence-final punctuation (closing quotes allowed)."""
    stripped = line.rstrip().rstrip(_TRAILING_CLOSERS).rstrip()
    return bool(stripped) and stripped[-1] in TERMINAL


def is_prose(line: str) -> bool:
    """True for a line that reads as a real sentence rather than a link or headline."""
    return ends_sentence(line) and len(line) >= 60 and not is_furniture(line)
