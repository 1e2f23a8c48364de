"""Which paragraphs a query tree matches, as a boolean mask: numpy over cached postings."""
from __future__ import annotations

import numpy as np

from indexer.backends.embedded.query.phrases import phrase_docnums
from indexer.search import querytree as qt
from indexer.search.snippets import MATCH_FIELDS


def match_mask(gen, query: qt.Node | None) -> np.ndarray:
    """Paragraphs matching a query tree, cached per generation (facet clicks and pages reuse it)."""
    def compute() -> np.ndarray:
        mask = _mask(gen, query)
        if gen.live is not None:
            mask &= gen.live  # paragraphs of documents an update removed
        mask.setflags(write=False)
        return mask
    return gen.masks.get(("query", query), compute)


def _mask(gen, q: qt.Node | None) -> np.ndarray:
    """Terms, phrases, ranges, AND, OR and NOT combined in numpy."""
    if q is None or isinstance(q, qt.Everything):
        return np.ones(gen.size, dtype=bool)
    if isinstance(q, qt.Term):
        return _term_mask(gen, q)
    if isinstance(q, qt.Phrase) and q.field == "title":  # titles keep no positions: every word, anywhere
        return np.logical_and.reduce([_term_mask(gen, qt.Term("title", w)) for w in q.words])
    if isinstance(q, qt.Phrase):
        return _ids_mask(gen.size, phrase_docnums(gen, q))
    if isinstance(q, qt.Pattern):
        return _expanded_mask(gen, q)
    if isinstance(q, qt.Range):
        return _range_mask(gen, q)
    if isinstance(q, qt.Not):
        return ~_mask(gen, q.part)
    if isinstance(q, qt.AndNot):
        return _mask(gen, q.positive) & ~_mask(gen, q.negative)
    combine = np.logical_and if isinstance(q, qt.And) else np.logical_or
    return combine.reduce([_mask(gen, part) for part in q.parts])


def _term_mask(gen, q: qt.Term) -> np.ndarray:
    """A word of text, heading or title, or a facet value."""
    if q.field in gen.keyword_postings:
        return _ids_mask(gen.size, gen.keyword_postings[q.field].get(q.text))
    if q.field in MATCH_FIELDS:
        return _ids_mask(gen.size, gen.term_postings(q.field, q.text).docnums)
    if q.field == "title":
        return _whole_documents(gen, _ids_mask(gen.size, gen.term_postings("title", q.text).docnums))
    return np.zeros(gen.size, dtype=bool)  # a field nobody searches (stored only): nothing


def _range_mask(gen, q: qt.Range) -> np.ndarray:
    """Paragraphs whose document year is within the range (years are the one numeric field people search)."""
    if q.field != "year":
        raise ValueError("ranges work on years only, e.g. year:[2015 TO 2019]")
    years = gen.years
    mask = years > 0
    if q.start is not None:
        mask &= years >= q.start
    if q.end is not None:
        mask &= years <= q.end
    return mask


def _whole_documents(gen, mask: np.ndarray) -> np.ndarray:
    """Every paragraph of the documents with a set paragraph (the title is indexed on one paragraph only)."""
    per_doc = np.zeros(len(gen.doc_names), dtype=bool)
    per_doc[gen.doc_ids[mask]] = True
    return per_doc[gen.doc_ids]


def _expanded_mask(gen, q: qt.Pattern) -> np.ndarray:
    """Paragraphs matching a pattern left unexpanded (it matched no word): none, or the widened title."""
    from indexer.backends.embedded.query.parse import GenerationLexicon

    mask = np.zeros(gen.size, dtype=bool)
    for word in GenerationLexicon(gen).expand(q, 10_000):
        mask |= _term_mask(gen, qt.Term(q.field, word))
    return mask


def _ids_mask(size: int, ids: np.ndarray | None) -> np.ndarray:
    """A mask with the given paragraphs set."""
    mask = np.zeros(size, dtype=bool)
    if ids is not None and len(ids):
        mask[ids] = True
    return mask


def query_docs_in(gen, query: qt.Node, doc_id: str) -> list[int]:
    """The docnums of one document's paragraphs that match a query tree."""
    if doc_id not in gen.doc_index:
        return []
    return np.flatnonzero(match_mask(gen, query) & (gen.doc_ids == gen.doc_index[doc_id])).tolist()


def phrase_mask(gen, stems: tuple[str, ...]) -> np.ndarray:
    """Paragraphs whose text or heading has the stems as a phrase, cached per generation."""
    def compute() -> np.ndarray:
        return _mask(gen, qt.Or(tuple(qt.Phrase(field, stems) for field in MATCH_FIELDS)))
    return gen.masks.get(("phrase", stems), compute)
