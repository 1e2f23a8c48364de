"""Round 14 (issue 22): the official record overrules a grade misread (or misreported) in a story printed just after
the report. Stories written here; Bedford's record holds a requires-improvement SIF report published on 7 April 2017 and a good
ILACS report on 14 January 2022."""
from __future__ import annotations

import datetime as dt

import pytest

from indexer.ingest.annotate.record_check import record_overrules
from indexer.ingest.documents import load_document

BEDFORD = "E06000055"


@pytest.mark.parametrize("printed, text_grade, expected", [
    (dt.date(2017, 4, 7), "good", "requires improvement"),  # the report's own day
    (dt.date(2017, 5, 30), "inadequate", "requires improvement"),  # seven weeks on
    (dt.date(2017, 3, 28), "outstanding", "requires improvement"),  # a council's statement days before publication
    (dt.date(2022, 2, 1), "requires improvement", "good"),
])
def test_a_report_just_out_overrules_the_text(printed, text_grade, expected):
    check = record_overrules(BEDFORD, text_grade, printed)
    assert check is not None and check.grade == expected


@pytest.mark.parametrize("printed, text_grade", [
    (dt.date(2017, 4, 20), "requires improvement"),  # the text agrees
    (dt.date(2017, 11, 1), "good"),  # seven months on: another event may be the story
    (dt.date(2017, 3, 1), "good"),  # five weeks before the report
    (dt.date(2019, 6, 1), "inadequate"),  # no report near the date
    (dt.date(2017, 4, 20), ""),  # no grade read: filling one is record_grade's policy, not this check's
])
def test_no_overrule_away_from_a_report_or_in_agreement(printed, text_grade):
    assert record_overrules(BEDFORD, text_grade, printed) is None


def test_pre_2013_adequate_agrees_with_the_record_s_requires_improvement():
    assert record_overrules(BEDFORD, "adequate", dt.date(2013, 3, 1)) is None


STORY = """Bedford's children's services praised

{date}

Ofsted inspectors have judged Bedford's children's services good, the council said, quoting a report the
inspectorate published on Friday. Bedford Borough Council said the findings showed the progress its social workers had made.

The council's director said staff would keep working on the areas the inspectors picked out.
"""


def _page(tmp_path, text: str):
    """A page written here, read and annotated like any news file."""
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    return load_document(path)


def _story(tmp_path, date_line: str):
    return _page(tmp_path, STORY.format(date=date_line))


def test_a_printed_story_on_the_report_day_takes_the_record_s_grade(tmp_path):
    doc = _story(tmp_path, "7 April 2017")
    assert doc.council == ["Bedford"]
    assert doc.severity == ["requires improvement"]
    assert doc.confidence["severity"] == "official"
    assert "published 2017-04-07" in doc.facet_evidence["severity"][0]["source"]


def test_an_undated_story_keeps_its_own_reading(tmp_path):
    doc = _story(tmp_path, "")
    assert doc.council == ["Bedford"]
    assert doc.severity == ["good"]


ROUND_UP = """Focused visits: what inspectors found this month

Friday, 12 April 2024

Three councils had focused visits in February; such visits look at one group of children and give no grade.

Wokingham Borough Council

Inspectors looked at children on protection plans on 20 and 21 February 2024. Much of what the March 2023 inspection
criticised, slow assessments above all, has been put right.

Central Bedfordshire Council

The same two February days were spent on children in need. Oversight by managers has improved since the 2022
inspection.

Knowsley Metropolitan Borough Council

Inspectors called in at the start of February 2024 to look at the front door.
"""


def test_a_round_up_section_that_dates_its_inspection_takes_the_record_s_grade(tmp_path):
    doc = _page(tmp_path, ROUND_UP)
    graded = dict(zip(doc.council, doc.severity))
    assert graded == {"Wokingham": "requires improvement", "Central Bedfordshire": "good", "Knowsley": ""}


LETTER = """Solihull making progress, says inspectors' letter

{date}

Ofsted's latest letter says Solihull Council is making steady progress, two years after its children's services were
{rated}. Caseloads have fallen and fewer children wait for an assessment, the inspector wrote.

The cabinet member for children said there was more to do before the next full inspection.
"""


def _letter(tmp_path, date_line: str, rated: str):
    return _page(tmp_path, LETTER.format(date=date_line, rated=rated))


def test_a_past_grade_still_standing_on_the_printed_day_is_the_current_grade(tmp_path):
    doc = _letter(tmp_path, "3 June 2025", "rated inadequate")
    assert doc.council == ["Solihull"] and doc.severity == ["inadequate"]
    assert doc.confidence["severity"] == "official"


@pytest.mark.parametrize("date_line, rated", [
    ("3 June 2025", "rated good"),  # the record's standing grade is inadequate: a grade it does not hold fills nothing
    ("", "rated inadequate"),  # no printed day to read the standing grade on
    ("3 June 2025", "inspected"),  # no grade named
])
def test_no_past_grade_fill_without_a_named_standing_grade_and_a_printed_day(tmp_path, date_line, rated):
    doc = _letter(tmp_path, date_line, rated)
    assert doc.council == ["Solihull"] and doc.severity == []


MONITORING = """Inspectors see slow progress in Coventry

{date}

Ofsted's first monitoring visit to Coventry since the council was {judged} in 2014 found that help for children at
risk is improving only slowly. Caseloads have fallen, the letter says, but plans for some children drift.
"""


def _monitoring(tmp_path, date_line: str, judged: str):
    return _page(tmp_path, MONITORING.format(date=date_line, judged=judged))


def test_a_monitoring_visit_after_a_named_inadequate_judgement_keeps_that_grade(tmp_path):
    doc = _monitoring(tmp_path, "", "judged inadequate")
    assert doc.council == ["Coventry"] and doc.severity == ["inadequate"]


@pytest.mark.parametrize("date_line, judged", [
    ("", "criticised by inspectors"),  # no inadequate judgement named
    ("9 December 2019", "judged inadequate"),  # printed on a day the record has requires improvement standing
])
def test_no_monitoring_fill_without_the_judgement_or_against_the_record(tmp_path, date_line, judged):
    doc = _monitoring(tmp_path, date_line, judged)
    assert doc.council == ["Coventry"] and doc.severity == []


def test_a_judgement_of_a_grade_is_a_named_grade():
    from indexer.ingest.annotate.record_grade import _named_grades
    assert _named_grades("It was the first visit since its March 2015 judgement of 'inadequate'.") == {"inadequate"}


@pytest.mark.parametrize("sentence, expected", [
    ("For years its services were judged 'inadequate' and then 'requiring improvement'.", ["requires improvement"]),
    ("The borough was rated inadequate, then good, by the watchdog.", ["good"]),
    ("Inspectors judged the service inadequate and later requires improvement.", ["requires improvement"]),
    ("Inspectors judged the service inadequate and then left the town.", ["inadequate"]),  # no grade follows
])
def test_a_sequence_of_grades_ends_in_the_later_one(sentence, expected):
    from indexer.ingest.annotate.severity import grade_statements
    assert [st.grade for st in grade_statements(sentence, 0) if not st.sub_area] == expected


def test_a_headline_without_the_apostrophe_still_names_childrens_services():
    from indexer.ingest.annotate.council import is_school_inspection
    title = "Council's childrens services getting better, say inspectors"
    text = ("The county's children services department has improved, Ofsted says. Most nurseries are good, primary "
            "schools are improving and GCSE results rose; two secondary schools still need work.")
    assert is_school_inspection(title, text)[0] is False
    assert is_school_inspection("Primary school rated good", "Pupils and teachers at the primary school were "
                                "praised; the school's nursery was also good.")[0] is True


@pytest.mark.parametrize("title, text, school", [
    ("Inspectors praise Riverside Academy", "Pupils at Riverside Academy are taught well, inspectors said, and teachers "
     "know their pupils; GCSE results at Riverside Academy rose.", True),  # names the school
    ("Ofsted: nursery marked down", "Inspectors said the nursery must improve: children at the nursery were not kept "
     "safe, and staff at the nursery lacked training.", True),  # one setting, "the nursery"
    ("Ofsted looks at the county's provision", "Inspectors visited schools, nurseries and colleges across the county; "
     "primary schools and secondary schools were looked at, and teachers and pupils were asked.", False),  # plural only
])
def test_a_school_story_is_about_one_school(title, text, school):
    from indexer.ingest.annotate.council import is_school_inspection
    assert is_school_inspection(title, text)[0] is school
