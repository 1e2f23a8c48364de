"""Round 28 (issue 22, branch years28): years an undated page gives through the record. (A) "N years after" a
judgement lands on the council's one recorded inspection with the page's grade, whose report dates the page ("over
four years after", "less than three years after" read as bounds; "last December" a year on). (B) the 2009-12
safeguarding and looked-after children inspection named by its reports' words. Every page here is our own invention;
the councils' rows are the real record's (indexer/data/ofsted_outcomes.csv)."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.annotate.calendar import named_frameworks
from tests.facet_helpers import article

# A good report held in December and published in January: the count reaches the visit's year.
OVER = ("Riverside Borough Herald\n\nLewisham services praised\n\n"
        "Lewisham Council's children's services have now been rated good by Ofsted after inspectors spent two weeks "
        "with social workers last month.\n\n"
        "The result comes more than four years after the previous inspection in 2019 found that the services required "
        "improvement.\n\nThe cabinet member said staff had worked hard.\n")
# An outstanding report published in December, which the page calls "last December".
LAST_DECEMBER = ("County Weekly\n\nWiltshire at the top\n\n"
                 "When Ofsted rated Wiltshire Council's children's services outstanding last December, inspectors "
                 "praised a stable workforce.\n\n"
                 "The top grade came ten years after the council was judged to require improvement in 2013.\n\n"
                 "The director said the county would not stand still.\n")
# "Less than three years after 2013": the good report of 2015, not 2016.
LESS_THAN = ("Thames Valley Courier\n\nKingston turnaround\n\n"
             "Kingston upon Thames Council's children's services have now been rated good by Ofsted.\n\n"
             "The good rating comes less than three years after inspectors judged the borough inadequate in 2013.\n\n"
             "The leader thanked staff.\n")


@pytest.mark.parametrize("text, year", [(OVER, 2024), (LAST_DECEMBER, 2024), (LESS_THAN, 2015)])
def test_years_after_lands_on_the_record(tmp_path, text, year):
    doc = article(tmp_path, text)
    assert doc.published is None and doc.year == year


@pytest.mark.parametrize("text, year", [(OVER, 2023), (LAST_DECEMBER, 2023), (LESS_THAN, 2016)])
def test_without_the_switch_the_count_alone(tmp_path, monkeypatch, text, year):
    monkeypatch.setattr(settings, "ROUND28_YEARS_AFTER_RECORD", False)
    assert article(tmp_path, text).year == year


def test_no_fitting_inspection_leaves_the_count(tmp_path):
    # Leeds's outstanding reports are of 2018, 2022 and 2025: "nine years after 2010" reaches 2019, where none lies
    page = ("Leeds News\n\nLeeds praised\n\nLeeds City Council's children's services were rated outstanding by "
            "Ofsted, nine years after they were judged inadequate in 2010.\n\nThe leader thanked staff.\n")
    assert article(tmp_path, page).year == 2019


SLAC = ("Valley News\n\nTrafford services good\n\n"
        "Inspectors rated the overall effectiveness of Trafford Council's safeguarding and looked-after children's "
        "services as good, with good capacity to improve.\n\n"
        "The council's children's services director welcomed the findings.\n")


@pytest.mark.parametrize("text", [
    "The assessment of the county's safeguarding and looked after children services found much to praise.",
    "Inspectors judged the overall effectiveness of services for looked-after children adequate.",
    "Overall effectiveness was judged adequate, with good capacity for improvement.",
    "Ofsted inspected jointly with the Care Quality Commission and found the council's child protection adequate.",
    "The report, by Ofsted and CQC inspectors, praised the work of health visitors.",
])
def test_slac_words_name_the_framework(text):
    assert named_frameworks(text) == {"SLAC"}


@pytest.mark.parametrize("text", [
    "The council wants to improve its services for children in care.",
    "Leaders have the capacity to improve, inspectors said of the school.",
    # the later joint inspections: an area's SEND provision, a joint targeted area inspection with the police
    "Ofsted and the Care Quality Commission inspected the area's special educational needs provision.",
    "Ofsted, the Care Quality Commission and the police inspectorate carried out a joint inspection.",
])
def test_no_slac_from_other_words(text):
    assert "SLAC" not in named_frameworks(text)


def test_slac_words_date_the_page(tmp_path, monkeypatch):
    assert article(tmp_path, SLAC).year == 2010  # Trafford's one such inspection, published in May 2010
    monkeypatch.setattr(settings, "ROUND28_SLAC_WORDS", False)
    assert article(tmp_path, SLAC).year is None
