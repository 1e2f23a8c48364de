"""The order of matching paragraphs: BM25F relevance with a title bonus, or by date."""
from __future__ import annotations

import numpy as np

from indexer import settings
from indexer.models import SearchRequest
from indexer.backends.embedded.collector.ranking import (best_first, best_positions, bm25f_at, candidate_runs,
                                                         order_key, rank_documents, rank_paragraphs)
from indexer.backends.embedded.query.bestmatch import BestMatchPlan, PlanHits, share_matched, plan_hits
from indexer.backends.embedded.query.proximity import proximity_factors
from indexer.search.snippets import MATCH_FIELDS, QueryMarks
from indexer.search.query import ParsedQuery


def ranked_docnums(gen, parsed: ParsedQuery, final: np.ndarray, req: SearchRequest, wanted: int,
                   per_document: np.ndarray | None = None) -> tuple[np.ndarray, dict[int, float]]:
    """The first `wanted` matching docnums in the requested order, with relevance scores when ranked
    (`per_document`: the matches per document, when the caller has counted them)."""
    if req.sort in ("newest", "oldest") or parsed.everything:
        return by_date(gen, final, newest=req.sort != "oldest", collapse=req.collapse)[:wanted], {}
    if parsed.plan is not None:
        return best_match_order(gen, parsed.plan, final, req.collapse, wanted, per_document=per_document)
    candidates = np.flatnonzero(final)
    scores = relevance(gen, parsed.marks, candidates)
    ranked = best_first(candidates, scores, gen.doc_ids, wanted, req.collapse)
    at = np.searchsorted(candidates, ranked)
    return ranked, {int(d): float(s) for d, s in zip(ranked, scores[at])}


def best_match_order(gen, plan: BestMatchPlan, final: np.ndarray, collapse: bool, wanted: int,
                     proximity: bool = True, per_document: np.ndarray | None = None
                     ) -> tuple[np.ndarray, dict[int, float]]:
    """Paragraphs with a named judgement, council or movement first, then by score weighted by the share of the
    query matched and lifted for proximity; documents by best paragraph plus a share of their others and of the
    query's score over the whole document."""
    hits = plan_hits(gen, plan)
    candidates = np.flatnonzero(final)
    tiers, scores = tiers_and_scores(hits, candidates)
    key = order_key(tiers, scores)  # one order key, mended where proximity changes scores
    if proximity and len(plan.groups) > 1:  # one group: every factor is 1
        # Read from positions, so only for a fixed number of the best (the same whatever the page size, so
        # pages never overlap or skip a hit).
        top = best_positions(tiers, scores, settings.RANKING.proximity_candidates, key)
        scores[top] *= proximity_factors(gen, plan, candidates[top])
        key[top] = order_key(tiers[top], scores[top])
    if collapse:
        # The candidates' runs by document from the counts the page already has (no pass over the candidates).
        runs = candidate_runs(per_document) if per_document is not None and gen.document_runs is not None else None
        ranked = rank_documents(candidates, tiers, scores, gen.doc_ids, settings.RANKING.document_share,
                                settings.RANKING.document_share_paragraphs, settings.RANKING.document_weight * hits.documents,
                                wanted, key, runs)
    else:
        ranked = rank_paragraphs(candidates, tiers, scores, wanted, key)
    at = np.searchsorted(candidates, ranked)  # candidates are ascending
    return ranked, {int(d): float(s) for d, s in zip(ranked, scores[at])}


def tiers_and_scores(hits: PlanHits, candidates: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Tiers and scores of the candidates: lifts first, scores times the matched idf share to a power (Lucene's
    coord); with the power 0, the count of groups matched first (the order before coverage weighting)."""
    power = settings.RANKING.coverage_power
    if not power:
        return hits.tiers[candidates], hits.scores[candidates].copy()
    # A share of 1 scales nothing (x * 1 ** power is x): not computed for a million candidates of one frequent word.
    share = None if hits.whole_share else share_matched(hits.weighted[candidates], hits.idf_total)
    if hits.lifts.any():
        # A paragraph none of whose own words the query has is not lifted by its document's council or grade alone.
        lifts = np.where(hits.own[candidates] > 0, hits.lifts[candidates], 0).astype(np.int16)
    else:
        lifts = np.zeros(len(candidates), dtype=np.int16)
    if share is None:
        return lifts, hits.scores[candidates]
    return lifts, (hits.scores[candidates] * _power(share, power)).astype(np.float32, copy=False)


def _power(values: np.ndarray, power: float) -> np.ndarray:
    """values ** power; a whole power by repeated squaring (a third of the time of powf over a million)."""
    if power != int(power) or not 0 < power <= 64:
        return values ** np.float32(power)
    out, base, left = None, values, int(power)
    while left:
        if left & 1:
            out = base if out is None else out * base
        left >>= 1
        if left:
            base = base * base
    return out


def relevance(gen, marks: QueryMarks, candidates: np.ndarray) -> np.ndarray:
    """BM25F of the candidates (ascending docnums) over the query's words in text and heading, lifted where the
    document title shares them; aligned with the candidates."""
    words = marks.words | {w for phrase in marks.phrases for w in phrase}
    terms = [(gen.term_postings(f, w), gen.field_stats[f]) for w in sorted(words) for f in MATCH_FIELDS]
    scores = bm25f_at(candidates, terms, gen.paragraph_count)
    title_hit = np.fromiter((bool(t & words) for t in gen.title_terms), dtype=bool, count=len(gen.title_terms))
    scores *= np.where(title_hit[gen.doc_ids[candidates]], 1.0 + settings.RANKING.title_match_bonus, 1.0).astype(np.float32)
    return scores


def by_date(gen, final: np.ndarray, newest: bool, collapse: bool) -> np.ndarray:
    """Matching docnums ordered by date (then document, then paragraph), one per document when collapsing."""
    docnums = np.flatnonzero(final)
    dates = gen.dates[docnums]
    # Undated paragraphs go last either way.
    primary = np.where(dates > 0, -dates if newest else dates, np.iinfo(np.int64).max)
    ordered = docnums[np.lexsort((gen.para_n[docnums], gen.doc_ids[docnums], primary))]
    if collapse:
        _, first = np.unique(gen.doc_ids[ordered], return_index=True)
        ordered = ordered[np.sort(first)]
    return ordered
