"""Round 32: a council where the inspectorate found something is a subject of the page, graded or not.

A second council becomes a subject when the text grades it (round 15) or heads a section with it. Inspections that
give no grade (the 2009 unannounced contact and referral inspections, monitoring visits) and stories that tell the
finding before or without the grade leave such a council a mere mention: "Inspectors found an IT system failure at
North Yorkshire", "Ofsted inspected children's social care services in Slough in November 2015", "the most serious
concerns were at Leeds, where Ofsted said ...", "Ofsted also found a lack of capacity in two of the other councils -
Calderdale and Cambridgeshire". Each sentence says the inspection took place at the council. A care setting, school or
other provider named in the sentence is the place inspected instead (its council runs or hosts it: no subject).
"""
from __future__ import annotations

import datetime as dt
import re

from indexer import settings
from indexer.ingest.annotate.places import subject_mentions
from indexer.ingest.annotate.text_units import Sentence

_WHO = r"(?:Ofsted(?:['’]s)?|inspectors?|the\s+inspectorate|the\s+watchdog)"
_FOUND = (r"(?:found|finds|find|inspected|inspecting|visited|identified|raised|highlighted|uncovered|criticised"
          r"|criticized)")
# "Ofsted inspected children's social care services in Slough", "inspectors found ... at North Yorkshire",
# "Ofsted also found ... in two of the other four councils - Calderdale and Cambridgeshire"
# (the council may stand later in a list after "in" or "at": "at Cornwall, Hounslow and Warrington")
_NAMES = r"(?:(?-i:[A-Z])[\w'’-]*(?:\s+(?:and\s+)?(?-i:[A-Z])[\w'’-]*){0,3}(?:,\s+|\s+and\s+)){0,6}"
_BEFORE = re.compile(rf"\b{_WHO}\s+(?:[\w'’-]+\s+){{0,8}}?{_FOUND}\b[^.;:!?]{{0,120}}?"
                     rf"(?:\b(?:in|at)\s+(?:the\s+)?|\bcouncils?\s*[–—-]\s*){_NAMES}$", re.IGNORECASE)
# "at Leeds, where Ofsted said ...", "in Slough, inspectors found ..."
_AFTER = re.compile(rf"^\W{{0,3}}(?:where|when)\s+{_WHO}\s+(?:[\w'’-]+\s+){{0,3}}?(?:said|{_FOUND})\b", re.IGNORECASE)
_AT_BEFORE = re.compile(r"\b(?:in|at)\s+$", re.IGNORECASE)
_PROVIDER = re.compile(r"\b(?:homes?|nurser(?:y|ies)|schools?|academ(?:y|ies)|premises|centres?|hospitals?|prisons?"
                       r"|colleges?|fostering\s+agency|adoption\s+agency|childminders?|youth\s+offending)\b",
                       re.IGNORECASE)


def inspected_at(sentences: list[Sentence], day: dt.date | None) -> set[str]:
    """Codes of councils a sentence says the inspectorate found something at (no provider named in it)."""
    if not settings.ROUND32_INSPECTED_AT:
        return set()
    out: set[str] = set()
    for sentence in sentences:
        text = sentence.text
        if _PROVIDER.search(text):
            continue
        for mention, code in subject_mentions(text, day):
            before, after = text[max(0, mention.start - 200):mention.start], text[mention.end:mention.end + 60]
            if _BEFORE.search(before) or _AT_BEFORE.search(before) and _AFTER.match(after):
                out.add(code)
    return out
