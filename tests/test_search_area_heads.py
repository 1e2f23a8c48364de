"""A judged area's name followed by the noun it qualifies ("care leaver service", "help and protection work") still
makes the everyday grade word after it that area's grade, as "care leavers outstanding" does."""
from __future__ import annotations

import pytest

from indexer.backends import open_backend
from indexer.backends.embedded.write.build import rebuild
from indexer.models import SearchRequest
from indexer.search.query import judged_areas



@pytest.mark.parametrize("q,boosts", [
    ("care leaver service outstanding though council rated good overall",
     (("care_leavers", "outstanding"), ("severity", "good"))),
    ("help and protection work good while overall outstanding",
     (("help_and_protection", "good"), ("severity", "outstanding"))),
    ("leadership team outstanding but overall good", (("leadership", "outstanding"), ("severity", "good"))),
    ("care leavers support good", (("care_leavers", "good"),)),
    ("good practice with care leavers", ()),  # still not a grade
])
def test_an_area_with_its_head_noun_takes_the_grade_after_it(q, boosts):
    assert judged_areas(q) == boosts


@pytest.fixture(scope="module")
def two_councils(tmp_path_factory):
    folder = tmp_path_factory.mktemp("area-heads")
    (folder / "halton-leavers-outstanding.txt").write_text(
        "Halton services for children now good\n\nHalton Borough Council news - 9 October 2023\n\n"
        "Ofsted has judged Halton's children's services good overall.\n\n"
        "Care leavers were rated outstanding by the inspectors, who met many of the young people.\n",
        encoding="utf-8")
    (folder / "bury-leavers-good.txt").write_text(
        "Bury services for children rated good\n\nBury Council news - 4 May 2023\n\n"
        "Ofsted has judged Bury's children's services good overall.\n\n"
        "Care leavers were rated good by the inspectors, who met many of the young people.\n",
        encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("area-heads-index")
    rebuild([folder], index_dir)
    return open_backend(index_dir)


def test_the_area_grade_with_its_head_noun_ranks_the_document_with_it_first(two_councils):
    hits = two_councils.search(SearchRequest(q="care leaver service outstanding though council rated good overall",
                                             collapse=True)).hits
    assert [h.doc_id for h in hits][:1] == ["halton-leavers-outstanding.txt"]
