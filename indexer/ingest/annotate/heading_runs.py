"""A page set out as entries, each under a heading that is only a council's name ("BRADFORD", "BURY"), under a
heading that names their grade ("Local authorities rated inadequate"): every entry's council is a subject with that
grade (round 15, issue 22). One such heading alone may be an outlet's section label; two or more make a run."""
from __future__ import annotations

import datetime as dt
import re

from indexer.models import Document
from indexer.ingest.annotate.places import subject_mentions
from indexer.grades import grade_of_match
from indexer.ingest.annotate.scan import grade_matches

MIN_ENTRIES = 2


def heading_run(doc: Document, day: dt.date | None) -> list[tuple[str, str]]:
    """(code, grade or "") for each council whose bare name heads an entry, when two or more do; the grade is the
    one the nearest other heading above it gives."""
    entries: list[tuple[str, str]] = []
    grade = ""
    for block in doc.blocks:
        if block.kind != "heading":
            continue
        code = _bare_council(block.text, day)
        if code:
            if code not in (c for c, _ in entries):
                entries.append((code, grade))
            continue
        grade = _heading_grade(block.text)
    return entries if len(entries) >= MIN_ENTRIES else []


def _heading_grade(heading: str) -> str:
    """The one grade a heading gives its entries ("Local authorities rated inadequate"), else "". A class phrase that
    a sentence would not grade anyone with is a heading's way of grading what follows it."""
    words = heading.lower() if heading.isupper() else heading  # "RATED INADEQUATE"
    grades = {grade_of_match(m) for m in grade_matches(words)
              if re.search(r"\b(?:rated|judged|graded|found|ranked|now)\s+['‘\"“]?$", words[:m.start()])}
    return grades.pop() if len(grades) == 1 else ""


def _bare_council(heading: str, day: dt.date | None) -> str:
    """The council a heading consists of (its name and little else), else ""."""
    mentions = subject_mentions(heading, day)
    codes = {code for _, code in mentions}
    if len(codes) != 1:
        return ""
    longest = max(len(m.alias) for m, _ in mentions)
    return next(iter(codes)) if longest >= len(heading.strip()) - 3 else ""
