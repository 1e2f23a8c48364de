"""A council split in two ("Northamptonshire", "Cumbria") named as the subject of a page that also names the councils
that replaced it, or of a page printed after the split (round 12): the page is about those successors ("services across Northamptonshire, run by the trust for North
and West Northamptonshire"), each with the grade the text gives under the old name."""
from __future__ import annotations

import datetime as dt

from indexer.models import Document
from indexer.ingest.annotate.gazetteer import authorities, display_name
from indexer.ingest.annotate.places import subject_mentions


def named_successors(code: str, named: set[str], published: dt.date | None) -> list[str]:
    """The successors of an abolished, split council that the text names (two or more), else []."""
    auth = authorities().get(code)
    if not auth or len(auth.successors) < 2 or not auth.valid_to:
        return []
    if published and published <= auth.valid_to:
        return []  # written while the old council still ran its services
    found = [s for s in auth.successors if s in named]
    if len(found) >= 2:
        return found
    # Round 12: a page printed after the split that still calls the area by the old name ("children's services in
    # Northamptonshire were rated …" in 2022) is about the councils that now run them; a page naming one successor
    # only is about that one (its own newsroom, its own cabinet).
    if published and published > auth.valid_to and not found:
        return list(auth.successors)
    return []


def split_siblings(first: str, second: str) -> bool:
    """Round 12: two councils created on the same day from the same abolished council (North and West
    Northamptonshire): until their own inspections they share the grade they inherited."""
    auths = authorities()
    one, two = auths.get(first), auths.get(second)
    return bool(one and two and one.valid_from and one.valid_from == two.valid_from
                and set(one.predecessors) & set(two.predecessors))


def split_into_successors(chosen: list[str], named: set[str], attributed: dict,
                          published: dt.date | None) -> tuple[list[str], dict[str, str]]:
    """`chosen` with each split council replaced by its named successors (which take its grade statements), and
    which old council each successor stands in for."""
    out: list[str] = []
    stands_for: dict[str, str] = {}
    for code in chosen:
        successors = named_successors(code, named, published)
        for succ in successors:
            attributed[succ] = attributed.get(succ, []) + attributed.get(code, [])
            stands_for[succ] = code
        out += [c for c in (successors or [code]) if c not in out]
    return out, stands_for


def file_paragraphs(doc: Document, stands_for: dict[str, str], published: dt.date | None) -> None:
    """A paragraph naming the split council is filed under it as well as under the successors it stands for: the
    document's council facet is the successors, and a search naming the old county still finds the paragraph."""
    if not stands_for:
        return
    old = set(stands_for.values())
    for para in doc.paragraphs:
        named = {code for _, code in subject_mentions(para.text, published)} & old
        if named:
            add = [display_name(s) for s, o in stands_for.items() if o in named] + [display_name(o) for o in named]
            para.council = list(dict.fromkeys([*para.council, *add]))
