"""Issue 22, round 26 (lists26): a council a page names only as a member of a long list is a subject of the page (its
council facet) but no paragraph's council, so a question naming it neither lifts the page nor finds its paragraphs by
the council's name (both backends read the paragraphs' councils). Every text here is written for the test."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.backends.postgres.rows import context_stems

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
    (folder / "bolton-story.txt").write_text(
        "Bolton rated good\n\nInspectors judged children's services in Bolton good this spring.\n\nLeaders were "
        "praised for stable social work teams.\n", encoding="utf-8")
    for n in range(4):
        (folder / f"note-{n}.txt").write_text(f"Note {n}\n\nA short note.\n\nAnother short note.\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module", params=["embedded", "postgres"])
def searched(request, tmp_path_factory, table_folder):
    if request.param == "embedded":
        from indexer.backends import open_backend
        from indexer.backends.embedded.write.build import rebuild

        index_dir = tmp_path_factory.mktemp("listed-lift-index")
        rebuild([table_folder], index_dir)
        yield open_backend(index_dir)
        return
    from indexer.backends.postgres import open_postgres
    from tests.conftest import rebuilt_database

    reader, _ = open_postgres(rebuilt_database(request.getfixturevalue("pg_cluster"), "listed_lift", table_folder))
    yield reader
    reader.db.close()


def test_a_question_naming_the_member_finds_the_list_by_its_words_only(searched):
    from indexer.models import SearchRequest

    hits = searched.search(SearchRequest(q="Bolton", collapse=False, per_page=20)).hits
    assert [h.doc_id for h in hits][:1] == ["bolton-story.txt"]
    listed = [h for h in hits if h.doc_id == "league-table.txt"]
    assert [h.paragraph for h in listed] == [2] and "council" not in listed[0].context_matched
