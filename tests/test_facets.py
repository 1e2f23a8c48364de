"""annotate() end to end: the seeds, real reports and archived pages get the official facts."""
from __future__ import annotations

import pytest

from tests.facet_helpers import annotated
from tests.conftest import FIXTURES, SEEDS

SEED_FACTS = {
    "000_f098993525120d5e.txt": ("Medway", "E06000035", 2019, "inadequate"),
    "001_8effb7a534c938bd.txt": ("Isle of Wight", "E06000046", 2013, "inadequate"),
    "002_26cf2c24ede969a4.txt": ("Liverpool", "E08000012", 2023, "inadequate"),
    "003_daed07e52103bff4.txt": ("Kent", "E10000016", 2010, "inadequate"),
    # Round 8 (issue 22): the Sunderland story states no grade and dates nothing; its inspection is inferred (the next
    # after "rated good in 2012"), so the grade facet stays empty and the linked official outcome carries inadequate.
    "004_c591f3048068f891.txt": ("Sunderland", "E08000024", 2015, None),
}


@pytest.mark.parametrize("name", sorted(SEED_FACTS))
def test_seed_facets_match_the_official_record(name):
    council, code, year, grade = SEED_FACTS[name]
    doc = annotated(SEEDS / name)
    assert doc.council == [council]
    assert doc.council_code == [code]
    assert doc.year == year
    assert doc.severity == ([grade] if grade else [])
    assert doc.facet_evidence["year"]["value"] == year
    if grade is None:
        assert doc.facet_evidence["official_outcome"]["grade"] == "inadequate"


def test_kent_article_mentions_medway_but_is_not_about_it():
    doc = annotated(SEEDS / "003_daed07e52103bff4.txt")
    assert "Medway" not in doc.council
    assert doc.outcomes[0]["framework"] == "SLAC" and doc.outcomes[0]["published"] == "2010-11-19"


def test_copyright_footer_is_not_the_year():
    doc = annotated(SEEDS / "003_daed07e52103bff4.txt")
    assert doc.year != 2015


def test_isle_of_wight_inspection_dates_link_the_cpi_outcome():
    doc = annotated(SEEDS / "001_8effb7a534c938bd.txt")
    assert doc.outcomes[0]["published"] == "2013-01-15"
    assert doc.outcomes[0]["framework"] == "CPI"


@pytest.mark.reports
def test_report_facets_and_subjudgements(reports_dir):
    doc = annotated(reports_dir / "report-002.pdf")
    assert doc.council == ["Barking and Dagenham"] and doc.year == 2019 and doc.severity == ["requires improvement"]
    # The 2019 framework's one judgement of "children in care and care leavers" is both areas' grade.
    assert doc.subjudgements == {"leadership": "requires improvement", "help_and_protection": "requires improvement",
                                 "children_in_care": "requires improvement", "care_leavers": "requires improvement"}
    assert doc.outcomes[0]["inspection_end"] == "2019-03-01"
    tlac = annotated(reports_dir / "report-052.pdf")
    assert tlac.severity == ["adequate"] and tlac.year == 2013 and tlac.council == ["Kent"]


def test_archived_page_takes_year_from_the_record_not_the_archive_date():
    doc = annotated(FIXTURES / "archived-doncaster.html")
    assert doc.council == ["Doncaster"]
    assert doc.severity == ["good"]  # "judged inadequate in 2015" is history
    assert doc.year == 2018  # the November 2017 inspection, published January 2018; not the 2019 capture
    assert doc.outcomes[0]["framework"] == "SIF" and doc.outcomes[0]["published"] == "2018-01-19"
    assert "Leeds" in doc.facet_evidence["mentioned_not_subject"]
