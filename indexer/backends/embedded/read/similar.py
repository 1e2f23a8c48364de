"""More like this: paragraphs elsewhere that share a paragraph's most distinctive words (Lucene's MLT idea).

The source paragraph's words are weighted tf x idf; the best few become an OR query scored with BM25 over the
paragraph text. Its own document is never returned; by default neither are paragraphs about the same council.
"""
from __future__ import annotations

import math
from collections import Counter

import numpy as np

from indexer import settings
from indexer.contract import (ParagraphMissing, SimilarParagraph, SimilarResult,
                              SimilarSource)
from indexer.backends.embedded.index.schema import split_facet
from indexer.search.snippets import QueryMarks, mark
from indexer.backends.embedded.postings.terms import doc_frequency, idf, is_content, words



def find_paragraph(gen, doc_id: str, n: int) -> int:
    """The docnum of paragraph n of a document."""
    try:
        doc_index = gen.doc_names.index(doc_id)
    except ValueError:
        raise ParagraphMissing(f"no document {doc_id!r} in the index") from None
    hits = np.flatnonzero((gen.doc_ids == doc_index) & (gen.para_n == n))
    if not hits.size:
        raise ParagraphMissing(f"document {doc_id!r} has no paragraph {n}")
    return int(hits[0])


def query_words(gen, text: str, exclude: set[str], count: int) -> list[tuple[str, str, float]]:
    """The paragraph's most distinctive words as (stem, as written, tf x idf), best first."""
    tokens = [w for w in words(text) if is_content(w) and w.raw not in exclude]
    tf = Counter(w.stem for w in tokens)
    spelled = {w.stem: w.raw for w in reversed(tokens)}
    weighted = []
    for stem, freq in tf.items():
        df = doc_frequency(gen, stem)
        if df > 1:  # a word found only here cannot match anything else
            weighted.append((stem, spelled[stem], freq * idf(gen.size, df)))
    return sorted(weighted, key=lambda t: (-t[2], t[0]))[:count]


def similar_paragraphs(gen, doc_id: str, n: int, scope: str = "other-councils",
                       limit: int = settings.SIMILAR_RESULTS) -> SimilarResult:
    """The source paragraph, the words used, and the best paragraph of each other document that shares them."""
    source = find_paragraph(gen, doc_id, n)
    fields = gen.stored(source)
    councils = split_facet(fields.get("council"))
    exclude = {w.raw for c in councils for w in words(c)}
    chosen = query_words(gen, fields.get("text", ""), exclude, settings.SIMILAR_QUERY_TERMS)
    allowed = gen.doc_ids != gen.doc_ids[source]
    if scope == "other-councils":
        for council in councils:
            ids = gen.keyword_postings.get("council", {}).get(council)
            if ids is not None:
                allowed[ids] = False
    scores, shared = _score(gen, [stem for stem, _, _ in chosen])
    needed = max(2, math.ceil(settings.SIMILAR_MIN_SHARED * len(chosen)))
    candidates = np.flatnonzero(allowed & (shared >= needed) & (scores > 0))
    order = candidates[np.argsort(-scores[candidates], kind="stable")]
    _, first = np.unique(gen.doc_ids[order], return_index=True)
    best = order[np.sort(first)][:limit]
    marks = QueryMarks(frozenset(stem for stem, _, _ in chosen), ())
    source_view = SimilarSource(doc_id, n, fields.get("title", ""), councils, fields.get("year") or None,
                                fields.get("text", ""))
    return SimilarResult(source_view, scope, [raw for _, raw, _ in chosen],
                         [_result(gen, d, float(scores[d]), chosen, marks) for d in best])


def _score(gen, stems: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """BM25 over paragraph text for an OR of the stems, and how many of them each paragraph contains."""
    scores = np.zeros(gen.size, dtype=np.float32)
    shared = np.zeros(gen.size, dtype=np.int16)
    stats = gen.field_stats["text"]
    for stem in stems:
        postings = gen.term_postings("text", stem)
        if not len(postings.docnums):
            continue
        tf = postings.freqs
        k1, b = settings.RANKING.bm25_k1, settings.RANKING.bm25_b
        norm = k1 * (1.0 - b + b * stats.lengths[postings.docnums] / max(stats.average, 1e-9))
        scores[postings.docnums] += idf(gen.size, len(postings.docnums)) * tf * (k1 + 1.0) / (tf + norm)
        shared[postings.docnums] += 1
    return scores, shared


def _result(gen, docnum: int, score: float, chosen, marks: QueryMarks) -> SimilarParagraph:
    """One similar paragraph with the query words it contains."""
    fields = gen.stored(int(docnum))
    present = [raw for stem, raw, _ in chosen
               if np.isin(docnum, gen.term_postings("text", stem).docnums)]
    return SimilarParagraph(
        doc_id=fields["doc_id"], paragraph=int(fields["n"]), title=fields.get("title", ""),
        council=split_facet(fields.get("council")), year=fields.get("year") or None,
        severity=split_facet(fields.get("severity")), heading=fields.get("heading", ""),
        snippet_html=mark(fields.get("text", ""), marks), score=round(score, 4), shared=present)
