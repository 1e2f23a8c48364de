"""Wildcards and prefixes expanded once into plain terms, capped at the most common ones.

`*a*` matches thousands of words: matching, highlighting and ranking each of them made one query take
seconds. Past the cap, the most frequent words are kept and the user is told.
"""
from __future__ import annotations

from indexer import settings
from indexer.search import querytree as qt


def cap_expansions(lexicon, q: qt.Node) -> tuple[qt.Node, str | None]:
    """The query with each pattern replaced by an OR of its (capped) words, and a note when capped."""
    capped: dict[str, int] = {}

    def fix(node: qt.Node) -> qt.Node:
        if not isinstance(node, qt.Pattern) or lexicon.is_facet(node.field):
            return node
        words = lexicon.expand(node, settings.MAX_WILDCARD_TERMS + 1)
        if not words:
            return node
        if len(words) > settings.MAX_EXPANSION_TERMS:
            capped[node.text + ("*" if node.prefix else "")] = len(words)
            words = lexicon.most_frequent(node.field, words, settings.MAX_EXPANSION_TERMS)
        terms = tuple(qt.Term(node.field, w) for w in sorted(words))
        return terms[0] if len(terms) == 1 else qt.Or(terms)

    fixed = qt.transform(q, fix)
    note = None
    if capped:
        words = ", ".join(f"“{text}” matches {count:,} words" for text, count in capped.items())
        note = f"{words}: searching the {settings.MAX_EXPANSION_TERMS} most common of them."
    return fixed, note
