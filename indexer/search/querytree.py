"""The project's own query tree: what explicit query syntax asks for, independent of any backend.

A parser adapter produces it (`indexer.backends.embedded.parse`); matching, highlighting, limits and every backend
read it. Words are analysed terms (folded and stemmed as the index stores them), except in patterns.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Union


@dataclass(frozen=True)
class Term:
    """One analysed word in one field (a facet value as stored, for keyword fields)."""

    field: str
    text: str


@dataclass(frozen=True)
class Phrase:
    """Analysed words that must stand next to each other, in order, in one field."""

    field: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class Pattern:
    """Words of a field matching a prefix (`safeguard*`) or a wildcard pattern (`organi?ation`), as typed."""

    field: str
    text: str
    prefix: bool = False  # True: `text` is the prefix itself, without the star


@dataclass(frozen=True)
class Range:
    """Values of a numeric field from `start` to `end` (None = open)."""

    field: str
    start: int | None
    end: int | None


@dataclass(frozen=True)
class And:
    """Every part must match."""

    parts: tuple["Node", ...]


@dataclass(frozen=True)
class Or:
    """Any part may match."""

    parts: tuple["Node", ...]


@dataclass(frozen=True)
class Not:
    """Paragraphs the part does not match."""

    part: "Node"


@dataclass(frozen=True)
class AndNot:
    """Paragraphs `positive` matches and `negative` does not."""

    positive: "Node"
    negative: "Node"


@dataclass(frozen=True)
class Everything:
    """Every paragraph (`*`)."""


Node = Union[Term, Phrase, Pattern, Range, And, Or, Not, AndNot, Everything]


def children(node: Node) -> tuple[Node, ...]:
    """The direct sub-queries of a node."""
    if isinstance(node, (And, Or)):
        return node.parts
    if isinstance(node, Not):
        return (node.part,)
    if isinstance(node, AndNot):
        return (node.positive, node.negative)
    return ()


def walk(node: Node) -> Iterator[Node]:
    """Every node of a tree, parents first."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(children(current)))


def transform(node: Node, fix) -> Node:
    """The tree with `fix` applied to every leaf (And/Or/Not rebuilt around the results)."""
    if isinstance(node, And):
        return And(tuple(transform(p, fix) for p in node.parts))
    if isinstance(node, Or):
        return Or(tuple(transform(p, fix) for p in node.parts))
    if isinstance(node, Not):
        return Not(transform(node.part, fix))
    if isinstance(node, AndNot):
        return AndNot(transform(node.positive, fix), transform(node.negative, fix))
    return fix(node)


def positive_leaves(node: Node) -> Iterator[Node]:
    """The leaves a matching paragraph may contain: every leaf not under a NOT."""
    if isinstance(node, Not):
        return
    if isinstance(node, AndNot):
        yield from positive_leaves(node.positive)
        return
    kids = children(node)
    if not kids:
        yield node
    for kid in kids:
        yield from positive_leaves(kid)
