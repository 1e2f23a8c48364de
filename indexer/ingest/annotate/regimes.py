"""The pre-2013 assessment regimes in one table, each dated by its own years (round 11, issue 22).

Before Ofsted's inspections of local authority children's services that the official record holds, councils'
children's services were scored in yearly rounds: the Audit Commission's Comprehensive Performance Assessment (CPA,
star ratings, 2002 to its final round published in March 2009), the annual performance assessments (APA, 2005-08)
and Ofsted's annual ratings (December 2009 to 2011). A page that scores a council in one of these regimes, and names
no year after the regime ended, reports a round of that regime: none of the record's later inspections, and its year
lies within the regime's years.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Regime:
    """One assessment regime: its name, the years its results were published, the words that name it."""

    name: str
    first: int
    last: int
    words: re.Pattern
    final: re.Pattern | None = None  # words that call the round reported the regime's last one


REGIMES = (
    Regime("CPA", 2002, 2009,
           re.compile(r"\bComprehensive Performance Assessments?\b|\bCPA\b"
                      # the Audit Commission scoring councils (stars, scores, league tables) is the CPA by another name
                      r"|\bAudit Commission\b[^.]{0,160}?\b(?:stars?|scored|league tables?)\b", re.IGNORECASE),
           re.compile(r"\b(?:last|final)\s+(?:round\s+of\s+(?:the\s+)?|ever\s+)?(?:CPA|Comprehensive Performance "
                      r"Assessment)\b", re.IGNORECASE)),
    # every regime of the table scored children's services on four numbered bands (4 the best): a council "scored
    # one for children's services" is scored in one of them, whichever it is
    Regime("four-band score", 2002, 2011,
           re.compile(r"\bscored\s+(?:a\s+|only\s+)?(?:one|two|three|four|[1-4])\b(?:\s+out\s+of\s+(?:four|4))?,?"
                      r"[^.;]{0,30}?\bfor\s+(?:its\s+|their\s+)?children['’]s\s+services\b", re.IGNORECASE)),
    Regime("APA", 2005, 2008, re.compile(r"\bannual performance assessments?\b|\bAPA\b")),
    Regime("annual rating", 2009, 2011,
           re.compile(r"\b(?:annual|yearly)\s+(?:round\s+of\s+)?(?:children['’]s services\s+)?(?:ratings?|assessments?)\b"
                      r"|\bperform(?:s|ing)?\s+(?:poorly|adequately|excellently)\b"
                      r"|['‘“]?excellent['’”]?\s+band\b", re.IGNORECASE)),
)

_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


def regimes_reported(text: str) -> list[Regime]:
    """The regimes a page scores councils in, when it names no year after the regime ended (a page that does speaks
    of the regime as history)."""
    years = [int(y) for y in _YEAR.findall(text)]
    latest = max(years) if years else None
    return [r for r in REGIMES if r.words.search(text) and (latest is None or latest <= r.last)]


def final_round_year(text: str) -> tuple[int | None, str]:
    """The year of a regime's last round when the page calls the round it reports the last ("the final CPA")."""
    for regime in regimes_reported(text):
        match = regime.final.search(text) if regime.final else None
        if match:
            return regime.last, f"inferred: “{match.group(0)}”: the {regime.name}'s last round was published in {regime.last}"
    return None, ""
