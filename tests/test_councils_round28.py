"""Issue 22, facet round 28 (council28): councils on the real page text. (V) the year reader gives no
next-inspection clue when the latest year the page names dates a visit the page narrates, which lets (U), the council
the address names (round 27, now on), stand without moving such a page's year; (H, shipped off) a council's name
written with hyphens ("Kingston-upon-Hull") is read as that council, not as the short name of another. Every text here
is written for the test; none is an article's wording, and the addresses are invented."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.annotate import gazetteer

from tests.facet_helpers import article, article_at


# --- (V) a visit the page narrates is not the previous inspection ---

# Salford in the record: good in 2015, good again in an inspection held in autumn 2018, good once more in late 2023.
_NARRATED = ("Salford's services for children: inspection history\n\n"
             "For Salford, the inspectorate's verdicts have moved over the years:\n\n"
             "in 2012, services were found to require improvement;\n\n"
             "in 2015, Salford was rated good overall;\n\n"
             "in March 2018, a focused visit on the front door produced a largely positive letter.\n")


def test_a_narrated_visit_keeps_its_own_year(tmp_path):
    doc = article(tmp_path, _NARRATED)
    assert doc.council == ["Salford"]
    assert doc.year == 2018


def test_a_narrated_visit_is_read_only_when_switched_on(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND28_NARRATED_VISIT", False)
    doc = article(tmp_path, _NARRATED)
    assert doc.year != 2018  # round 27: the first good inspection held after 2018 (late 2023, published 2024)


def test_a_visit_looked_back_on_keeps_the_next_inspection_clue(tmp_path):
    # the latest year dates the visit the page compares with: the page reports the inspection after it
    doc = article(tmp_path, "Salford rated good\n\nOfsted inspected Salford's children's services last month and "
                            "judged them good overall.\n\nThe front door works better than it did at the time of "
                            "the focused visit in March 2018.\n")
    assert doc.council == ["Salford"]
    assert doc.year != 2018


def test_an_inspection_dated_by_its_month_is_no_visit(tmp_path):
    # "the full inspection of March 2018" is the previous inspection, even beside a visit in the same sentence
    text = ("Salford: little progress\n\nOfsted wrote to Salford after a focused visit, saying help for children had "
            "barely moved on since the full inspection of March 2018.\n\nThat inspection rated the council good.\n")
    on = article(tmp_path, text, "on.txt")
    settings_before = settings.ROUND28_NARRATED_VISIT
    try:
        settings.ROUND28_NARRATED_VISIT = False
        off = article(tmp_path, text, "off.txt")
    finally:
        settings.ROUND28_NARRATED_VISIT = settings_before
    assert on.year == off.year


# --- (U) switched on: the address names the council the text calls "the council" ---

_ADDRESS = "https://news.example.org/content/news/salford-focused-visit-letter"
_COUNCIL_ONLY = ("Inspection history of the council's services for children\n\n"
                 "The inspectorate's verdicts on the council have moved over the years:\n\n"
                 "in 2012, services were found to require improvement;\n\n"
                 "in 2015, the department was rated good overall;\n\n"
                 "in March 2018, a focused visit on the front door produced a largely positive letter.\n")


def test_the_address_council_is_on():
    assert settings.ROUND27_ADDRESS_COUNCIL


def test_the_address_names_the_council_and_the_visit_its_year(tmp_path):
    doc = article_at(tmp_path, _ADDRESS, _COUNCIL_ONLY)
    assert doc.council == ["Salford"]
    assert doc.year == 2018


def test_the_address_council_is_read_only_when_switched_on(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND27_ADDRESS_COUNCIL", False)
    doc = article_at(tmp_path, _ADDRESS, _COUNCIL_ONLY)
    assert doc.council == []


# --- (H) hyphenated names ---

@pytest.fixture
def fresh_gazetteer():
    """The gazetteer's caches, cleared before and after a test that switches its aliases."""
    caches = (gazetteer.authorities, gazetteer._alias_index_for, gazetteer._capitals_index, gazetteer._mentions)
    for cache in caches:
        cache.cache_clear()
    yield
    for cache in caches:
        cache.cache_clear()


_HYPHENATED = ("Councils wait on their ratings\n\n"
               "Inspectors published this year's annual ratings of councils' children's services on Tuesday.\n\n"
               "Ratings for two councils, Sefton and Kingston-upon-Hull, are still to be settled after appeals.\n")


def test_a_hyphenated_name_is_its_own_council(tmp_path, monkeypatch, fresh_gazetteer):
    monkeypatch.setattr(settings, "ROUND28_HYPHENED_NAMES", True)
    doc = article(tmp_path, _HYPHENATED)
    assert "Kingston upon Hull" in doc.council
    assert "Kingston upon Thames" not in doc.council


def test_hyphenated_names_off_is_round_27(tmp_path, monkeypatch, fresh_gazetteer):
    monkeypatch.setattr(settings, "ROUND28_HYPHENED_NAMES", False)
    doc = article(tmp_path, _HYPHENATED)
    assert "Kingston upon Hull" not in doc.council
