"""Best-match search for plain word lists: groups of equivalent words, a minimum that must match, tiers and scores."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from indexer import settings
from indexer.backends.embedded.collector.ranking import FieldStats, TermPostings, bm25f
from indexer.search.snippets import MATCH_FIELDS
from indexer.backends.embedded.query.context import document_context
from indexer.backends.embedded.query.matching import phrase_mask
from indexer.search.plan import BestMatchPlan, context_weight, meaningful, meaningful_groups  # noqa: F401 - re-exported
from indexer.search.synonyms import Alternative, Group
from indexer.backends.embedded.query.opposites import OPPOSITE_FACTOR, opposite_paragraphs



@dataclass(frozen=True)
class PlanHits:
    """What a plan matched: per paragraph the groups matched (own text or context), a score, own-text groups."""

    tiers: np.ndarray      # int16: groups matched per paragraph (plus one per named judgement it has)
    own: np.ndarray        # int16: groups matched by the paragraph's own words
    scores: np.ndarray     # float32
    matched: np.ndarray    # bool: tiers >= the minimum used, or the best paragraphs of a document meeting it
    required_used: int     # the minimum actually applied (lowered when nothing met the plan's)
    all_groups: np.ndarray  # bool: paragraphs matching every group
    documents: np.ndarray  # float32 per document: BM25 of the query over the whole document's text
    weighted: np.ndarray   # float32: the idf of the groups matched (own text or context)
    idf_total: float       # the idf of all the query's groups (share matched = weighted / idf_total)
    lifts: np.ndarray      # int16: the tiers of stand-ins and boosts alone (no group counts)
    whole_share: bool = False  # every matched paragraph matched the whole query's idf (one group, no stand-in)
    groups: np.ndarray | None = None  # int16: groups and stand-ins matched, no lift (only for a named council)
    crowded: np.ndarray | None = None  # int16: the council tiers withheld from a round-up's paragraph (round 29)


def plan_hits(gen, plan: BestMatchPlan) -> PlanHits:
    """Evaluate a plan over a generation, cached per generation."""
    return gen.memo("plans", (plan, settings.RANKING), lambda: _evaluate(gen, plan), settings.PLAN_CACHE_SIZE)


def _evaluate(gen, plan: BestMatchPlan) -> PlanHits:
    """Match every group in text, heading and document context; count, score, and apply the minimum."""
    size = gen.size
    context = document_context(gen)
    tiers = np.zeros(size, dtype=np.int16)
    own_count = np.zeros(size, dtype=np.int16)
    scores = np.zeros(size, dtype=np.float32)
    # Groups matched per document (a document may meet the minimum across its paragraphs): not needed when a
    # single group is the minimum, which any matching paragraph meets by itself.
    covered = np.zeros(len(gen.doc_names), dtype=np.int16) if plan.required > 1 else None
    weighted = np.zeros(size, dtype=np.float32)  # idf of the groups matched
    total = 0.0
    own_masks = []  # per group, paragraphs whose own words match it (for anchored boosts)
    for group in plan.groups:
        idf = np.float32(_idf(gen, group))
        total += float(idf) if group.in_share else 0.0
        own_mask, own_score = _group_own(gen, group)  # own_score is a fresh array: changed in place below
        own_masks.append(own_mask)
        in_context = _group_context(gen, context, group)
        found = own_mask
        if in_context is not None:
            found = own_mask | in_context
            np.copyto(own_score, np.float32(context_weight(group)) * idf, where=found & ~own_mask)
        if group.counted:  # a word that only introduces a grade scores but is not one of the words required
            tiers += found
            if covered is not None:
                covered += _documents_with(gen, found)
        own_count += own_mask
        scores += own_score
        if group.in_share:
            weighted += found * idf  # + idf where found, + 0 elsewhere: a masked add is twenty times slower
    all_groups = tiers >= len(plan.counted)
    lifts = np.zeros(size, dtype=np.int16)
    for facet, value in plan.stand_ins:
        ids = gen.keyword_postings.get(facet, {}).get(value)
        if ids is not None:
            tiers[ids] += 1
            lifts[ids] += 1
            if covered is not None:
                covered[np.unique(gen.doc_ids[ids])] += 1
    if gen.live is not None:
        tiers[~gen.live] = 0  # paragraphs of documents an update removed
    coverage = None if covered is None else gen.per_paragraph(covered) if settings.DOCUMENT_COVERAGE else tiers
    required = plan.required
    matched = _meets(gen, tiers, coverage, required)
    if not plan.strict:
        while required > 1 and not matched.any():  # never nothing when partial matches exist
            required -= 1
            matched = _meets(gen, tiers, coverage, required)
    all_groups &= tiers > 0  # live paragraphs only
    # Groups (and stand-ins) matched before any lift: which paragraphs a question naming a council may show.
    groups = tiers.copy() if any(facet == "council" for facet, _ in plan.boosts) else None
    if not plan.strict and required > 1:
        for facet, value in plan.boosts:  # a named council's paragraphs may miss one group more (see plan.py)
            ids = gen.keyword_postings.get(facet, {}).get(value) if facet == "council" else None
            if ids is not None:
                own = own_count[ids] > 0
                # and one about the council alone (a story's, not a round-up's list) with any query word of its own
                # (its name will do): the council's stories of another step of its history (tiers > 0: live)
                alone = own & (tiers[ids] > 0) & _single_council(gen)[ids]
                matched[ids[(tiers[ids] >= plan.council_minimum(required)) & own | alone]] = True
    withheld = None
    for at, (facet, value) in enumerate(plan.boosts):  # ranks the named judgement or council first; never filters
        ids = gen.keyword_postings.get(facet, {}).get(value)
        anchor = plan.anchor_of(at)
        if ids is not None and anchor:  # only the paragraphs about the boost's area
            ids = ids[np.logical_or.reduce([own_masks[g] for g in anchor])[ids]]
            if not plan.strict:  # and they answer by meaning: about the area, in a document with its named grade
                ids = ids if gen.live is None else ids[gen.live[ids]]
                matched[ids] = True
        if ids is not None and plan.shadowed_by(at):  # a related council: not where a council named is lifted
            ids = ids[~_has_any(gen, facet, plan.shadowed_by(at))[ids]]
        if ids is not None:
            step = np.int16(plan.tiers_of(at))
            tiers[ids] += step
            lifts[ids] += step
            if facet == "council" and plan.crowded and step > 0:
                crowd = _crowded(gen, plan.crowded)[ids]  # a round-up's paragraph not naming it: one tier less
                for g in plan.crowded_groups:
                    crowd &= ~own_masks[g][ids]
                crowd = ids[crowd]
                tiers[crowd] -= 1
                lifts[crowd] -= 1
                withheld = np.zeros(size, dtype=np.int16) if withheld is None else withheld
                withheld[crowd] += 1
            if facet == "council" and plan.listed and step > 0:  # a list page's paragraph: no council lift
                listed = ids[_list_page(gen, plan.listed)[ids]]
                withheld = np.zeros(size, dtype=np.int16) if withheld is None else withheld
                less = (step - withheld[listed]).astype(np.int16)
                tiers[listed] -= less
                lifts[listed] -= less
                withheld[listed] += less
    for facet, values in plan.any_of:  # a region: any of its councils, one tier
        postings = gen.keyword_postings.get(facet, {})
        found = [postings[v] for v in values if v in postings]
        if found:
            ids = np.unique(np.concatenate(found))
            tiers[ids] += 1
            lifts[ids] += 1
    if plan.years:  # a paragraph of a document of the year asked (search/year_lift.py)
        asked = np.isin(gen.years, np.asarray(plan.years, dtype=gen.years.dtype))
        scores[asked] *= np.float32(settings.RANKING.year_factor)
        if settings.RANKING.year_lift:
            tiers += asked * np.int16(settings.RANKING.year_lift)
            lifts += asked * np.int16(settings.RANKING.year_lift)
    if not plan.strict:
        opposite = opposite_paragraphs(gen, plan.stems)
        if opposite is not None:  # "caseloads are manageable" answers "caseloads too high" last among equals
            scores[opposite] *= np.float32(OPPOSITE_FACTOR)
    # One group and no stand-in: a paragraph is matched only by finding the group, so its share is 1 (idf / idf).
    whole_share = len(plan.groups) == 1 and not plan.stand_ins
    return PlanHits(tiers, own_count, scores, matched, required, all_groups, _document_scores(gen, plan),
                    weighted, total, lifts, whole_share, groups, withheld)


def _has_any(gen, facet: str, values: tuple[str, ...]) -> np.ndarray:
    """bool per paragraph: it has any of the facet's values."""
    mask = np.zeros(gen.size, dtype=bool)
    postings = gen.keyword_postings.get(facet, {})
    for value in values:
        if value in postings:
            mask[postings[value]] = True
    return mask


def _crowded(gen, least: int) -> np.ndarray:
    """Per paragraph, True when its council facet holds at least `least` councils (a round-up's paragraph)."""
    def count():
        counts = np.zeros(gen.size, dtype=np.int16)
        for ids in gen.keyword_postings.get("council", {}).values():
            counts[ids] += 1
        return counts >= least
    return gen.memo("crowded-council", str(least), count, 1)


def _list_page(gen, least: int) -> np.ndarray:
    """Per paragraph, True when its document's paragraphs are filed under at least `least` councils (a list page)."""
    def count():
        counts = np.zeros(len(gen.doc_names), dtype=np.int32)
        for ids in gen.keyword_postings.get("council", {}).values():
            counts[np.unique(gen.doc_ids[ids])] += 1
        return (counts >= least)[gen.doc_ids]
    return gen.memo("list-page", str(least), count, 1)


def _single_council(gen) -> np.ndarray:
    """Per paragraph, True when its council facet holds one council (a story's paragraph, not a round-up's list)."""
    def count():
        counts = np.zeros(gen.size, dtype=np.int16)
        for ids in gen.keyword_postings.get("council", {}).values():
            counts[ids] += 1
        return counts == 1
    return gen.memo("single-council", "all", count, 1)


def share_matched(weighted: np.ndarray, total: float) -> np.ndarray:
    """Matched idf as a share of the query's whole idf (1 everywhere for a query without weight)."""
    if total <= 0:
        return np.ones_like(weighted)
    return np.minimum(weighted / np.float32(total), np.float32(1.0))


def _document_scores(gen, plan: BestMatchPlan) -> np.ndarray:
    """BM25 of every group over whole documents (a document's paragraphs as one text, its length their sum)."""
    ndocs = len(gen.doc_names)
    live = gen.live
    lengths, average, counted = gen.document_lengths
    stats = FieldStats(lengths, average)
    total = np.zeros(ndocs, dtype=np.float32)
    for group in plan.groups:
        best = np.zeros(ndocs, dtype=np.float32)
        for alt in group.alternatives:
            postings = _alternative_postings(gen, alt)
            keep = slice(None) if live is None else live[postings.docnums]
            freqs = gen.sum_per_document(postings.docnums[keep], postings.freqs[keep])
            ids = np.flatnonzero(freqs)
            score = bm25f(ndocs, [(TermPostings(ids, freqs[ids].astype(np.float32)), stats)], counted=counted)
            np.maximum(best, score * np.float32(alt.weight), out=best)
        total += best
    return total


def _alternative_postings(gen, alt: Alternative) -> TermPostings:
    """Paragraphs with the alternative and how often: a single word's postings, a phrase once per paragraph."""
    if len(alt.stems) == 1:
        return gen.term_postings("text", alt.stems[0])
    ids = np.flatnonzero(phrase_mask(gen, alt.stems))
    return TermPostings(ids, np.ones(len(ids), dtype=np.float32))


def _documents_with(gen, found: np.ndarray) -> np.ndarray:
    """Per document, True when any of its (live) paragraphs is in the mask."""
    if gen.live is not None:
        found = found & gen.live
    return gen.any_per_document(found)


def _meets(gen, tiers: np.ndarray, coverage: np.ndarray | None, required: int) -> np.ndarray:
    """Paragraphs with `required` groups; and where only a whole document has them (words spread over its
    paragraphs and context), that document's best paragraphs, so it is found and shown by its best part."""
    matched = tiers >= required
    if coverage is None or required <= 1:  # one group: every paragraph with it meets the minimum itself
        return matched
    # Only documents none of whose paragraphs meets the minimum add their best ones (a document with a paragraph
    # that meets it is shown by that one): usually few, so this is no pass over a million paragraphs.
    spread = (coverage >= required) & (tiers > 0) & ~matched
    if not spread.any():
        return matched
    spread[spread] = ~_documents_with(gen, matched)[gen.doc_ids[spread]]
    spread_ids = np.flatnonzero(spread)
    if not len(spread_ids):
        return matched
    best = np.zeros(len(gen.doc_names), dtype=tiers.dtype)
    np.maximum.at(best, gen.doc_ids[spread_ids], tiers[spread_ids])
    matched[spread_ids[tiers[spread_ids] == best[gen.doc_ids[spread_ids]]]] = True
    return matched


def _group_own(gen, group: Group) -> tuple[np.ndarray, np.ndarray]:
    """Paragraphs whose own text or heading has any alternative, and the best weighted BM25F among them."""
    if len(group.alternatives) == 1 and group.alternatives[0].weight == 1:  # the usual case: no copies
        score = _alternative_score(gen, group.alternatives[0])
        return score > 0, score
    mask = np.zeros(gen.size, dtype=bool)
    best = np.zeros(gen.size, dtype=np.float32)
    for alt in group.alternatives:
        score = _alternative_score(gen, alt)
        np.maximum(best, score * np.float32(alt.weight), out=best)
        mask |= score > 0
    return mask, best


def _alternative_score(gen, alt: Alternative) -> np.ndarray:
    """BM25F of an alternative; a multi-word one scored as one term (its phrase occurrences), so a phrase of
    common words does not outweigh one rare word."""
    if len(alt.stems) == 1:
        return bm25f(gen.size, [(gen.term_postings(f, alt.stems[0]), gen.field_stats[f]) for f in MATCH_FIELDS],
                     counted=gen.paragraph_count)
    mask = phrase_mask(gen, alt.stems)
    ids = np.flatnonzero(mask if gen.live is None else mask & gen.live)
    return bm25f(gen.size, [(TermPostings(ids, np.ones(len(ids), dtype=np.float32)), gen.field_stats["text"])],
                 counted=gen.paragraph_count)


def _group_context(gen, context, group: Group) -> np.ndarray | None:
    """Paragraphs whose document context has the group (by any of its alternatives)."""
    out = None
    for alt in group.alternatives:
        documents = context.document_mask(alt.stems)
        if documents is not None:
            mask = gen.per_paragraph(documents)
            out = mask if out is None else out | mask
    return out


def _idf(gen, group: Group) -> float:
    """The idf of the group's rarest typed word in paragraph text (how much finding it means)."""
    typed = group.alternatives[0]
    df = max(1, min(len(gen.term_postings("text", s).docnums) for s in typed.stems))
    return float(np.log1p((gen.paragraph_count - df + 0.5) / (df + 0.5))) * min(1.0, typed.weight)


def context_matched(gen, plan: BestMatchPlan, docnum: int) -> list[str]:
    """Which kinds of document context (title, council, grade, year) matched query words this paragraph lacks."""
    context = document_context(gen)
    doc = int(gen.doc_ids[docnum])
    kinds: list[str] = []
    for group in plan.groups:
        if any(_has_words(gen, alt, docnum) for alt in group.alternatives):
            continue
        for alt in group.alternatives:
            kinds.extend(k for k in context.kinds_matching(doc, alt.stems) if k not in kinds)
    return kinds


def _has_words(gen, alt: Alternative, docnum: int) -> bool:
    """True when the paragraph's own text or heading has every word of the alternative."""
    return all(any(_contains(gen.term_postings(f, s).docnums, docnum) for f in MATCH_FIELDS) for s in alt.stems)


def _contains(ascending: np.ndarray, value: int) -> bool:
    """Binary search in an ascending array."""
    at = int(np.searchsorted(ascending, value))
    return at < len(ascending) and int(ascending[at]) == value


def paragraphs_with_own_words(gen, plan: BestMatchPlan, docnums: list[int]) -> list[int]:
    """Those of the docnums whose own text or heading has at least one query word."""
    own = plan_hits(gen, plan).own
    return [d for d in docnums if own[d] > 0]
