"""Real Ofsted report PDFs: page furniture gone, paragraphs rebuilt across lines and pages, tables readable."""
from __future__ import annotations

import re

import pytest

from indexer.ingest.extract import read_document

pytestmark = pytest.mark.reports


def _doc(reports_dir, name):
    doc = read_document(reports_dir / name)
    assert doc.error is None
    return doc


def _find(doc, prefix):
    return next(p for p in doc.paragraphs if p.text.startswith(prefix))


def test_ilacs_2019_barking_and_dagenham(reports_dir):
    doc = _doc(reports_dir, "report-002.pdf")
    assert doc.title == "London Borough of Barking and Dagenham Inspection of children’s social care services"
    assert len(doc.paragraphs) == 50
    # The judgement table stays readable, one row per paragraph.
    assert doc.paragraphs[3].text == "Overall effectiveness Requires improvement"
    assert doc.paragraphs[0].text == ("The impact of leaders on social work practice with children and families "
                                      "Requires improvement")
    numbered = [p for p in doc.paragraphs if re.match(r"\d+\. ", p.text)]
    assert [int(p.text.split(".")[0]) for p in numbered] == list(range(1, 39))
    # Paragraph 26 runs from page 6 onto page 7, starting a new sentence there.
    p26 = _find(doc, "26. Strong and motivated fostering")
    assert p26.page == 6
    assert "need to improve. Detailed assessments by a specialist therapist" in p26.text
    assert p26.text.endswith("over the next few months.")
    # A soft-hyphenated word across a line break is mended.
    p8 = _find(doc, "8. Initial child protection conferences")
    assert "multi-agency core groups" in p8.text and p8.text.endswith("individual help for children.")
    assert p8.heading == "The experiences and progress of children who need help and protection: Requires improvement"


def test_sif_2014_barking_and_dagenham(reports_dir):
    doc = _doc(reports_dir, "report-001.pdf")
    texts = [p.text for p in doc.paragraphs]
    assert "The overall judgement is requires improvement" in texts
    first = _find(doc, "1. Too many children experience the trauma")
    assert first.text.endswith("This was an area for improvement at the last inspection in 2012.")
    assert first.heading == "This local authority requires improvement and is not yet good because"
    # Paragraph 10 ends page 3; paragraph 11 starts page 4: no merging of separate numbered paragraphs.
    assert _find(doc, "10. Oversight, guidance and direction").text.endswith("assessments and plans are good.")
    assert _find(doc, "11. The transfer of information").page == 4
    # The contents page is gone.
    assert not any(t.startswith("Section 1: the local authority 3") for t in texts)


def test_tlac_2013_kent(reports_dir):
    doc = _doc(reports_dir, "report-052.pdf")
    texts = [p.text for p in doc.paragraphs]
    assert doc.paragraphs[0].text.startswith("1. The purpose of the inspection is to evaluate")
    assert doc.paragraphs[0].heading == "About this inspection"
    assert not any("Crown copyright" in t or "may be reproduced" in t for t in texts)
    # Running header "Kent County Council Inspection of looked after children services N" is gone.
    assert not any(re.search(r"Inspection of looked after children services \d+$", t) for t in texts)
    assert "Adequate (Grade 3) A service that only meets minimum requirements" in texts


@pytest.mark.parametrize("name", ["report-002.pdf", "report-001.pdf", "report-052.pdf", "report-100.pdf"])
def test_no_page_numbers_headers_or_back_page(reports_dir, name):
    doc = _doc(reports_dir, name)
    texts = [p.text for p in doc.paragraphs]
    assert not any(re.fullmatch(r"\d+", t) for t in texts)
    assert not any("Piccadilly Gate" in t or "enquiries@ofsted.gov.uk" in t for t in texts)
    assert not any(t[:1].islower() for t in texts)


def test_report_010_is_not_a_pdf(reports_dir):
    doc = read_document(reports_dir / "report-010.pdf")
    assert doc.error.startswith("not a PDF: the file is an HTML page")
