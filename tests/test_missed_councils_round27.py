"""Issue 22, facet round 27 (lists27): councils the real page text names but the facets left out. (N) a list of three
councils is judged when a sentence near it gives the verdict (judged_lists.py); (U) a page whose text names no council
takes the council its address names (address_council.py). Every text here is written for the test; none is an
article's wording, and the addresses are invented."""
from __future__ import annotations

from indexer import settings
from indexer.ingest.annotate.address_council import address_council

from tests.facet_helpers import article, article_at


# --- (G) a list of three graded in its own sentence ---

_ROUNDUP = ("Wigan Council slides to one star for children's services\n\n"
            "Wigan Council's services for children were given a lower rating this winter, the inspectorate said.\n\n"
            "The other three councils graded as weak overall are Halton, Sefton and Bolton.\n\n"
            "The inspectorate said the picture was mixed.\n")


def test_a_list_graded_in_its_own_sentence_names_subjects(tmp_path):
    doc = article(tmp_path, _ROUNDUP)
    assert {"Halton", "Sefton", "Bolton"} <= set(doc.council)


def test_a_graded_list_is_read_only_when_switched_on(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND27_GRADED_LISTS", False)
    monkeypatch.setattr(settings, "ROUND29_COUNTED_GROUP", False)  # round 29 reads "the other three ... are" too
    doc = article(tmp_path, _ROUNDUP)
    assert not {"Halton", "Sefton", "Bolton"} & set(doc.council)


def test_a_list_with_a_grade_word_names_subjects(tmp_path):
    doc = article(tmp_path, "Wigan Council slides to one star\n\nWigan Council's services for children were given a "
                            "lower rating this winter.\n\nWigan Council said it would respond.\n\nHalton, Sefton "
                            "and Bolton did the same, while only six councils held on to an outstanding mark.\n")
    assert {"Halton", "Sefton", "Bolton"} <= set(doc.council)


def test_a_partners_list_beside_a_verdict_stays_out(tmp_path):
    doc = article(tmp_path, "Wigan rated good\n\nInspectors rated Wigan's children's services good.\n\nThe "
                            "council runs its adoption service in a regional agency that partners with Halton, Sefton "
                            "and Bolton.\n")
    assert doc.council == ["Wigan"]


def test_a_pair_with_a_grade_word_is_not_a_list_of_three(tmp_path):
    doc = article(tmp_path, "Wigan rated good\n\nInspectors rated Wigan's children's services good.\n\nThe "
                            "council's good partnership with Halton is to continue.\n")
    assert doc.council == ["Wigan"]


# --- (U) the address names the council the text only calls "the council" ---

def test_the_address_names_the_council(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND27_ADDRESS_COUNCIL", True)  # shipped off in round 27, on since round 28
    doc = article_at(tmp_path, "https://news.example.org/content/news/failings-see-sefton-rated-inadequate",
                     "Inspectors rated the council's children's services inadequate after finding weak leadership.\n\n"
                     "The department said it accepted the findings.\n")
    assert list(zip(doc.council, doc.severity)) == [("Sefton", "inadequate")]


def test_a_text_naming_a_council_keeps_it_over_the_address(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND27_ADDRESS_COUNCIL", True)
    doc = article_at(tmp_path, "https://news.example.org/news/sefton-story",
                     "Inspectors rated Halton's children's services good.\n")
    assert doc.council == ["Halton"]


def test_the_address_is_read_only_when_switched_on(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND27_ADDRESS_COUNCIL", False)
    doc = article_at(tmp_path, "https://news.example.org/content/news/failings-see-sefton-rated-inadequate",
                     "Inspectors rated the council's children's services inadequate.\n")
    assert doc.council == []


def test_the_address_host_and_common_words_name_no_council():
    assert address_council("https://www.seftonherald.example/news/story-about-some-councils", None) == (None, "")
    assert address_council("https://example.org/news/halton-and-sefton-verdicts", None) == (None, "")


def test_an_address_word_may_start_a_longer_name():
    code, _ = address_council("https://example.org/news/windsor/12345/royal-borough-services.html", None)
    assert code == "E06000040"
