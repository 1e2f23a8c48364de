"""Reading what the user typed: Whoosh query syntax, with a plain-words fallback and a message on trouble."""
from __future__ import annotations

import re
from dataclasses import dataclass

from whoosh import query as wq
from whoosh.qparser import FieldsPlugin, MultifieldParser, OrGroup, PhrasePlugin, WildcardPlugin

from .. import settings
from ..snippets import MATCH_FIELDS, QueryMarks, query_marks
from .expansion import cap_expansions


@dataclass(frozen=True)
class ParsedQuery:
    """A parsed query (None = everything), what to highlight, and a note for the user."""

    query: wq.Query | None
    marks: QueryMarks
    message: str | None = None

    @property
    def key(self) -> str:
        """A cache key for the query's match mask."""
        return repr(self.query)


def cut_query(text: str) -> tuple[str, str | None]:
    """The query cut to the allowed length before any other work, and a note when it was cut."""
    if len(text) <= settings.MAX_QUERY_CHARS:
        return text, None
    return (text[: settings.MAX_QUERY_CHARS],
            f"Your query was longer than {settings.MAX_QUERY_CHARS} characters and was shortened.")


def parse_query(gen, text: str) -> ParsedQuery:
    """Parse user syntax against a generation; on trouble fall back to plain words and say so."""
    text, message = cut_query(text)
    if not text.strip():
        return ParsedQuery(None, query_marks(None), message)
    note = None  # set when a wildcard's expansion was capped (search/expansion.py)
    try:
        if text.count('"') % 2:
            raise ValueError("an unclosed quotation mark")
        parsed = _normalise_facet_terms(gen, MultifieldParser(list(MATCH_FIELDS), gen.schema).parse(text))
        parsed, note = cap_expansions(gen, parsed)
        if _is_empty(parsed):
            raise ValueError("nothing searchable")
    except Exception as exc:  # noqa: BLE001 - any syntax trouble becomes a message, never a 500
        words = re.findall(r"\w+", text)
        parsed = _plain_parser(gen).parse(" ".join(words)) if words else None
        reason = str(exc) if isinstance(exc, ValueError) else "syntax the search could not read"
        message = (f"Could not read the query as written ({reason}); showing results for the words "
                   f"“{' '.join(words[:20])}”. See the syntax help.")
    return ParsedQuery(parsed, query_marks(parsed, gen.searcher.reader()), message or note)


def _plain_parser(gen) -> MultifieldParser:
    """A parser that reads every word as a plain word, any of them matching."""
    plain = MultifieldParser(list(MATCH_FIELDS), gen.schema, group=OrGroup)
    for plugin in (FieldsPlugin, WildcardPlugin, PhrasePlugin):
        plain.remove_plugin_class(plugin)
    return plain


def _normalise_facet_terms(gen, q: wq.Query) -> wq.Query:
    """Match `council:medway` and `council:"isle of wight"` to the stored spelling."""
    def fix(node: wq.Query) -> wq.Query:
        field = getattr(node, "fieldname", None)
        if field in gen.keyword_postings:
            if isinstance(node, wq.Phrase):
                wanted = " ".join(node.words)
            elif isinstance(node, wq.Term):
                wanted = str(node.text)
            else:
                return node
            stored = next((v for v in gen.keyword_postings[field] if v.lower() == wanted.lower()), wanted)
            return wq.Term(field, stored)
        return node.apply(fix) if hasattr(node, "apply") else node
    return fix(q)


def _is_empty(q: wq.Query) -> bool:
    """True for a parsed query with nothing to match."""
    return q is None or q is wq.NullQuery or isinstance(q, type(wq.NullQuery))
