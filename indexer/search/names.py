"""A council's name of several words is one thing asked: one query group, matched as the phrase it is."""
from __future__ import annotations

from indexer.search.synonyms import Alternative, Group, stems_of
from indexer.search.understand import councils_in


def council_name_stems(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """(as typed, stems) for each council the query names in two or more words ("Westmorland and Furness")."""
    out = []
    for _, typed in councils_in(text):
        stems = tuple(s for _, s in stems_of(typed))
        if len(stems) > 1:
            out.append((typed, stems))
    return out


def join_council_names(text: str, groups: list[Group]) -> list[Group]:
    """The single-word groups spelling a named council joined into one group: "Tower Hamlets" is one word of the
    minimum, not two, so a question naming a two-word council asks no more of a paragraph than one naming Kent
    (its own paragraphs still find it, as a phrase, and the rest of its document by its context)."""
    for typed, stems in council_name_stems(text):
        size = len(stems)
        for at in range(len(groups) - size + 1):
            run = groups[at:at + size]
            if all(len(g.alternatives[0].stems) == 1 for g in run) \
                    and tuple(g.alternatives[0].stems[0] for g in run) == stems:
                groups = [*groups[:at], Group(typed, (Alternative(stems, 1.0, typed),)), *groups[at + size:]]
                break
    return groups
