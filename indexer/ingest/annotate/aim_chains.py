"""Round 27: the later steps of an aim are aimed at too.

On the real page text (issue 22) a council's ambition is often written as a route of two grades: "working towards
taking the service to a 'good' and, eventually, 'outstanding' rating", "more to do to bring the services to 'good'
and then to 'outstanding'". Round 18's aim shapes (`aims.py`) read the first grade's clause; the second grade has no
verb of intent before it, only "and, eventually," or "and then to", so it was read as the grade held (and "and then
to" even set the first grade aside as a grade left behind). Two readings fix that:
- `chained_to`: a grade joined to the grade before it by "and"/"or" and a word of sequence ("then", "ultimately",
  "eventually", "in time") is read in that grade's clause: when the first one is aimed at, so is the second;
- `gets_object_to`: an aim worded with an object between the verb and the grade ("get our services to 'good'",
  "taking the service towards a 'good' rating", "bring the department up to good"); "got"/"took"/"brought" reached it
  and are not read.
Both only set grade words aside; a page that states its grade elsewhere keeps it.
"""
from __future__ import annotations

import re

from indexer import settings
from indexer.ingest.annotate.grade_context import _QUOTE

# The words between two grades of one route: "' and, ultimately, '", "' and then to '", "' or even '".
_CHAIN = re.compile(r"^['’”\"]?\s*,?\s*(?:and|or)\b[\s,]*"
                    r"(?:(?:then|ultimately|eventually|in\s+time|later|finally|one\s+day|even|perhaps|hopefully|in\s+turn)"
                    r"\b[\s,]*){1,2}(?:(?:on\s+|up\s+)?to\s+|towards?\s+|(?:an?|the)\s+)?['‘“\"]?$", re.IGNORECASE)
# An aim with its object before the grade: "get our services to 'good'", "taking the service towards a 'good'".
_OBJECT_TO = re.compile(rf"\b(?:get|gets|getting|take|takes|taking|bring|brings|bringing)\s+"
                        rf"(?:(?:the|its|their|our|this|these|his|her|[\w'’-]+['’]s)\s+)(?:[\w'’-]+\s+){{0,3}}?"
                        rf"(?:back\s+|up\s+)?(?:to|towards?)\s+(?:(?:an?|the)\s+)?{_QUOTE}$", re.IGNORECASE)


def chained_to(gap: str) -> bool:
    """`gap` (the text between two grade words) joins them as steps of one route ("and, ultimately,")."""
    return bool(settings.ROUND27_AIM_CHAINS and _CHAIN.match(gap))


def gets_object_to(before: str) -> bool:
    """The grade ends an aim that names its object before it ("to get our services to 'good'"); `before` is the
    sentence up to the grade."""
    return bool(settings.ROUND27_AIM_CHAINS and _OBJECT_TO.search(before))
