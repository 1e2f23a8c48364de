"""How sure a facet value is: read from the document, taken from the official record, or guessed."""
from __future__ import annotations

STATED = "stated"  # read from the text or the page's metadata
OFFICIAL = "official"  # from the official outcomes table, matched by a date or date range in the text
INFERRED = "inferred"  # a guess, e.g. the council's only inspection with the grade the text gives
LEVELS = (STATED, OFFICIAL, INFERRED)


def weakest(levels) -> str | None:
    """The least sure of several confidence levels (None when there are none)."""
    present = [level for level in levels if level in LEVELS]
    return max(present, key=LEVELS.index) if present else None


def of_outcome_match(why: str) -> str:
    """The confidence of an official outcome linked for the reason `why`."""
    # Dates in the text that fit the record are official; "the next inspection after 2012" or "the only
    # inspection with that grade" are guesses.
    guessed = why.startswith(("inferred", "estimated")) or "the next inspection after" in why
    return INFERRED if guessed else OFFICIAL


def record(doc, facet: str, level: str | None) -> None:
    """Set a facet's confidence on the document (and drop it when the facet has no value)."""
    if level:
        doc.confidence[facet] = level
    else:
        doc.confidence.pop(facet, None)
