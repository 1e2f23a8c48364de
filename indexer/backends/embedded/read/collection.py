"""What a generation of the embedded index holds, for a front page and query understanding: documents by kind, councils covered of
the 153 with children's services, years, the newest reports and when the index was last built."""
from __future__ import annotations


import numpy as np

from indexer import settings
from indexer.contract import Collection

from indexer.ingest.annotate.gazetteer import authorities, display_name
from indexer.backends.embedded.index.schema import split_facet

# How a file's kind reads to a user: Ofsted publishes its reports as PDF; the rest are articles and web pages.
KIND_LABELS = {"pdf": "inspection reports (PDF)", "html": "web pages", "text": "news articles and text files"}




def collection(gen) -> Collection:
    """The collection of a generation, computed once per generation."""
    return gen.memo("collection", None, lambda: _compute(gen))


def current_council_names() -> set[str]:
    """The facet names of the councils with children's services today (no end date)."""
    return {display_name(code) for code, auth in authorities().items() if auth.valid_to is None}


def _first_paragraphs(gen) -> np.ndarray:
    """One live paragraph number (docnum) per live document: the first of each."""
    docnums = np.arange(gen.doc_ids.size)
    if gen.live is not None:
        docnums = docnums[gen.live[: docnums.size]]
    _, first = np.unique(gen.doc_ids[docnums], return_index=True)
    return docnums[first]


def _compute(gen, newest_count: int = 6) -> Collection:
    """Count documents by kind, council and year, and list the newest dated documents."""
    firsts = _first_paragraphs(gen)
    kinds: dict[str, int] = {}
    dated = []
    for docnum in firsts:
        fields = gen.stored(int(docnum))
        label = KIND_LABELS.get(fields.get("kind", ""), "other files")
        kinds[label] = kinds.get(label, 0) + 1
        if int(gen.dates[docnum]) > 0:
            dated.append((int(gen.dates[docnum]), int(docnum), fields))
    per_facet = {facet: {value: int(np.unique(gen.doc_ids[ids]).size) for value, ids in values.items() if len(ids)}
                 for facet, values in gen.keyword_postings.items() if facet != settings.LISTED_FIELD}
    councils = per_facet.get("council", {})
    years, counts = np.unique(gen.years[firsts], return_counts=True)
    current = current_council_names()
    dated.sort(key=lambda t: (-t[0], t[1]))
    newest = [{"doc_id": f["doc_id"], "title": f.get("title") or f["doc_id"],
               "date": str(f.get("published") or "")[:10] or str(key // 10000),  # only the year may be known
               "council": split_facet(f.get("council")), "severity": split_facet(f.get("severity"))}
              for key, _, f in dated[:newest_count]]
    return Collection(documents=int(firsts.size), paragraphs=gen.paragraph_count,
                      by_kind=sorted(kinds.items(), key=lambda kv: -kv[1]), councils_with_documents=councils,
                      current_councils=len(current), current_covered=len(current & set(councils)),
                      years=[(int(y), int(c)) for y, c in zip(years, counts) if y > 0],
                      built_at=gen.info.get("built_at"), newest=newest, facet_documents=per_facet)
