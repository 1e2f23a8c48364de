"""A council's name that is a person's surname ("Councillor Ryan Brent", "Mrs Jane Kent", "Dr Bury") names no
council: a title, optionally with a first name, comes right before it."""
from __future__ import annotations

import re

from indexer import settings

_TITLED = re.compile(r"\b(?:Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Professor|Prof|Rev|Baroness|Baron)\.?"
                     r"\s+(?:[A-Z][a-z'’-]+\s+){0,2}$")


# Round 33: a role, then a first name ("council leader Simon Blackburn", "chief executive Jo Kent"): a person too.
_ROLE_NAMED = re.compile(r"\b(?:leader|director|chief\s+executive|executive|minister|MP|spokes(?:man|woman|person)"
                         r"|chair(?:man|woman)?|mayor|commissioner|secretary|officer|manager|editor|reporter|campaigner"
                         r"|member|boss|inspector)\s+[A-Z][a-z'’-]+\s+(?:[A-Z][a-z'’-]+\s+)?$")


def is_surname(text: str, start: int) -> bool:
    """True when the name starting at `start` follows a personal title (and at most two first names), or (round 33)
    a role and a first name."""
    head = text[max(0, start - 40):start]
    return bool(_TITLED.search(head) or settings.ROUND33_ROLE_NAMES and _ROLE_NAMED.search(head))
