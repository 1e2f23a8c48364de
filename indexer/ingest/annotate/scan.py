"""Grade phrases found once per sentence and shared by every rule that reads them.

The grade rules (current grade, movement, past grades) each looked for grade phrases in every sentence; one
grade regex over a sentence costs ~70 µs, so a 300-paragraph document paid three full scans of ~1,100
sentences. Here a sentence is scanned once, and only when a cue word of some grade phrase occurs in it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from indexer import settings
from indexer.grades import GRADE_RE

# Every phrasing in the grade table contains one of these words (checked by tests/test_facets_scan.py over the
# table and over real sentences): a sentence with none of them names no grade.
_CUES = re.compile(r"excellent|poor|fail|lowest|worst|highest|top|bottom|requir|perform|adequate|outstanding|good|\bRI\b"
                   # round 7's bands: "stars" (as "tars", a first letter the cues already have; "minimum
                   # requirements" holds "requir")
                   r"|need(?:s|ed)?\s+to\s+improve"  # round 19: "its children's services need to improve"
                   r"|tars?\b|out\s+of\s+(?:a\s+(?:possible|maximum)\s+(?:of\s+)?)?(?:4|four)\b",
                   re.IGNORECASE)


def grade_matches(sentence: str) -> tuple[re.Match, ...]:
    """GRADE_RE's matches in a sentence, in order (scanned once per distinct sentence and switch setting)."""
    return _grade_matches(sentence, settings.ROUND19_NEED_TO_IMPROVE)


@lru_cache(maxsize=8192)
def _grade_matches(sentence: str, need_to_improve: bool) -> tuple[re.Match, ...]:
    """GRADE_RE's matches; without round 19, none of "need(s) to improve" (the only phrasing holding "need")."""
    if not _CUES.search(sentence):
        return ()
    matches = tuple(GRADE_RE.finditer(sentence))
    if need_to_improve:
        return matches
    return tuple(m for m in matches if "need" not in m.group().lower())


def has_cue(text: str) -> bool:
    """True when a grade cue word occurs in the text."""
    return bool(_CUES.search(text))
