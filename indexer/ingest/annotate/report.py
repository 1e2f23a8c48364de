"""Facets of an Ofsted inspection report: council from the cover, grade from the judgement table."""
from __future__ import annotations

import datetime as dt
import re

from indexer.models import Document
from indexer.ingest.annotate import confidence
from indexer.ingest.annotate import outcomes as outcome_table
from indexer.ingest.annotate.article import annotate_article
from indexer.ingest.annotate.council import report_council
from indexer.ingest.annotate.gazetteer import display_name
from indexer.ingest.annotate.record import link_outcome, set_severity_confidence, set_year
from indexer.ingest.annotate.severity import decide, grade_statements, report_overall, report_subjudgements
from indexer.ingest.annotate.year import inspection_end_from_text
from indexer.ingest.annotate.cover import cover_text

# An Ofsted report's cover, as opposed to, say, a news article saved as PDF that mentions Ofsted.
REPORT_COVER = re.compile(r"\b(inspection dates?|inspection of|inspection report|annual performance assessment"
                          r"|annual children['’]s services assessment|inspection date)\b", re.IGNORECASE)


def is_report(doc: Document) -> bool:
    """True for a PDF whose first page is an inspection report's cover (or a text file opening with one)."""
    return bool(REPORT_COVER.search(cover_text(doc)))


def annotate_report(doc: Document, raw: str, published: dt.date | None, evidence: dict) -> None:
    """An inspection report: council from the cover, grade from the judgement table, year from the record."""
    first_page = cover_text(doc)
    end, end_line = inspection_end_from_text(first_page + "\n" + raw[:3000])
    code, why = report_council(first_page, published or end)
    if not code and doc.meta.get("given_council_code"):  # validated against the gazetteer when read
        code, why = doc.meta["given_council_code"].strip(), "given metadata: the source's council code"
    if not code:
        annotate_article(doc, raw, published, evidence)
        return
    doc.council, doc.council_code = [display_name(code)], [code]
    evidence["council"] = [{"value": doc.council[0], "code": code, "why": why, "confidence": confidence.STATED}]
    doc.confidence["council"] = confidence.STATED
    outcome = None
    if end:
        outcome = outcome_table.by_inspection_end(code, end)
        evidence["inspection_end"] = {"value": end.isoformat(), "text": end_line}
    if outcome is None and published:
        outcome = outcome_table.by_publication(code, published)
    grade, grade_line = report_overall(raw)
    if not grade:  # no judgement table: read the opening as an article would be read
        grade, support = decide([st for p in doc.paragraphs[:15] for st in grade_statements(p.text, p.n)])
        grade_line = support[0].sentence if support else ""
    set_year(doc, published, outcome, end)
    doc.subjudgements = report_subjudgements(raw)
    if doc.subjudgements:
        evidence["subjudgements"] = {"value": doc.subjudgements, "source": "report judgement table"}
    if grade:
        doc.severity = [grade]
        evidence["severity"] = [{"council": doc.council[0], "value": grade, "source": "report judgement",
                                 "text": grade_line, "confidence": confidence.STATED}]
    elif outcome and outcome.overall:
        doc.severity = [outcome.overall]
        evidence["severity"] = [{"council": doc.council[0], "value": outcome.overall,
                                 "source": "official outcome (the report's own judgement was not found)",
                                 "confidence": confidence.OFFICIAL}]
    set_severity_confidence(doc, evidence.get("severity", []))
    link_outcome(doc, outcome, evidence)
