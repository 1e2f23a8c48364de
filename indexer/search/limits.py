"""Bounds on the work one request can ask for: query length, parameter counts, wildcard expansion."""
from __future__ import annotations

import itertools
from collections.abc import Iterable

from indexer import settings
from indexer.search import querytree as qt


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


def check_expansions(q, lexicon) -> None:
    """Raise ValueError (shown to the user) for a pattern that would expand to too many words."""
    if q is None:
        return
    for node in qt.walk(q):
        if not isinstance(node, qt.Pattern):
            continue
        if node.text[:1] in "*?":
            raise ValueError(f"the pattern “{node.text}” starts with a wildcard, which would scan every word; "
                             "put some letters before * or ?")
        limit = settings.MAX_WILDCARD_TERMS
        if len(lexicon.expand(node, limit + 1)) > limit:
            shown = node.text + ("*" if node.prefix else "")
            raise ValueError(f"“{shown}” matches more than {limit:,} different words; make it more specific")
