"""A council named only as where help came from ("a commissioner drawn from Hampshire County Council", "advisers
from Islington and Leicestershire") or as the partner another council shares a post with ("Torbay and Plymouth
agreed to share a director") is a helper, not a subject: the story judges the council helped (round 17, issue 22)."""
from __future__ import annotations

import datetime as dt
import re

from indexer.ingest.annotate.helper_roles import helper_mention_kind
from indexer.ingest.annotate.places import subject_mentions

# Before the name: a person or team sent to help, then "from" ("a commissioner drawn from", "advisers from the",
# "social workers on loan from"); the noun is a helper's, never the inspectors' or the story's own council's.
_FROM = re.compile(
    r"\b(?:commissioners?|advis[eo]rs?|experts?|specialists?|mentors?|consultants?|secondees?|staff|social\s+workers?"
    r"|managers?|officers?|officials?|team|directors?|leaders?|help|support|expertise)\b"
    r"(?:\s+(?:who\s+(?:came|come|comes)|drawn|seconded|brought\s+in|borrowed|lent|loaned|on\s+loan|on\s+secondment"
    r"|sent|provided))?\s+from\s+(?:the\s+)?(?:neighbouring\s+|nearby\s+)?$", re.IGNORECASE)
# In the sentence: two councils sharing one post or team ("agreed to share a Director of Children's Services").
_SHARE = re.compile(r"\bshar(?:e|es|ed|ing)\s+(?:a|one|the|their|its)\s+(?:single\s+|joint\s+)?"
                    r"(?:director|chief\s+executive|leadership|management\s+team|senior\s+team)", re.IGNORECASE)
_LIST_GAP = re.compile(r"\s*(?:,|and|&|,\s*and)\s*(?:the\s+)?")


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around a span (cut at . ! ? or a blank line)."""
    left = max(text.rfind(c, 0, start) for c in ".!?\n")
    right = min([i for i in (text.find(c, end) for c in ".!?\n") if i >= 0] or [len(text)])
    return text[left + 1:right]


def helper_counts(text: str, day: dt.date | None) -> dict[str, tuple[int, int]]:
    """Per council code: (mentions in a helper's role, other mentions); a mention naming only a post counts as neither."""
    counts: dict[str, tuple[int, int]] = {}
    previous_helped = None
    for mention, code in subject_mentions(text, day):
        before = text[max(0, mention.start - 80):mention.start]
        kind = helper_mention_kind(text, mention)
        listed_on = previous_helped is not None and _LIST_GAP.fullmatch(text[previous_helped:mention.start])
        helps, other = counts.get(code, (0, 0))
        if kind == "post":
            previous_helped = None
        elif kind == "helps" or _FROM.search(before) or listed_on \
                or _SHARE.search(_sentence(text, mention.start, mention.end)):
            helps += 1
            previous_helped = mention.end
        else:
            other += 1
            previous_helped = None
        counts[code] = (helps, other)
    return counts


def sourced_helpers(text: str, day: dt.date | None) -> set[str]:
    """Codes of the councils named only as a source of help, a shared post's partner, or a helper of round 15."""
    return {code for code, (helps, other) in helper_counts(text, day).items() if helps and not other}


def mainly_helpers(text: str, day: dt.date | None) -> set[str]:
    """Codes of the councils named more often in a helper's role than in any other (a tie keeps a council graded in
    its own right: "Derbyshire was rated good … with help from Derbyshire")."""
    return {code for code, (helps, other) in helper_counts(text, day).items() if helps > other}
