"""Facets reached the way the software reaches them: seeds, a labelled set of tricky documents, the gazetteer."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from indexer.extract import read_document
from indexer.facets import annotate
from indexer.facets.gazetteer import display_name, find_mentions, resolve_mention
from indexer.facets.grades import normalise_grade
from indexer.facets.severity import grade_statements

from .conftest import FIXTURES, SEEDS

SEED_FACTS = {
    "000_f098993525120d5e.txt": ("Medway", "E06000035", 2019, "inadequate"),
    "001_8effb7a534c938bd.txt": ("Isle of Wight", "E06000046", 2013, "inadequate"),
    "002_26cf2c24ede969a4.txt": ("Liverpool", "E08000012", 2023, "inadequate"),
    "003_daed07e52103bff4.txt": ("Kent", "E10000016", 2010, "inadequate"),
    "004_c591f3048068f891.txt": ("Sunderland", "E08000024", 2015, "inadequate"),
}


def _annotated(path: Path):
    doc = read_document(path)
    assert doc.error is None
    return annotate(doc)


@pytest.mark.parametrize("name", sorted(SEED_FACTS))
def test_seed_facets_match_the_official_record(name):
    council, code, year, grade = SEED_FACTS[name]
    doc = _annotated(SEEDS / name)
    assert doc.council == [council]
    assert doc.council_code == [code]
    assert doc.year == year
    assert doc.severity == [grade]
    assert doc.facet_evidence["year"]["value"] == year


def test_kent_article_mentions_medway_but_is_not_about_it():
    doc = _annotated(SEEDS / "003_daed07e52103bff4.txt")
    assert "Medway" not in doc.council
    assert doc.outcomes[0]["framework"] == "SLAC" and doc.outcomes[0]["published"] == "2010-11-19"


def test_copyright_footer_is_not_the_year():
    doc = _annotated(SEEDS / "003_daed07e52103bff4.txt")
    assert doc.year != 2015


def test_sunderland_year_reasoned_from_rated_good_in_2012():
    doc = _annotated(SEEDS / "004_c591f3048068f891.txt")
    assert "rated good in 2012" in doc.facet_evidence["year_reasoning"]
    assert doc.facet_evidence["severity"][0]["source"].startswith("official outcome")


def test_isle_of_wight_inspection_dates_link_the_cpi_outcome():
    doc = _annotated(SEEDS / "001_8effb7a534c938bd.txt")
    assert doc.outcomes[0]["published"] == "2013-01-15"
    assert doc.outcomes[0]["framework"] == "CPI"


def test_multi_council_roundup_has_aligned_grades_and_paragraph_councils():
    doc = _annotated(FIXTURES / "roundup-2024.html")
    assert doc.council == ["Barnet", "Croydon", "Hackney"]
    assert doc.severity == ["outstanding", "requires improvement", "inadequate"]
    assert doc.year == 2024
    by_start = {p.text.split()[0]: p.council for p in doc.paragraphs}
    assert by_start["Barnet"] == ["Barnet"]
    assert by_start["Inspectors"] == ["Hackney"]


def test_school_inspection_decoy_has_no_council():
    doc = _annotated(FIXTURES / "school-decoy.txt")
    assert doc.council == [] and doc.severity == []
    assert "school-inspection" in doc.facet_evidence["not_children_services"]


def _article(tmp_path, text, name="a.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return _annotated(path)


def test_past_grade_is_not_the_current_grade(tmp_path):
    doc = _article(tmp_path, "Ofsted downgrades Slough\n\nSlough's children's services were rated good in 2017 "
                             "but inspectors have now judged them inadequate overall.\n")
    assert doc.council == ["Slough"] and doc.severity == ["inadequate"]


def test_partner_council_named_in_passing_is_not_a_subject(tmp_path):
    doc = _article(tmp_path, "Isle of Wight children's services judged good\n\nThe Isle of Wight Council's "
                             "children's services were judged good overall by Ofsted. The council works in "
                             "partnership with Hampshire County Council, which provides its senior leadership.\n"
                             "Inspectors said the Isle of Wight had made strong progress.\n")
    assert doc.council == ["Isle of Wight"] and doc.severity == ["good"]
    assert doc.facet_evidence["mentioned_not_subject"] == ["Hampshire"]


def test_longest_match_wins_for_contained_names():
    names = [m.alias for m in find_mentions("North Somerset and Somerset; Newcastle upon Tyne, not "
                                            "Newcastle-under-Lyme; East Riding of Yorkshire")]
    assert names == ["North Somerset", "Somerset", "Newcastle upon Tyne", "East Riding of Yorkshire"]


def test_reorganised_councils_resolve_by_date():
    bournemouth = find_mentions("Bournemouth")[0]
    assert display_name(resolve_mention(bournemouth.codes, dt.date(2017, 5, 1))) == "Bournemouth"
    assert resolve_mention(bournemouth.codes, dt.date(2022, 5, 1)) == "E06000058"  # BCP
    northants = find_mentions("Northamptonshire")[0]
    assert resolve_mention(northants.codes, dt.date(2019, 1, 1)) == "E10000021"


def test_org_names_are_not_council_mentions():
    mentions = find_mentions("a statement from Kent and Medway NHS Trust and Kent Police")
    assert all(m.is_org for m in mentions)


@pytest.mark.parametrize("text,grade", [
    ("Requires improvement to be good", "requires improvement"),
    ("The council performs poorly", "inadequate"),
    ("performs excellently", "outstanding"),
    ("judged adequate", "adequate"),
    ("RI", "requires improvement"),
])
def test_grade_vocabulary(text, grade):
    assert normalise_grade(text) == grade


@pytest.mark.parametrize("sentence,expected", [
    ("Children's services were rated inadequate in every category.", ["inadequate"]),
    ("Inspectors saw good practice with care leavers.", []),
    ("It was rated good in 2012.", []),
    ("The service, previously judged outstanding, is now rated good overall.", ["good"]),
    ("Inadequate supervision was common.", []),
])
def test_grade_statements_keep_only_current_judgements(sentence, expected):
    assert [s.grade for s in grade_statements(sentence, 1)] == expected


@pytest.mark.reports
def test_report_facets_and_subjudgements(reports_dir):
    doc = _annotated(reports_dir / "report-002.pdf")
    assert doc.council == ["Barking and Dagenham"] and doc.year == 2019 and doc.severity == ["requires improvement"]
    assert doc.subjudgements == {"leadership": "requires improvement", "help_and_protection": "requires improvement",
                                 "children_in_care": "requires improvement"}
    assert doc.outcomes[0]["inspection_end"] == "2019-03-01"
    tlac = _annotated(reports_dir / "report-052.pdf")
    assert tlac.severity == ["adequate"] and tlac.year == 2013 and tlac.council == ["Kent"]


def test_archived_page_takes_year_from_the_record_not_the_archive_date():
    doc = _annotated(FIXTURES / "archived-doncaster.html")
    assert doc.council == ["Doncaster"]
    assert doc.severity == ["good"]  # "judged inadequate in 2015" is history
    assert doc.year == 2018  # the November 2017 inspection, published January 2018; not the 2019 capture
    assert doc.outcomes[0]["framework"] == "SIF" and doc.outcomes[0]["published"] == "2018-01-19"
    assert "Leeds" in doc.facet_evidence["mentioned_not_subject"]


@pytest.mark.parametrize("sentence,grade", [
    ("The council received an outstanding rating from Ofsted.", "outstanding"),
    ("Haringey was rated as performing poorly in the annual assessment.", "inadequate"),
    ("Ofsted said the council performs adequately.", "adequate"),
    ("Ofsted gave the service the lowest possible rating.", "inadequate"),
])
def test_grade_phrasings(sentence, grade):
    assert [s.grade for s in grade_statements(sentence, 1)] == [grade]


def test_datelines_and_archive_lines(tmp_path):
    from indexer.facets.year import dateline

    assert dateline("Local Paper\nPublished: 05/03/2019 14:00\nBody text here.")[0] == dt.date(2019, 3, 5)
    assert dateline("12 captures\n05 Mar 2019 - 20 Jun 2021\nArchived 5 March 2019\nBody.")[0] is None
    assert dateline("Copyright © 2015 BBC\nBody.")[0] is None
    assert dateline("Tuesday 18 June 2013\nOfsted said...")[0] == dt.date(2013, 6, 18)


def test_short_council_forms_need_the_word_council():
    found = [m.alias for m in find_mentions("Brighton council and Blackburn Rovers; Richmond in Yorkshire")]
    assert found == ["Brighton", "Blackburn"]
    assert find_mentions("Blackburn Rovers")[0].is_org


@pytest.mark.parametrize("sentence,expected", [
    ("Hackney's children's services are no longer inadequate.", []),
    ("The council improved from inadequate to good.", ["good"]),
    ("Inspectors identified three areas that require improvement.", []),
    ("Children's services in Croydon require improvement, Ofsted said.", ["requires improvement"]),
    ("The service was rated 'requires improvement'.", ["requires improvement"]),
])
def test_negated_and_advisory_grades(sentence, expected):
    assert [s.grade for s in grade_statements(sentence, 1)] == expected


def test_coordinated_councils_share_a_grade():
    doc = _annotated(FIXTURES / "south-yorkshire-roundup.txt")
    assert doc.council == ["Barnsley", "Rotherham", "Doncaster"]
    assert doc.severity == ["good", "requires improvement", "requires improvement"]


def test_wayback_capture_dates_are_not_the_year():
    doc = _annotated(FIXTURES / "wayback-kent.txt")
    assert doc.council == ["Kent"] and doc.year == 2010 and doc.severity == ["inadequate"]
    assert doc.facet_evidence["year"]["source"] == "official outcome publication date"


def test_undated_article_year_from_the_only_inspection_with_that_grade():
    doc = _annotated(FIXTURES / "hostile.txt")  # Rotherham, inadequate, no dates at all
    assert doc.year == 2014
    assert doc.facet_evidence["year_reasoning"].startswith("inferred: the only official inspection")


def test_undated_article_with_several_matching_inspections_keeps_year_unknown(tmp_path):
    doc = _article(tmp_path, "Birmingham children's services\n\nBirmingham City Council's children's services "
                             "department has been rated inadequate by Ofsted.\n")
    assert doc.council == ["Birmingham"] and doc.severity == ["inadequate"] and doc.year is None


def test_years_mentioned_bound_the_inspection(tmp_path):
    doc = _article(tmp_path, "Tower Hamlets children's services now good\n\nTower Hamlets Council's children's "
                             "services have improved from inadequate to good, Ofsted has said. The council was "
                             "rated inadequate in 2017, but inspectors who visited in January found strong "
                             "leadership.\n")
    assert doc.council == ["Tower Hamlets"] and doc.severity == ["good"] and doc.year == 2019


@pytest.mark.parametrize("text,grade", [
    ("Overall effectiveness of the safeguarding services is adequate.\n"
     "Overall effectiveness of services for looked after children is good.", "adequate"),  # SLAC: the lower
    ("The overall effectiveness of safeguarding services in Slough is inadequate.\n"
     "The overall effectiveness of services for looked after children is adequate.", "inadequate"),
    ("Overall effectiveness of children's services: Grade 2", "good"),
    ("Overall effectiveness Good", "good"),
    ("The overall judgement is requires improvement", "requires improvement"),
    ("Overall effectiveness of services for looked after children and young people\nGrade 3 (Adequate)", "adequate"),
    ("Kent County Council performs adequately.", "adequate"),
])
def test_report_overall_judgements(text, grade):
    from indexer.facets.severity import report_overall

    assert report_overall(text)[0] == grade
