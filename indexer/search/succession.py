"""A council asked about by its old name, or by the name it now has (ranking round 16).

Councils were split and merged ("Northamptonshire" became North and West Northamptonshire in 2021, "Cumbria"
Cumberland and Westmorland and Furness in 2023, "Bournemouth" and "Poole" joined Christchurch in 2019). A question
naming the old council is answered by the stories of the councils that now run its children's services, which the
index files under the new names; one naming a new council is answered by its forerunner's history too. Same-named
forerunners ("Somerset (Somerset County Council)") are `understand.indexed_values`' part; this adds the others.
"""
from __future__ import annotations

from typing import Collection

from indexer import settings


def related_councils(value: str, known: Collection[str]) -> list[str]:
    """The councils that replaced `value`, or that it replaced, under names other than its own, that the index holds
    (`known`, the council facet's values); empty when `settings.RANKING.council_succession` is "off"."""
    if settings.RANKING.council_succession == "off":
        return []
    from indexer.ingest.councils import all_councils

    council = all_councils().get(value)
    if council is None:
        return []
    base = value.split(" (")[0]
    related = [*council.successors, *council.predecessors] if settings.RANKING.council_succession == "both" \
        else list(council.successors)
    return [name for name in dict.fromkeys(related) if name in known and name.split(" (")[0] != base]


def related_to_named(text: str, known: Collection[str]) -> tuple[str, ...]:
    """The related councils of every council the query names (which `query.named_councils` also lifts), less
    the councils it names itself."""
    from indexer.search.understand import councils_in, indexed_values

    named = {v for value, _ in councils_in(text) for v in indexed_values(value, set(known))}
    related = [v for value, _ in councils_in(text) for v in related_councils(value, known)]
    return tuple(v for v in dict.fromkeys(related) if v not in named)
