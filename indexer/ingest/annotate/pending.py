"""An undated "inspection finished, result to come" page (a director's blog, an "inspection complete" story): it was
written between the end of the council's inspection and the report's publication, so the official record dates it.

The inspection is the council's first after the latest year the page mentions, or, when it mentions none, the one
held in the month the page places it in ("just before Christmas"). The year is that inspection's: its last day and
its publication fall in one year, or the page says which side of the new year it stands on ("the ratings are due in
January" before it, "it is still early January" after). Otherwise the year stays unknown.
"""
from __future__ import annotations

import re

from indexer.models import Outcome
from indexer.ingest.annotate import outcomes as outcome_table
from indexer.ingest.annotate.dates import MONTHS

_MONTH_NAMES = r"January|February|March|April|May|June|July|August|September|October|November|December"
# The page waits for a finished inspection's result.
_PENDING = re.compile(r"\binspection\s+(?:is\s+|was\s+|has\s+)?(?:complete|completed|over|finished|ended)\b"
                      r"|\b(?:finished|completed|concluded)\s+(?:a|an|its|their|the|our)\s+(?:[\w-]+\s+){0,3}inspection\b"
                      r"|\b(?:judgements?|findings|ratings?|grades?)\s+(?:are|is|remain)\s+(?:provisional|embargoed|confidential)\b"
                      r"|\b(?:expects?|expected|awaits?|awaiting|due to (?:receive|get))\s+(?:the\s+)?(?:ratings?|results?|report|"
                      r"outcome|verdict|judgements?)\b"
                      r"|\bbefore\s+(?:the|its|our)\s+(?:final\s+)?report\s+(?:is|was)\s+published\b"
                      r"|\bour\s+(?:[\w-]+\s+){0,2}inspection\s+(?:happened|took place)\b", re.IGNORECASE)
# When the page says the inspection took place: "just before Christmas", "in November".
_CHRISTMAS = re.compile(r"\b(?:before|over|during|ahead of)\s+(?:the\s+)?(?:christmas|festive)\b", re.IGNORECASE)
_HELD_IN = re.compile(rf"\b(?:inspect\w*|visit\w*)\b[^.]{{0,60}}?\bin\s+({_MONTH_NAMES})\b", re.IGNORECASE)
# Which side of the new year the page stands on.
_RESULT_DUE = re.compile(rf"\b(?:ratings?|results?|report|outcome|verdict|judgements?)\b[^.]{{0,30}}?\b(?:in|by|until|on)\s+"
                         rf"(?:\d{{1,2}}\s+)?({_MONTH_NAMES})\b", re.IGNORECASE)
_NEW_YEAR_NOW = re.compile(r"\b(?:still\s+)?early\s+January\b|\bhappy new year\b|\bfirst (?:few )?weeks of January\b",
                           re.IGNORECASE)
_YEARS = re.compile(r"\b(20\d\d)\b")


def is_pending(text: str) -> bool:
    """True when the page waits for the result of a finished inspection."""
    return bool(_PENDING.search(text))


def _inspection(code: str, text: str) -> Outcome | None:
    """The council's inspection the page waits on, when the record and the page single one out."""
    rows = [o for o in outcome_table.for_council(code) if o.end and o.published]
    years = [int(y) for y in _YEARS.findall(text)]
    if years:
        later = [o for o in rows if o.end.year > max(years)]
        return later[0] if later else None
    month = 12 if _CHRISTMAS.search(text) else None
    held = _HELD_IN.search(text)
    month = month or (MONTHS[held.group(1).lower()] if held else None)
    fits = [o for o in rows if month and o.end.month == month]
    return fits[0] if len(fits) == 1 else None


def pending_year(code: str, text: str) -> tuple[int | None, str]:
    """The year of an undated page that waits on a finished inspection of council `code`, with the reason."""
    if not is_pending(text):
        return None, ""
    outcome = _inspection(code, text)
    if outcome is None:
        return None, ""
    end, out = outcome.end, outcome.published
    why = f"written after the inspection of {end.isoformat()} ended and before its report ({out.isoformat()})"
    if end.year == out.year:
        return end.year, f"inferred: {why}"
    due = _RESULT_DUE.search(text)
    if due and MONTHS[due.group(1).lower()] < end.month:
        return end.year, f"inferred: {why}; the result is due “in {due.group(1)}”, after the new year"
    if _NEW_YEAR_NOW.search(text):
        return out.year, f"inferred: {why}; the page is written in the new year"
    return None, ""
