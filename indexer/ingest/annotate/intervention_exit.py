"""Round 17: a council leaving government intervention ("taken out of special measures", "the statutory direction
has been lifted", "no longer under government intervention") left the inadequate grade that put it there.

Read only by `movement.article_moves`, for a one-council story whose current grade is better than inadequate.
"""
from __future__ import annotations

import re

_MEASURES = r"(?:special\s+measures|(?:government\s+|statutory\s+|formal\s+)?(?:intervention|direction))"
_EXIT = re.compile(rf"\b(?:out\s+of|exit(?:s|ed|ing)?|emerg(?:e|ed|es|ing)\s+from|removed\s+from|taken\s+out\s+of"
                   rf"|released\s+from|no\s+longer\s+(?:under|in|subject\s+to))\s+(?:the\s+|a\s+)?{_MEASURES}"
                   rf"|\b(?:intervention|statutory\s+direction|improvement\s+notice|special\s+measures)(?:\s+order)?\s+"
                   rf"(?:has\s+been\s+|had\s+been\s+|was\s+|were\s+|is\s+|have\s+been\s+)?(?:formally\s+|officially\s+)?"
                   rf"(?:lifted|removed|ended|revoked)\b", re.IGNORECASE)


def leaves_intervention(sentence: str) -> bool:
    """True for a sentence telling that a council left government intervention or special measures."""
    return bool(_EXIT.search(sentence))
