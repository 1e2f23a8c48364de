"""The backend contract, behaviour by behaviour, run on every backend: adding a backend is adding a parameter.

Each test speaks only through `SearchBackend` / `IndexWriter` (indexer/contract.py) over the same
corpus (the seeds and the crafted fixtures), so what it asserts is what the product may rely on.
"""
from __future__ import annotations

import datetime as dt

import pytest

from indexer.backends import IndexWriter, ParagraphMissing, SearchBackend, open_backend, open_writer
from indexer.contract import DocumentView, ExportRow, GridCounts, IndexStats, SimilarResult
from indexer.models import SearchRequest

BACKENDS = ["embedded", "postgresql"]


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request, tmp_path_factory, fixture_corpus) -> SearchBackend:
    """The fixture corpus built and opened on one backend."""
    if request.param == "embedded":
        location = {"index_dir": tmp_path_factory.mktemp("contract-embedded")}
    else:
        try:
            url = request.getfixturevalue("postgres_database")  # a fresh database on the test cluster
        except pytest.FixtureLookupError:
            pytest.skip("no PostgreSQL backend in this build")
        location = {"database": url}
    writer = open_writer(**location)
    assert isinstance(writer, IndexWriter)
    report = writer.rebuild([fixture_corpus])
    assert report.documents > 5 and report.paragraphs > 100
    opened = open_backend(**location)
    assert isinstance(opened, SearchBackend) and opened.exists()
    return opened


def hits(backend, **request) -> list[tuple[str, int]]:
    """(document, paragraph) of a search's hits."""
    return [(h.doc_id, h.paragraph) for h in backend.search(SearchRequest(**request)).hits]


def test_a_plain_word_finds_its_paragraphs_with_marks(backend):
    result = backend.search(SearchRequest(q="caseloads"))
    assert result.total >= 3 and "000_f098993525120d5e.txt" in [h.doc_id for h in result.hits]
    assert all("<mark>" in h.snippet_html for h in result.hits)
    assert "<mark>case loads</mark>" in " ".join(h.snippet_html for h in result.hits)  # a synonym, marked


def test_best_match_needs_most_words_and_says_so(backend):
    result = backend.search(SearchRequest(q="social worker caseloads too high zzzunknownword"))
    assert result.hits and result.match_info["mode"] == "best"
    strict = backend.search(SearchRequest(q="social worker caseloads too high zzzunknownword", match="all"))
    assert strict.total < result.total


def test_phrases_match_as_written(backend):
    assert ("000_f098993525120d5e.txt", 12) in hits(backend, q='"requires improvement to be good"')
    assert backend.search(SearchRequest(q='"requires improvement to good"')).total == 0


def test_or_not_fields_and_wildcards(backend):
    either = backend.search(SearchRequest(q="exploitation OR trafficking")).total
    one = backend.search(SearchRequest(q="exploitation")).total
    assert either >= one > 0
    without = backend.search(SearchRequest(q="missing NOT school")).total
    both = backend.search(SearchRequest(q="missing AND school")).total
    assert without > 0 and without + both == backend.search(SearchRequest(q="missing", match="all")).total
    kent = backend.search(SearchRequest(q="council:Kent", per_page=50))
    assert kent.total > 0 and all("Kent" in h.council for h in kent.hits)
    assert backend.search(SearchRequest(q="safeguard*")).total >= backend.search(SearchRequest(q='"safeguarding"')).total > 0


def test_bad_syntax_gets_a_message_not_an_error(backend):
    result = backend.search(SearchRequest(q='"unclosed'))
    assert result.message and "quotation" in result.message
    assert "starts with a wildcard" in backend.search(SearchRequest(q="*a*")).message


def test_facet_counts_are_honest_under_multi_select(backend):
    base = {v.value: v.count for v in backend.search(SearchRequest(q="children")).facets["council"]}
    both = backend.search(SearchRequest(q="children", council=["Medway", "Kent"]))
    assert both.total == base["Medway"] + base["Kent"]
    shown = {v.value: v for v in both.facets["council"]}
    assert shown["Medway"].selected and shown["Kent"].selected
    assert shown["Liverpool"].count == base["Liverpool"]  # a facet is counted without its own selection


def test_year_range_and_grade_filters(backend):
    result = backend.search(SearchRequest(q="", severity=["inadequate"], year_from=2015, year_to=2020, per_page=50))
    assert result.total > 0 and all(2015 <= (h.year or 0) <= 2020 for h in result.hits)
    assert all("inadequate" in h.severity for h in result.hits)


def test_sort_by_date_and_pages(backend):
    newest = [h.year for h in backend.search(SearchRequest(q="inadequate", sort="newest", per_page=20)).hits
              if h.year]
    assert newest == sorted(newest, reverse=True)
    page1, page2 = hits(backend, q="children", per_page=3), hits(backend, q="children", per_page=3, page=2)
    assert len(page1) == 3 and not set(page1) & set(page2)


def test_documents_and_their_matching_paragraphs(backend):
    doc = backend.document("000_f098993525120d5e.txt")
    assert isinstance(doc, DocumentView) and doc.council and len(doc.paragraphs) > 10
    assert backend.document("no-such-document.txt") is None
    found = backend.matching_paragraphs("000_f098993525120d5e.txt", "caseloads")
    assert 17 in found.numbers and "<mark>" in found.marked[17]


def test_export_rows_are_ranked_flat_rows(backend):
    rows, total = backend.export_rows(SearchRequest(q="caseloads"), 2)
    assert total >= 3 and len(rows) == 2 and all(isinstance(r, ExportRow) for r in rows)
    assert rows[0].score >= rows[1].score and rows[0].text


def test_stats_grid_and_council_counts(backend):
    stats = backend.stats()
    assert isinstance(stats, IndexStats) and stats.documents > 5 and "Medway" in stats.facets["council"]
    grid = backend.grid(SearchRequest(q="children"))
    assert isinstance(grid, GridCounts) and grid.rows
    assert sum(c.count for r in grid.rows for c in r.cells) >= grid.total > 0
    counts = backend.document_counts()
    assert counts["Medway"] >= 1
    summary = backend.council_summary(["Medway"], {"medway"})
    assert summary.paragraphs > 10 and summary.documents_by_year


def test_feeds_list_the_newest_dated_matches(backend):
    found, total = backend.newest(SearchRequest(q="inadequate"), None, 5)
    assert 0 < len(found) <= 5 and total >= len(found)
    dates = [h.date for h in found]
    assert all(dates) and dates == sorted(dates, reverse=True)
    later, _ = backend.newest(SearchRequest(q="inadequate"), dt.date(2020, 1, 1), 50)
    assert all(h.date >= dt.date(2020, 1, 1) for h in later)


def test_similar_paragraphs_come_from_elsewhere(backend):
    found = backend.similar("000_f098993525120d5e.txt", 17, "other-documents")
    assert isinstance(found, SimilarResult) and found.words
    assert all(r.doc_id != "000_f098993525120d5e.txt" for r in found.results)
    with pytest.raises(ParagraphMissing):
        backend.similar("no-such-document.txt", 1, "other-councils")


def test_one_generation_answers(backend):
    assert backend.generation_id() and backend.built_at()


def test_a_named_judged_area_ranks_and_shows_the_paragraph_about_it(backend):
    # The Isle of Wight seed grades leadership inadequate; "judged" only introduces the grade, so it is not one of
    # the words required, and the paragraph shown is the one about leadership.
    result = backend.search(SearchRequest(q="leadership judged inadequate"))
    top = result.hits[0]
    assert top.doc_id == "001_8effb7a534c938bd.txt" and "<mark>Leadership</mark>" in top.snippet_html
    assert result.match_info["words"] == ["leadership", "inadequate"] and result.match_info["of"] == 2


def test_a_named_council_and_its_grade_movement_come_first(backend):
    # Sunderland's seed reports its fall from good to inadequate; a named council outranks any other lift.
    result = backend.search(SearchRequest(q="Sunderland downgraded from good to inadequate"))
    assert result.hits[0].doc_id == "004_c591f3048068f891.txt"
    medway = backend.search(SearchRequest(q="Medway care leavers judged requires improvement")).hits[0]
    assert medway.doc_id == "000_f098993525120d5e.txt" and "care leavers</mark>" in medway.snippet_html


def test_a_grade_given_to_the_whole_service_lifts_that_overall_grade(backend):
    # "overall inadequate" is the overall grade (a severity lift) beside the named leadership judgement.
    result = backend.search(SearchRequest(q="leadership judged inadequate but overall inadequate"))
    assert result.hits and result.hits[0].doc_id == "001_8effb7a534c938bd.txt"


def test_a_document_is_shown_by_the_paragraph_stating_the_asked_grade(backend):
    # Medway's seed: a paragraph saying the service was found "Inadequate" (2 or 11) answers, not the best-scoring
    # one that repeats "Medway" (31); the document keeps the place its best paragraph gives.
    hits = backend.search(SearchRequest(q="Medway inadequate")).hits
    assert hits[0].doc_id == "000_f098993525120d5e.txt"
    assert hits[0].paragraph in (2, 11) and "<mark>inadequate</mark>" in hits[0].snippet_html.lower()
