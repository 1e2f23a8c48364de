"""Issue 22, round 28 (rank28): a question naming one inspected provider (a children's home, a nursery, a school, a
council's children's centres) and a council asks about the provider the council runs or hosts, not about the council's
children's services. The council named lifts nothing then: a page about one home names no subject
(docs/labelling.md), so the lift ranked every story about the council's services above it. Every text here is
written for the test."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.search.implied_overall import names_one_provider
from indexer.search.query import best_match_plan, named_councils

from tests.conftest import reader_on, write_story_and_notes

_KNOWN = {"council": {"Bolton", "Derby"}}


@pytest.fixture(autouse=True)
def _round31_provider_off(monkeypatch):
    """This round's rule alone: round 31's reading of another provider (tests/test_provider_round31.py) also drops the
    council's lift for a set of homes or schools and reads centres as a provider, so it stays off here."""
    monkeypatch.setattr(settings, "ROUND31_PROVIDER", False)


def _boosts(text: str) -> tuple[tuple[str, str], ...]:
    plan, _, _ = best_match_plan(text, False, None, lambda field: _KNOWN.get(field, set()), lambda stems: set(),
                                 lambda word: None)
    return plan.boosts


@pytest.mark.parametrize("text", [
    "Bolton council-run children's home rated inadequate",
    "children's home run by Derby closed after inadequate rating",
    "Bolton nursery rated inadequate before it closed",
    "Derby primary school placed in special measures",
    "Bolton care home shut by the regulator",
    "Derby children's centres inspection good access for families",  # a council's centres, inspected as one group
])
def test_one_provider_and_a_council_lifts_no_council(text):
    assert names_one_provider(text)
    assert named_councils(text, _KNOWN["council"]) == ()
    assert not any(facet == "council" for facet, _ in _boosts(text))


@pytest.mark.parametrize("text", [
    "Bolton children's services rated inadequate",
    "Derby audit committee children's homes and schools inspection results",  # the council's whole provision
    "Bolton monitoring visit corporate parenting board social work academy",  # part of the council's services
    "Derby adoption agency outstanding",
    "Bolton children's homes inadequate",
    "Derby virtual school head praised in the inspection",
    "Bolton nursery and schools inspection results",  # a set of schools: the council's provision
])
def test_a_council_asked_about_is_still_lifted(text):
    assert not names_one_provider(text)
    assert any(facet == "council" for facet, _ in _boosts(text))


def test_switched_off_the_council_is_lifted(monkeypatch):
    monkeypatch.setattr(settings, "ROUND28_PROVIDER_COUNCIL", False)
    assert ("council", "Bolton") in _boosts("Bolton council-run children's home rated inadequate")


# --- both backends: the home's own page comes first ---

_HOME = ("Hillside home shut after damning report\n\nA children's home run by Bolton Council has been closed after "
         "inspectors rated it inadequate.\n\nStaff at the council-run home had not kept the four children living "
         "there safe, the report said.\n\nThe home will stay shut while the council reviews its care.\n")
_STORIES = {
    f"bolton-services-{n}.txt": (f"Bolton children's services update {n}\n\nBolton Council's children's services were "
                                 f"rated inadequate by inspectors in report number {n}, with too few checks on the "
                                 "children's homes it uses.\n\nThe council said it would act quickly on every "
                                 "finding about its social work teams.\n")
    for n in range(3)
}


@pytest.fixture(scope="module")
def provider_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("provider-council")
    (folder / "hillside-home.txt").write_text(_HOME, encoding="utf-8")
    for name, text in _STORIES.items():
        (folder / name).write_text(text, encoding="utf-8")
    write_story_and_notes(folder)
    return folder


@pytest.fixture(scope="module", params=["embedded", "postgres"])
def searched(request, tmp_path_factory, provider_folder):
    yield from reader_on(request, tmp_path_factory, provider_folder, "provider_council")


def _first(reader, q: str) -> str:
    from indexer.models import SearchRequest

    return reader.search(SearchRequest(q=q, per_page=10)).hits[0].doc_id


def test_the_home_comes_first(searched):
    assert _first(searched, "Bolton council-run children's home rated inadequate") == "hillside-home.txt"


def test_switched_off_the_councils_stories_come_first(searched, monkeypatch):
    # (a wording no other test asks: the embedded index keeps a generation's parsed queries)
    monkeypatch.setattr(settings, "ROUND28_PROVIDER_COUNCIL", False)
    assert _first(searched, "council-run children's home in Bolton rated inadequate") != "hillside-home.txt"


def test_the_councils_services_still_find_its_stories(searched):
    assert _first(searched, "Bolton children's services rated inadequate").startswith("bolton-services-")
