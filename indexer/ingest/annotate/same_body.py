"""One council under two names: a county that became a unitary council of the same name ("Somerset County Council"
until March 2023, "Somerset Council" since; Dorset, Buckinghamshire, North Yorkshire). A dated page resolves both
names to the body of its date; an undated one resolves "Somerset" to today's council and "Somerset County Council"
to the old one, though the page means one council. The old body's own name existed only before the change, so the
page was written then: both names are the old body.
"""
from __future__ import annotations

import datetime as dt

from indexer.ingest.annotate.gazetteer import authorities


def same_body(codes: set[str], day: dt.date | None) -> dict[str, str]:
    """For an undated page naming both, each current council -> its same-named predecessor (the body it meant)."""
    if day is not None:
        return {}
    table = authorities()
    out = {}
    for code in codes:
        old = table[code]
        if old.valid_to is None:
            continue
        for new in old.successors:
            if new in codes and _bare(table[new].name) == _bare(old.name) and len(old.successors) == 1:
                out[new] = code
    return out


def _bare(name: str) -> str:
    """The name without a trailing "Council" (the gazetteer calls the new Dorset "Dorset Council")."""
    return name.removesuffix(" Council")


def merged(codes: list[str], alias: dict[str, str]) -> list[str]:
    """The codes with each alias replaced by the body it names, in order, once each."""
    return list(dict.fromkeys(alias.get(c, c) for c in codes))
