"""Issue 22, facet round 6: structures behind misses on the development sets (a-p and set q's even ids). Every text
here is written for the test; none is an article's wording. Each test fails without its rule."""
from __future__ import annotations

import datetime as dt

from tests.facet_helpers import article


# --- who is a subject -----------------------------------------------------------------------------------------

def test_the_council_running_a_graded_home_is_only_named_as_its_operator(tmp_path):
    doc = article(tmp_path, "Two children's homes run by Wakefield Council rated inadequate\n\n"
                            "Inspectors rated two children's homes run by Wakefield Council inadequate this summer. "
                            "Each home had too few staff, and the homes' managers had left.\n")
    assert doc.council == [] and not doc.severity
    assert any("Wakefield" in m for m in doc.facet_evidence["mentioned_not_subject"])


def test_a_council_named_only_as_a_partner_is_not_a_subject(tmp_path):
    doc = article(tmp_path, "Children's services judged good\n\nWarrington Borough Council\n\n"
                            "Ofsted has judged Warrington's children's services 'good' overall.\n\n"
                            "The long partnership with Cheshire East Council gave the service stable leaders, "
                            "inspectors said.\n\nThe director said the Warrington and Cheshire East partnership "
                            "had earned the 'good' grade for every family.\n")
    assert doc.council == ["Warrington"] and doc.severity == ["good"]


def test_partner_phrases_and_the_graded_partner():
    from indexer.ingest.annotate.partners import partner_only
    text = "Essex County Council became Thurrock's improvement partner in May, after the Thurrock report."
    assert partner_only(text, None) == {"E10000012"}  # Essex
    text = ("Camden works in a partnership with Islington, itself one of the boroughs rated good. "
            "Islington, the partnership's other borough, was rated 'good' in June.")
    assert partner_only(text, None) == set()


# --- grades that are no one's -----------------------------------------------------------------------------------

def test_a_definition_a_share_and_a_class_give_no_grade():
    from indexer.ingest.annotate.grade_context import not_current
    assert not_current("A council counts as '", "' when children are left at risk") == "generic"
    assert not_current("Some English councils have had '", "' child protection") == "generic"
    assert not_current("Across England the share rated ", " dropped from 12% to 8%") == "tally"
    assert not_current("The council was rated ", " in May") == ""


def test_an_area_grade_named_by_its_noun_or_by_the_same_measure_is_no_overall_grade(tmp_path):
    doc = article(tmp_path, "Safety ratings for councils\n\nLancashire Evening Times\n\nFriday, 5 December 2008\n\n"
                            "On keeping children safe, Bolton and Bury were rated 'adequate'. Bury's neighbour "
                            "Salford was graded 'good' on the same measure, and its 'good' child protection was praised."
                            "\n\nA service counts as inadequate when children are not kept safe.\n")
    graded = dict(zip(doc.council, doc.severity or [""] * len(doc.council)))
    assert graded.get("Salford", "") in ("", None) and graded.get("Bolton", "") in ("", None)


def test_one_grade_for_every_area_is_the_overall_grade():
    from indexer.ingest.annotate.severity import decide, grade_statements
    said = grade_statements("Every area inspected, including the experiences of care leavers and of children in care, "
                            "was judged to require improvement.", 0)
    assert decide(said)[0] == "requires improvement" and not said[0].sub_area
    said = grade_statements("Inspectors found the service good in each area they looked at, care leavers included.", 0)
    assert said and not said[0].sub_area
    said = grade_statements("The experiences of care leavers were judged to require improvement.", 0)
    assert said and said[0].sub_area  # one named area is still a sub-judgement


# --- standing grades and years ----------------------------------------------------------------------------------

def test_a_visit_after_a_dated_full_inspection_keeps_the_standing_grade(tmp_path):
    doc = article(tmp_path, "Ofsted letter for Sheffield\n\nSheffield City Council\n\nTuesday, 4 March 2025\n\n"
                            "We welcome Ofsted's letter after its focused visit in January.\n\n"
                            "The visit came after the full inspection of September 2023, when services were "
                            "graded 'good' overall. This time inspectors looked at care leavers.\n")
    assert doc.council == ["Sheffield"] and doc.severity == ["good"]


def test_a_visit_with_a_new_full_inspection_is_not_a_visit():
    from indexer.ingest.annotate.visits import reports_a_visit
    assert reports_a_visit("A focused visit came after the full inspection of July 2023.")
    assert reports_a_visit("A monitoring visit followed; since the last full inspection in 2017 much changed.")
    assert not reports_a_visit("After two monitoring visits, a full inspection found the services good.")


def test_last_years_inspection_dates_an_undated_page_a_year_later(tmp_path):
    doc = article(tmp_path, "Progress for children in Sheffield\n\nOfsted's letter, out today, follows a focused "
                            "visit to Sheffield City Council last month. Gaps found in 2023 have been closed.\n\n"
                            "At last year's inspection the service was judged 'good' overall, with care leavers "
                            "graded 'requires improvement'.\n")
    assert doc.council == ["Sheffield"] and doc.year == 2024


def test_a_report_dated_by_its_publication_month_counts_last_year_from_then(tmp_path):
    from indexer.ingest.annotate.calendar import names_publication_month
    assert names_publication_month("a report published in January 2023", dt.date(2023, 1, 31))
    assert not names_publication_month("visits in November 2022", dt.date(2023, 1, 31))
    doc = article(tmp_path, "Trafford improvement update\n\nTrafford's children's services, rated \"requires "
                            "improvement\" last year, keep improving.\n\nOfsted judged the services \"requires "
                            "improvement\" in a report published in January 2023, after visits in November 2022.\n")
    assert doc.council == ["Trafford"] and doc.year == 2024


def test_an_undated_page_that_dates_the_report_itself_takes_that_inspection(tmp_path):
    doc = article(tmp_path, "Children's services in Warrington stay good\n\nWarrington Borough Council\n\n"
                            "Ofsted has judged Warrington's children's services 'good' again. The full report was "
                            "released on Monday, 19 August 2019, after inspectors spent two weeks in the borough. "
                            "A re-inspection is expected in 2024.\n")
    assert doc.council == ["Warrington"] and doc.year == 2019
    from indexer.ingest.annotate.published_report import published_in_text
    assert published_in_text("Nothing is dated here.", [], lambda o: True) == (None, "")


def test_weekday_dates_without_a_year_that_fall_on_the_recorded_days_date_the_page(tmp_path):
    doc = article(tmp_path, "Sheffield children's services rated good\n\nSheffield City Council\n\n"
                            "Ofsted has rated Sheffield's children's services 'good'. Inspectors were with us from "
                            "Monday 11 September to Friday 22 September, meeting staff and families.\n")
    assert doc.council == ["Sheffield"] and doc.year == 2023
    from indexer.ingest.annotate.published_report import weekday_dated
    assert weekday_dated("On Tuesday 12 September the letter came.", [], lambda o: True) == (None, "")


def test_a_rating_verb_then_a_named_councils_services_then_the_grade():
    from indexer.ingest.annotate.severity import grade_statements
    said = grade_statements("On the same day Ofsted also rated Brighton and Hove's children's services good.", 0)
    assert [s.grade for s in said] == ["good"]
    said = grade_statements("Inspectors judged Kent's social care services outstanding in every area.", 0)
    assert [s.grade for s in said] == ["outstanding"]


def test_a_story_about_two_named_homes_is_a_setting_inspection(tmp_path):
    doc = article(tmp_path, "Two children's homes judged inadequate\n\nInspectors have rated two children's homes "
                            "'inadequate'. One is run by Leeds City Council; the other is a private home near York.\n\n"
                            "At the Leeds home, doors were locked all day. At the York home, staff left children idle.\n")
    assert doc.council == [] and not doc.severity


def test_a_page_speaking_of_covid_reports_an_inspection_from_2020_on(tmp_path):
    doc = article(tmp_path, "Stockport children's services good\n\nStockport Council\n\nOfsted has rated our children's "
                            "services 'good' overall, despite the pressure Covid-19 put on every team.\n")
    assert doc.council == ["Stockport"] and doc.year == 2022
