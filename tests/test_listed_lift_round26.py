"""Issue 22, round 26 (lists26): a council a page names only as a member of a long list is a subject of the page (its
council facet) but no paragraph's council, so a question naming it neither lifts the page nor finds its paragraphs by
the council's name (both backends read the paragraphs' councils). Every text here is written for the test."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.backends.postgres.rows import context_stems

from tests.conftest import reader_on, write_story_and_notes
from tests.facet_helpers import article

_TABLE = ("Annual league table\n\nThe weakest council this year was Slough, rated inadequate for its children's "
          "services.\n\nOther strong performers this year include Bolton, Derby, Dudley and Halton.\n\nThe tables "
          "are published every spring.\n")


@pytest.fixture
def long_lists(monkeypatch):
    """The long-list reading and this round's paragraph filing switched on."""
    monkeypatch.setattr(settings, "ROUND26_LONG_LISTS", 4)
    monkeypatch.setattr(settings, "ROUND26_LISTED_NO_LIFT", True)


def test_the_members_stay_subjects_of_the_page(tmp_path, long_lists):
    doc = article(tmp_path, _TABLE)
    assert doc.council == ["Slough", "Bolton", "Derby", "Dudley", "Halton"]


def test_no_paragraph_is_filed_under_a_member_named_only_in_the_list(tmp_path, long_lists):
    doc = article(tmp_path, _TABLE)
    assert [p.council for p in doc.paragraphs][-2:] == [["Slough"], ["Slough"]]


def test_a_member_the_page_grades_keeps_its_paragraphs(tmp_path, long_lists):
    doc = article(tmp_path, _TABLE + "\nDerby was judged good at its last full inspection.\n")
    assert any("Derby" in p.council for p in doc.paragraphs)
    assert not any("Bolton" in p.council for p in doc.paragraphs)


def test_the_members_are_no_context_in_postgres(tmp_path, long_lists):
    stems = set(context_stems(article(tmp_path, _TABLE)))
    assert "slough" in stems and "bolton" not in stems


def test_switched_off_the_list_paragraph_is_filed_under_its_members(tmp_path, long_lists, monkeypatch):
    monkeypatch.setattr(settings, "ROUND26_LISTED_NO_LIFT", False)
    doc = article(tmp_path, _TABLE)
    assert doc.paragraphs[-2].council == ["Bolton", "Derby", "Dudley", "Halton"]
    assert "bolton" in set(context_stems(doc))


# --- both backends: a question naming the member (the shipped settings: long lists on, no lift) ---

@pytest.fixture(scope="module")
def table_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("listed-lift")
    (folder / "league-table.txt").write_text(_TABLE, encoding="utf-8")
    write_story_and_notes(folder)
    return folder


@pytest.fixture(scope="module", params=["embedded", "postgres"])
def searched(request, tmp_path_factory, table_folder):
    yield from reader_on(request, tmp_path_factory, table_folder, "listed_lift")


def test_a_question_naming_the_member_finds_the_list_by_its_words_only(searched):
    from indexer.models import SearchRequest

    hits = searched.search(SearchRequest(q="Bolton", collapse=False, per_page=20)).hits
    assert [h.doc_id for h in hits][:1] == ["bolton-story.txt"]
    listed = [h for h in hits if h.doc_id == "league-table.txt"]
    assert [h.paragraph for h in listed] == [2] and "council" not in listed[0].context_matched
