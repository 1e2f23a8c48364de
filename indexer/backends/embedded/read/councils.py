"""What the index holds about councils: documents per council, and a council's paragraphs, documents and terms."""
from __future__ import annotations

import numpy as np

from indexer.contract import CouncilDocument, CouncilSummary
from indexer.backends.embedded.read.significant import significant_terms
from indexer.models import split_facet


def document_counts(gen) -> dict[str, int]:
    """Documents per council facet value."""
    return {name: int(np.unique(gen.doc_ids[ids]).size) for name, ids in gen.keyword_postings.get("council", {}).items()}


def council_paragraphs(gen, names) -> np.ndarray:
    """The paragraphs carrying any of these council names, ascending."""
    postings = gen.keyword_postings.get("council", {})
    parts = [postings[n] for n in names if n in postings]
    return np.unique(np.concatenate(parts)) if parts else np.zeros(0, dtype=np.int32)


def documents_by_year(gen, names) -> list[tuple[int | None, list[CouncilDocument]]]:
    """The documents about these councils, newest year first, each with its matching paragraph count."""
    docnums = council_paragraphs(gen, names)
    if not docnums.size:
        return []
    doc_index, first, counts = np.unique(gen.doc_ids[docnums], return_index=True, return_counts=True)
    docs = []
    for i, count in zip(first, counts):
        fields = gen.stored(int(docnums[i]))
        docs.append((int(gen.dates[docnums[i]]), CouncilDocument(
            doc_id=fields["doc_id"], title=fields.get("title", ""), year=fields.get("year") or None,
            published=fields.get("published") or None, severity=split_facet(fields.get("severity")),
            kind=fields.get("kind", ""), council=split_facet(fields.get("council")), paragraphs=int(count))))
    docs.sort(key=lambda d: (-(d[1].year or 0), -d[0], d[1].title))
    years: dict = {}
    for _, doc in docs:
        years.setdefault(doc.year, []).append(doc)
    return [(year or None, group) for year, group in years.items()]


def council_summary(gen, names: list[str], exclude: set[str]) -> CouncilSummary:
    """Paragraph count, documents by year and distinctive terms of the paragraphs carrying these council names."""
    paragraphs = council_paragraphs(gen, names)
    found = significant_terms(gen, paragraphs, exclude) if paragraphs.size else {"terms": [], "phrases": []}
    return CouncilSummary(int(paragraphs.size), documents_by_year(gen, names), found["terms"], found["phrases"])
