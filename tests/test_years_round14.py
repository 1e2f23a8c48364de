"""Round 14 (issue 22): a reasoned, inferred year for an undated page every other rule left empty (empty_year.py).

Sentences written for these tests, paraphrasing the kinds of page the development sets hold, and ones that must not
fire. The councils' records are the project's outcomes table (indexer/data/ofsted_outcomes.csv).
"""
from __future__ import annotations

import pytest

from indexer.ingest.annotate.empty_year import fallback_year, framework_record, grade_record
from tests.facet_helpers import article

PORTSMOUTH = "E06000044"  # SIF 2014 requires improvement; ILACS 2018 and 2023 good
SWINDON = "E06000030"  # SLAC 2010 good; SIF 2014 requires improvement; ILACS 2019 good; ILACS 2023 inadequate
HEREFORDSHIRE = "E06000019"  # CPI 2012 inadequate; ILACS 2022 inadequate
TAMESIDE = "E08000008"  # SLAC 2012 (adequate); SIF 2016 inadequate; ILACS 2019 requires improvement
WARWICKSHIRE = "E10000031"  # SIF 2017 and ILACS 2025 both requires improvement


# The framework the page's words belong to, when the council had one inspection under it.

@pytest.mark.parametrize("text", [
    "Two of the five areas inspectors looked at were judged good, but help for children who need protection "
    "requires improvement.",
    "Ofsted graded the service across five judgements and found the work of the safeguarding board weak.",
    "The report, under Ofsted's single inspection framework, asks the council to do better for care leavers.",
    "The Local Safeguarding Children Board was also reviewed and found to require improvement.",
    "Leadership, management and governance were judged to require improvement.",
    "Children looked after and achieving permanence: requires improvement.",
])
def test_the_one_inspection_of_the_framework_the_words_name(text):
    found = framework_record(text, PORTSMOUTH, "")
    assert found and found.year == 2014 and found.step == "framework" and found.why.startswith("inferred")


@pytest.mark.parametrize("text", [
    "Inspectors judged the impact of leaders on social work practice outstanding.",
    "Two areas, leaders' impact on practice as well as the experiences and progress of children in care, were good.",
])
def test_ilacs_judgement_names_are_its_words(text):
    found = framework_record(text, HEREFORDSHIRE, "inadequate")  # ILACS 2018 (requires improvement), 2022, 2026
    assert found and found.year == 2022


def test_several_inspections_of_the_framework_are_told_apart_by_the_grade_only():
    text = "Ofsted's inspection of local authority children's services found the council good."
    assert framework_record(text, PORTSMOUTH, "") is None  # ILACS 2018 and 2023
    assert framework_record(text, PORTSMOUTH, "good") is None  # both were good


def test_no_framework_named_gives_nothing():
    assert framework_record("Inspectors praised the council's work with families.", PORTSMOUTH, "") is None


# The council's one whole-service inspection with the grade the page reports.

def test_the_one_inspection_with_the_grade_the_page_reports():
    text = "Inspectors judged Herefordshire's children's services inadequate and found children at risk."
    found = grade_record(text, HEREFORDSHIRE, "inadequate")
    assert found and found.year == 2022  # the 2012 child protection inspection judged one part only


@pytest.mark.parametrize("text", [
    "Ofsted judged the services inadequate last year, and the commissioner has given the council six months.",
    "At last year's inspection the services were found inadequate.",
])
def test_a_grade_given_last_year_dates_the_page_a_year_later(text):
    found = grade_record(text, HEREFORDSHIRE, "inadequate")
    assert found and found.year == 2023 and "last year" in found.why


def test_requires_improvement_is_no_word_of_the_slac_era():
    text = "Ofsted says Tameside's children's services require improvement to be good."
    found = grade_record(text, TAMESIDE, "requires improvement")
    assert found and found.year == 2019


def test_adequate_is_a_word_of_the_slac_era_only():
    text = "Inspectors judged Tameside's safeguarding services adequate."
    found = grade_record(text, TAMESIDE, "adequate")
    assert found and found.year == 2012


def test_a_good_grade_after_a_critical_report_is_the_one_that_followed_a_worse_grade():
    text = ("The director was hired to turn the department round after a critical Ofsted report. The latest "
            "report rates Swindon's children's services good.")
    found = grade_record(text, SWINDON, "good")
    assert found and found.year == 2019


@pytest.mark.parametrize("code, grade, text", [
    # two inspections fit the grade: no guess
    (WARWICKSHIRE, "requires improvement", "The verdict on Warwickshire's children's services is requires improvement."),
    (SWINDON, "good", "Ofsted rates Swindon's children's services good."),
    # the page counts time from the inspection, so it was written later
    (TAMESIDE, "requires improvement", "The service, rated requires improvement since 2019, is failing families."),
    # the page names a later year than the inspection
    (HEREFORDSHIRE, "inadequate", "Judged inadequate, the council expects to leave intervention in 2025."),
    # no grade named
    (HEREFORDSHIRE, "", "The commissioner has given Herefordshire six months."),
])
def test_the_record_step_does_not_guess(code, grade, text):
    assert grade_record(text, code, grade) is None


def test_a_page_with_no_council_gets_no_guess():
    assert fallback_year("Three of the five areas were judged good.", [], []) is None


# End to end: an undated page the earlier rules leave empty takes the guess, marked inferred with its reason.

def test_an_undated_page_takes_the_inferred_year(tmp_path):
    doc = article(tmp_path, "Herefordshire Council keeps its children's services for now\n\n"
                            "Ofsted judged Herefordshire Council's children's services inadequate last year. A "
                            "commissioner sent by the government has given the council six months to show change.\n")
    assert doc.year == 2023
    assert doc.confidence["year"] == "inferred"
    assert "inferred" in doc.facet_evidence["year_reasoning"]


def test_an_undated_page_two_inspections_fit_stays_empty(tmp_path):
    doc = article(tmp_path, "Warwickshire's children's services report published\n\n"
                            "The verdict on Warwickshire's children's services is requires improvement, but the "
                            "council believes it is heading the right way.\n")
    assert doc.year is None
