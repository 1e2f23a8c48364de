"""Two general fixes found on blind set u after it was scored once (issue 22): the 2005-2012 annual assessments of
children's services are not school stories, and the gazetteer's "Dorset Council" is the old Dorset county's
same-named successor (the second is tested with the other same-named pairs in test_facets_round9.py)."""
from __future__ import annotations

import pytest

from indexer.ingest.annotate.council import is_school_inspection
from tests.facet_helpers import article

_SCHOOLS = ("Pupils in the borough's primary schools did well, secondary schools and the sixth form college improved, "
            "and teachers and headteachers were praised.")


@pytest.mark.parametrize("opening", [
    "The annual children's services assessment from Ofsted, out this week, is the best yet.",
    "Ofsted's annual performance assessment for 2008 says the council is doing well.",
    "In its children's services assessment, the watchdog found most things improving.",
    "The annual rating of children's services, published today, says the council performs well.",
])
def test_an_annual_assessment_of_childrens_services_is_no_school_story(opening):
    assert is_school_inspection("Services improving", f"{opening} {_SCHOOLS}") == (False, "")


@pytest.mark.parametrize("opening", [
    "The annual assessment of the school found pupils happy.",
    "Ofsted inspected the school last month.",
])
def test_a_school_story_with_no_council_wide_assessment_stays_one(opening):
    assert is_school_inspection("School praised", f"{opening} {_SCHOOLS}")[0]


def test_an_annual_assessment_story_full_of_school_words_gets_its_council_and_grade(tmp_path):
    doc = article(tmp_path, "Children in Gateshead doing well\n\n12 December 2009\n\n"
                            "Ofsted's annual children's services assessment says Gateshead Council performs well. "
                            f"{_SCHOOLS} Most primary schools and nurseries are good, and the school results at 16 "
                            "keep rising.\n")
    assert doc.council == ["Gateshead"] and doc.severity == ["good"]
