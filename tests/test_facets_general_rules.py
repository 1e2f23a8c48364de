"""The general article rules of issue 22's facet round: movement end states, sub-judgements, lists, years from the
official history. Each test writes its own short text (none is a development article's wording)."""
from __future__ import annotations

import pytest

from indexer.ingest.annotate.grade_context import dated_in_sentence, given_by_earlier_inspection
from indexer.ingest.annotate.gazetteer import find_mentions
from indexer.ingest.annotate.places import council_groups, subject_mentions
from indexer.ingest.annotate.severity import decide, grade_statements
from indexer.ingest.annotate.year import outcome_from_text

from tests.facet_helpers import article


@pytest.mark.parametrize("head,expected", [
    ("At its previous inspection, in 2014, the department was judged ", "previous"),
    ("The earlier report, three years before, graded the council ", "previous"),
    ("Progress since the previous inspection, which rated the service ", "previous"),
    ("Since the previous inspection the service has become ", ""),  # the new inspection's grade
    ("The last full inspection, in 2018, rated it ", "last"),  # standing unless a newer grade is stated
    ("The previous inspection found weaknesses but the council is now ", ""),
])
def test_a_grade_given_to_an_earlier_inspection(head, expected):
    assert given_by_earlier_inspection(head) == expected


def test_a_grade_placed_in_a_stated_year_stands_only_without_a_newer_one():
    assert dated_in_sentence("In March 2014 inspectors said the council's services ") == "last"
    assert dated_in_sentence("Inspectors said the council's services ") == ""
    older = grade_statements("In 2016 the council's children's services were judged inadequate.", 1)
    newer = grade_statements("Children's services are now rated good.", 2)
    assert [s.standing for s in older] == [True]
    assert decide(older + newer)[0] == "good"
    assert decide(older)[0] == "inadequate"  # a story with no new grade keeps the standing one


@pytest.mark.parametrize("sentence,expected", [
    # names areas of work but grades the service: a full-weight overall grade
    ("Inspectors examined help and protection and care leavers and found that services now 'require improvement'.",
     [("requires improvement", False, 1.5)]),
    # a grade word as the adjective of one area
    ("Inspectors praised the 'outstanding' fostering service.", [("outstanding", True, 0.9)]),
    ("Ofsted now rates the borough's children's services good.", [("good", False, 1.0)]),
    ("The new report finds services improved, but still requiring improvement.", [("requires improvement", False, 1.0)]),
    ("Several things still require improvement: missing children and exploitation.", []),
    ("Services have been rated 'requires improvement' since 2020.", [("requires improvement", False, 1.5)]),
    ("Services were 'adequate', a grade soon to be renamed 'requires improvement'.", [("adequate", False, 1.5)]),
    ("Its provision for children with special educational needs got a top rating.", [("outstanding", True, 0.4)]),
    ("Services are not yet consistently good.", []),
    ("The council hopes care is now good enough.", []),
])
def test_sub_judgements_and_current_grades(sentence, expected):
    found = [(s.grade, s.sub_area, s.weight) for s in grade_statements(sentence, 1)]
    assert found == expected


def test_previous_inspection_grade_never_sets_the_current_one(tmp_path):
    doc = article(tmp_path, "Rotherham report\n\nOfsted has judged Rotherham's children's services to require "
                            "improvement to be good.\n\nAt its previous inspection, in 2011, the service was judged "
                            "'adequate' overall, and the one before that called it 'good'.\n")
    assert doc.severity == ["requires improvement"]


def test_a_list_continues_through_the_royal_borough_of():
    text = "Camden and the Royal Borough of Greenwich were rated good."
    groups = council_groups(text, subject_mentions(text, None))
    assert [[code for _, code in g] for g in groups] == [["E09000007", "E09000011"]]


def test_greater_manchester_is_a_region_not_the_council():
    mentions = find_mentions("No other Greater Manchester council did as well; Manchester did not.")
    assert [m.is_org for m in mentions] == [True, False]


def test_required_improvement_is_a_grade(tmp_path):
    doc = article(tmp_path, "London round-up\n\nHillingdon's services require improvement. Bexley and Hounslow were "
                            "also told their services \"required improvement\".\n")
    assert dict(zip(doc.council, doc.severity)) == {"Hillingdon": "requires improvement", "Bexley": "requires improvement",
                                                   "Hounslow": "requires improvement"}


# Years from the official outcomes history (indexer/data/ofsted_outcomes.csv).

def test_movement_chooses_the_inspection_whose_previous_grade_was_left():
    # Norfolk: inadequate 2013 and 2015, requires improvement 2018 (after inadequate), good 2023.
    text = "Norfolk's children's services are out of special measures and now require improvement."
    outcome, why = outcome_from_text(text, ["E10000020"], "requires improvement", None, ["inadequate"])
    assert outcome.published.year == 2018 and "the grade it left (inadequate)" in why


def test_the_overall_grade_not_a_sub_judgement_matches_an_inspection():
    # Norfolk's 2015 inspection was inadequate overall with some areas requiring improvement: not a match.
    text = "Norfolk was rated inadequate in 2013. Its services now require improvement."
    outcome, _ = outcome_from_text(text, ["E10000020"], "requires improvement", None)
    assert outcome.published.year == 2018


def test_a_named_framework_chooses_among_inspections():
    # Westminster was outstanding under the single inspection framework (2016) and under ILACS (2019, 2025).
    text = "Westminster is among the first judged outstanding under the single inspection framework."
    outcome, _ = outcome_from_text(text, ["E09000033"], "outstanding", None)
    assert outcome.framework == "SIF" and outcome.published.year == 2016


def test_a_visit_month_dates_the_inspection():
    # Worcestershire: inspected in May 2023 (good); the May phrasing and the visit word both count.
    for text in ("After a May visit, Ofsted rated Worcestershire good.", "Ofsted visited Worcestershire in May."):
        outcome, why = outcome_from_text(text, ["E10000034"], "good", None)
        assert outcome.published.year == 2023, why


def test_an_old_bbc_updated_line_is_the_dateline(tmp_path):
    doc = article(tmp_path, "<html><body><div class='ds'>Updated Tuesday, 3 March 2009, 11:02 GMT</div>"
                            "<h1>Council services 'inadequate'</h1><p>Ofsted has rated Cornwall's children's services "
                            "inadequate.</p></body></html>", name="a.html")
    assert doc.year == 2009


def test_an_annual_rating_after_a_named_earlier_year_is_the_next_round():
    from indexer.ingest.annotate.calendar import annual_round_year
    assert annual_round_year("Leeds is performing adequately, up from 2010, when it was performing poorly.")[0] == 2011
    assert annual_round_year("Ofsted's annual assessment for 2010 found Leeds performing poorly.")[0] == 2010
    assert annual_round_year("Leeds is performing poorly.")[0] == 2009


def test_a_judgement_made_last_year_puts_the_article_a_year_after_the_inspection(tmp_path):
    # Swindon's only inadequate inspection ended in July 2023: "last year" makes the undated article 2024.
    doc = article(tmp_path, "Swindon progress\n\nLast year Ofsted rated Swindon Borough Council's children's services "
                            "'inadequate'. Inspectors have returned twice since and see steady progress.\n")
    assert doc.severity == ["inadequate"] and doc.year == 2024
    from indexer.ingest.annotate.calendar import judged_last_year
    assert not judged_last_year("Ten councils were outstanding this year, against 17 of 48 last year.")


def test_a_stated_direction_chooses_among_inspections_with_the_grade():
    # Bradford was inadequate in 2018 (after requires improvement) and in 2023 (after inadequate): a decline is 2018.
    text = "Ofsted judged Bradford's children's services inadequate, saying they have rapidly deteriorated."
    outcome, why = outcome_from_text(text, ["E08000032"], "inadequate", None)
    assert outcome.published.year == 2018 and "the change it states" in why
    assert outcome_from_text("Ofsted judged Bradford's children's services inadequate.", ["E08000032"],
                             "inadequate", None)[0] is None  # two fit, no direction: unknown, not a guess


def test_a_visit_month_without_a_year_follows_the_latest_dated_month():
    from indexer.ingest.annotate.calendar import bare_inspection_month_year
    year, _ = bare_inspection_month_year("After visiting on 3 and 4 March, inspectors wrote. Since September 2024 "
                                         "schools get no overall grade.")
    assert year == 2025


def test_a_target_year_at_a_sentence_start_is_not_a_past_year():
    from indexer.ingest.annotate.year import latest_year_mentioned
    assert latest_year_mentioned("Rated inadequate in 2017. By 2022 the council wants to be good.", None) == 2017


def test_a_new_report_makes_a_dated_grade_history(tmp_path):
    dated = grade_statements("In 2019 inspectors raised the council's grade to 'requires improvement'.", 1)
    assert decide(dated)[0] == "requires improvement"  # e.g. an "inspection finished, result due" story
    assert decide(dated, new_report=True)[0] is None  # the new report's grade is another one
    # Worcestershire, May 2023 visit: the text names only history and a sub-judgement; the official grade is used.
    doc = article(tmp_path, "Worcestershire improves\n\nAfter a May visit, the new report praises Worcestershire. The "
                            "council was rated 'inadequate' in 2017. In 2019 inspectors raised the grade to "
                            "'requires improvement'. Only children in care got the lower grade of 'requires "
                            "improvement' this time.\n")
    assert doc.severity == ["good"] and doc.year == 2023


def test_a_counted_back_reference_and_a_held_grade(tmp_path):
    doc = article(tmp_path, "Bi-borough outstanding\n\nOfsted has rated Camden's children's services 'outstanding'. "
                            "Camden shares the service with Islington. Inspectors praised Camden's leaders. "
                            "These two councils are the first to stay 'outstanding'. Only two other councils "
                            "(Leeds and Hampshire) hold the grade today.\n")
    assert dict(zip(doc.council, doc.severity)) == {"Camden": "outstanding", "Islington": "outstanding",
                                                   "Leeds": "outstanding", "Hampshire": "outstanding"}


def test_a_counted_group_introducing_a_list_grades_the_list(tmp_path):
    sentence = "Of the year's twelve inadequate councils, four had been good at the inspection before: Kent, Leeds and Bury."
    assert [(s.grade, s.tally) for s in grade_statements(sentence, 1)] == [("inadequate", True)]
    doc = article(tmp_path, "Year in review\n\nOfsted published many reports this year. " + sentence + "\n")
    assert dict(zip(doc.council, doc.severity)) == {"Kent": "inadequate", "Leeds": "inadequate", "Bury": "inadequate"}
    assert grade_statements("Nine outstanding councils were named.", 1)[0].tally  # a count alone grades no one


def test_the_two_judgements_of_a_2009_12_inspection_give_the_lower(tmp_path):
    doc = article(tmp_path, "First inspections\n\nSuffolk and Essex were inspected first. In safeguarding, both "
                            "councils were judged adequate. On looked-after children, Essex's overall grade was "
                            "good and Suffolk's good as well.\n")
    assert dict(zip(doc.council, doc.severity)) == {"Suffolk": "adequate", "Essex": "adequate"}


# Second facet round (set k as development): each rule on sentences written here.

from indexer.ingest.annotate.attribution import attribute_grades  # noqa: E402
from indexer.ingest.annotate.grade_context import counts_councils, left_behind  # noqa: E402
from indexer.ingest.annotate.history import run_length  # noqa: E402
from indexer.ingest.annotate.severity import stepped  # noqa: E402
from indexer.ingest.annotate.text_units import Sentence  # noqa: E402


@pytest.mark.parametrize("sentence,expected", [
    ("Forty-one councils, about a third, are now rated good.", True),
    ("Fostering was the best area, with 12 authorities (a fifth) judged outstanding.", True),
    ("In child protection one department in four was inadequate.", True),
    ("Not one council was judged outstanding this year.", True),
    ("These two councils were rated good.", False),  # points back at named councils
    ("The council was rated good.", False),
])
def test_a_sentence_that_counts_councils(sentence, expected):
    assert counts_councils(sentence) is expected


def _graded(texts):
    sentences = [Sentence(t, n, n) for n, t in enumerate(texts)]
    attributed, _ = attribute_grades(sentences, None, "E06000001")
    return {code: decide(sts)[0] for code, sts in attributed.items()}


def test_a_tally_sentence_never_grades_the_council_named_elsewhere():
    graded = _graded(["Hartlepool's new chief visits schools", "Nationally, 30 councils, a quarter, are inadequate.",
                      "Hartlepool Borough Council was rated good by Ofsted."])
    assert graded == {"E06000001": "good"}


@pytest.mark.parametrize("sentence", [
    "Three councils were rated outstanding for leadership, management and governance.",
    "They were marked inadequate on the safety strand but not overall.",
    "The council was judged inadequate for keeping children safe.",
    "Both were rated good for adoption.",
])
def test_a_grade_qualified_by_its_area_is_a_sub_judgement(sentence):
    statements = grade_statements(sentence, 1)
    assert statements and all(st.sub_area for st in statements)
    assert decide(statements)[0] is None  # never the overall grade


def test_overall_goes_with_the_grade_beside_it_not_every_grade_of_the_sentence():
    sts = grade_statements("Ofsted gave the council an overall 'requires improvement' rating and singled out its"
                           " fostering service as 'outstanding'.", 1)
    assert decide(sts)[0] == "requires improvement"
    sts = grade_statements("Care leavers were graded good, and the overall verdict is inadequate.", 1)
    assert decide(sts)[0] == "inadequate"
    sts = grade_statements("Services were judged good overall, but help for care leavers was inadequate.", 1)
    assert decide(sts)[0] == "good"


def test_experiences_and_progress_names_an_area():
    sts = grade_statements("Children in care fared better: their experiences and progress were rated 'good'.", 1)
    assert sts and all(st.sub_area for st in sts)


def test_not_to_be_found_consistently_good_is_not_a_grade():
    assert left_behind("The leader said it was a pity not to be found consistently ")
    assert not grade_statements("She said it was a pity not to be found consistently good.", 1)


def test_a_period_at_a_grade_that_ended_and_a_step_up_from_it():
    sts = grade_statements('After five years at "inadequate", the borough\'s services have climbed a grade.', 1)
    assert [s.grade for s in sts] == ["requires improvement"]
    sts = grade_statements("After two years rated good, the county has dropped one grade.", 1)
    assert [s.grade for s in sts] == ["requires improvement"]
    assert stepped("adequate", 1) == "good" and stepped("outstanding", 1) == ""


def test_a_grade_some_years_ago_stands_only_without_a_newer_one():
    old = grade_statements("The notice was issued when the council was judged inadequate some three years ago.", 1)
    assert [s.standing for s in old] == [True]
    new = grade_statements("Inspectors found the service still required improvement.", 2)
    assert decide(old + new)[0] == "requires improvement"


@pytest.mark.parametrize("text,expected", [
    ("The borough has been rated outstanding three times in a row.", 3),
    ("It kept its grade at a second inspection in a row.", 2),
    ("the first council to earn the top grade at four inspections running", 4),
    ("A third consecutive good rating for the county.", 3),
    ("The council was rated outstanding again.", 0),
])
def test_a_run_of_equal_grades(text, expected):
    assert run_length(text) == expected


def test_a_council_page_naming_itself_only_in_its_site_title_is_about_that_council(tmp_path):
    html = ("<html><head><title>Ofsted praises services | Hartlepool Borough Council</title></head><body>"
            "<h1>Ofsted praises services</h1><p>12 March 2019</p><p>Inspectors have rated the council's children's"
            " services 'good'. The council's leader thanked staff.</p></body></html>")
    doc = article(tmp_path, html, "page.html")
    assert doc.council == ["Hartlepool"] and doc.severity == ["good"]
    other = article(tmp_path, html.replace("Hartlepool Borough Council", "Local News Daily"), "other.html")
    assert other.council == []


def test_an_annual_rating_in_straight_quotes_names_a_tally_member():
    sts = grade_statements('Thirty councils, Sefton among them, are rated "excellent".', 1)
    assert [s.grade for s in sts] == ["outstanding"]
    assert [s.grade for s in grade_statements('Six councils were rated "poor" this year.', 1)] == ["inadequate"]


def test_a_time_ago_before_the_grade_and_services_as_a_whole():
    old = grade_statements("A year ago it was judged to be performing adequately overall.", 1)
    assert [s.standing for s in old] == [True]
    new = grade_statements("Across its services as a whole, the council is now rated as performing well.", 2)
    assert new[0].weight > 1.0  # "as a whole" is an overall grade
    unit = grade_statements('Its pupil referral unit is graded "inadequate".', 3)
    assert all(s.sub_area for s in unit)
    assert decide(old + new + unit)[0] == "good"


def test_a_story_rating_the_councils_childrens_services_is_not_a_school_story(tmp_path):
    text = ("Hartlepool's schools and nurseries praised\n\nHartlepool nursery and primary schools kept a strong record,"
            " secondary schools are mixed and one academy has new teachers. Across children's services as a whole,"
            " Hartlepool Borough Council is now rated as performing well.\n")
    doc = article(tmp_path, text)
    assert doc.council == ["Hartlepool"] and doc.severity == ["good"]


def test_an_area_as_the_subject_graded_at_places_is_a_sub_judgement():
    sts = grade_statements("Child protection was judged inadequate at Rochdale, Oldham and Bury.", 1)
    assert sts and all(s.sub_area for s in sts)
    sts = grade_statements("Child protection services were judged inadequate in Rochdale.", 1)  # a CPI's own grade
    assert sts and not any(s.sub_area for s in sts)


def test_a_rating_sentence_places_the_annual_round_in_its_year():
    from indexer.ingest.annotate.calendar import annual_round_year
    assert annual_round_year("Three times as many councils earned an 'excellent' rating in 2010 as a year before."
                             " Ten were performing poorly.")[0] == 2010
    # an earlier judgement, and another event, keep the round after them
    assert annual_round_year("It is now performing well, up from 2010, when it was performing poorly.")[0] == 2011
    assert annual_round_year("In 2009 it suspended staff. It is now performing adequately.")[0] == 2010


def test_a_site_header_date_that_the_storys_weekday_dates_contradict(tmp_path):
    from indexer.ingest.annotate.weekdays import contradicts, fitting_years, weekday_dates
    import datetime as dt
    text = "The report came out on Monday (September 5) after a visit in July."
    assert weekday_dates(text) == [(0, 9, 5)]
    assert contradicts(dt.date(2024, 2, 24), text)  # 5 September 2024 was a Thursday
    assert not contradicts(dt.date(2022, 9, 9), text)  # 2022: a Monday
    assert fitting_years("inspected on Tuesday and Wednesday, September 22 and 23", 2008, 2016) == {2009, 2015}
    assert weekday_dates("on Monday 5 September 2022") == []  # a full date carries its own year
    page = ("Local Wire | Saturday 24 February 2024 | 7.7 C\n\nHartlepool children's services rated 'inadequate'\n\n"
            "Ofsted published the findings on Monday (September 5).\n")
    doc = article(tmp_path, page)
    assert doc.published is None and doc.year != 2024


def test_councils_heading_sections_of_a_round_up_are_its_subjects(tmp_path):
    text = ("Latest focused visits\n\nOfsted has published three focused visit letters; these visits do not change "
            "a council's grade.\n\nHartlepool Borough Council\n\nInspectors looked at children in need over two days "
            "and found managers' oversight stronger.\n\nDarlington Borough Council\n\nThe visit looked at care "
            "leavers and found plans improving.\n")
    doc = article(tmp_path, text)
    assert sorted(doc.council) == ["Darlington", "Hartlepool"]
    assert not any(doc.severity)


def test_inspectors_returning_last_year_is_a_judgement_last_year():
    from indexer.ingest.annotate.calendar import judged_last_year
    assert judged_last_year("When inspectors returned last year they found services still required improvement.")
    assert judged_last_year("Ofsted visited last year and found progress.")
    assert not judged_last_year("The council returned last year's budget surplus to schools.")


def test_a_school_frameworks_era_and_the_storys_weekdays_give_one_year():
    from indexer.ingest.annotate.weekdays import school_era_year
    text = ("Leadership is 'inadequate'; personal development, behaviour and welfare 'requires improvement'. "
            "Inspectors came on Tuesday 22 and Wednesday 23 September.")
    assert school_era_year(text)[0] == 2015  # 2009 and 2020 fit the weekdays but not the framework
    assert school_era_year("Satisfactory overall. Inspectors came on Wednesday 8 November.")[0] == 2006  # 2005-12
    assert school_era_year("Inspectors came on Tuesday 22 September.")[0] is None  # no era: 2009, 2015, 2020 …


def test_an_outlets_section_label_is_not_a_round_up_entry(tmp_path):
    text = ("Lifeboat crew rescues walkers\n\nHartlepool\n\nTwo walkers were brought ashore after the tide came in "
            "quickly on Sunday afternoon.\n")
    assert article(tmp_path, text).council == []


def test_a_count_in_a_sentence_about_the_articles_own_council_still_grades_it():
    assert not counts_councils("Of 20 councils inspected this year, it was the only one rated outstanding.")
    graded = _graded(["Hartlepool praised", "Of 20 councils inspected this year, it alone was rated outstanding."])
    assert graded == {"E06000001": "outstanding"}


def test_variants_of_runs_and_steps():
    assert run_length("Rated good for a third successive time.") == 3
    assert run_length("its second straight outstanding rating") == 2
    sts = grade_statements("After four years rated inadequate, the trust's services have risen two grades.", 1)
    assert [s.grade for s in sts] == ["good"]


def test_overall_stays_with_the_grade_it_follows_or_the_one_the_council_now_holds():
    sts = grade_statements("Ofsted rated the council's children's services good overall, and praised leaders as"
                           " outstanding.", 1)
    assert decide(sts)[0] == "good"
    sts = grade_statements('Ofsted has moved the council\'s services from "good" overall to "requires improvement".', 1)
    assert decide(sts)[0] == "requires improvement"
    assert not grade_statements("Staff shortages cost the council its 'good' rating.", 1)


def test_a_year_after_another_grade_belongs_to_that_grade():
    sts = grade_statements("The services have been rated 'requires improvement', down from 'good' in 2018.", 1)
    assert [s.grade for s in sts] == ["requires improvement"]
    assert not grade_statements("The services were rated 'good' in 2018.", 1)  # still a past grade
