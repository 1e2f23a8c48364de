"""The Ofsted grade vocabulary: every way a grade is written, mapped to one facet value."""
from __future__ import annotations

import re

# Longest phrasings first so "requires improvement to be good" wins over "good".
_GRADE_PATTERNS = [
    (r"requires?\s+improvement(?:\s+to\s+be\s+good)?|require\s+improvement|requiring\s+improvement", "requires improvement"),
    (r"\bRI\b", "requires improvement"),
    (r"performs?\s+excellently|performing\s+excellently", "outstanding"),
    (r"performs?\s+well|performing\s+well", "good"),
    (r"performs?\s+adequately|performing\s+adequately", "adequate"),
    (r"performs?\s+poorly|performing\s+poorly", "inadequate"),
    (r"(?:the\s+)?lowest\s+(?:possible\s+)?(?:rating|grade|judgement)", "inadequate"),
    (r"(?:the\s+)?(?:highest|top)\s+(?:possible\s+)?(?:rating|grade|judgement)", "outstanding"),
    (r"inadequate", "inadequate"),
    (r"outstanding", "outstanding"),
    (r"adequate", "adequate"),
    (r"good", "good"),
]
GRADE_RE = re.compile("|".join(f"(?P<g{i}>{p})" for i, (p, _) in enumerate(_GRADE_PATTERNS)), re.IGNORECASE)


def grade_of_match(match: re.Match) -> str:
    """The facet value of a GRADE_RE match."""
    for i, (_, value) in enumerate(_GRADE_PATTERNS):
        if match.group(f"g{i}"):
            return value
    raise ValueError(match.group())


# Best to worst; pre-2013 "adequate" sits between good and requires improvement.
_GRADE_RANK = ("outstanding", "good", "adequate", "requires improvement", "inadequate")


def worst_grade(grades) -> str:
    """The lowest of several grades ('' when none is a grade)."""
    present = [g for g in grades if g in _GRADE_RANK]
    return max(present, key=_GRADE_RANK.index) if present else ""


def normalise_grade(text: str | None) -> str | None:
    """'Requires improvement to be good' -> 'requires improvement'; None when no grade is named."""
    if not text:
        return None
    match = GRADE_RE.search(text)
    return grade_of_match(match) if match else None
