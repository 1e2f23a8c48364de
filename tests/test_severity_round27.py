"""Round 27 (issue 22, branch sev27): severity misreadings found on the real page text of single-council stories --
the later steps of an aim, a grade that ends a long quotation, a visit's letter taken for a new grade. Every sentence
here is our own invention."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.annotate.severity import decide, grade_statements
from indexer.ingest.annotate.visit_report import new_report_is_visit
from tests.facet_helpers import article


def _grades(sentence: str) -> list[str]:
    """The grades a sentence states as current judgements."""
    return [st.grade for st in grade_statements(sentence, 0)]


def _decided(text: str) -> str | None:
    """The grade a run of sentences (one per line) decides."""
    return decide([st for n, line in enumerate(text.splitlines()) for st in grade_statements(line, n)])[0]


# --- the later steps of an aim ------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Managers said they would keep steering the department towards a 'good' and, eventually, 'outstanding' rating.",
    "There is work ahead to get our teams to 'good' and then to 'outstanding', the director said.",
    "The plan is about bringing the service up to 'good' and, in time, 'outstanding'.",
])
def test_every_step_of_an_aimed_route_is_no_grade(sentence):
    assert _grades(sentence) == []


@pytest.mark.parametrize("sentence, grade", [
    # a grade held, then a second one named as the aim: the held one stays
    ("Inspectors rated the borough 'good' and leaders now aim for 'outstanding'.", "good"),
    # a route reached: "got" is past, the grade is held
    ("Two years of work got the service to 'good' last spring.", "good"),
    # two grades for two things, no word of sequence between them
    ("The council was judged 'good' and its adoption service 'outstanding'.", "good"),
])
def test_a_grade_held_beside_an_aim_stays(sentence, grade):
    assert grade in _grades(sentence)


def test_the_page_keeps_the_grade_it_states():
    text = ("Ofsted has judged the county's children's services 'adequate' after two years of intervention.\n"
            "Officers said they were now moving the department towards a 'good' and, ultimately, 'outstanding' rating.\n"
            "'We have more to do to get the service to good and then to outstanding,' the director said.")
    assert _decided(text) == "adequate"


def test_aim_chains_off_is_round_26(monkeypatch):
    monkeypatch.setattr(settings, "ROUND27_AIM_CHAINS", False)
    assert _grades("They hope to take the service towards a 'good' and, eventually, 'outstanding' rating.") \
        == ["outstanding"]


# --- a grade that ends a long quotation ---------------------------------------------------------------------------

def test_the_end_of_a_long_quotation_is_no_quoted_grade():
    sentence = ('The adviser wrote that the borough had "a settled cabinet and a senior team far more involved in '
                'planning and delivering required improvement".')
    assert _grades(sentence) == []


@pytest.mark.parametrize("sentence, grade", [
    ('The inspectors rated the trust "requires improvement" last month.', "requires improvement"),
    ("Their verdict on the borough: 'good'.", "good"),
    ('Ofsted said the department "still requires improvement".', "requires improvement"),
])
def test_a_quoted_grade_stays(sentence, grade):
    assert grade in _grades(sentence)


def test_tight_quotes_off_is_round_26(monkeypatch):
    monkeypatch.setattr(settings, "ROUND27_TIGHT_QUOTES", False)
    sentence = 'A councillor said it was "a matter of backing the required improvement".'
    assert _grades(sentence) == ["requires improvement"]


# --- a visit's letter is no new grade -----------------------------------------------------------------------------

_VISIT_PAGE = """Campaigners call for action on Rochdale children's services

Rochdale's children's services, rated 'requires improvement' since 2021, are still letting families down, a campaign
group said.

In its latest report, written after a focused visit to the service's duty team, Ofsted said some referrals waited
too long.

The council said it accepted the findings and would act on them.
"""


def test_a_visit_page_keeps_its_standing_grade(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND27_VISIT_REPORTS", True)
    assert article(tmp_path, _VISIT_PAGE).severity == ["requires improvement"]


def test_a_new_report_without_a_visit_still_drops_the_standing_grade(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND27_VISIT_REPORTS", True)
    page = _VISIT_PAGE.replace("written after a focused visit to the service's duty team", "published on Monday")
    assert article(tmp_path, page).severity == []


def test_visit_reports_off_is_round_26(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND27_VISIT_REPORTS", False)
    assert not new_report_is_visit(_VISIT_PAGE)
    assert article(tmp_path, _VISIT_PAGE).severity == []


# --- an area's label before a colon -------------------------------------------------------------------------------

_LIST_PAGE = """Ofsted rates Barsetshire children's services inadequate again

Barsetshire County Council's children's services have been rated inadequate for a second time in three years.

The inspectors' judgements were:

  • Help for children in care: requires improvement;
  • Fostering and adoption work: requires improvement;
  • Support for care leavers: requires improvement;
  • Leadership and governance: inadequate;
  • Children needing help and protection: requires improvement.

The council leader said a new plan would be agreed within a month.
"""


@pytest.mark.parametrize("line", [
    "  • Adoption work: requires improvement;",
    "Support for care leavers: good",
    "  • Leadership, management and governance: inadequate;",
])
def test_an_area_label_before_a_colon_grades_the_area(line):
    assert [st.sub_area for st in grade_statements(line, 0)] == [True]


@pytest.mark.parametrize("line", [
    "Overall effectiveness: inadequate",
    "The children's services verdict: good.",
])
def test_a_label_naming_no_area_stays_overall(line):
    assert [st.sub_area for st in grade_statements(line, 0)] == [False]


def test_a_list_of_area_lines_leaves_the_stated_grade():
    assert article_grade(_LIST_PAGE) == "inadequate"


def article_grade(text: str) -> str | None:
    """The grade a run of lines decides (one statement list per line)."""
    return _decided(text)


def test_area_labels_off_is_round_26(monkeypatch):
    monkeypatch.setattr(settings, "ROUND27_AREA_LABELS", False)
    assert article_grade(_LIST_PAGE) == "requires improvement"  # the list's lines outvote the stated grade
    assert [st.sub_area for st in grade_statements("  • Adoption work: requires improvement;", 0)] == [False]


def test_a_list_of_area_lines_alone_stands_in_for_the_grade():
    text = ("The inspectors' judgements were:\n"
            "• leaders' effect on practice: good\n"
            "• children needing help and protection: requires improvement\n"
            "• children in care and care leavers: good")
    assert article_grade(text) == "good"
