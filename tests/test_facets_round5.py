"""Issue 22, facet round 5: structures seen in several development articles from different outlets (set p's even
half and sets a-n). Every text here is written for the test; none is an article's wording."""
from __future__ import annotations

from tests.facet_helpers import article


def test_a_council_running_the_graded_home_is_named_in_the_evidence_not_a_subject(tmp_path):
    # round 6 decision (issue 22): the council of a home or school is not a subject; it is still named as operator
    doc = article(tmp_path, "Third children's home run by Luton Borough Council judged inadequate\n\n"
                            "Another children's home run by Luton Borough Council has been judged inadequate. "
                            "The home was visited in May. Staff at the home were said to be stretched.\n")
    assert doc.council == [] and not any(doc.severity)
    assert any("Luton" in m for m in doc.facet_evidence["mentioned_not_subject"])


def test_the_council_run_homes_of_a_council_named_only_in_the_page_header_name_it_as_operator(tmp_path):
    doc = article(tmp_path, "Council children's homes slide\n\nBolton Council\n\nEvery children's home run by the "
                            "council was meant to be rated good. Two other homes are now rated inadequate, and "
                            "these homes house the most troubled children.\n")
    assert doc.council == [] and not any(doc.severity)
    assert any("Bolton" in m for m in doc.facet_evidence["mentioned_not_subject"])


def test_a_councils_own_adoption_agency_grade_is_not_its_childrens_services_grade(tmp_path):
    doc = article(tmp_path, "Kent's adoption service rated outstanding\n\nOfsted rated Kent's adoption service "
                            "'outstanding'. The agency places about ninety children a year, and the agency's leaders "
                            "were praised.\n")
    assert doc.council == [] and not any(doc.severity)
    assert any("Kent" in m for m in doc.facet_evidence["mentioned_not_subject"])


def test_a_home_run_by_a_trust_or_a_firm_names_no_operating_council(tmp_path):
    doc = article(tmp_path, "Children's home in Dudley rated inadequate\n\nThe home, run by Dudley Children's Trust, "
                            "was rated inadequate. Inspectors said the home had too few staff.\n")
    assert doc.council == [] and not doc.severity
    doc = article(tmp_path, "Children's home rated inadequate\n\nThe home in Bury, run by a private firm, was rated "
                            "inadequate. Inspectors said the home had too few staff.\n")
    assert doc.council == [] and not doc.severity


def test_a_grade_named_as_an_aim_is_not_the_current_grade(tmp_path):
    doc = article(tmp_path, "Leeds children's services improve\n\nA report out today moves Leeds City Council to "
                            "'requires improvement to be good'.\n\nThe director said the next aim is an overall "
                            "'outstanding' rating, and the team's goal of 'outstanding' can be met.\n")
    assert doc.council == ["Leeds"] and doc.severity == ["requires improvement"]


def test_an_aim_word_does_not_hide_a_grade_given(tmp_path):
    from indexer.ingest.annotate.grade_context import is_target
    assert is_target("the service's aim is an overall '") and is_target("our ambition remains to be ")
    assert not is_target("the council was rated ") and not is_target("aimed at families, the service was judged ")


def test_a_numeric_date_written_with_dashes_or_dots_is_a_dateline():
    from indexer.ingest.annotate.dates import full_dates
    from indexer.ingest.annotate.year import dateline
    assert [d for d, _, _ in full_dates("Posted 19-5-2017 and 03.11.2020")] == [
        __import__("datetime").date(2017, 5, 19), __import__("datetime").date(2020, 11, 3)]
    assert full_dates("a 19-5.2017 mix") == []  # one separator throughout, or it is not a date
    assert dateline("Our blog\nWritten on: 4-7-2016\nSome text follows here.")[0].isoformat() == "2016-07-04"


def test_a_councils_own_blog_in_the_first_person_is_about_that_council(tmp_path):
    doc = article(tmp_path, "Over at last\n\nWigan Council - Children's Services Blog\n\n"
                            "Written on: 2-6-2018\n\nOur Ofsted inspection is over and the inspectors have gone home.\n\n"
                            "The judgements stay private until the report is published next month.\n")
    assert doc.council == ["Wigan"] and not any(doc.severity) and doc.year == 2018


def test_a_split_council_named_with_its_successors_stands_for_them(tmp_path):
    doc = article(tmp_path, "Cumbria's children's services judged good\n\nChildren's services across Cumbria are "
                            "now rated good overall, Ofsted says.\n\nOne team runs them for both Cumberland Council and "
                            "Westmorland and Furness Council.\n")
    assert doc.council == ["Cumberland", "Westmorland and Furness"] and doc.severity == ["good", "good"]


def test_a_split_council_stays_itself_without_its_successors_or_before_the_split(tmp_path):
    doc = article(tmp_path, "Cumbria's children's services judged good\n\nChildren's services across Cumbria are "
                            "now rated good overall, Ofsted says.\n")
    assert doc.council[0].startswith("Cumbria") and doc.severity == ["good"]
    from indexer.ingest.annotate.successors import named_successors
    import datetime as dt
    both = {"E06000063", "E06000064"}  # Cumberland, Westmorland and Furness
    assert named_successors("E10000006", both, None) == sorted(both)
    assert named_successors("E10000006", both, dt.date(2019, 5, 1)) == []  # the old county still ran its services


def test_a_finished_inspection_awaiting_its_result_is_dated_by_the_official_record():
    from indexer.ingest.annotate.pending import pending_year
    norfolk, redcar = "E10000020", "E06000003"
    # Norfolk's inspection after 2021 ended in November 2022 and was published in January 2023
    text = "Inspectors have completed their inspection of the county. A report was critical in 2018. " \
           "The council expects the results in January."
    assert pending_year(norfolk, text)[0] == 2022
    # the same page written after the new year
    text = "Happy new year. Our full inspection took place last term, after a 2021 visit; we await the report."
    assert pending_year(norfolk, text)[0] == 2023
    # no year named: the one inspection held just before Christmas; the page is written in January
    text = "It is early January. Our ILACS inspection happened just before Christmas, and we wait to hear."
    assert pending_year(redcar, text)[0] == 2026
    # nothing tells which side of the new year the page stands on: no year
    assert pending_year(norfolk, "The inspection is over, after a 2021 visit.")[0] is None
    # not a page waiting on a result
    assert pending_year(norfolk, "The council was rated good after a 2021 visit.")[0] is None


def test_an_undated_inspection_complete_story_gets_the_inspections_year(tmp_path):
    doc = article(tmp_path, "Inspection of Norfolk children's services ends\n\nOfsted has finished a fortnight-long "
                            "inspection of Norfolk County Council's children's services. A focused visit in 2021 "
                            "found progress.\n\nThe council expects the ratings in January.\n")
    assert doc.council == ["Norfolk"] and doc.year == 2022 and doc.confidence["year"] == "inferred"


def test_the_earlier_members_of_an_ordered_group_share_its_grade(tmp_path):
    doc = article(tmp_path, "Second council in a month judged inadequate\n\nOfsted has judged Luton Borough Council's "
                            "children's services inadequate.\n\nLuton is the second authority to be judged inadequate "
                            "this month, following Bolton earlier in the month.\n\nLuton said it would act.\n")
    assert dict(zip(doc.council, doc.severity)) == {"Luton": "inadequate", "Bolton": "inadequate"}


def test_a_council_named_after_a_plain_after_keeps_no_grade(tmp_path):
    doc = article(tmp_path, "Luton judged inadequate\n\nOfsted has judged Luton Borough Council's children's services "
                            "inadequate, after Bolton sent a team to help.\n\nLuton said it would act.\n")
    assert doc.council == ["Luton"] and doc.severity == ["inadequate"]


def test_a_grade_given_to_an_earlier_inspection_named_after_it_is_not_current(tmp_path):
    doc = article(tmp_path, "Derby improves\n\nDerby City Council, judged inadequate at its previous inspection in "
                            "2016, is now rated good.\n")
    assert doc.severity == ["good"]
    doc = article(tmp_path, "Derby improves\n\nOfsted rated Derby City Council good. The council was inadequate when "
                            "it was last inspected.\n")
    assert doc.severity == ["good"]


def test_the_last_inspections_grade_stands_when_no_newer_grade_is_named(tmp_path):
    doc = article(tmp_path, "Derby visit\n\nInspectors made a monitoring visit to Derby City Council, rated "
                            "inadequate at its last inspection, and found progress.\n")
    assert doc.severity == ["inadequate"]


def test_a_grade_the_council_was_branded_before_is_past(tmp_path):
    doc = article(tmp_path, "Derby improves\n\nFour years after being branded inadequate, Derby City Council's "
                            "children's services are good, Ofsted says.\n")
    assert doc.severity == ["good"]


def test_an_areas_own_service_rated_is_a_sub_judgement(tmp_path):
    doc = article(tmp_path, "Derby fostering praised\n\nDerby City Council's fostering service has been judged "
                            "outstanding by inspectors.\n")
    assert doc.council == ["Derby"] and not any(doc.severity)
    doc = article(tmp_path, "Derby youth work\n\nInspectors rated Derby's youth justice service as good, and the council "
                            "welcomed the report.\n")
    assert not any(doc.severity)


def test_the_services_rated_after_an_area_is_named_still_grade_the_council(tmp_path):
    doc = article(tmp_path, "Derby rated good\n\nInspectors looked at adoption and at help and protection, and rated "
                            "Derby City Council's children's services good.\n")
    assert doc.severity == ["good"]


def test_up_from_a_grade_is_a_movement_that_picks_the_inspection(tmp_path):
    from indexer.ingest.annotate.movement import sentence_moves
    assert sentence_moves("It is now rated outstanding, up from good.")[0].left == "good"
    assert sentence_moves("It is inadequate, down two grades from good.")[0].direction == "declined"
    # Derby was judged outstanding twice (2022, after good; 2025, after outstanding): "up from good" is 2022's
    doc = article(tmp_path, "Derby top marks\n\nDerby City Council's children's services are outstanding, up from "
                            "good, Ofsted has found.\n")
    assert doc.severity == ["outstanding"] and doc.year == 2022


def test_a_timestamps_date_is_a_full_date():
    import datetime as dt
    from indexer.ingest.annotate.dates import full_dates
    assert [d for d, _, _ in full_dates("posted 2019-03-08T10:15:00+00:00")] == [dt.date(2019, 3, 8)]
    assert full_dates("code 2019-03-08X1") == []


def test_a_counted_list_broken_by_a_remark_keeps_every_council_it_counts(tmp_path):
    doc = article(tmp_path, "Bottom of the table\n\nThree councils were judged inadequate: Bury, still reeling from a "
                            "scandal last year, Leeds and Derby.\n\nOthers did better.\n")
    assert dict(zip(doc.council, doc.severity)) == {"Bury": "inadequate", "Leeds": "inadequate", "Derby": "inadequate"}


def test_a_council_after_as_did_shares_the_grade(tmp_path):
    doc = article(tmp_path, "Two good reports\n\nKent received a good rating from Ofsted this week, as did Luton.\n")
    assert dict(zip(doc.council, doc.severity)) == {"Kent": "good", "Luton": "good"}


def test_a_copys_capture_or_crawl_date_never_dates_the_story():
    from indexer.ingest.annotate.year import dateline
    from indexer.ingest.annotate.latest_event import latest_event_year
    for line in ("Snapshot taken 3 March 2021", "First seen: 3 March 2021", "Page saved: 3 March 2021",
                 "Crawled 3 March 2021", "Sunday 3 March 2024 | 7.7C"):
        assert dateline(f"Headline\n{line}\nThe story begins here and runs on.")[0] is None, line
    text = "The council was praised.\nThis copy was captured on 9 May 2022.\nInspectors came in March 2019."
    assert latest_event_year(text)[0] == 2019
    assert latest_event_year("Inspectors accessed records. They came in June 2020.")[0] == 2020


def test_an_undated_page_with_only_a_capture_date_takes_its_year_elsewhere(tmp_path):
    doc = article(tmp_path, "Luton slips\n\nThis page was captured on 3 March 2025.\n\nLuton Borough Council's "
                            "children's services have been rated inadequate by Ofsted, down from requires improvement.\n")
    assert doc.severity == ["inadequate"] and doc.year == 2020  # the official record: Luton's only inadequate


def test_a_newsroom_page_names_its_council_only_in_a_header_line(tmp_path):
    doc = article(tmp_path, "Top marks for children's services\n\nLuton Borough Council newsroom\n\nInspectors have "
                            "judged the council's services for children outstanding in every area.\n")
    assert doc.council == ["Luton"] and doc.severity == ["outstanding"]
    doc = article(tmp_path, "News release\n\nLuton Borough Council welcomes Ofsted report\n\nWe are pleased that Ofsted "
                            "has rated our services for children good.\n")
    assert doc.council == ["Luton"] and doc.severity == ["good"]


def test_minutes_reporting_what_inspectors_had_judged_give_the_current_grade(tmp_path):
    doc = article(tmp_path, "Minutes\n\nLuton Borough Council - Corporate Parenting Panel\n\nThe Director of Children's "
                            "Services reported that Ofsted had judged the council's children's services to be good "
                            "overall.\n")
    assert doc.council == ["Luton"] and doc.severity == ["good"]


def test_a_grade_placed_now_wins_a_tie_with_an_old_one(tmp_path):
    doc = article(tmp_path, "Turnaround\n\nThe service was inadequate. Now, Luton Borough Council's children's services "
                            "are good.\n")
    assert doc.severity == ["good"]


def test_the_latest_report_rates_them_is_a_grade(tmp_path):
    doc = article(tmp_path, "Luton\n\nLuton Borough Council's services were judged inadequate in 2020 and requires "
                            "improvement in 2022. The newest report rates them good.\n")
    assert doc.severity == ["good"]


def test_a_grade_kept_picks_the_inspection_that_repeated_the_previous_grade(tmp_path):
    # Sunderland: inadequate 2018, outstanding 2021, outstanding again 2025
    doc = article(tmp_path, "Sunderland\n\nSunderland City Council has retained its 'outstanding' rating, inspectors "
                            "confirmed this week.\n")
    assert doc.severity == ["outstanding"] and doc.year == 2025


def test_a_slip_to_a_grade_is_not_the_councils_first_inspection(tmp_path):
    # Stockport: an ungraded-overall 2012 inspection first, requires improvement only in 2025 (after good)
    doc = article(tmp_path, "Stockport\n\nStockport Council's children's services have dropped to requires "
                            "improvement, according to Ofsted.\n")
    assert doc.severity == ["requires improvement"] and doc.year == 2025


def test_the_place_a_care_setting_stands_in_is_not_a_subject(tmp_path):
    doc = article(tmp_path, "Kent\n\nKent County Council's children's services were rated good. A privately run "
                            "children's home in Medway was judged inadequate in a separate report.\n")
    assert doc.council == ["Kent"] and doc.severity == ["good"]


def test_second_lowest_and_second_highest_ratings(tmp_path):
    from indexer.grades import normalise_grade
    assert normalise_grade("the second-lowest rating") == "requires improvement"
    assert normalise_grade("the second highest grade") == "good"
    assert normalise_grade("the lowest possible rating") == "inadequate"
    doc = article(tmp_path, "Luton\n\nOfsted has given Luton Borough Council's children's services the second-lowest "
                            "rating it can award.\n")
    assert doc.severity == ["requires improvement"]


def test_a_table_like_run_of_result_lines_grades_each_council(tmp_path):
    doc = article(tmp_path, "How the region's councils fared\n\nThe inspectorate's results for the region are out, and "
                            "they are mixed.\n\nLuton – Good\n\nBolton – Inadequate\n\nCamden | Outstanding\n\n"
                            "More inspections follow in the autumn.\n")
    assert dict(zip(doc.council, doc.severity)) == {"Luton": "good", "Bolton": "inadequate", "Camden": "outstanding"}


def test_one_name_and_grade_line_is_not_a_table(tmp_path):
    from indexer.ingest.annotate.result_lines import result_lines
    assert result_lines("Luton – Good\nSome prose follows here about other things.", None) == []
    assert result_lines("Luton – Good news for families\nBolton – Inadequate", None) == []


def test_a_grade_under_a_councils_section_heading_is_that_councils(tmp_path):
    doc = article(tmp_path, "Round-up\n\nThe inspectorate's results for the region are out, and they are mixed.\n\n"
                            "Luton Borough Council\n\nRated good in March, with its leaders judged outstanding.\n\n"
                            "Bolton Council\n\nRated inadequate in April.\n")
    assert dict(zip(doc.council, doc.severity)) == {"Luton": "good", "Bolton": "inadequate"}


def test_a_season_picks_the_inspection_whose_recorded_dates_fall_in_it(tmp_path):
    # Leeds: outstanding three times (Oct-Nov 2018, Feb-Mar 2022, Jun-Jul 2025)
    doc = article(tmp_path, "Leeds\n\nLeeds City Council's children's services are outstanding, Ofsted found after "
                            "inspecting them in the autumn.\n")
    assert doc.severity == ["outstanding"] and doc.year == 2018
    doc = article(tmp_path, "Leeds\n\nAfter a visit in the summer, inspectors judged Leeds City Council's children's "
                            "services outstanding.\n")
    assert doc.year == 2025


def test_a_grade_held_again_needs_the_previous_grade_to_match(tmp_path):
    # Sunderland: inadequate 2018, outstanding 2021 and 2025
    doc = article(tmp_path, "Sunderland\n\nSunderland City Council is outstanding again, inspectors say.\n")
    assert doc.severity == ["outstanding"] and doc.year == 2025


def test_a_rating_verb_with_a_named_body_as_object_cues_the_grade(tmp_path):
    doc = article(tmp_path, "Slough\n\nInspectors have rated Slough Children First Trust good, a first for the "
                            "borough.\n")
    assert doc.council == ["Slough"] and doc.severity == ["good"]
    from indexer.ingest.annotate.severity import _RATES_OBJECT
    assert not _RATES_OBJECT.search("inspectors rated many more services ")  # lower-case words are no name


def test_a_paragraph_naming_the_split_council_is_filed_under_it_too(tmp_path):
    doc = article(tmp_path, "Cumbria's children's services judged good\n\nChildren's services across Cumbria are "
                            "now rated good overall, Ofsted says.\n\nOne team runs them for both Cumberland Council and "
                            "Westmorland and Furness Council.\n")
    first = next(p for p in doc.paragraphs if "across Cumbria" in p.text)
    assert doc.council == ["Cumberland", "Westmorland and Furness"]
    assert set(first.council) == {"Cumberland", "Westmorland and Furness", "Cumbria"}
