"""A report saved as a text file is read as a report (from its cover), not as a long news article."""
from __future__ import annotations

import pytest

from indexer.ingest.documents import load_document
from indexer.ingest.extract import read_document
from indexer.ingest.annotate.cover import cover_text
from indexer.ingest.annotate.report import is_report

COVER = """Oldham Borough Council

Inspection of services for children in need of help and protection, children looked after and care leavers

Inspection date: 22 May 2015 – 18 June 2015

Report published: 3 August 2015

Children’s services in Oldham require improvement to be good

The overall judgement is requires improvement.
"""


def _text_doc(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_document(path)


def test_a_text_file_with_a_dated_cover_is_a_report(tmp_path):
    doc = _text_doc(tmp_path, "oldham.txt", COVER)
    assert "Inspection date: 22 May 2015" in cover_text(doc)
    assert is_report(doc)


def test_an_article_naming_an_inspection_report_is_not_a_report(tmp_path):
    article = ("Oldham council criticised\n\nThe latest Ofsted inspection report found children's services in "
               "Oldham require improvement, the council said on Tuesday.\n")
    doc = _text_doc(tmp_path, "news.txt", article)
    assert cover_text(doc) == "" and not is_report(doc)


@pytest.mark.reports
def test_real_reports_saved_as_text_get_the_pdfs_facets(reports_dir, tmp_path):
    for name in ("report-090.pdf", "report-001.pdf", "report-066.pdf", "report-114.pdf"):
        pdf = load_document(reports_dir / name)
        saved = tmp_path / name.replace(".pdf", ".txt")
        saved.write_text(pdf.meta["raw_text"].replace("\n", "\n\n"), encoding="utf-8")
        text = load_document(saved)
        assert is_report(text), name
        assert (text.council_code, text.year, text.severity, text.subjudgements, text.grade_change) == \
            (pdf.council_code, pdf.year, pdf.severity, pdf.subjudgements, pdf.grade_change), name
