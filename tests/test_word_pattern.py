"""The word pattern both backends share: inner dots and apostrophes join, a dot before a capital does not."""
from __future__ import annotations

from indexer.analysis import raw_words
from indexer.backends.embedded.write.build import rebuild
from indexer.backends import open_backend
from indexer.models import SearchRequest


def test_a_numbered_paragraph_gives_its_first_word():
    assert raw_words("45.Children in care are seen") == ["45", "Children", "in", "care", "are", "seen"]


def test_a_lost_space_after_a_full_stop_splits_the_words():
    assert raw_words("good services.The council") == ["good", "services", "The", "council"]


def test_inner_dots_and_apostrophes_still_join():
    assert raw_words("e.g. 1.5 children's children’s a.m. www.gov.uk") == [
        "e.g", "1.5", "children's", "children’s", "a.m", "www.gov.uk"]


def test_a_numbered_paragraphs_first_word_is_found(tmp_path):
    source = tmp_path / "docs"
    source.mkdir()
    (source / "report.txt").write_text("Inspection of a council\n\n19.Whenever a placement ends, a review follows.\n",
                                       encoding="utf-8")
    rebuild([source], tmp_path / "index")
    assert open_backend(tmp_path / "index", None).search(SearchRequest(q="whenever")).total == 1
