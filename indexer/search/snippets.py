"""Highlighted snippets: matched words as written, phrases marked only where the whole phrase occurs.

Backend-neutral (every backend marks its hits with it). Long paragraphs show their best one or two sentences:
a sentence scores the count of its matched words times 100 per distinct word matched, so sentences holding
more of the query win.
"""
from __future__ import annotations

import heapq
import html
from dataclasses import dataclass

from indexer import settings
from indexer.analysis import TOKEN_RE, fold_and_stem
from indexer.search import querytree as qt

MATCH_FIELDS = ("heading", "text")
SENTENCE_ENDS = frozenset(".!?")
SENTENCE_MAX_CHARS = 400  # a longer "sentence" (a list, a table row) is not offered as a snippet
BETWEEN = " … "


@dataclass(frozen=True)
class QueryMarks:
    """What to mark in a paragraph: single analysed words, and phrases as sequences of analysed words."""

    words: frozenset
    phrases: tuple

    def __bool__(self) -> bool:
        return bool(self.words or self.phrases)


def query_marks(q: qt.Node | None) -> QueryMarks:
    """The words and phrases of a query tree to mark (nothing under a NOT; patterns are expanded before)."""
    if q is None:
        return QueryMarks(frozenset(), ())
    words: set[str] = set()
    phrases: list[tuple[str, ...]] = []
    for node in qt.positive_leaves(q):
        if isinstance(node, qt.Phrase) and node.field in MATCH_FIELDS:
            phrases.append(node.words)
        elif isinstance(node, qt.Term) and node.field in MATCH_FIELDS:
            words.add(node.text)
    return QueryMarks(frozenset(words), tuple(phrases))


@dataclass
class _Token:
    """An analysed word of a paragraph with its character span; runs of matched words are merged."""

    text: str
    startchar: int
    endchar: int
    matched: bool = False


def _matched_tokens(text: str, marks: QueryMarks) -> list[_Token]:
    """The analysed tokens of text with .matched set; adjacent matches merged into one run."""
    tokens = [_Token(fold_and_stem(m.group(0)), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]
    hit = {i for i, t in enumerate(tokens) if t.text in marks.words}
    for phrase in marks.phrases:
        size = len(phrase)
        for i in range(len(tokens) - size + 1):
            if all(tokens[i + k].text == phrase[k] for k in range(size)):
                hit.update(range(i, i + size))
    merged: list[_Token] = []
    for i, token in enumerate(tokens):
        token.matched = i in hit
        previous = merged[-1] if merged else None
        if token.matched and previous is not None and previous.matched and i - 1 in hit \
                and not text[previous.endchar:token.startchar].strip():
            previous.endchar = token.endchar  # "missing from care" becomes one <mark>
            continue
        merged.append(token)
    return merged


@dataclass
class _Fragment:
    """A stretch of the text and the matched runs inside it."""

    start: int
    end: int
    matches: list[_Token]

    @property
    def score(self) -> int:
        """Matched runs, times 100 per distinct word matched."""
        return len(self.matches) * ((len({t.text for t in self.matches}) * 100) or 1)


def _sentences(text: str, tokens: list[_Token]) -> list[_Fragment]:
    """Sentences (ending at . ! ? right after a word) holding a match, not longer than SENTENCE_MAX_CHARS of words."""
    out, first, matches, length, end = [], None, [], 0, 0
    for t in tokens:
        end = t.endchar
        if first is None:
            first, length = t.startchar, 0
        length += t.endchar - t.startchar
        if t.matched:
            matches.append(t)
        if end < len(text) and text[end] in SENTENCE_ENDS:
            if end + 1 < len(text) and text[end + 1] in SENTENCE_ENDS:
                continue  # "..." does not end a sentence
            if matches and length <= SENTENCE_MAX_CHARS:
                out.append(_Fragment(first, end, matches))
            first, matches, length = None, [], 0
    if matches:
        out.append(_Fragment(first, end, matches))
    return out


def _format(text: str, fragment: _Fragment) -> str:
    """Escaped HTML of a fragment with its matched runs in <mark>."""
    out, index = [], fragment.start
    for t in fragment.matches:
        if t.startchar < index:
            continue
        out.append(html.escape(text[index:t.startchar], quote=False))
        out.append(f"<mark>{html.escape(text[t.startchar:t.endchar], quote=False)}</mark>")
        index = t.endchar
    out.append(html.escape(text[index:fragment.end], quote=False))
    return "".join(out)


def mark(text: str, marks: QueryMarks, whole: bool = False) -> str:
    """Escaped HTML: the whole paragraph (short or `whole`) or its best sentences, matches in <mark>."""
    if marks:
        short = whole or len(text) <= settings.SNIPPET_MAX_CHARS
        tokens = _matched_tokens(text, marks)
        if any(t.matched for t in tokens):
            if short:
                fragments = [_Fragment(0, len(text), [t for t in tokens if t.matched])]
            else:
                # The two best sentences; on equal scores the later one first (the order snippets always had).
                fragments = heapq.nlargest(2, _sentences(text, tokens), key=lambda f: (f.score, f.start))
            return BETWEEN.join(_format(text, f) for f in fragments)
    if whole or len(text) <= settings.SNIPPET_MAX_CHARS:
        return html.escape(text)
    return html.escape(text[: settings.SNIPPET_MAX_CHARS].rsplit(" ", 1)[0]) + " …"
