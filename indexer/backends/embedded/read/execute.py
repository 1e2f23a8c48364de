"""One search over one generation: match, filter, count facets, rank, and build the page."""
from __future__ import annotations

import re

import numpy as np

from indexer import settings
from indexer.search.limits import words_to_correct
from indexer.models import SearchRequest, SearchResult
from indexer.backends.embedded.query.bestmatch import context_matched, plan_hits
from indexer.backends.embedded.query.context import councils_named
from indexer.backends.embedded.collector.counting import Matches
from indexer.backends.embedded.collector.facets import combine, facet_counts, facet_masks, year_counts
from indexer.search.facets import FACETS
from indexer.backends.embedded.query.matching import match_mask
from indexer.backends.embedded.collector.ordering import ranked_docnums, tiers_and_scores
from indexer.backends.embedded.query.parse import parse_query
from indexer.search.query import ParsedQuery, cut_query
from indexer.search.answer import asked_by, shown_paragraph
from indexer.backends.embedded.read.results import export_row, make_hit
from indexer.backends.embedded.index.schema import split_facet
from indexer.stemming import ANALYSIS_VERSION

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}")


def selection(gen, req: SearchRequest) -> tuple[ParsedQuery, np.ndarray, dict, np.ndarray]:
    """The parsed query, its match mask, each facet's selection mask and their AND."""
    parsed = parse_query(gen, req.q, strict=req.match == "all")
    matched = plan_hits(gen, parsed.plan).matched if parsed.plan is not None else match_mask(gen, parsed.query)
    masks = facet_masks(gen, req)
    return parsed, matched, masks, combine(matched, masks.values())


def search(gen, req: SearchRequest) -> SearchResult:
    """Ranked, collapsed hits for one page, honest facet counts, a year histogram and a suggestion."""
    parsed, matched, masks, final = selection(gen, req)
    matches = Matches(gen, final)  # its per-document counts serve the page, the facets and the histogram
    hits, total_docs = _page(gen, parsed, matches, req, masks)
    suggestion = suggest(gen, req.q) if req.q and (len(hits) < 3 or parsed.corrections) else None
    return SearchResult(request=req, total=int(np.count_nonzero(final)), total_docs=total_docs, hits=hits,
                        facets=facet_counts(gen, matched, masks, req, matches),
                        facet_labels={f.name: f.label for f in FACETS}, suggestion=suggestion,
                        message=_message(parsed, gen), year_histogram=sorted(year_counts(gen, matches).items()),
                        match_info=match_info(gen, parsed, req, final), corrections=list(parsed.corrections))


def known_values(gen) -> dict[str, set[str]]:
    """The facet values the index holds (years as strings)."""
    known = {name: set(values) for name, values in gen.keyword_postings.items() if name != settings.LISTED_FIELD}
    return {**known, "year": {str(y) for y in gen.years_present}}


def _message(parsed: ParsedQuery, gen=None) -> str | None:
    """The parser's note (spelling corrections travel separately: the page says them in one line), and a word
    when the index was built with an older word analysis than this version searches with."""
    notes = [parsed.message] if parsed.message else []
    if gen is not None and gen.info.get("analysis_version", 0) != ANALYSIS_VERSION:
        notes.append(STALE_ANALYSIS)
    return " ".join(notes) or None


STALE_ANALYSIS = ("This index was built before a change in how words are matched; some words may not be found "
                  "until it is rebuilt (`reportsearch rebuild`).")


def match_info(gen, parsed: ParsedQuery, req: SearchRequest, final: np.ndarray) -> dict:
    """Which matching applied: syntax (strict, as written) or best match with how many words were required."""
    if parsed.plan is None:
        return {"mode": "syntax" if parsed.query is not None else "browse"}
    hits = plan_hits(gen, parsed.plan)
    groups = len(parsed.plan.counted) + bool(parsed.plan.stand_ins)  # a recognised movement counts as one
    words = [g.typed[:40] for g in parsed.plan.counted]
    if parsed.plan.stand_ins:
        words.append("grade " + " ".join(value for _, value in parsed.plan.stand_ins))  # "grade from inadequate"
    return {"mode": "all" if parsed.plan.strict else "best", "words": words,
            "required": hits.required_used, "of": groups, "all_words": int(np.count_nonzero(hits.all_groups & final))}


def _page(gen, parsed: ParsedQuery, matches: Matches, req: SearchRequest,
          masks: dict | None = None) -> tuple[list, int]:
    """The hits of the requested page (best paragraph per document when collapsing) and the document count
    (`masks`: the facet selections, for the paragraphs a question about councils as a set may show)."""
    final = matches.mask
    per_doc = matches.per_document
    total_docs = int(np.count_nonzero(per_doc))
    if not final.any():
        return [], total_docs
    wanted = req.page * req.per_page
    if (req.page - 1) * req.per_page >= (total_docs if req.collapse else int(final.sum())):
        return [], total_docs  # past the last page: nothing to rank
    ranked, scores = ranked_docnums(gen, parsed, final, req, wanted, per_doc)
    hits = []
    answering = parsed.plan is not None and req.collapse and req.sort not in ("newest", "oldest")
    # A question about councils as a set may be shown a paragraph below the minimum (the list of them); one naming a
    # council, one the council's looser minimum did not match (below).
    widened = answering and (asked_by(parsed.plan).listing or plan_hits(gen, parsed.plan).groups is not None)
    for docnum in ranked[(req.page - 1) * req.per_page: wanted]:
        doc_index = gen.doc_ids[docnum]
        if answering and (per_doc[doc_index] > 1 or widened):
            docnum = _answering_paragraph(gen, parsed, final, int(docnum), scores, masks or {})
        others: list[int] = []
        if req.collapse and per_doc[doc_index] > 1:
            same_doc = gen.docnums_of(doc_index)
            same_doc = same_doc[final[same_doc]]
            nearby = same_doc[:100]
            others = sorted(np.asarray(gen.para_n[nearby[nearby != docnum]]).tolist())
        more = int(per_doc[doc_index]) - 1 if req.collapse else 0
        hit = make_hit(gen, docnum, parsed.marks, scores.get(int(docnum), 0.0), more, others)
        if parsed.plan is not None:
            hit.context_matched = context_matched(gen, parsed.plan, int(docnum))
            if "council" in hit.context_matched:
                hit.councils_matched = councils_named(hit.council, parsed.plan.stems)
        hits.append(hit)
    return hits, total_docs


def _council_lift(gen, plan, hits, paragraphs: np.ndarray) -> np.ndarray:
    """The tiers the query's named councils lift each of the paragraphs by (as in `tiers_and_scores`)."""
    lift = np.zeros(len(paragraphs), dtype=np.int16)
    for at, (facet, value) in enumerate(plan.boosts):
        ids = gen.keyword_postings.get(facet, {}).get(value) if facet == "council" else None
        if ids is not None:
            has = np.isin(paragraphs, ids)
            for other in plan.shadowed_by(at):  # a related council: not where a council named is lifted
                has &= ~np.isin(paragraphs, gen.keyword_postings.get(facet, {}).get(other, []))
            lift += has.astype(np.int16) * plan.tiers_of(at)
    if hits.crowded is not None:  # what a round-up's paragraph was not lifted by (round 29) is not removed either
        lift -= hits.crowded[paragraphs]
    return np.where(hits.own[paragraphs] > 0, lift, 0).astype(np.int16)


def _answering_paragraph(gen, parsed: ParsedQuery, final: np.ndarray, docnum: int, scores: dict,
                        masks: dict) -> int:
    """The document's paragraph to show: among its best few in the best's tier, the one answering the question
    (search/answer.py); the document's rank is unchanged."""
    same_doc = gen.docnums_of(int(gen.doc_ids[docnum]))
    hits = plan_hits(gen, parsed.plan)
    asked = asked_by(parsed.plan)
    if asked.listing:
        # A question about councils as a set is answered by the list of them, a run of names that seldom holds the
        # question's other words: any of the matched document's paragraphs with a query word of its own may show.
        wanted = final[same_doc] | (hits.own[same_doc] > 0)
        for mask in masks.values():
            if mask is not None:
                wanted &= mask[same_doc]
        same_doc = same_doc[wanted]
    else:
        same_doc = same_doc[final[same_doc]]
    tiers, paragraph_scores = tiers_and_scores(hits, same_doc)
    at_best = np.searchsorted(same_doc, docnum)
    keep = hits.own[same_doc] > 0  # a paragraph with no query word of its own answers nothing
    if hits.groups is not None:  # a paragraph matched only by the named council's looser minimum is not shown instead
        keep &= hits.groups[same_doc] >= parsed.plan.answer_minimum(hits.required_used)
    # The best paragraph leads the candidates, unless only the council's looser minimum matched it and another
    # paragraph meets the usual one: then the best of those leads (PostgreSQL alike).
    lead = keep[at_best] or not keep.any()
    # Within the document the named council's lift is left out of the tier: it ranks the document (another council's
    # rarely answers), but a one-council story's answer seldom repeats the name ("They had been rated 'inadequate' in
    # 2013"), and in a round-up the paragraph about one asked council has less of it than an introduction inheriting
    # them all. The other lifts (movement, judged area, grade) still keep the candidates to the best's tier.
    answer_tiers = tiers - _council_lift(gen, parsed.plan, hits, same_doc)
    best_tier = answer_tiers[at_best] if lead else answer_tiers[keep].max()
    keep &= answer_tiers == best_tier
    same_doc, paragraph_scores, tiers = same_doc[keep], paragraph_scores[keep], tiers[keep]
    ranked_rest = [int(d) for d in same_doc[np.lexsort((-paragraph_scores, -tiers))] if d != docnum]
    order = ([docnum] + ranked_rest if lead else ranked_rest)[:settings.RANKING.answer_candidates]
    if len(order) == 1:
        chosen = order[0]
        if chosen != docnum:
            scores[chosen] = scores.get(docnum, 0.0)
        return chosen
    round_up = len(split_facet(gen.stored(docnum).get("council"))) > 1
    texts = ((int(gen.para_n[d]), gen.stored(d).get("text", "")) for d in order)  # read only as far as needed
    chosen = order[shown_paragraph(asked, texts, round_up)]
    if chosen != docnum:
        scores[chosen] = scores.get(docnum, 0.0)
    return chosen


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
    for word in words_to_correct(_WORD_RE.findall(text)):
        lower = word.lower()
        if ":" in word or gen.speller.known(lower):
            continue
        option = gen.speller.suggest(lower)
        if option:
            out = re.sub(rf"\b{re.escape(word)}\b", option, out)
            changed = True
    return out if changed else None
