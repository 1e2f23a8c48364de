"""One search over one generation: match, filter, count facets, rank, and build the page."""
from __future__ import annotations

import re

import numpy as np

from ..models import SearchRequest, SearchResult
from .facets import FACETS, combine, facet_counts, facet_masks, year_counts
from .matching import match_mask
from .ordering import ranked_docnums
from .query import ParsedQuery, cut_query, parse_query
from .results import export_row, make_hit

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}")
MAX_SPELLED_WORDS = 12


def selection(gen, req: SearchRequest) -> tuple[ParsedQuery, np.ndarray, dict, np.ndarray]:
    """The parsed query, its match mask, each facet's selection mask and their AND."""
    parsed = parse_query(gen, req.q)
    matched = match_mask(gen, parsed)
    masks = facet_masks(gen, req)
    return parsed, matched, masks, combine(matched, masks.values())


def search(gen, req: SearchRequest) -> SearchResult:
    """Ranked, collapsed hits for one page, honest facet counts, a year histogram and a suggestion."""
    parsed, matched, masks, final = selection(gen, req)
    hits, total_docs = _page(gen, parsed, final, req)
    suggestion = suggest(gen, req.q) if req.q and len(hits) < 3 else None
    return SearchResult(request=req, total=int(final.sum()), total_docs=total_docs, hits=hits,
                        facets=facet_counts(gen, matched, masks, req),
                        facet_labels={f.name: f.label for f in FACETS}, suggestion=suggestion,
                        message=parsed.message, year_histogram=sorted(year_counts(gen, final).items()))


def _page(gen, parsed: ParsedQuery, final: np.ndarray, req: SearchRequest) -> tuple[list, int]:
    """The hits of the requested page (best paragraph per document when collapsing) and the document count."""
    per_doc = np.bincount(gen.doc_ids[final], minlength=len(gen.doc_names))
    total_docs = int(np.count_nonzero(per_doc))
    if not final.any():
        return [], total_docs
    wanted = req.page * req.per_page
    ranked, scores = ranked_docnums(gen, parsed, final, req, wanted)
    hits = []
    for docnum in ranked[(req.page - 1) * req.per_page: wanted]:
        doc_index = gen.doc_ids[docnum]
        others: list[int] = []
        if req.collapse and per_doc[doc_index] > 1:
            same_doc = np.flatnonzero(final & (gen.doc_ids == doc_index))
            others = sorted(int(gen.para_n[d]) for d in same_doc[:100] if d != docnum)
        more = int(per_doc[doc_index]) - 1 if req.collapse else 0
        hits.append(make_hit(gen, docnum, parsed.marks, scores.get(int(docnum), 0.0), more, others))
    return hits, total_docs


def export_rows(gen, req: SearchRequest, cap: int) -> tuple[list[dict], int]:
    """Matching paragraphs (not collapsed, no snippets), ranked, up to `cap`; and the total."""
    flat = SearchRequest(**{**req.__dict__, "page": 1, "collapse": False})
    parsed, _, _, final = selection(gen, flat)
    if not final.any():
        return [], 0
    ranked, scores = ranked_docnums(gen, parsed, final, flat, cap)
    return [export_row(gen, d, scores.get(int(d), 0.0)) for d in ranked], int(final.sum())


def suggest(gen, text: str) -> str | None:
    """'Did you mean': unknown raw words corrected against the corpus word list (on the cut query only)."""
    text, _ = cut_query(text)
    out, changed = text, False
    for word in list(dict.fromkeys(_WORD_RE.findall(text)))[:MAX_SPELLED_WORDS]:
        lower = word.lower()
        if ":" in word or gen.speller.known(lower):
            continue
        option = gen.speller.suggest(lower)
        if option:
            out = re.sub(rf"\b{re.escape(word)}\b", option, out)
            changed = True
    return out if changed else None
