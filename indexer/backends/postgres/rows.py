"""A read Document as the rows PostgreSQL stores: one document row, paragraph rows with an analysed tsvector.

The tsvector holds the project's own analysis (indexer/analysis.py: the same words, folding and Snowball stems as
the embedded index) as `simple`-configuration lexemes with positions, so PostgreSQL never stems a second time and
phrases match as in the embedded index. Weights tell the fields apart inside one tsvector: A the document title,
B the section heading, C the document context (council names and aliases, grade words, year), D the text.
"""
from __future__ import annotations

import functools
import operator
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from psycopg.types.json import Jsonb

from indexer import settings
from indexer.analysis import _RAW_WORDS, _stemmed, fold_and_stem
from indexer.backends.embedded.write.build import date_sort_key
from indexer.models import Document
from indexer.search.names import GENERIC_NAME_WORDS, alias_stems
from indexer.search.synonyms import stems_of

MAX_POSITION = 16383  # PostgreSQL's largest tsvector position
MAX_LEXEME_BYTES = 2000
GAP = 3  # positions left between fields, so no phrase runs from one into the next
WEIGHTS = {"title": "A", "heading": "B", "context": "C", "text": "D"}


def analysed(text: str, findall=_RAW_WORDS.findall) -> list[str]:
    """A text's stems in order: exactly the tokens the embedded index gets for it."""
    return stems_of_words(findall(text))


def stems_of_words(words: list[str], cached=_stemmed.get) -> list[str]:
    """Raw words' stems in order (the analysis cache read in one C-level pass; a word not yet cached is stemmed)."""
    stems = list(map(cached, words))
    if None in stems:
        stems = [s if s is not None else fold_and_stem(w) for s, w in zip(stems, words)]
    return stems


def context_stems(doc: Document) -> list[str]:
    """The words a document's paragraphs are also findable by: council names and aliases, grades, year."""
    aliases = alias_stems()
    out: list[str] = []
    # the councils of its paragraphs' facets, as the embedded index reads them (round 26: a long list's member filed
    # under no paragraph is not context)
    for council in dict.fromkeys(c for para in doc.paragraphs for c in para.council or doc.council):
        out.extend(sorted(aliases.get(council, {s for _, s in stems_of(council)} - GENERIC_NAME_WORDS)))
    for grade in doc.severity:
        out.extend(s for _, s in stems_of(grade or ""))
    if doc.year:
        out.append(str(doc.year))
    return out


def quote_lexeme(lexeme: str) -> str:
    """A lexeme quoted for tsvector / tsquery input (quotes doubled, backslashes escaped)."""
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


_QUOTED: dict[str, str | None] = {}  # stem -> "'stem':" (None: a stem PostgreSQL cannot hold)
# Position labels by weight, made once: a paragraph's labels are a slice, not a str() per token.
_LABELS = {w: [str(i) + ("" if w == "D" else w) for i in range(MAX_POSITION + 1)] for w in WEIGHTS.values()}


def _quote_all(stems) -> None:
    """Fill the quoting cache for stems not yet in it."""
    if all(map(_QUOTED.__contains__, stems)):  # the usual case, checked without a Python loop
        return
    missing = set(stems).difference(_QUOTED)  # iterates the few stems, looking each up in the cache
    if missing:
        if len(_QUOTED) > 500_000:
            _QUOTED.clear()
            missing = set(stems)
        for stem in missing:
            _QUOTED[stem] = (quote_lexeme(stem) + ":" if stem and len(stem.encode("utf-8")) <= MAX_LEXEME_BYTES
                             else None)


def tsvector_literal(fields: list[tuple[str, list[str]]]) -> str:
    """A tsvector's text form from (weight, stems) runs placed one after another with gaps: one `'stem':position`
    per word (PostgreSQL merges a lexeme's positions as it reads them; grouping them here cost twice the time)."""
    tokens: list[str] = []
    labels: list[str] = []
    at = 1
    for weight, stems in fields:
        end = at + len(stems)
        run = _LABELS[weight][at:end]
        if end > MAX_POSITION + 1:  # rare: a very long paragraph's tail shares the last position
            run += [_LABELS[weight][MAX_POSITION]] * (end - max(at, MAX_POSITION + 1))
        tokens += stems
        labels += run
        at = end + GAP
    if len(tokens) > 256:  # a word may pass PostgreSQL's 256 positions: the positions grouped and cut here
        return _grouped(tokens, labels)
    _quote_all(tokens)
    quoted = list(map(_QUOTED.__getitem__, tokens))
    if None in quoted:
        labels = [label for q, label in zip(quoted, labels) if q is not None]
        quoted = [q for q in quoted if q is not None]
    return " ".join(map(operator.concat, quoted, labels))


def _grouped(tokens: list[str], labels: list[str]) -> str:
    """The tsvector text with each lexeme's positions grouped, at most 256 of them (PostgreSQL keeps no more)."""
    positions: defaultdict[str, list[str]] = defaultdict(list)
    for stem, label in zip(tokens, labels):
        positions[stem].append(label)
    for have in positions.values():
        del have[256:]
    _quote_all(positions.keys())
    pairs = [(_QUOTED[stem], ",".join(have)) for stem, have in positions.items() if _QUOTED[stem] is not None]
    return " ".join(q + label for q, label in pairs)


@functools.lru_cache(maxsize=65536)
def text_array(values: tuple[str, ...]) -> str:
    """A text[] value in PostgreSQL's array syntax, every element quoted (made once per distinct combination:
    psycopg's list dumping was a tenth of a rebuild's Python time)."""
    return "{" + ",".join('"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"' for v in values) + "}"


@dataclass
class DocumentRows:
    """One document's row, its paragraph rows, the distinct text stems of each paragraph (for df) and its raw words."""

    document: tuple
    paragraphs: list[tuple]
    paragraph_stems: list[set[str]]
    paragraph_words: list[list[str]]  # each paragraph's text as raw words (the spelling counts read them)
    shared: set[str] = frozenset()    # the title and context stems every paragraph of the document has
    runs: list[tuple[list[str], list[str], bool]] = ()  # each paragraph's heading and text stems, and irregular
    heading_start: int = 1            # the tsvector position of a heading's first word (then the text's, GAP on)


class FacetKeys:
    """Numbers for the distinct facet combinations (councils, grades, year, sub-judgements) of a generation's
    paragraphs: facet counting groups matches by this one integer and reads the values from a small table."""

    def __init__(self) -> None:
        self.keys: dict[tuple, int] = {}

    def key(self, councils: list[str], grades: list[str], year: int, subs: tuple) -> int:
        """The number of one combination (new ones numbered in order)."""
        combination = (tuple(councils), tuple(grades), year, subs)
        found = self.keys.get(combination)
        if found is None:
            found = self.keys[combination] = len(self.keys)
        return found

    def rows(self) -> Iterator[tuple]:
        """The facet_keys table's rows."""
        for (councils, grades, year, subs), fkey in self.keys.items():
            yield (fkey, list(councils), list(grades), year, *subs)


def document_rows(doc: Document, doc_idx: int, first_pid: int, keys: FacetKeys) -> DocumentRows:
    """The rows of one read, annotated document."""
    date_sort = date_sort_key(doc)
    year = doc.year or 0
    title = analysed(doc.title)
    context = context_stems(doc)
    grade_of = {s.council: s.grade for s in doc.subjects}
    subs = tuple(doc.subjudgements.get(name) or None for name in settings.SUBJUDGEMENT_FIELDS)
    paragraphs, stems, words, runs, length = [], [], [], [], 0
    change = text_array(tuple(doc.grade_change))
    every = set(title) | set(context)
    for i, para in enumerate(doc.paragraphs):
        councils = para.council or doc.council
        # In a round-up, a paragraph about particular councils carries only their grades (as the embedded index).
        grades = [grade_of[c] for c in councils if grade_of.get(c)] if para.council else [g for g in doc.severity if g]
        raw = _RAW_WORDS.findall(para.text)
        words.append(raw)
        text = stems_of_words(raw)
        heading = analysed(para.heading)
        tsv = tsvector_literal([("A", title), ("C", context), ("B", heading), ("D", text)])
        runs.append((heading, text, irregular(title, context, heading, text)))
        grades = list(dict.fromkeys(grades))
        # round 27: a long list's members are council facet values of the paragraph listing them (its facet key,
        # which the counts read, and `council_listed`, which the filter reads), not of `council` (the lift's)
        paragraphs.append((first_pid + i, doc_idx, para.n, para.heading, para.text, text_array(tuple(councils)),
                           text_array(tuple(para.listed)), text_array(tuple(grades)), year, date_sort, *subs, change,
                           len(text), keys.key([*councils, *para.listed], grades, year, subs), tsv))
        stems.append(set(text) | set(heading))
        every |= stems[-1]
        length += len(text)
    _quote_all(every)
    document = (doc_idx, doc.doc_id, doc.path, doc.kind, doc.title, doc.url or "", doc.published, year,
                doc.year_confidence or "", list(doc.council), list(doc.council_code),
                [g for g in doc.severity if g], Jsonb(doc.subjudgements), list(doc.grade_change),
                Jsonb(doc.outcomes[0]) if doc.outcomes else None, date_sort, len(doc.paragraphs), length,
                " ".join(q[:-1] for q in map(_QUOTED.__getitem__, every) if q is not None))
    return DocumentRows(document, paragraphs, stems, words, set(title) | set(context), runs,
                        1 + len(title) + GAP + len(context) + GAP)


def irregular(*fields: list[str]) -> bool:
    """True when PostgreSQL's tsvector of these fields does not keep every word at its place: a word past position
    16383 (they share the last one) or a word with more than 256 positions (the rest are dropped)."""
    total = sum(map(len, fields))
    if 1 + total + GAP * (len(fields) - 1) > MAX_POSITION + 1:
        return True
    if total <= 256:
        return False
    counts: dict[str, int] = {}
    for field in fields:
        for stem in field:
            counts[stem] = counts.get(stem, 0) + 1
    return max(counts.values()) > 256


def iter_terms(df: dict[str, int]) -> Iterator[tuple[str, int]]:
    """The vocabulary rows (stems that fit a tsvector)."""
    for term, count in df.items():
        if term and len(term.encode("utf-8")) <= MAX_LEXEME_BYTES:
            yield term, count

