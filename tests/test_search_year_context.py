"""A year the query names is asked of the document: a document of that year says it as fully as a paragraph that
writes the year (search/plan.py context_weight), so "caseloads 2016" ranks the 2016 report's paragraph on
caseloads above a later report's long paragraph that mentions 2016 in passing."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.models import SearchRequest
from indexer.search.plan import context_weight
from indexer.search.synonyms import group_words, stems_of
from tests.conftest import reader_on


def _group(word: str):
    return group_words(stems_of(word))[0]


def test_a_year_counts_in_full_from_the_context_and_other_words_by_half():
    assert context_weight(_group("2016")) == settings.RANKING.year_context_weight == 1.0
    assert context_weight(_group("inadequate")) == settings.RANKING.context_weight < 1.0
    assert context_weight(_group("Tameside")) == settings.RANKING.context_weight


# The same long paragraph in two reports: one of 2016 that says "last summer", one of 2019 that says "in 2016".
_LONG = ("Inspectors found that social workers carried caseloads far above what the council's own policy allows, "
         "{when}, so that visits to children were missed, plans drifted and managers spent their days covering gaps "
         "instead of supervising the work of newly qualified staff and agency workers across every team.")


@pytest.fixture(scope="module")
def year_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("year-context")
    (folder / "tameside-caseloads.txt").write_text(
        "Tameside report\n\n" + _LONG.format(when="last summer") + "\n\nPublished 5 August 2016.\n", encoding="utf-8")
    (folder / "wirral-caseloads.txt").write_text(
        "Wirral report\n\n" + _LONG.format(when="in 2016") + "\n\nPublished 3 May 2019.\n", encoding="utf-8")
    for n in range(6):  # short paragraphs: the long ones are long for the collection
        (folder / f"note-{n}.txt").write_text(f"Note {n}\n\nA short note.\n\nAnother short note.\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module", params=["embedded", "postgres"])
def reports(request, tmp_path_factory, year_folder):
    yield from reader_on(request, tmp_path_factory, year_folder, "year_context")


def test_the_report_of_the_asked_year_comes_first(reports):
    hits = reports.search(SearchRequest(q="caseloads 2016", collapse=True)).hits
    assert [(h.doc_id, h.year) for h in hits][:1] == [("tameside-caseloads.txt", 2016)]
    assert "year" in hits[0].context_matched
