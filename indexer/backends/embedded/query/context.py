"""Document context: the title, council names and aliases, grade words and year every paragraph is findable by."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from indexer.backends.embedded.index.schema import split_facet
from indexer.search.names import GENERIC_NAME_WORDS, alias_stems
from indexer.search.synonyms import stems_of

CONTEXT_KINDS = ("title", "council", "severity", "year")


@dataclass(frozen=True)
class DocumentContext:
    """Per document, the stems of each kind of context; and per stem, the documents that have it."""

    kinds: list[dict[str, frozenset[str]]]  # document index -> kind -> stems
    documents: dict[str, np.ndarray]         # stem -> document indexes

    def document_mask(self, stems: tuple[str, ...]) -> np.ndarray | None:
        """Documents whose context has every one of the stems; None when no document has them."""
        docs = None
        for s in stems:
            have = self.documents.get(s)
            if have is None:
                return None
            docs = have if docs is None else np.intersect1d(docs, have)
        if docs is None or not len(docs):
            return None
        doc_mask = np.zeros(len(self.kinds), dtype=bool)
        doc_mask[docs] = True
        return doc_mask

    def kinds_matching(self, doc_index: int, stems: tuple[str, ...]) -> list[str]:
        """Which kinds of a document's context hold all the stems."""
        kinds = self.kinds[doc_index]
        return [k for k in CONTEXT_KINDS if all(s in kinds.get(k, ()) for s in stems)]


def councils_named(councils: list[str], stems: frozenset[str]) -> list[str]:
    """Those of a hit's councils whose names or aliases include any of the query's stems."""
    aliases = alias_stems()
    return [c for c in councils if aliases.get(c, frozenset()) & stems]


def document_context(gen) -> DocumentContext:
    """The context of every document of a generation, built once per generation."""
    return gen.memo("context", None, lambda: _build(gen))


def _build(gen) -> DocumentContext:
    """Read each document's first paragraph for title, grade and year, and its councils from the facet arrays."""
    count = len(gen.doc_names)
    councils: list[set[str]] = [set() for _ in range(count)]
    for value, ids in gen.keyword_postings.get("council", {}).items():
        for doc in np.unique(gen.doc_ids[ids]):
            councils[doc].add(value)
    # Each document's first paragraph that still exists (an update leaves a changed file's old ones behind).
    alive = np.arange(gen.size) if gen.live is None else np.flatnonzero(gen.live)
    _, at = np.unique(gen.doc_ids[alive], return_index=True)
    first = alive[at]
    aliases = alias_stems()
    kinds: list[dict[str, frozenset[str]]] = [{} for _ in range(count)]
    documents: dict[str, list[int]] = {}
    for docnum in first:
        doc = int(gen.doc_ids[docnum])
        if not gen.doc_names[doc]:
            continue  # removed by an update
        fields = gen.stored(int(docnum))
        entry = {
            "title": frozenset(s for _, s in stems_of(fields.get("title", ""))),
            "council": frozenset(s for c in councils[doc]
                                 for s in aliases.get(c, {st for _, st in stems_of(c)} - GENERIC_NAME_WORDS)),
            "severity": frozenset(s for g in split_facet(fields.get("severity")) for _, s in stems_of(g)),
            "year": frozenset([str(fields["year"])]) if fields.get("year") else frozenset(),
        }
        kinds[doc] = entry
        for s in set().union(*entry.values()):
            documents.setdefault(s, []).append(doc)
    return DocumentContext(kinds, {s: np.array(sorted(d), dtype=np.int32) for s, d in documents.items()})
