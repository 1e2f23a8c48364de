"""A council's name that is a person's surname ("Councillor Ryan Brent", "Mrs Jane Kent", "Dr Bury") names no
council: a title, optionally with a first name, comes right before it."""
from __future__ import annotations

import re

_TITLED = re.compile(r"\b(?:Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Professor|Prof|Rev|Baroness|Baron)\.?"
                     r"\s+(?:[A-Z][a-z'’-]+\s+){0,2}$")


def is_surname(text: str, start: int) -> bool:
    """True when the name starting at `start` follows a personal title (and at most two first names)."""
    return bool(_TITLED.search(text[max(0, start - 40):start]))
