"""Round 30: a query that is only a council's name, written with the words every council's name has.

"County of Herefordshire" found nothing and "Kingston upon Hull" one paragraph: the name was one phrase group, and a
document's context holds only a council's distinguishing words (the generic ones, "county", "of", "upon", "city",
"council", are left out so that "county lines" does not match every council). The query now also asks the name's
distinguishing word (`ROUND30_COUNCIL_NAME_ALONE`); the same for every query (`ROUND30_COUNCIL_WORD`) was measured and
left off (removed in round 32). The pages here are written for the tests.
"""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.models import SearchRequest
from indexer.search.names import COUNCIL_WORD, council_name_alone, distinct_stem
from indexer.search.synonyms import Alternative, Group, stems_of

from tests.conftest import backend_over, seeds_with

CRAFTED = {
    "round30-hull-visit.txt": """Inspectors back in Hull for a third visit

Hull's children's services were visited again in the spring.

The visit found that social workers in Hull now see children within the timescales set.
""",
    "round30-hull-name.txt": """Kingston upon Hull children's services

The full name of the city council is used on the front of the report.
""",
}


def _stems(text: str) -> tuple[str, ...]:
    return tuple(s for _, s in stems_of(text))


@pytest.mark.parametrize("value,typed,word", [
    ("Kingston upon Hull", "Kingston upon Hull", "hull"),
    ("Herefordshire", "County of Herefordshire", "herefordshir"),
    ("Bristol", "Bristol City Council", "bristol"),
    ("Kingston upon Thames", "Kingston upon Thames", None),   # kingston is Hull's too, thames Richmond's
])
def test_the_distinguishing_word_of_a_name(value, typed, word):
    assert distinct_stem(value, _stems(typed)) == word


def test_a_name_alone_asks_its_word_too():
    typed = "County of Herefordshire"
    group = Group(typed, (Alternative(_stems(typed), 1.0, typed),))
    (out,) = council_name_alone(typed, [group])
    assert out.alternatives[1] == Alternative(("herefordshir",), 0.5, COUNCIL_WORD)
    two = [group, Group("outstanding", (Alternative(("outstand",)),))]
    assert council_name_alone(typed + " outstanding", two) == two   # with other words: as before


@pytest.fixture(scope="module")
def crafted(tmp_path_factory):
    return seeds_with(tmp_path_factory, "round30name", CRAFTED)


@pytest.fixture(scope="module", params=["embedded", "postgresql"])
def backend(request, crafted, tmp_path_factory):
    yield from backend_over(request, tmp_path_factory, "round30name", crafted)


@pytest.mark.parametrize("on", [True, False])
def test_both_backends_find_the_council_by_its_name(backend, monkeypatch, on):
    monkeypatch.setattr(settings, "ROUND30_COUNCIL_NAME_ALONE", on)
    found = backend.search(SearchRequest(q="Kingston upon Hull", collapse=False, per_page=50 if on else 49))
    docs = {h.doc_id for h in found.hits}
    assert "round30-hull-name.txt" in docs
    assert ("round30-hull-visit.txt" in docs) is on


@pytest.mark.parametrize("typed,words", [
    ("North Yorkshire County Council", ("north", "yorkshir")),   # no word of its own: its words together
    ("Kingston upon Thames", ("kingston", "thame")),             # kingston is Hull's too, thames Richmond's
    ("Tower Hamlets", None),                                     # no generic word: its context has the phrase's words
])
def test_a_name_without_a_word_of_its_own_asks_its_words_together(typed, words):
    group = Group(typed, (Alternative(_stems(typed), 1.0, typed),))
    (out,) = council_name_alone(typed, [group])
    assert (out.alternatives[1].stems if len(out.alternatives) > 1 else None) == words
