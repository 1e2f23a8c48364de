"""Facet values for a Document: council, year, severity, sub-judgements, the official outcome, and evidence.

Reports (report.py) and articles (article.py) are read differently; both fill `facet_evidence` with the source
and confidence of every value (confidence.py) and `Document.confidence` with one level per facet.
"""
from __future__ import annotations

import datetime as dt

from indexer.models import Document
from indexer.ingest.annotate import confidence
from indexer.ingest.annotate.article import annotate_article
from indexer.ingest.annotate.article_ids import year_from_article_id
from indexer.ingest.annotate.crawl_date import after_its_story
from indexer.ingest.annotate.movement import grade_change
from indexer.ingest.annotate.report import annotate_report, is_report
from indexer.ingest.annotate.weekdays import contradicts
from indexer.ingest.annotate.year import dateline, year_from_url
from indexer.ingest.annotate.today_date import disagrees as today_disagrees


def annotate(doc: Document) -> Document:
    """Fill council, council_code, year, severity, sub-judgements, grade change, outcome, evidence and confidence."""
    evidence: dict = {}
    doc.facet_evidence = evidence
    doc.confidence = {}
    raw = doc.meta.get("raw_text", "")
    published, source = _published(doc, raw)
    if published:
        evidence["published"] = {"value": published.isoformat(), "source": source}
    if is_report(doc):
        annotate_report(doc, raw, published, evidence)
    else:
        annotate_article(doc, raw, published, evidence)
        if not published:
            _year_from_address_number(doc)
    doc.grade_change, source = grade_change(doc, is_report(doc) and bool(doc.council_code))
    if doc.grade_change:
        evidence["grade_change"] = {"value": doc.grade_change, "source": source}
    return doc


def _year_from_address_number(doc: Document) -> None:
    """Round 12: an undated story's year from its numbered address, over an empty or text-inferred year."""
    if doc.year and doc.confidence.get("year") != confidence.INFERRED:
        return  # a stated or official year stands
    year, why = year_from_article_id(doc.url)
    if not year or year == doc.year:
        return
    if doc.year:
        why += f"; the text alone implied {doc.year}"
    doc.year = year
    doc.facet_evidence["year"] = {"value": year, "source": why, "confidence": confidence.INFERRED}
    doc.facet_evidence["year_reasoning"] = why
    confidence.record(doc, "year", confidence.INFERRED)


def _published(doc: Document, raw: str) -> tuple[dt.date | None, str]:
    """The publication date from metadata, the URL, or a dateline; never a copyright or archive date."""
    if doc.published:
        return doc.published, doc.meta.get("published_source", "metadata")
    year, why = year_from_url(doc.url)
    if year:
        return dt.date(year, 7, 1), why  # only the year is used
    day, line = dateline(raw)
    if day and (contradicts(day, raw) or today_disagrees(day, raw) or after_its_story(day, raw, line)):
        # A site header's date ("Saturday 24 February 2024 | 7.7 C") on a story whose own weekday dates
        # ("on Monday (September 5)") do not fall in that year: the day the page was viewed, not its date.
        doc.meta["header_date_not_dateline"] = line[:120]
        return None, ""
    if day:
        doc.published = day  # a printed full date: good enough to show and to sort by
        return day, f"dateline: “{line}”"
    return None, ""
