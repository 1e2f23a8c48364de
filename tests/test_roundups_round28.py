"""Issue 22, facet round 28 (roundup28): round-up members on the real text. (A) a grade given in an area of keeping
children safe is a sub-judgement when its paragraph grades something "overall" (overall_contrast.py); (B) a
council's name written with hyphens round its joining word ("Kingston-upon-Hull") is the same name (gazetteer.py).
Every text here is written for the test; none is an article's wording."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.annotate.gazetteer import display_name, find_mentions, resolve
from indexer.ingest.annotate.overall_contrast import area_against_overall

from tests.facet_helpers import article


# --- (A) a part set against the whole ---

@pytest.mark.parametrize("after, paragraph, contrast", [
    (" in the area of keeping children safe.", "judged A and B inadequate overall and C inadequate in …", True),
    (" in safeguarding.", "None was inadequate overall last year. C was also inadequate in safeguarding.", True),
    (" on safeguarding or overall in the review", "nine councils judged inadequate on safeguarding or overall", True),
    (" at keeping young people safe", "four were poor overall; eight were poor at keeping young people safe", True),
    # no "overall" grade in the paragraph: a 2009-12 safeguarding inspection's headline judgement stays overall
    (" for safeguarding children.", "The county was rated inadequate for safeguarding children.", False),
    # "overall effectiveness" names such an inspection's two headline judgements: no contrast
    (" for safeguarding.", "Its overall effectiveness was adequate; it was inadequate for safeguarding.", False),
    # the grade is not given in a safety area
    (" overall, the report said.", "It was rated inadequate overall, the report said.", False),
])
def test_an_area_set_against_overall(after, paragraph, contrast):
    assert area_against_overall(after, paragraph) is contrast


_TWO_LISTS = ("Annual ratings: more councils fail on safety\n\n"
              "The ministry answered a report which judged children's services in Luton and Thurrock to be inadequate "
              "overall and assessed those in Luton, Thurrock, Medway, Swindon and Torbay as inadequate in the area "
              "of keeping children safe.\n\n"
              "Officials said support teams would visit each council before the summer.\n")

_TWO_SENTENCES = ("Councils told to act on safety\n\n"
                  "Last spring no council was rated inadequate overall, while Luton and Thurrock are now. Luton, "
                  "Thurrock, Medway, Swindon and Torbay were also judged inadequate in safeguarding.\n\n"
                  "Officials said support teams would visit each council before the summer.\n")


def test_the_area_list_takes_no_overall_grade(tmp_path):
    doc = article(tmp_path, _TWO_LISTS)
    grades = dict(zip(doc.council, doc.severity or [""] * len(doc.council)))
    assert grades.get("Luton") == grades.get("Thurrock") == "inadequate"
    for council in ("Medway", "Swindon", "Torbay"):
        assert council in grades and not grades[council]  # a subject of the round-up, with no overall grade


def test_the_contrast_may_span_the_paragraphs_sentences(tmp_path):
    doc = article(tmp_path, _TWO_SENTENCES)
    grades = dict(zip(doc.council, doc.severity or [""] * len(doc.council)))
    for council in ("Medway", "Swindon", "Torbay"):
        assert council in grades and not grades[council]


def test_the_contrast_switch_off_gives_the_area_grade(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND28_OVERALL_CONTRAST", False)
    doc = article(tmp_path, _TWO_LISTS)
    grades = dict(zip(doc.council, doc.severity))
    assert grades["Medway"] == grades["Swindon"] == grades["Torbay"] == "inadequate"


def test_without_overall_a_safeguarding_verdict_is_the_grade(tmp_path):
    doc = article(tmp_path, "Joint inspection verdict\n\nNorfolk County Council has been rated inadequate for "
                            "safeguarding its children and young people, after a joint inspection this month.\n\n"
                            "The council said it accepted the findings.\n")
    assert doc.council == ["Norfolk"]
    assert doc.severity == ["inadequate"]


# --- (B) a hyphened name ---

def _names(text: str) -> list[str]:
    return [display_name(resolve(m.codes, None)) for m in find_mentions(text)]


def test_a_hyphened_name_is_the_same_name():
    assert _names("Ratings for Portsmouth, Luton and Kingston-upon-Hull are not yet settled.") == [
        "Portsmouth", "Luton", "Kingston upon Hull"]
    assert _names("Newcastle-upon-Tyne and Kingston-upon-Thames") == ["Newcastle upon Tyne", "Kingston upon Thames"]
    assert _names("Newcastle-under-Lyme") == []  # a district, not a children's services council


_PENDING = ("Ratings round-up\n\nMost of this year's ratings are out, but the ratings of three - Portsmouth, Luton "
            "and Kingston-upon-Hull - have yet to be settled after appeals.\n\nThe others were published on Monday.\n")


def test_a_hyphened_member_of_a_round_up(tmp_path):
    doc = article(tmp_path, _PENDING)
    assert "Kingston upon Hull" in doc.council
    assert "Kingston upon Thames" not in doc.council


def test_the_hyphen_switch_off_reads_the_london_borough(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND28_HYPHENED_NAMES", False)
    assert _names("Ratings for Portsmouth, Luton and Kingston-upon-Hull are not yet settled.") == [
        "Portsmouth", "Luton", "Kingston upon Thames"]
