"""Bounds on the work one request can ask for: query length, parameter counts, wildcard expansion."""
from __future__ import annotations

import itertools
from collections.abc import Iterable

from whoosh import query as wq

from . import settings


def cut_query(text: str) -> str:
    """The query as the search reads it: at most MAX_QUERY_CHARS characters."""
    return text[: settings.MAX_QUERY_CHARS]


def limited_query(text: str, problems: list[str]) -> str:
    """A query from a URL cut to MAX_QUERY_CHARS before anything else sees it (links built from it stay small)."""
    text = text.strip()
    if len(text) > settings.MAX_QUERY_CHARS:
        problems.append(f"Your query was longer than {settings.MAX_QUERY_CHARS:,} characters and was shortened.")
    return cut_query(text).strip()


def limited_list(values: list[str], name: str, problems: list[str]) -> list[str]:
    """At most MAX_LIST_VALUES values of a repeated URL parameter, each at most MAX_VALUE_CHARS long."""
    kept = [v for v in values[: settings.MAX_LIST_VALUES] if len(v) <= settings.MAX_VALUE_CHARS]
    if len(values) > settings.MAX_LIST_VALUES:
        problems.append(f"Only the first {settings.MAX_LIST_VALUES} {name} values were used "
                        f"({len(values):,} were given).")
    if any(len(v) > settings.MAX_VALUE_CHARS for v in values[: settings.MAX_LIST_VALUES]):
        problems.append(f"{name} values longer than {settings.MAX_VALUE_CHARS} characters were ignored.")
    return kept


def words_to_correct(words: Iterable[str]) -> list[str]:
    """The distinct words "Did you mean" may look at: a few, of a plausible length."""
    unique = dict.fromkeys(w for w in words if len(w) <= settings.MAX_SPELLING_WORD_CHARS)
    return list(itertools.islice(unique, settings.MAX_SPELLING_WORDS))


def check_expansions(q: wq.Query | None, reader) -> None:
    """Raise ValueError (shown to the user) for a wildcard or range that would expand to too many words."""
    if q is None:
        return
    for node in _walk(q):
        if isinstance(node, wq.Wildcard) and str(node.text)[:1] in "*?":
            raise ValueError(f"the pattern “{node.text}” starts with a wildcard, which would scan every word; "
                             "put some letters before * or ?")
        if isinstance(node, (wq.PatternQuery, wq.ExpandingTerm, wq.TermRange)) and node.fieldname != "year":
            limit = settings.MAX_WILDCARD_TERMS
            found = sum(1 for _ in itertools.islice(node._btexts(reader), limit + 1))
            if found > limit:
                raise ValueError(f"“{_label(node)}” matches more than {limit:,} different words; "
                                 "make it more specific")


def _walk(q: wq.Query) -> Iterable[wq.Query]:
    """Every node of a query tree."""
    stack = [q]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(node.children())


def _label(node: wq.Query) -> str:
    """How the user wrote an expanding query, roughly."""
    if isinstance(node, wq.TermRange):
        return f"{node.fieldname}:[{node.start} TO {node.end}]"
    return str(getattr(node, "text", node))
