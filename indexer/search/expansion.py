"""Wildcards, prefixes and fuzzy terms expanded once into plain terms, capped at the most common ones.

`*a*` matches thousands of words: matching, highlighting and ranking each of them made one query take
seconds. Past the cap, the most frequent words are kept and the user is told.
"""
from __future__ import annotations

import heapq

from whoosh import query as wq

from .. import settings
from ..schema import as_text
from ..snippets import MATCH_FIELDS

EXPANDING = (wq.Prefix, wq.Wildcard, wq.FuzzyTerm, wq.Regex)


def cap_expansions(gen, q: wq.Query) -> tuple[wq.Query, str | None]:
    """The query with each expanding term replaced by an OR of its (capped) words, and a note when capped."""
    capped: dict[str, int] = {}
    reader = gen.searcher.reader()

    def fix(node: wq.Query) -> wq.Query:
        if isinstance(node, EXPANDING) and node.fieldname in MATCH_FIELDS:
            terms = list(node._btexts(reader))
            if not terms:
                return node
            if len(terms) > settings.MAX_EXPANSION_TERMS:
                capped[str(node.text)] = len(terms)
                terms = heapq.nlargest(settings.MAX_EXPANSION_TERMS, terms,
                                       key=lambda t: reader.doc_frequency(node.fieldname, t))
            return wq.Or([wq.Term(node.fieldname, as_text(t)) for t in sorted(terms)])
        return node.apply(fix) if hasattr(node, "apply") else node

    fixed = fix(q)
    note = None
    if capped:
        words = ", ".join(f"“{text}” matches {count:,} words" for text, count in capped.items())
        note = f"{words}: searching the {settings.MAX_EXPANSION_TERMS} most common of them."
    return fixed, note
