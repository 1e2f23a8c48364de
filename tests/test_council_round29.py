"""Issue 22, facet round 29 (council29): councils on the real page text. (A) the 2005-09 annual rating's four-point
scale ("performing excellently / well / adequately / poorly") said of an authority, a council, its department or its
service, or named as a grade or rating, marks a judgement of the council's children's services as a whole, so a story
listing schools, nurseries and childminders is not read as a school inspection and its council is kept. (S) a short
name the gazetteer lists alone, written with its council word after it ("Stockton Council"), scores the council word
as a name carrying it does. Every text here is written for the test; none is an article's wording."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.annotate.council import is_school_inspection, score_councils, services_rated
from indexer.ingest.annotate.text_units import Sentence

from tests.facet_helpers import article

# An annual-rating story crowded with school words: one school named as the exception, the borough's verdict said of
# "the authority's ... service" with the scale's words and never with "children's services ... rated".
_CROWDED = ("Nurseries, primaries and childminders across Oldham get a thumbs-up\n\n"
            "Most nurseries, primary schools, secondary schools and childminders in Oldham were judged good by the "
            "inspectors, with a handful called excellent.\n\n"
            "One primary, Greenfold Primary in Chadderton, was found inadequate, and sixth form teaching was called "
            "only satisfactory.\n\n"
            "Taken as a whole, the inspectors said the authority's children and families service was performing "
            "well.\n\n"
            "Pupils' results at eleven and sixteen match the national picture, the report adds, though poorer pupils "
            "still trail their classmates.\n")


def test_the_scale_said_of_the_authority_keeps_the_council(tmp_path):
    doc = article(tmp_path, _CROWDED)
    assert doc.council == ["Oldham"]
    assert doc.severity == ["good"]


def test_off_the_crowded_story_reads_as_a_school_inspection(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND29_APA_SCALE", False)
    doc = article(tmp_path, _CROWDED)
    assert doc.council == []


@pytest.mark.parametrize("sentence", [
    "The county council department was performing well, the watchdog said.",
    "The borough was given a 'performing poorly' rating by the inspectorate.",
    "It earned a grade of “performing excellently” this year.",
    "The council is now rated as performing adequately.",
])
def test_the_scale_as_a_rating(sentence, monkeypatch):
    assert services_rated(sentence)
    monkeypatch.setattr(settings, "ROUND29_APA_SCALE", False)
    assert not services_rated(sentence)


@pytest.mark.parametrize("sentence", [
    "Pupils at the school are performing well in reading.",
    "The headteacher said the school was performing well.",
    "Teachers said the class was performing poorly in maths.",
])
def test_a_school_or_its_pupils_performing_is_no_rating(sentence):
    assert not services_rated(sentence)


def test_a_school_story_using_the_words_stays_a_school_story():
    text = ("Ofsted praises Meadowbank Primary\n\nInspectors found pupils at the school performing well in reading "
            "and writing, and the headteacher said the teachers had worked hard.\n\nThe school was rated good.\n")
    assert is_school_inspection("Meadowbank Primary rated good", text)[0]


# --- (S) a short name written with its council word after it ---

# The two councils are named as often and as early; one is written "Redcar Council", a short name the gazetteer lists
# alone, the other with a name that carries its council word ("Hartlepool Council").
_TWO_NAMES = ("Front door scheme to be copied\n\n"
              "Redcar Council will copy a front door scheme first tried by Hartlepool Council, after an Ofsted "
              "letter.\n\n"
              "Redcar Council will copy the scheme first tried by Hartlepool Council within months, a spokesperson "
              "said.\n\n"
              "The letter, sent in the spring, pointed to slow decisions when families first ask for help.\n\n"
              "The scheme has been running at Hartlepool Council for two years.\n\n"
              "Redcar Council expects the first changes by the summer.\n")


def test_a_short_name_with_its_council_word_counts_as_a_council_name(tmp_path):
    doc = article(tmp_path, _TWO_NAMES)
    assert doc.council == ["Redcar and Cleveland"]


def test_off_only_the_name_that_carries_the_word_scores_it(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND29_COUNCIL_SUFFIX", False)
    doc = article(tmp_path, _TWO_NAMES)
    assert doc.council == ["Hartlepool"]


@pytest.mark.parametrize("sentence, bonus", [
    ("Stockton Council met on Monday.", True),
    ("Stockton Borough Council met on Monday.", True),
    ("Stockton’s council met on Monday.", False),
])
def test_the_council_word_right_after_a_short_name(sentence, bonus, monkeypatch):
    sentences = [Sentence(sentence, 3, 0)]
    on = score_councils(sentences, None)
    monkeypatch.setattr(settings, "ROUND29_COUNCIL_SUFFIX", False)
    off = score_councils(sentences, None)
    code = "E06000004"  # Stockton-on-Tees
    assert (on[code].score - off[code].score == settings.COUNCIL_SCORE_COUNCIL_WORD) is bonus
