"""The parser adapter: explicit query syntax read by Whoosh's parser and handed on as the project's own query tree,
and the lexicon the backend-neutral query reader asks about words (`indexer.search.query.Lexicon`)."""
from __future__ import annotations

import functools
import heapq
import itertools

from whoosh import fields
from whoosh import query as wq
from whoosh.qparser import MultifieldParser

from indexer.backends.embedded.index.schema import as_text
from indexer.search import querytree as qt
from indexer.search.query import ParsedQuery, read_query
from indexer.search.snippets import MATCH_FIELDS


def parse_query(gen, text: str, strict: bool = False) -> ParsedQuery:
    """What the user typed, read against this generation's words (see `indexer.search.query.read_query`)."""
    return read_query(GenerationLexicon(gen), text, strict)


def parse_syntax_tree(text: str) -> qt.Node | None:
    """Explicit syntax as the project's query tree, read against the index schema (any backend may ask)."""
    schema = _schema()
    return to_tree(MultifieldParser(list(MATCH_FIELDS), schema).parse(text), schema)


@functools.lru_cache(maxsize=1)
def _schema():
    """The index schema, built once (its field types tell the parser how to read each field)."""
    from indexer.backends.embedded.index.schema import build_schema

    return build_schema()


class GenerationLexicon:
    """One generation's words and facet values, as the query reader needs them."""

    def __init__(self, gen):
        self.gen = gen

    def parse(self, text: str) -> qt.Node | None:
        """Explicit syntax as a query tree (None when nothing searchable is left)."""
        parsed = MultifieldParser(list(MATCH_FIELDS), self.gen.schema).parse(text)
        return to_tree(parsed, self.gen.schema)

    def expand(self, pattern: qt.Pattern, limit: int) -> list[str]:
        """Up to `limit` words of the field matching a prefix or wildcard pattern, in word order."""
        node = wq.Prefix(pattern.field, pattern.text) if pattern.prefix else wq.Wildcard(pattern.field, pattern.text)
        return [as_text(t) for t in itertools.islice(node._btexts(self.gen.searcher.reader()), limit)]

    def most_frequent(self, field: str, words: list[str], count: int) -> list[str]:
        """The `count` words of `words` found in the most paragraphs."""
        reader = self.gen.searcher.reader()
        return heapq.nlargest(count, words, key=lambda w: reader.doc_frequency(field, w))

    def facet_values(self, field: str):
        """The values a keyword field holds (empty for other fields)."""
        return self.gen.keyword_postings.get(field, {})

    def is_facet(self, field: str) -> bool:
        """True for a keyword (facet) field."""
        return field in self.gen.keyword_postings

    def has_word(self, stem: str) -> bool:
        """True when some paragraph's text or heading has the analysed word."""
        return bool(len(self.gen.term_postings("text", stem).docnums)
                    or len(self.gen.term_postings("heading", stem).docnums))

    def suggest(self, word: str) -> str | None:
        """The corpus word closest in spelling, or None."""
        return self.gen.speller.suggest(word)


def to_tree(q: wq.Query, schema) -> qt.Node | None:
    """A Whoosh query as the project's query tree; None for Whoosh's null query."""
    if q is None or q is wq.NullQuery or isinstance(q, type(wq.NullQuery)):
        return None
    numeric = q.fieldname in schema and isinstance(schema[q.fieldname], fields.NUMERIC) \
        if hasattr(q, "fieldname") and q.fieldname else False
    if isinstance(q, wq.Term) and numeric:
        value = int(schema[q.fieldname].from_bytes(q.text))
        return qt.Range(q.fieldname, value, value)
    if isinstance(q, wq.Term):
        return qt.Term(q.fieldname, as_text(q.text))
    if isinstance(q, wq.Phrase):
        if len(q.words) == 1:
            return qt.Term(q.fieldname, as_text(q.words[0]))
        return qt.Phrase(q.fieldname, tuple(as_text(w) for w in q.words))
    if isinstance(q, wq.Prefix):
        return qt.Pattern(q.fieldname, str(q.text), prefix=True)
    if isinstance(q, (wq.Wildcard, wq.FuzzyTerm, wq.Regex)):
        return qt.Pattern(q.fieldname, str(q.text))
    if isinstance(q, (wq.NumericRange, wq.TermRange)):
        return qt.Range(q.fieldname, _bound(q.start), _bound(q.end))
    if isinstance(q, wq.Every):
        return qt.Everything()
    if isinstance(q, wq.Not):
        inner = to_tree(q.query, schema)
        return qt.Not(inner) if inner is not None else None
    if isinstance(q, wq.AndNot):
        positive, negative = to_tree(q.a, schema), to_tree(q.b, schema)
        if positive is None or negative is None:
            return positive
        return qt.AndNot(positive, negative)
    if isinstance(q, (wq.And, wq.Or)):
        parts = tuple(p for p in (to_tree(s, schema) for s in q.subqueries) if p is not None)
        if not parts:
            return None
        if len(parts) == 1:
            return parts[0]
        return qt.And(parts) if isinstance(q, wq.And) else qt.Or(parts)
    raise ValueError("syntax the search could not read")


def _bound(value) -> int | None:
    """A range end as a whole number (None = open)."""
    if value is None or value == "":
        return None
    try:
        return int(str(value))
    except ValueError:
        raise ValueError("ranges work on years only, e.g. year:[2015 TO 2019]") from None
