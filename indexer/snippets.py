"""Highlighted snippets: matched words as written, phrases marked only where the whole phrase occurs."""
from __future__ import annotations

import html
from dataclasses import dataclass

from whoosh import highlight
from whoosh import query as wq

from . import settings
from .analysis import StemmedWords, fold_and_stem
from .schema import as_text

MATCH_FIELDS = ("heading", "text")


@dataclass(frozen=True)
class QueryMarks:
    """What to mark in a paragraph: single analysed words, and phrases as sequences of analysed words."""

    words: frozenset
    phrases: tuple

    def __bool__(self) -> bool:
        return bool(self.words or self.phrases)


def query_marks(q: wq.Query | None, reader=None) -> QueryMarks:
    """Split a parsed query into words and phrases to mark; wildcards are expanded against the reader."""
    if q is None:
        return QueryMarks(frozenset(), ())
    words: set[str] = set()
    phrases: list[tuple[str, ...]] = []

    def walk(node: wq.Query) -> None:
        if isinstance(node, wq.Not):
            return  # excluded words are never in a hit
        if isinstance(node, wq.Phrase):
            if node.fieldname in MATCH_FIELDS:
                phrases.append(tuple(node.words))
            return
        if isinstance(node, wq.Term):
            if node.fieldname in MATCH_FIELDS:
                words.add(as_text(node.text))
            return
        if isinstance(node, (wq.Prefix, wq.Wildcard, wq.FuzzyTerm)) and reader is not None:
            if node.fieldname in MATCH_FIELDS:
                words.update(as_text(t) for _, t in node.existing_terms(reader, expand=True))
            return
        for child in node.children():
            walk(child)

    walk(q)
    return QueryMarks(frozenset(words), tuple(phrases))


def _formatter(between: str) -> highlight.HtmlFormatter:
    """Whoosh's escaping HTML formatter, emitting a plain <mark>…</mark> per matched run."""
    formatter = highlight.HtmlFormatter(tagname="mark", between=between)
    formatter.template = "<%(tag)s>%(t)s</%(tag)s>"
    return formatter


class _Token:
    """A word of a paragraph where Whoosh's highlighter wants one (its analyzer's Token costs ten times more)."""

    __slots__ = ("text", "startchar", "endchar", "pos", "boost", "matched")

    def __init__(self, text: str, startchar: int, endchar: int, pos: int):
        self.text, self.startchar, self.endchar, self.pos = text, startchar, endchar, pos
        self.boost, self.matched = 1.0, False

    def copy(self) -> "_Token":
        token = _Token(self.text, self.startchar, self.endchar, self.pos)
        token.boost, token.matched = self.boost, self.matched
        return token


def _tokens(text: str, analyzer) -> list:
    """The analysed words of a text with their character spans: read directly with the fused text analyzer's
    pattern and cached stems (the same tokens), else through the analyzer."""
    if isinstance(analyzer, StemmedWords) and analyzer.stem_words:
        return [_Token(fold_and_stem(m.group(0)), m.start(), m.end(), i)
                for i, m in enumerate(analyzer.expression.finditer(text))]
    return [t.copy() for t in analyzer(text, positions=True, chars=True, mode="index", removestops=False)]


def _matched_tokens(text: str, marks: QueryMarks, analyzer) -> list:
    """The analysed tokens of text with .matched set; adjacent matches merged into one run."""
    tokens = _tokens(text, analyzer)
    hit = {i for i, t in enumerate(tokens) if t.text in marks.words}
    for phrase in marks.phrases:
        size = len(phrase)
        for i in range(len(tokens) - size + 1):
            if all(tokens[i + k].text == phrase[k] for k in range(size)):
                hit.update(range(i, i + size))
    merged: list = []
    for i, token in enumerate(tokens):
        token.matched = i in hit
        previous = merged[-1] if merged else None
        if token.matched and previous is not None and previous.matched and i - 1 in hit \
                and not text[previous.endchar:token.startchar].strip():
            previous.endchar = token.endchar  # "missing from care" becomes one <mark>
            continue
        merged.append(token)
    return merged


def mark(text: str, marks: QueryMarks, analyzer, whole: bool = False) -> str:
    """Escaped HTML: the whole paragraph (short or `whole`) or its best sentences, matches in <mark>."""
    if marks:
        short = whole or len(text) <= settings.SNIPPET_MAX_CHARS
        fragmenter = highlight.WholeFragmenter(charlimit=None) if short else \
            highlight.SentenceFragmenter(maxchars=400, charlimit=None)
        tokens = _matched_tokens(text, marks, analyzer)
        if any(t.matched for t in tokens):
            fragments = highlight.top_fragments(fragmenter.fragment_tokens(text, iter(tokens)), 1 if short else 2,
                                                highlight.BasicFragmentScorer(), highlight.SCORE, minscore=1)
            return _formatter(" … ").format(fragments)
    if whole or len(text) <= settings.SNIPPET_MAX_CHARS:
        return html.escape(text)
    return html.escape(text[: settings.SNIPPET_MAX_CHARS].rsplit(" ", 1)[0]) + " …"
