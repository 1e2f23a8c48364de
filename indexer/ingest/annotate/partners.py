"""A council named only as another council's partner ("its partnership with Hampshire", "the Hampshire and Isle of
Wight partnership", "Essex became Worcestershire's improvement partner") is not a subject of the story: the story
judges the council it helps, not the helper (round 6, issue 22)."""
from __future__ import annotations

import datetime as dt
import re

from indexer.ingest.annotate.places import subject_mentions

# Before the name: "partnership with (the) …", "partnered with …".
# Round 9 (ablation): "helped by …", "partnership of A, B, …", a grade word between the name and "partnership" and the
# graded apposition ("… with Hammersmith & Fulham, itself rated good", "X, the partnership's third borough, was rated
# good") were removed: the first four changed no labelled article, the last one article (k44), and no sentence
# written to probe them needed them.
_BEFORE = re.compile(r"\b(?:partnership|partnering|partnered|working|arrangement|agreement)\s+with\s+(?:the\s+)?"
                     r"(?:neighbouring\s+|nearby\s+)?$", re.IGNORECASE)
# After the name, in the same clause: "… and Isle of Wight partnership", "… became Worcestershire's improvement
# partner", "… as (its) partner".
_AFTER = re.compile(r"^(?:\s+(?:and|&)\s+[\w’' -]{1,40}?)?(?:\s+(?:County|City|Borough)?\s*Council)?\s+partnership\b"
                    r"|^[^.;:!?\n]{0,60}?\b(?:(?:improvement|strategic|sector[- ]led|support)\s+partner"
                    r"|as\s+(?:its\s+|a\s+|the\s+)?partner)\b", re.IGNORECASE)


def partner_only(text: str, day: dt.date | None) -> set[str]:
    """Codes of the councils every one of whose mentions sits in a partner phrase."""
    lower = text.lower()
    if "partner" not in lower:
        return set()  # cheap gate: no partner wording at all
    partner: dict[str, bool] = {}
    for mention, code in subject_mentions(text, day):
        before = text[max(0, mention.start - 60):mention.start]
        after = text[mention.end:mention.end + 80]
        tail = _AFTER.match(after)
        as_partner = bool(_BEFORE.search(before)) or bool(tail)
        partner[code] = partner.get(code, True) and as_partner
    return {code for code, only in partner.items() if only}
