"""Round 26 (branch empty26): an inspection's date in the phrasing real pages use, read by the record fill.

Invented sentences. Hartlepool's record (as in round 10's tests): ILACS July 2018 good (published 28 August 2018),
ILACS March 2024 outstanding (published 16 May 2024).
"""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.annotate.dated_standing import dated_inspections
from tests.facet_helpers import article


@pytest.mark.parametrize("sentence, expected", [
    ("The plan answers the inspection of local authority children's services in July 2018.", [(2018, 7)]),
    ("The borough was last inspected by Ofsted fully in 2018, when most areas were strong.", [(2018, None)]),
    ("The inspection was conducted in June / July 2018 and the report followed.", [(2018, None)]),
    ("Practice has moved on since 2018's last full Ofsted inspection.", [(2018, None)]),
    ("The inspection into social care services during March 2024 was short.", [(2024, 3)]),
])
def test_a_phrased_inspection_date_is_read(sentence, expected):
    assert dated_inspections(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "The inspection of the primary school services in July 2018 was positive.",  # a setting, not the council
    "The inspection of children's homes in 2018 found problems.",
    "The inspection was conducted in 2017 to 2018.",  # a span, no one inspection
    "Inspections were planned for services in 2018.",
])
def test_no_phrased_date_is_read(sentence):
    assert dated_inspections(sentence) == []


def test_the_switch_off_reads_round_25s_shapes(monkeypatch):
    monkeypatch.setattr(settings, "ROUND26_DATED_PHRASES", False)
    assert dated_inspections("The borough was last inspected by Ofsted fully in 2018.") == []


_VISIT_PAGE = ("Praise for Hartlepool's social workers\n\n30 March 2020\n\nInspectors spent two days with Hartlepool "
               "Borough Council's children's services team last month. {anchor} Leaders were thanked for their "
               "work, and the letter lists what could be better.\n")


@pytest.mark.parametrize("anchor", [
    "Their letter says practice has kept improving since 2018's last full Ofsted inspection.",
    "The borough was last inspected by Ofsted fully in 2018.",
    "The improvement plan followed the inspection of local authority children's services in July 2018.",
])
def test_a_page_dating_the_standing_inspection_in_its_own_words_takes_its_grade(tmp_path, anchor):
    doc = article(tmp_path, _VISIT_PAGE.format(anchor=anchor))
    assert doc.council == ["Hartlepool"] and doc.severity == ["good"]


def test_an_inspection_replaced_before_the_page_lends_no_grade(tmp_path):
    text = _VISIT_PAGE.format(anchor="The borough was last inspected by Ofsted fully in 2018.").replace(
        "30 March 2020", "30 June 2024")
    doc = article(tmp_path, text)
    assert doc.council == ["Hartlepool"] and doc.severity == []
