"""A council's name of several words is one thing asked: one query group, matched as the phrase it is; and the
stems each council's names and aliases are known by, which a document's context holds."""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from indexer.ingest.annotate.gazetteer import authorities, display_name
from indexer.search.synonyms import Alternative, Group, stems_of
from indexer.search.understand import councils_in

# The label of the alternative a council's distinguishing word gives its name's group: it finds the council's
# paragraphs and documents, but which paragraph answers a question is read from the name as typed (search/answer.py).
COUNCIL_WORD = "the council's own word"
# Words of council names that name no particular council ("Kent County Council", "Royal Borough of …"):
# as context they would make "county lines" or "council" match every council's paragraphs.
GENERIC_NAME_WORDS = frozenset(s for _, s in stems_of(
    "council councils borough city county metropolitan royal district of the and upon on in with"))


@lru_cache(maxsize=1)
def alias_stems() -> dict[str, frozenset[str]]:
    """Council facet value -> the stems of all its names and aliases, less the generic words of council names."""
    out = {}
    for code, auth in authorities().items():
        names = {auth.name, auth.council_name, *auth.aliases}
        out[display_name(code)] = frozenset(s for name in names for _, s in stems_of(name)) - GENERIC_NAME_WORDS
    return out


@lru_cache(maxsize=1)
def _councils_per_stem() -> Counter:
    """How many councils' names and aliases have each stem."""
    return Counter(s for stems in alias_stems().values() for s in stems)


def distinct_stem(value: str, stems: tuple[str, ...]) -> str | None:
    """The first of a typed name's stems that no other council's names have ("Bristol City Council" -> bristol,
    "Kingston upon Hull" -> hull); None when every stem is shared ("Kingston upon Thames": kingston with Hull,
    thames with Richmond)."""
    own, counts = alias_stems().get(value, frozenset()), _councils_per_stem()
    return next((s for s in stems if s in own and counts[s] == 1), None)


def join_council_names(text: str, groups: list[Group]) -> list[Group]:
    """The single-word groups spelling a named council joined into one group: "Tower Hamlets" is one word of the
    minimum, not two, so a question naming a two-word council asks no more of a paragraph than one naming Kent
    (its own paragraphs still find it, as a phrase, and the rest of its document by its context)."""
    for _, typed, stems in _named(text):
        size = len(stems)
        for at in range(len(groups) - size + 1):
            run = groups[at:at + size]
            if all(len(g.alternatives[0].stems) == 1 for g in run) \
                    and tuple(g.alternatives[0].stems[0] for g in run) == stems:
                groups = [*groups[:at], Group(typed, (Alternative(stems, 1.0, typed),)), *groups[at + size:]]
                break
    return groups


def _council_word(value: str, stems: tuple[str, ...]) -> tuple[Alternative, ...]:
    """The alternative of a council's distinguishing word, for a name with the generic words of council names; none
    for a name without them (its context already holds every word) or one whose words other councils share."""
    if not set(stems) & GENERIC_NAME_WORDS:
        return ()
    word = distinct_stem(value, stems)
    if word:
        return (Alternative((word,), 0.5, COUNCIL_WORD),)
    # no word of its own ("North Yorkshire County Council"): its distinguishing words together, if no other council's
    # names have them all (a predecessor or successor known by the same words, North Yorkshire Council, aside)
    own = tuple(s for s in stems if s not in GENERIC_NAME_WORDS)
    if len(own) > 1 and not any(set(own) < other for v, other in alias_stems().items() if v != value):
        return (Alternative(own, 0.5, COUNCIL_WORD),)
    return ()


def council_name_alone(text: str, groups: list[Group]) -> list[Group]:
    """Round 30: a query that is nothing but a council's name ("County of Herefordshire", "Kingston upon Hull") also
    asks its distinguishing word, so it finds the council's paragraphs that say it otherwise, not only the phrase."""
    if len(groups) != 1 or len(groups[0].alternatives) != 1:
        return groups
    for value, typed, stems in _named(text):
        if groups[0].typed == typed and groups[0].alternatives[0].stems == stems:
            return [Group(typed, groups[0].alternatives + _council_word(value, stems))]
    return groups


def _named(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """(council facet value, as typed, stems) for each council the query names in two or more words."""
    out = []
    for value, typed in councils_in(text):
        stems = tuple(s for _, s in stems_of(typed))
        if len(stems) > 1:
            out.append((value, typed, stems))
    return out
