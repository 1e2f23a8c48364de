"""Frequent words take shortcuts (collector/topdocs.py, one-group share, runs from the page's counts, read/memory.py);
every page must be what the long way gives: totals, order, scores, snippets and facet counts."""
from __future__ import annotations

import random
from dataclasses import replace

import numpy as np
import pytest

from indexer import settings
from indexer.backends import open_backend
from indexer.backends.embedded.collector import ordering, ranking, topdocs
from indexer.backends.embedded.read import memory
from indexer.backends.embedded.write.build import build_from_documents
from indexer.models import Document, Paragraph, SearchRequest

_COMMON = "children and the care of services for young people".split()
_OTHER = ("plans reviews social workers managers leaders assessments placements court health school visits "
          "risk missing foster carers adoption panel audit quality supervision caseloads").split()
_COUNCILS = ("Kent", "Leeds", "Derby", "Oldham")
_GRADES = ("good", "inadequate", "requires improvement to be good", "outstanding")


def _corpus(seed: int = 4) -> list[Document]:
    """Documents whose paragraphs mostly share a few words, half of them copies of others (ties everywhere, as
    in the benchmark's repeated reports), in several councils, years and grades."""
    rng = random.Random(seed)
    originals = []
    for i in range(40):
        paragraphs = []
        for n in range(rng.randint(3, 14)):
            words = [rng.choice(_COMMON) if rng.random() < 0.5 else rng.choice(_OTHER) for _ in range(rng.randint(6, 40))]
            paragraphs.append(Paragraph(n=n + 1, text=" ".join(words).capitalize() + ".", heading=rng.choice(_OTHER)))
        originals.append(Document(path=f"doc-{i}.txt", title=f"Services for {rng.choice(_OTHER)}",
                                  paragraphs=paragraphs, council=[_COUNCILS[i % 4]], year=2014 + i % 9,
                                  severity=[_GRADES[i % 4]], facet_evidence={"cached": True},
                                  meta={"doc_id": f"doc-{i}.txt"}))
    copies = [replace(d, path=f"copy-{i}.txt", meta={"doc_id": f"copy-{i}.txt"}) for i, d in enumerate(originals[:20])]
    return originals + copies


@pytest.fixture(scope="module")
def busy_index(tmp_path_factory):
    """An index over the synthetic corpus."""
    index_dir = tmp_path_factory.mktemp("frequent-words")
    build_from_documents(iter(_corpus()), index_dir, ["synthetic"])
    return index_dir


def _long_way(monkeypatch) -> None:
    """Turn every shortcut off: documents ranked all, share computed, runs found by a pass over the candidates."""
    def rank_all(candidates, tiers, scores, key, runs, doc_ids, share, others, document_scores, wanted):
        return ranking.rank_documents(candidates, tiers, scores, doc_ids, share, others, document_scores)[:wanted]

    share = ordering.tiers_and_scores
    monkeypatch.setattr(topdocs, "top_documents", rank_all)
    monkeypatch.setattr(ranking, "top_documents", rank_all)  # ranking calls it by the name it imported
    monkeypatch.setattr(ordering, "candidate_runs", lambda per_document: None)
    monkeypatch.setattr(ordering, "tiers_and_scores", lambda hits, c: share(replace(hits, whole_share=False), c))


def _page(result) -> dict:
    """Everything a page shows."""
    return {"total": result.total, "documents": result.total_docs, "match": result.match_info,
            "hits": [(h.doc_id, h.paragraph, h.score, h.snippet_html, h.more_in_doc, h.other_paragraphs,
                      h.context_matched) for h in result.hits],
            "facets": {k: [(v.value, v.count) for v in vs] for k, vs in result.facets.items()},
            "years": result.year_histogram}


def _pages(backend, requests) -> list[dict]:
    """The pages of the requests, from one backend opened in the current way (fast or long)."""
    return [_page(backend.search(r)) for r in requests]


_REQUESTS = [SearchRequest(q=q, per_page=per_page, page=page, collapse=collapse, severity=severity)
             for q in ("children", "and", "the care", "services", "young people", "children and services",
                       '"young people"', "caseloads", "Kent children", "good", "care leavers services")
             for per_page, page, collapse, severity in ((3, 1, True, []), (10, 1, True, []), (3, 2, True, []),
                                                        (5, 1, False, []), (3, 1, True, ["good"]))]


def test_pages_are_the_same_the_long_way(busy_index, monkeypatch):
    # One backend a way (each has its own result cache and memos, so the long way never sees a fast answer):
    # opening and warming one for every request made most of this test's time.
    fast = _pages(open_backend(busy_index), _REQUESTS)
    _long_way(monkeypatch)
    slow = _pages(open_backend(busy_index), _REQUESTS)
    assert any(p["total"] > 100 and len(p["hits"]) == 3 for p in fast)  # frequent words with more than a page
    for request, got, want in zip(_REQUESTS, fast, slow):
        assert got == want, request


@pytest.mark.reports
def test_real_report_pages_are_the_same_the_long_way(reports_index, monkeypatch):
    requests = [SearchRequest(q=q, page=page) for q in ("and", "looked", "services", "children", "good",
                                                          "effective need", "the local authority")
                for page in (1, 2)]
    fast = _pages(open_backend(reports_index), requests)
    _long_way(monkeypatch)
    slow = _pages(open_backend(reports_index), requests)
    assert fast == slow


def test_bm25f_first_term_stored_is_the_sum_onto_zeros():
    rng = np.random.default_rng(2)
    size = 3000
    lengths = ranking.FieldStats(rng.integers(1, 80, size).astype(np.float32), 30.0, 1.0)
    heading = ranking.FieldStats(rng.integers(0, 6, size).astype(np.float32), 2.0, 2.0)
    terms = []
    for field, share in ((lengths, 0.9), (heading, 0.2)):
        docnums = np.flatnonzero(rng.random(size) < share)
        terms.append((ranking.TermPostings(docnums, rng.integers(1, 9, len(docnums)).astype(np.float32)), field))
    summed = np.zeros(size, dtype=np.float32)
    for postings, field in terms:  # the way bm25f added every term before
        df = len(postings.docnums)
        idf = np.log1p((size - df + 0.5) / (df + 0.5))
        k1, b = settings.RANKING.bm25_k1, settings.RANKING.bm25_b
        norm = k1 * (1.0 - b + b * field.lengths[postings.docnums] / field.average)
        summed[postings.docnums] += field.boost * idf * postings.freqs * (k1 + 1.0) / (postings.freqs + norm)
    assert np.array_equal(ranking.bm25f(size, terms), summed)


def test_freed_buffers_are_kept_once_and_zero_turns_it_off(monkeypatch):
    assert memory._apply(0) is False
    first = memory.keep_freed_buffers()
    assert memory.keep_freed_buffers() is first  # applied once per process
    assert isinstance(first, bool)
