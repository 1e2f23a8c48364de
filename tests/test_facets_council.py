"""Which councils an article is about (ingest/annotate/council.py, article.py): subjects versus mentions, schools."""
from __future__ import annotations

from tests.facet_helpers import annotated, article
from tests.conftest import FIXTURES

def test_multi_council_roundup_has_aligned_grades_and_paragraph_councils():
    doc = annotated(FIXTURES / "roundup-2024.html")
    assert doc.council == ["Barnet", "Croydon", "Hackney"]
    assert doc.severity == ["outstanding", "requires improvement", "inadequate"]
    assert doc.year == 2024
    by_start = {p.text.split()[0]: p.council for p in doc.paragraphs}
    assert by_start["Barnet"] == ["Barnet"]
    assert by_start["Inspectors"] == ["Hackney"]


def test_school_inspection_decoy_has_no_council():
    doc = annotated(FIXTURES / "school-decoy.txt")
    assert doc.council == [] and doc.severity == []
    assert "school-inspection" in doc.facet_evidence["not_children_services"]


def test_partner_council_named_in_passing_is_not_a_subject(tmp_path):
    doc = article(tmp_path, "Isle of Wight children's services judged good\n\nThe Isle of Wight Council's "
                             "children's services were judged good overall by Ofsted. The council works in "
                             "partnership with Hampshire County Council, which provides its senior leadership.\n"
                             "Inspectors said the Isle of Wight had made strong progress.\n")
    assert doc.council == ["Isle of Wight"] and doc.severity == ["good"]
    assert doc.facet_evidence["mentioned_not_subject"] == ["Hampshire"]


def test_coordinated_councils_share_a_grade():
    doc = annotated(FIXTURES / "south-yorkshire-roundup.txt")
    assert doc.council == ["Barnsley", "Rotherham", "Doncaster"]
    assert doc.severity == ["good", "requires improvement", "requires improvement"]
