"""Issue 22, facet round 3: the rules written to generalise past the articles they were read from (set m's fitting
half). Every text here is written for the test; none is an article's wording."""
from __future__ import annotations

import pytest

from indexer.ingest.annotate.calendar import calendar_year
from indexer.ingest.annotate.grade_context import dated_in_sentence, is_past
from indexer.ingest.annotate.latest_event import latest_event_year
from indexer.ingest.annotate.severity import decide, grade_statements
from indexer.ingest.annotate.year import dateline, outcome_from_text

from tests.facet_helpers import article


@pytest.mark.parametrize("text,expected", [
    ("Headline\n\nThe Courier - Schools - Published: 09:15 AM March 3, 2016\n\nBody.", (2016, 3, 3)),
    ("Headline\n\nWestshire Gazette | News | Posted on: 14 June 2021 (updated 15:02)\n\nBody.", (2021, 6, 14)),
    ("Minutes\n\nMeeting: 05/11/2019 - Corporate Parenting Board (Item 7)\n\nBody.", (2019, 11, 5)),
])
def test_a_labelled_date_inside_a_header_line_is_the_dateline(text, expected):
    day, _ = dateline(text)
    assert day and (day.year, day.month, day.day) == expected


def test_a_date_far_from_its_label_in_a_header_line_is_not_the_dateline():
    day, _ = dateline("Headline\n\nOutlet - Published: see the archive for the report of 14 June 2021 and others\n")
    assert day is None


def test_a_year_in_the_next_clause_is_not_the_grades():
    assert not is_past("A 2019 re-inspection lifted it to ", ", and in 2022 a new director arrived.")
    assert is_past("The council was rated ", " in 2016 and has improved since.")
    found = grade_statements("A re-inspection in the spring rated the service good, and in 2022 a director left.", 1)
    assert [(s.grade, s.standing) for s in found] == [("good", False)]


def test_the_destination_of_a_movement_is_not_dated_by_the_origins_year():
    assert dated_in_sentence("Inspectors moved the borough up from the 'requires improvement' it got in 2019 to ") == ""
    assert dated_in_sentence("In 2021 inspectors moved the borough from 'requires improvement' to ") == "last"
    moved = grade_statements("Inspectors moved the borough up from the 'requires improvement' it got in 2019 to "
                             "'good'.", 1)
    assert [(s.grade, s.standing) for s in moved] == [("good", False)]


@pytest.mark.parametrize("sentence", [
    "As late as 2015 the department was rated inadequate.",
    "At the end of 2015 the department was rated inadequate.",
])
def test_other_ways_of_placing_a_grade_in_a_year_make_it_standing(sentence):
    older = grade_statements(sentence, 1)
    assert [s.standing for s in older] == [True]
    assert decide(older + grade_statements("The department is now rated good.", 2))[0] == "good"


def test_a_count_of_judgements_that_includes_the_overall_one_gives_it():
    found = grade_statements("Four judgements were good, overall effectiveness among them; one was outstanding.", 1)
    assert decide(found)[0] == "good"
    assert decide(grade_statements("Four councils were rated good this spring.", 1))[0] is None  # a tally of councils


@pytest.mark.parametrize("sentence", [
    "On keeping children safe, the inspectors marked six councils as inadequate: Kent, Leeds and Bury.",
    "For care leavers alone, the borough was judged good.",
    "In adoption, the county was found outstanding.",
])
def test_a_sentence_that_opens_with_an_area_grades_that_area(sentence):
    assert all(s.sub_area for s in grade_statements(sentence, 1))


def test_a_round_up_tail_after_a_dash_and_a_strand_list(tmp_path):
    doc = article(tmp_path, "Annual ratings\n\nThe yearly results are out. Two councils were inadequate overall: "
                            "Bury and Kent. On keeping children safe alone, inspectors found these three inadequate: "
                            "Bury, Kent and Leeds. At the top, two were outstanding overall - Hampshire and Camden.\n")
    assert dict(zip(doc.council, doc.severity or [""] * 9)) == {
        "Bury": "inadequate", "Kent": "inadequate", "Leeds": "", "Hampshire": "outstanding", "Camden": "outstanding"}


def test_a_list_under_an_introducing_line_makes_every_council_a_subject(tmp_path):
    doc = article(tmp_path, "Snap visits\n\nThe first visits are done and five councils have urgent work to do:\n\n"
                            "Kent, Leeds, Bury, Derbyshire, Camden.\n\nIn Kent the handling of referrals was judged "
                            "inadequate. Others were told of areas for development.\n")
    assert sorted(doc.council) == ["Bury", "Camden", "Derbyshire", "Kent", "Leeds"]
    assert not any(doc.severity)  # a finding, and one stage of casework, are not overall grades


def test_a_stage_of_casework_is_an_area():
    found = grade_statements("Its handling of child protection referrals was judged inadequate.", 1)
    assert [s.sub_area for s in found] == [True] and decide(found)[0] is None


def test_the_previous_inspection_in_a_year_points_at_the_next_inspection():
    # Derbyshire: SLAC 2011, SIF 2014 (good), ILACS 2019, ILACS 2023 (in the outcomes table)
    # the next inspection, even when its recorded grade differs from the text's (the disagreement is then shown);
    # not the first later inspection with the text's grade (ILACS 2019 requires improvement)
    outcome, why = outcome_from_text("Derbyshire's services now require improvement, a step up from the 'inadequate' "
                                     "found at the previous inspection in 2011.", ["E10000007"],
                                     "requires improvement", None)
    assert outcome is not None and outcome.published.year == 2014, why


def test_inspection_months_with_a_year_match_the_official_record():
    outcome, why = outcome_from_text("Members discussed the inspection of Derbyshire's services, which took place "
                                     "in October and November 2023.", ["E10000007"], None, None)
    assert outcome is not None and outcome.published.year == 2024 and "November 2023" in why


def test_new_unannounced_inspections_date_a_page_to_their_first_year():
    year, why = calendar_year("Results of Ofsted's new unannounced safeguarding checks show three councils must act.")
    assert year == 2009 and "CRA" in why


@pytest.mark.parametrize("text,expected", [
    ("Members saw the figures for November 2016 and February 2017, not yet final.", 2017),
    ("Figures cover inspections from May 2012 to May this year.", 2013),
    ("The council aims to be good by March 2027; staff were praised in June 2024.", 2024),  # an aim is no event
    ("Staff met in June 2023. The next visit is due in March 2026.", 2023),  # nor is a plan
    ("No date is given anywhere.", None),
])
def test_the_latest_dated_event_bounds_an_undated_page(text, expected):
    assert latest_event_year(text)[0] == expected


def test_an_undated_page_takes_the_latest_event_year_as_inferred(tmp_path):
    doc = article(tmp_path, "Missing children update\n\nThe committee looked at missing-child figures for "
                            "December 2018 and January 2019. Return interviews are offered within three days.\n")
    assert doc.year == 2019 and doc.facet_evidence["year"]["confidence"] == "inferred"


def test_the_four_point_scale_is_not_a_2009_11_annual_rating():
    # the current inspections grade on a four-point scale too: the phrase dates nothing (a removed one-article rule)
    assert calendar_year("Inspectors use a four-point scale, and the borough landed on the second step.")[0] is None


def test_a_run_of_results_hands_each_grade_to_the_places_after_for(tmp_path):
    doc = article(tmp_path, "Spring results\n\nKent, Leeds and Bury were inspected this spring, with Camden and "
                            "Derbyshire. Kent's leaders spoke first.\n\nThe outcomes: good for Kent and Leeds; "
                            "requires improvement for Bury and Camden; inadequate for Derbyshire.\n")
    assert dict(zip(doc.council, doc.severity)) == {"Kent": "good", "Leeds": "good", "Bury": "requires improvement",
                                                   "Camden": "requires improvement", "Derbyshire": "inadequate"}
    # one grade "for" a place is no run of results: "good for Kent" alone grades nothing
    assert grade_statements("Warm words, good for Kent and Leeds, came from the minister.", 1) == []


def test_council_minutes_named_only_in_a_dashed_header_line(tmp_path):
    doc = article(tmp_path, "Agenda item\n\nOfsted inspection outcome\n\nDerbyshire County Council - Children's "
                            "Scrutiny Committee (minutes)\n\nMembers heard that inspectors judged services good "
                            "overall after a week-long visit. Officers thanked frontline staff.\n")
    assert doc.council == ["Derbyshire"] and doc.severity == ["good"]


def test_a_grade_with_its_count_is_a_tally_of_judgements():
    assert decide(grade_statements("Across all areas the grades were: good 11, outstanding 4, adequate 2.", 1))[0] is None
    assert [s.grade for s in grade_statements("It was judged inadequate 18 months ago.", 1)] == ["inadequate"]


def test_reported_speech_keeps_a_had_judged_grade_current():
    found = grade_statements("The committee heard that inspectors had judged the service good overall.", 1)
    assert [s.grade for s in found] == ["good"]
    assert grade_statements("In 2015 the county had judged the service poor.", 1) == []  # no reporting verb: past


def test_in_each_refers_back_to_a_list_with_bracketed_notes(tmp_path):
    doc = article(tmp_path, "Sharp falls\n\nTwo councils fell sharply: Bury (2010) and Camden (2011). In each, a full "
                            "inspection took the council down two grades, from good to inadequate.\n")
    assert dict(zip(doc.council, doc.severity)) == {"Bury": "inadequate", "Camden": "inadequate"}


def test_the_apa_is_history_on_a_page_that_names_a_later_year():
    assert calendar_year("The annual performance assessment (APA) was the old regime.")[0] == 2008
    assert calendar_year("The annual performance assessment (APA), now gone, was replaced by yearly ratings; "
                         "the 2009 ratings were capped.")[0] == 2010


def test_a_grade_spoken_of_in_general_gives_no_one_a_grade():
    assert grade_statements("It is the phrase used in nearly every inadequate verdict.", 1) == []
    assert grade_statements("Any 'good' rating is hard won, she said.", 1) == []


def test_bullet_items_under_a_colon_line_are_a_round_ups_subjects(tmp_path):
    doc = article(tmp_path, "Turnarounds\n\nSome councils have recovered:\n\n- Derbyshire was rated good last month;\n\n"
                            "- Bury is making progress;\n\n- the trust in Camden is moving forward.\n\nOthers wait.\n")
    assert sorted(doc.council) == ["Bury", "Camden", "Derbyshire"]
    assert dict(zip(doc.council, doc.severity))["Derbyshire"] == "good"


def test_a_movement_without_its_end_state_takes_the_official_grade_of_the_day(tmp_path):
    # Cornwall: CPI 2013 requires improvement, SIF 2016 good; Derbyshire: SIF 2014 good (outcomes table)
    doc = article(tmp_path, "Recoveries\n\nPublished: 1 September 2016\n\nCouncils are recovering. Derbyshire was "
                            "rated good in a report this week. Cornwall is no longer inadequate, with help from "
                            "Derbyshire.\n")
    grades = dict(zip(doc.council, doc.severity))
    assert grades["Cornwall"] == "good"  # the official grade on the article's date (SIF, June 2016)
    ev = [e for e in doc.facet_evidence["severity"] if e["council"] == "Cornwall"][0]
    assert ev["confidence"] == "official" and "official grade on 2016-09-01" in ev["source"]


def test_the_2009_11_poor_band_by_its_name(tmp_path):
    assert [s.grade for s in grade_statements("Ofsted gave a 'poor' verdict to three councils.", 1)] == ["inadequate"]
    assert grade_statements("The weather was poor all week.", 1) == []
    doc = article(tmp_path, "Ratings out\n\nBury is among the councils with a 'poor' verdict. The poor list besides "
                            "Bury: Kent, Leeds and Camden.\n")
    assert dict(zip(doc.council, doc.severity)) == {"Bury": "inadequate", "Kent": "inadequate", "Leeds": "inadequate",
                                                   "Camden": "inadequate"}


def test_shares_and_classes_of_councils_are_no_councils_grade():
    assert decide(grade_statements("The shares now: good 40%, requires improvement 45%, inadequate 15%.", 1))[0] is None
    assert grade_statements("Councils judged inadequate are monitored closely.", 1) == []
    assert [s.grade for s in grade_statements("The council was judged inadequate.", 1)] == ["inadequate"]


# Found by probing variants of the round's structures in our own sentences (no labelled article changed).

@pytest.mark.parametrize("body,expected", [
    ("The results were announced on Monday. Kent good; Leeds requires improvement; Bury inadequate.",
     {"Kent": "good", "Leeds": "requires improvement", "Bury": "inadequate"}),
    ("Ofsted published six reports: Kent (good), Leeds (outstanding), Bury (inadequate) and Camden (good).",
     {"Kent": "good", "Leeds": "outstanding", "Bury": "inadequate", "Camden": "good"}),
    ("Kent is no longer inadequate after its latest Ofsted inspection found services good.", {"Kent": "good"}),
])
def test_results_named_after_places_in_brackets_and_found_services(tmp_path, body, expected):
    doc = article(tmp_path, "Results\n\n" + body + "\n")
    assert dict(zip(doc.council, doc.severity)) == expected


@pytest.mark.parametrize("body,expected", [
    ("Three councils were judged outstanding: Kent, Leeds and Bury, while Camden and Bolton require improvement.",
     {"Kent": "outstanding", "Leeds": "outstanding", "Bury": "outstanding", "Camden": "requires improvement",
      "Bolton": "requires improvement"}),
    ("Kent has gone from requires improvement to good, while Leeds slipped from good to requires improvement.",
     {"Kent": "good", "Leeds": "requires improvement"}),
])
def test_a_lists_tail_and_movements_end_states_in_one_sentence(tmp_path, body, expected):
    doc = article(tmp_path, "Headline\n\n" + body + "\n")
    assert dict(zip(doc.council, doc.severity)) == expected


def test_areas_that_require_improvement_is_still_advice():
    assert grade_statements("The report lists areas that require improvement.", 1) == []


@pytest.mark.parametrize("body,expected", [
    ("Kent, Leeds, Bury and Camden all received outstanding ratings this year.",
     {"Kent": "outstanding", "Leeds": "outstanding", "Bury": "outstanding", "Camden": "outstanding"}),
    ("Kent joins Leeds, Bury and Camden as the only councils rated outstanding.",
     {"Kent": "outstanding", "Leeds": "outstanding", "Bury": "outstanding", "Camden": "outstanding"}),
    ("In its 2009 annual rating Kent was judged to perform adequately; in 2010 it performs well.", {"Kent": "good"}),
])
def test_plural_ratings_a_joiner_and_the_latest_of_dated_grades(tmp_path, body, expected):
    doc = article(tmp_path, "Headline\n\n" + body + "\n")
    assert dict(zip(doc.council, doc.severity)) == expected
