"""Round 29 (issue 22, branch sev29): severity on the real page text. Every page here is our own invention.

- `ROUND29_COUNTED_SETTINGS`: a grade said of a counted group of the settings an inspection or a batch of inspections
  looked at ("seven settings were found inadequate", "three of its five homes are good", "too many of the providers
  visited judged inadequate") grades those settings, not the council's children's services: a sub-judgement, which
  never sets the council's grade (a page whose only grades are such groups states none).
- `ROUND29_DELIVERS_SERVICE` (shipped off: one design page; removed in round 32): the annual assessments' wording of
  the overall judgement, quoted by the press ("the council delivers a good service for the borough's young people"):
  the grade word before the service the council gives was cued by the delivering verb; today it is not.
- `ROUND29_QUOTED_PHRASE`: a quotation that opens on a grade word and runs on with a noun ("at risk of “inadequate
  oversight and lasting harm”") quotes a phrase about a thing, not a grade; the last-resort fallback reads it so too.
- `ROUND29_UNDER_WAY`: an inspection under way or about to start ("is taking
  place", "will begin its inspection", "will commence") names no graded inspection, so the record fills nothing."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.annotate.record_grade import announces_inspection
from indexer.ingest.annotate.severity import counted_settings, grade_statements
from tests.facet_helpers import article

# A county-wide batch of setting inspections: the council is the page's subject, but no grade of its children's
# services is stated; every grade belongs to a counted group of settings.
_BATCH = """Inspectors find weak spots in Dorset's care settings

Published: Thursday, 14 May 2015

Ofsted has reported on a month of inspections in Dorset covering schools, nurseries, children's centres and homes.

Across the 31 visits, seven settings were found inadequate and a further nine were told to improve.

The watchdog said three of the five children's homes it looked at - places that care for children whom Dorset County
Council looks after - were inadequate, and both of the children's centres it visited needed to improve.

Dorset County Council said it would study the findings with the schools and providers concerned.
"""

# One council's story that states the service's grade and counts the council's homes beside it.
_SERVICE_AND_HOMES = """Derby's children's services judged to require improvement

Published: Monday, 9 March 2015

Ofsted has judged Derby City Council's children's services to require improvement.

Inspectors said help for families had become quicker, but plans for children in care were uneven.

Four of the council's six children's homes are good, the report added.

The council said it would publish an improvement plan next month.
"""


def test_a_batch_of_setting_inspections_grades_no_council(tmp_path):
    doc = article(tmp_path, _BATCH)
    assert doc.council == ["Dorset"]
    assert doc.severity == []


def test_a_counted_group_of_homes_does_not_outweigh_the_service(tmp_path):
    doc = article(tmp_path, _SERVICE_AND_HOMES)
    assert doc.council == ["Derby"]
    assert doc.severity == ["requires improvement"]


def test_counted_settings_off_is_round_28(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND29_COUNTED_SETTINGS", False)
    assert article(tmp_path, _BATCH).severity == ["inadequate"]


@pytest.mark.parametrize("head", [
    "Across the 31 visits, seven settings were found ",
    "Provision has improved and now three of its five homes are ",
    "The report found a quarter of the 20 schools and nurseries visited were ",
    "Ofsted finds too many of the providers it visited judged ",
    "It said two of the four children's homes - homes run for children in the council's care - were ",
    "Only one of its units was judged ",
])
def test_counted_settings(head):
    assert counted_settings(head)


@pytest.mark.parametrize("head", [
    "Kent is one of the few places in the country to be rated ",  # a ranking, not a counted group
    "Surrey is one of the best places to grow up and was judged ",
    "Two of its homes closed, and the council's children's services were judged ",  # the service is named after
    "Inspectors visited six homes and rated the service overall ",
    "The council runs four homes, and Ofsted judged its services ",
    "The council's children's services were judged ",
])
def test_not_counted_settings(head):
    assert not counted_settings(head)


def test_the_statement_is_a_sub_judgement():
    (statement,) = grade_statements("Across the 31 visits, seven settings were found inadequate.", 0)
    assert statement.grade == "inadequate" and statement.sub_area


# --- the annual assessment's wording -------------------------------------------------------------------------------

_DELIVERS = """Praise for Rochdale in yearly check on children's services

Published: Friday, 14 December 2007

Rochdale's children's services have come through their yearly Ofsted assessment with praise for work in schools.

"Rochdale Council delivers a good service to its children and families," the assessment letter says.

The lead member for children said staff across the borough had earned the result.
"""


def test_the_assessment_wording_alone_gives_no_grade(tmp_path):
    doc = article(tmp_path, _DELIVERS)
    assert doc.council == ["Rochdale"]
    assert doc.severity == []


# --- a quoted phrase that opens on a grade word ---------------------------------------------------------------------

_PREVIEW = """Inspectors due in Wigan next week

Published: Friday, 6 September 2019

Ofsted inspectors will arrive in Wigan next week for a full look at the borough's children's services.

A visit last year warned that some children faced "inadequate oversight and lasting harm" because plans were not
followed up, the council's scrutiny committee heard.

The council said it had since hired twenty social workers.
"""


def test_a_quoted_phrase_grades_nothing(tmp_path):
    doc = article(tmp_path, _PREVIEW)
    assert doc.council == ["Wigan"]
    assert doc.severity == []


def test_quoted_phrase_off_is_round_28(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND29_QUOTED_PHRASE", False)
    assert article(tmp_path, _PREVIEW).severity == ["inadequate"]


@pytest.mark.parametrize("sentence, grades", [
    ("Children faced “inadequate oversight and lasting harm”, the letter said.", []),
    ("Inspectors praised “outstanding joint working” between the agencies.", []),
    ("Ofsted rated the council’s services “inadequate” this year.", ["inadequate"]),  # closes
    ("The council has been judged ‘good overall’ by inspectors.", ["good"]),  # overall is no noun
    ("Inspectors found “good services for children” across the county.", ["good"]),  # the service itself
])
def test_quoted_phrases(sentence, grades):
    assert [st.grade for st in grade_statements(sentence, 0)] == grades


# --- an inspection under way ---------------------------------------------------------------------------------------

# An undated page: the visit's weekdays match the record's 2021 inspection, which had no grade yet when the page
# was written.
_ABOUT_TO_START = """Dorset children's services to be inspected

Ofsted will begin its inspection of Dorset Council's children's services after the council was told on Wednesday.

The inspection will commence on Monday, September 27, a spokesman said, and the fieldwork ends on Friday,
October 8.

Staff have been preparing case files and the council's improvement board met on Thursday.
"""


def test_an_inspection_about_to_start_takes_no_record_grade(tmp_path):
    doc = article(tmp_path, _ABOUT_TO_START)
    assert doc.council_code == ["E06000059"]  # Dorset Council
    assert doc.severity == []


def test_under_way_off_is_round_28(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND29_UNDER_WAY", False)
    assert article(tmp_path, _ABOUT_TO_START).severity == ["good"]  # the record's row of the inspection to come


@pytest.mark.parametrize("text", [
    "A full Ofsted inspection of the council's children's services is taking place this fortnight.",
    "Ofsted will start its inspection of the borough's services on Monday.",
    "The inspection will commence on Monday 3 March and last two weeks.",
    "Inspectors will be inspecting the county for the next three weeks.",
])
def test_an_inspection_under_way(text, monkeypatch):
    monkeypatch.setattr(settings, "ROUND29_UNDER_WAY", True)
    assert announces_inspection(text)
    monkeypatch.setattr(settings, "ROUND29_UNDER_WAY", False)
    assert not announces_inspection(text)


@pytest.mark.parametrize("text", [
    "The inspection took place in March and its report was published in May.",
    "Inspectors said a review of caseloads is under way in two of the teams.",
    "Since the inspection, an improvement plan is under way.",
])
def test_not_an_inspection_under_way(text, monkeypatch):
    monkeypatch.setattr(settings, "ROUND29_UNDER_WAY", True)
    assert not announces_inspection(text)
