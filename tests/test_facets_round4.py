"""Issue 22, facet round 4: rules written to generalise past set n's fitting half (its odd ids). Every text here is
written for the test; none is an article's wording."""
from __future__ import annotations

from indexer import settings
from indexer.ingest.annotate.dates import url_date

from tests.facet_helpers import article


def test_a_count_that_names_the_councils_of_the_sentence_before_shares_its_grade(tmp_path):
    doc = article(tmp_path, "Yearly ratings\n\nThe yearly ratings out today put seven councils in the lowest band, "
                            "judged inadequate overall.\n\nThe seven are Bury, Kent, Leeds, Camden, Derby, Luton and "
                            "Bolton.\n\nMost others did better.\n")
    assert dict(zip(doc.council, doc.severity)) == {c: "inadequate" for c in
                                                    ["Bury", "Kent", "Leeds", "Camden", "Derby", "Luton", "Bolton"]}


def test_a_colon_list_of_withheld_results_makes_subjects_with_no_grade(tmp_path):
    doc = article(tmp_path, "Yearly ratings\n\nThree councils were judged inadequate overall: Bury, Kent and Leeds.\n\n"
                            "Verdicts on four more are held back until inspectors return: Cornwall, Cheshire West, "
                            "Luton and Derby.\n")
    found = dict(zip(doc.council, doc.severity))
    assert found["Cheshire West and Chester"] == "" and found["Cornwall"] == "" and found["Kent"] == "inadequate"


def test_a_url_date_with_a_short_month_name():
    assert url_date("https://paper.example/society/2011/nov/30/some-story") == (2011, 11)
    assert url_date("https://paper.example/society/2011/now/30/some-story") is None


def test_one_care_settings_inspection_is_no_council_judgement(tmp_path):
    doc = article(tmp_path, "Children's home near Kettering told to improve\n\nInspectors spent three days at the home, "
                            "which Northamptonshire's children's trust runs. The home was rated requires improvement, "
                            "and its leaders inadequate. Staff at the home said they would act.\n")
    assert doc.council == [] and not doc.severity


def test_a_council_whose_services_are_rated_is_not_a_care_setting_story(tmp_path):
    doc = article(tmp_path, "Council's children's homes praised as services rated good\n\nKent's children's services "
                            "were rated good overall. The home in Dover and the home in Ashford were singled out.\n")
    assert doc.council == ["Kent"] and doc.severity == ["good"]


def test_a_visit_month_without_a_year_falls_after_the_latest_dated_event(monkeypatch):
    from indexer.ingest.annotate.latest_event import latest_event_year
    monkeypatch.setattr(settings, "ROUND33_LATE_OCTOBER", False)  # round 33 reads an October alone as late too
    year, why = latest_event_year("Inspectors came back in early February for a monitoring visit, the first since "
                                  "the council was judged inadequate in October 2021.")
    assert year == 2022 and "no year" in why
    year, _ = latest_event_year("The council was judged inadequate in October 2021; inspectors visited in November.")
    assert year == 2021  # a later month of the same year: nothing says a year passed


def test_a_monitoring_visit_keeps_the_standing_grade_the_page_names(tmp_path):
    # round 11: the visit fill is one branch of the one official-record policy (record_grade)
    from indexer.ingest.annotate.record_grade import record_grade

    def standing(text):
        fill = record_grade("E06000019", text, None, False, 2023, None, "", True)
        return fill.grade if fill else ""
    text = ("Inspectors made a monitoring visit in late March. It was the first since the council was judged "
            "inadequate the summer before.")
    assert standing(text) == "inadequate"  # Herefordshire, judged so in 2022
    # the page names no grade: the standing grade stays unstated
    assert standing("Inspectors made a monitoring visit in late March.") == ""
    # a full re-inspection reported alongside: the visit does not carry the story
    assert standing(text + " A full inspection followed.") == ""


def test_not_yet_good_is_requires_improvement():
    from indexer.ingest.annotate.severity import grade_statements
    found = grade_statements("Inspectors found the borough was “not yet providing good help” to families.", 2)
    assert [s.grade for s in found] == ["requires improvement"]
    assert [s.grade for s in grade_statements("Its services are not yet good, the report says.", 2)] == \
        ["requires improvement"]
    area = grade_statements("Help for care leavers is not yet good.", 2)
    assert [(s.grade, s.sub_area) for s in area] == [("requires improvement", True)]
    assert [s.grade for s in grade_statements("Inspectors rated its services good.", 2)] == ["good"]


def test_a_stories_today_names_its_day():
    import datetime as dt
    from indexer.ingest.annotate.today_date import disagrees, today_day
    assert today_day("The report, released today (March 14), rates the borough good.") == (3, 14)
    assert today_day("Ofsted said today, 9 October, that the service was good.") == (10, 9)
    assert today_day("The report published today, 9 October 2019, rates it good.") is None  # a full date: a dateline's job
    assert disagrees(dt.date(2024, 4, 16), "A report published today (August 5) rates it good.")
    assert not disagrees(dt.date(2023, 6, 21), "A report published today (June 20) rates it good.")  # posted next day


def test_a_site_headers_date_is_not_the_story_date_when_its_today_is_another_day(tmp_path):
    doc = article(tmp_path, "Wed. Mar 6th, 2024\n\nLocal Outlet\n\nBorough services judged good\n\nOfsted has rated "
                            "Stockton-on-Tees Borough Council's children's services good overall in a report released "
                            "today (August 5).\n")
    assert doc.year == 2016  # the official report published on 5 August with that grade


def test_a_new_kind_of_inspection_unnamed_points_at_a_frameworks_first_year():
    from indexer.ingest.annotate.new_framework import first_year_outcome
    text = "Derbyshire is one of the first councils to be inspected under the new combined framework."
    found = first_year_outcome("E10000007", "good", text)
    assert found is not None and found.published.year == 2014 and found.framework == "SIF"
    assert first_year_outcome("E10000007", "inadequate", text) is None  # the grade must agree
    assert first_year_outcome("E10000007", "good", "Derbyshire has a new report and a new director.") is None


def test_two_names_joined_by_a_bare_comma_are_two_clauses_not_a_list():
    from indexer.ingest.annotate.places import council_groups, subject_mentions
    text = "Since it took over from Cumbria County Council, Cumberland Council has been rated good."
    groups = council_groups(text, subject_mentions(text, None))
    assert [len(g) for g in groups] == [1, 1]
    text = "Kent, Leeds and Bury were rated good; Derby and Luton were not."
    assert [len(g) for g in council_groups(text, subject_mentions(text, None))] == [3, 2]


def test_a_replaced_council_is_not_the_main_subject_beside_its_successor(tmp_path):
    doc = article(tmp_path, "Services rated good at first inspection\n\nSince taking over from Cumbria County Council, "
                            "Cumberland Council has had its children's services judged good overall. Under the old "
                            "Cumbria County Council, the service was last rated requires improvement.\n")
    assert doc.council[0] == "Cumberland" and doc.severity[0] == "good"


def test_a_counted_judgement_is_the_councils_nth_with_that_grade():
    from indexer.ingest.annotate.nth_time import nth_judgement
    found = nth_judgement("E10000006", "inadequate", "Cumbria judged inadequate for a third time.")
    assert found is not None and found.published.year == 2015  # 2012, 2013, then 2015
    second = nth_judgement("E10000006", "requires improvement", "It requires improvement for the second time.")
    assert second is not None and second.published.year == 2022
    assert nth_judgement("E10000006", "inadequate", "Cumbria judged inadequate for the fifth time.") is None


def test_a_councils_name_after_a_personal_title_is_a_surname():
    from indexer.ingest.annotate.places import subject_mentions
    text = "Councillor Ryan Brent and Mrs Kent sent apologies; Cllr Bury chaired. Barnet was rated good."
    assert [m.alias for m, _ in subject_mentions(text, None)] == ["Barnet"]
    assert [m.alias for m, _ in subject_mentions("Today Kent was rated good.", None)] == ["Kent"]


def test_the_last_place_of_a_run_of_results_follows_and(tmp_path):
    doc = article(tmp_path, "Verdicts\n\nInspectors rated Leeds good, Bolton requires improvement and Kent outstanding "
                            "in reports out this week.\n")
    assert dict(zip(doc.council, doc.severity)) == {"Leeds": "good", "Bolton": "requires improvement",
                                                    "Kent": "outstanding"}


def test_a_grade_after_being_judged_is_left_behind(tmp_path):
    doc = article(tmp_path, "Borough improves\n\nBolton's children's services have moved up to good, two years after "
                            "being judged inadequate.\n")
    assert doc.severity == ["good"]
    doc = article(tmp_path, "Borough improves\n\nHaving been rated inadequate, Bolton is now judged good.\n", "b.txt")
    assert doc.severity == ["good"]


# Written after the even half of set n was scored (its misses read): general faults those misses showed.
def test_a_bullets_dash_does_not_cue_a_grade_word():
    from indexer.ingest.annotate.severity import grade_statements
    assert grade_statements("- good early help keeps many families together.", 3) == []
    assert [s.grade for s in grade_statements("Two were outstanding overall - Bury and Kent.", 3)] == ["outstanding"]


def test_a_sentence_that_runs_through_the_scale_gives_no_grade():
    from indexer.ingest.annotate.severity import grade_statements
    assert grade_statements("Grades run from outstanding, good and requires improvement to inadequate.", 2) == []
    assert grade_statements("Ofsted's four grades are 'inadequate', 'requires improvement', 'good' or 'outstanding'.",
                            2) == []
    found = grade_statements("Leeds was rated good, Bolton requires improvement and Kent inadequate.", 2)
    assert len(found) == 3  # places between the grades: results, not the scale


def test_an_areas_grade_tells_two_fitting_inspections_apart():
    # round 7: the areas are a clue of the candidate scorer (candidates.py), which replaced area_fit.py
    import datetime as dt
    from indexer.ingest.annotate.candidates import area_clues, choose, grade_clues
    from indexer.models import Outcome
    old = Outcome("E1", "X", "SLAC", "", None, None, dt.date(2012, 1, 1), "good", {"care_leavers": "good"}, "")
    new = Outcome("E1", "X", "SIF", "", None, None, dt.date(2016, 1, 1), "good", {"care_leavers": "outstanding"}, "")
    text = "Services were rated good. Support for care leavers was judged outstanding."
    assert choose([old, new], grade_clues("good", []) + area_clues(text)).outcome is new
    plain = "Services were rated good."
    assert choose([old, new], grade_clues("good", []) + area_clues(plain)).outcome is None  # no area graded: a tie


def test_not_yet_consistently_good_is_a_finding_not_a_grade():
    from indexer.ingest.annotate.severity import grade_statements
    assert grade_statements("Practice is not yet consistently good.", 2) == []


def test_a_visit_month_before_a_dated_publication_is_the_same_year():
    from indexer.ingest.annotate.latest_event import latest_event_year
    year, _ = latest_event_year("Inspectors visited in March, and their report came out on 2 April 2019.")
    assert year == 2019  # only an event the visit is said to follow ("since", "after") pushes it a year on


def test_a_grade_naming_a_class_of_councils_is_no_ones_grade():
    from indexer.ingest.annotate.severity import grade_statements
    assert grade_statements("In the inadequate councils, children at risk waited too long.", 2) == []
    assert [s.grade for s in grade_statements("The inadequate councils were Bury, Kent and Leeds.", 2)] == ["inadequate"]
    assert [s.grade for s in grade_statements("Kent is one of the outstanding councils in the region.", 2)] == \
        ["outstanding"]


def test_the_first_results_of_a_new_annual_rating_are_the_2009_round():
    from indexer.ingest.annotate.calendar import annual_round_year
    year, why = annual_round_year("Ofsted today gives the first results of its new annual rating of children's "
                                  "services. A step up from 2008 for many councils.")
    assert year == 2009 and "first round" in why
