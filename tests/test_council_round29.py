"""Issue 22, facet round 29 (council29): councils on the real page text. (A) the 2005-09 annual rating's four-point
scale ("performing excellently / well / adequately / poorly") said of an authority, a council, its department or its
service, or named as a grade or rating, marks a judgement of the council's children's services as a whole, so a story
listing schools, nurseries and childminders is not read as a school inspection and its council is kept. Every text
here is written for the test; none is an article's wording."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.annotate.council import is_school_inspection, services_rated

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
