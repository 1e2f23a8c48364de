"""Which paragraphs a query matches, as a boolean mask: numpy over cached postings, Whoosh for the rest."""
from __future__ import annotations

import numpy as np
from whoosh import query as wq

from ..schema import as_text
from ..snippets import MATCH_FIELDS
from .phrases import phrase_docnums


def match_mask(gen, query: wq.Query | None) -> np.ndarray:
    """Paragraphs matching a Whoosh query, cached per generation (facet clicks and pages reuse it)."""
    def compute() -> np.ndarray:
        mask = _mask(gen, query)
        if gen.live is not None:
            mask &= gen.live  # paragraphs of documents an update removed
        mask.setflags(write=False)
        return mask
    return gen.masks.get(repr(query), compute)


def _mask(gen, q: wq.Query | None) -> np.ndarray:
    """Terms, AND, OR and NOT combined in numpy; phrases, wildcards and ranges matched by Whoosh."""
    if q is None:
        return np.ones(gen.size, dtype=bool)
    if isinstance(q, wq.Term) and q.fieldname in MATCH_FIELDS:
        return _ids_mask(gen.size, gen.term_postings(q.fieldname, as_text(q.text)).docnums)
    if isinstance(q, wq.Term) and q.fieldname in gen.keyword_postings:
        return _ids_mask(gen.size, gen.keyword_postings[q.fieldname].get(as_text(q.text)))
    if isinstance(q, wq.PatternQuery) and q.fieldname in MATCH_FIELDS:
        return _expanded_mask(gen, q)  # Whoosh's union of hundreds of matchers takes seconds
    if isinstance(q, wq.Not):
        return ~_mask(gen, q.query)
    if isinstance(q, wq.AndNot):
        return _mask(gen, q.a) & ~_mask(gen, q.b)
    if type(q) in (wq.And, wq.Or) and q.subqueries:
        combine = np.logical_and if isinstance(q, wq.And) else np.logical_or
        return combine.reduce([_mask(gen, sub) for sub in q.subqueries])
    if isinstance(q, wq.Phrase):
        found = phrase_docnums(gen, q)
        if found is not None:
            return _ids_mask(gen.size, found)
    matcher = q.matcher(gen.searcher)
    mask = _ids_mask(gen.size, np.fromiter(matcher.all_ids(), dtype=np.int64) if matcher.is_active() else None)
    if getattr(q, "fieldname", None) == "title":
        mask = _whole_documents(gen, mask)
    return mask


def _whole_documents(gen, mask: np.ndarray) -> np.ndarray:
    """Every paragraph of the documents with a set paragraph (the title is indexed on one paragraph only)."""
    per_doc = np.zeros(len(gen.doc_names), dtype=bool)
    per_doc[gen.doc_ids[mask]] = True
    return per_doc[gen.doc_ids]


def _expanded_mask(gen, q: wq.Query) -> np.ndarray:
    """Paragraphs matching a wildcard or prefix: the union of its words' posting arrays (already capped in number)."""
    mask = np.zeros(gen.size, dtype=bool)
    for btext in q._btexts(gen.searcher.reader()):
        mask[gen.term_postings(q.fieldname, as_text(btext)).docnums] = True
    return mask


def _ids_mask(size: int, ids: np.ndarray | None) -> np.ndarray:
    """A mask with the given paragraphs set."""
    mask = np.zeros(size, dtype=bool)
    if ids is not None and len(ids):
        mask[ids] = True
    return mask


def query_docs_in(gen, query: wq.Query, doc_id: str) -> list[int]:
    """The docnums of one document's paragraphs that match a Whoosh query."""
    if doc_id not in gen.doc_index:
        return []
    return np.flatnonzero(match_mask(gen, query) & (gen.doc_ids == gen.doc_index[doc_id])).tolist()


def phrase_mask(gen, stems: tuple[str, ...]) -> np.ndarray:
    """Paragraphs whose text or heading has the stems as a phrase, cached per generation."""
    def compute() -> np.ndarray:
        query = wq.Or([wq.Phrase(field, list(stems)) for field in MATCH_FIELDS])
        return _mask(gen, query)
    return gen.masks.get(("phrase", stems), compute)
