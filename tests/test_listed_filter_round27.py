"""Issue 22, round 27 (listfield27): a council a page names only inside a long list is in no paragraph's council
(round 26: no council lift), but the paragraph listing it keeps it apart (`Paragraph.listed`, the field and column
`council_listed`), so the council filter returns the page, the facet counts it, and its paragraph scores the same
with the filter as without. Every text here is written for the test."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.backends.postgres.rows import context_stems
from indexer.ingest.annotation_cache import AnnotationCache
from indexer.models import SearchRequest

from tests.conftest import reader_on, write_story_and_notes
from tests.facet_helpers import article

_ROUNDUP = ("Watchdog warnings this winter\n\nThe harshest verdict went to Slough, judged inadequate for its "
            "children's services.\n\nRed warnings were also sent to Bolton, Derby, Dudley and Halton.\n\nThe "
            "warnings are reviewed every spring.\n")


@pytest.fixture
def listed_on(monkeypatch):
    """Long lists read, their members lifted by nothing, and kept apart for the filter."""
    monkeypatch.setattr(settings, "ROUND26_LONG_LISTS", 4)
    monkeypatch.setattr(settings, "ROUND26_LISTED_NO_LIFT", True)
    monkeypatch.setattr(settings, "ROUND27_LISTED_FILTER", True)


def test_the_list_paragraph_keeps_its_members_apart(tmp_path, listed_on):
    doc = article(tmp_path, _ROUNDUP)
    assert doc.council == ["Slough", "Bolton", "Derby", "Dudley", "Halton"]
    assert [p.listed for p in doc.paragraphs][-2:] == [["Bolton", "Derby", "Dudley", "Halton"], []]
    assert not any("Bolton" in p.council for p in doc.paragraphs)  # round 26 unchanged: no lift, no context
    assert "bolton" not in set(context_stems(doc))


def test_a_member_the_page_grades_is_not_listed(tmp_path, listed_on):
    doc = article(tmp_path, _ROUNDUP + "\nDerby was judged good at its last full inspection.\n")
    assert any("Derby" in p.council for p in doc.paragraphs)
    assert not any("Derby" in p.listed for p in doc.paragraphs)
    assert any("Bolton" in p.listed for p in doc.paragraphs)


def test_switched_off_nothing_is_listed(tmp_path, listed_on, monkeypatch):
    monkeypatch.setattr(settings, "ROUND27_LISTED_FILTER", False)
    doc = article(tmp_path, _ROUNDUP)
    assert not any(p.listed for p in doc.paragraphs)
    assert not any("Bolton" in p.council for p in doc.paragraphs)


def test_the_annotation_cache_keeps_the_listed_members(tmp_path, listed_on):
    doc = article(tmp_path, _ROUNDUP)
    cache = AnnotationCache(tmp_path / "cache")
    cache.store(doc, "k" * 40)
    again = article(tmp_path, _ROUNDUP)
    for para in again.paragraphs:
        para.council, para.listed = [], []
    assert cache.restore(again, "k" * 40)
    assert [p.listed for p in again.paragraphs] == [p.listed for p in doc.paragraphs]


# --- both backends (the shipped settings) ---

@pytest.fixture(scope="module")
def roundup_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("listed-filter")
    (folder / "warnings-roundup.txt").write_text(_ROUNDUP, encoding="utf-8")
    write_story_and_notes(folder)
    return folder


@pytest.fixture(scope="module", params=["embedded", "postgres"])
def searched(request, tmp_path_factory, roundup_folder):
    yield from reader_on(request, tmp_path_factory, roundup_folder, "listed_filter")


def _council_counts(result) -> dict[str, int]:
    return {v.value: v.count for v in result.facets.get("council", [])}


def test_the_council_filter_returns_the_roundup_listing_it(searched):
    result = searched.search(SearchRequest(q="red warnings", council=["Bolton"], collapse=False, per_page=20))
    assert [(h.doc_id, h.paragraph) for h in result.hits] == [("warnings-roundup.txt", 2)]


def test_the_facet_counts_the_listing_paragraph_and_agrees_with_the_filter(searched):
    plain = searched.search(SearchRequest(q="red warnings", collapse=False, per_page=20))
    filtered = searched.search(SearchRequest(q="red warnings", council=["Bolton"], collapse=False, per_page=20))
    assert _council_counts(plain)["Bolton"] == filtered.total == 1
    assert _council_counts(filtered)["Bolton"] == 1


def test_a_browse_by_council_finds_the_story_and_the_roundup(searched):
    result = searched.search(SearchRequest(q="", council=["Bolton"], collapse=True, per_page=20))
    assert sorted(h.doc_id for h in result.hits) == ["bolton-story.txt", "warnings-roundup.txt"]


def test_the_filter_gives_the_listing_paragraph_no_lift(searched):
    """The same paragraph scores and ranks the same with the filter as without (no council tier)."""
    def score(**kw) -> dict:
        hits = searched.search(SearchRequest(q="Bolton warnings", collapse=False, per_page=20, **kw)).hits
        return {(h.doc_id, h.paragraph): h.score for h in hits}
    plain, filtered = score(), score(council=["Bolton"])
    key = ("warnings-roundup.txt", 2)
    assert filtered[key] == pytest.approx(plain[key])
    hit = searched.search(SearchRequest(q="Bolton warnings", council=["Bolton"], collapse=False)).hits
    roundup = [h for h in hit if h.doc_id == "warnings-roundup.txt"]
    assert roundup and all("council" not in h.context_matched for h in roundup)


def test_the_grid_row_counts_what_its_council_filter_returns(searched):
    rows = {r.council: r for r in searched.grid(SearchRequest(q="red warnings")).rows}
    filtered = searched.search(SearchRequest(q="red warnings", council=["Bolton"], collapse=False, per_page=20))
    assert (rows["Bolton"].total, rows["Bolton"].documents) == (filtered.total, 1) == (1, 1)


def test_a_question_naming_the_member_still_ranks_its_own_story_first(searched):
    hits = searched.search(SearchRequest(q="Bolton", collapse=False, per_page=20)).hits
    assert [h.doc_id for h in hits][:1] == ["bolton-story.txt"]


# --- an index built before the column ---

def test_an_older_postgresql_generation_asks_for_a_rebuild(pg_cluster, roundup_folder):
    import psycopg

    from indexer.backends.postgres import open_postgres
    from indexer.backends.postgres.layout import live_generation
    from indexer.contract import IndexDamaged
    from tests.conftest import rebuilt_database

    url = rebuilt_database(pg_cluster, "listed_filter_old", roundup_folder)
    with psycopg.connect(url, autocommit=True) as conn:
        live = live_generation(conn)
        conn.execute(f'ALTER TABLE "{live}".paragraphs DROP COLUMN {settings.LISTED_FIELD}')
    reader, writer = open_postgres(url)
    try:
        assert reader.search(SearchRequest(q="red warnings")).total  # no council selected: still served
        with pytest.raises(IndexDamaged, match="rebuild the index"):
            reader.search(SearchRequest(q="red warnings", council=["Bolton"]))
        writer.update([roundup_folder])  # an update from it is a full rebuild
        assert reader.search(SearchRequest(q="red warnings", council=["Bolton"])).total == 1
    finally:
        reader.db.close()
