"""A council whose name is also a word ("Hull", "York", "Brent", "Derby") is the council when the query opens with it
capitalised; only the names a sentence opens with in their everyday sense ("Reading", "Bury", "Bath", "Barking")
stay ambiguous there, and lower case is never the council without a council word after it."""
from __future__ import annotations

import pytest

from indexer.backends import open_backend
from indexer.backends.embedded.write.build import rebuild
from indexer.models import SearchRequest
from indexer.search.understand import councils_in


@pytest.mark.parametrize("q,council", [
    ("Hull requires improvement", "Kingston upon Hull"),
    ("York requires improvement to outstanding", "York"),
    ("Brent good in every area", "Brent"),
    ("Havering monitoring visit", "Havering"),
    ("Derby outstanding in three of four judgements", "Derby"),
])
def test_a_capitalised_place_word_opening_the_query_is_the_council(q, council):
    assert [value for value, _ in councils_in(q)] == [council]


@pytest.mark.parametrize("q", ["Reading the report on caseloads", "Bury the findings", "Barking dogs near homes",
                               "hull of the argument", "york requires improvement"])
def test_everyday_openers_and_lower_case_stay_words(q):
    assert councils_in(q) == []


@pytest.fixture(scope="module")
def two_reports(tmp_path_factory):
    folder = tmp_path_factory.mktemp("openers")
    (folder / "york-ri.txt").write_text(
        "City of York Council children's services\n\nOfsted judged the city's services for children as requiring "
        "improvement, and leaders say the next inspection will show more.\n", encoding="utf-8")
    (folder / "leeds-ri.txt").write_text(
        "Leeds children's services\n\nOfsted judged the city's services for children as requiring improvement, and "
        "leaders in Leeds say the next inspection will show more, just as the team in York once did.\n",
        encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("openers-index")
    rebuild([folder], index_dir)
    return open_backend(index_dir)


def test_the_named_council_opening_the_query_ranks_its_own_document_first(two_reports):
    hits = two_reports.search(SearchRequest(q="York requires improvement", collapse=True)).hits
    assert [h.doc_id for h in hits][:1] == ["york-ri.txt"]
