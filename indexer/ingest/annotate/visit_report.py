"""Round 27: a new report that is a visit's letter does not replace the standing grade.

`severity.decide` drops a standing grade ("rated 'requires improvement' since 2019") when the page reports a new
report ("In its latest report …", `severity.NEW_REPORT`): the new report is taken to carry a newer judgement. On the
real page text a "latest report" is often the letter of a focused or monitoring visit, which grades nothing; the
standing grade is then still the council's grade. A page that names such a visit and states no newer grade keeps its
standing grade (a newer grade stated anywhere still wins in `decide`).
"""
from __future__ import annotations

import re

from indexer import settings

# The visits whose letters grade nothing (focused visits, monitoring visits, joint targeted area inspections).
_VISIT = re.compile(r"\bfocused\s+(?:visit|inspection)s?\b|\bmonitoring\s+(?:visit|inspection|letter)s?\b"
                    r"|\bjoint\s+targeted\s+area\s+inspection|\bJTAI\b", re.IGNORECASE)


def new_report_is_visit(text: str) -> bool:
    """The page's new report may be a visit's letter: the page names a focused or monitoring visit."""
    return bool(settings.ROUND27_VISIT_REPORTS and _VISIT.search(text))
