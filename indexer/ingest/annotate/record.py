"""Year and official-outcome linking shared by reports and articles, with the confidence of each."""
from __future__ import annotations

import datetime as dt

from indexer.grades import grades_agree
from indexer.models import Document, Outcome
from indexer.ingest.annotate import confidence


def set_year(doc: Document, published: dt.date | None, outcome: Outcome | None,
             inspection_end: dt.date | None, outcome_confidence: str = confidence.OFFICIAL) -> None:
    """Year from the publication date, else the linked official outcome, else an estimate from inspection dates."""
    evidence = doc.facet_evidence
    source = evidence.get("published", {}).get("source", "")
    level = None
    if published:
        doc.year, level = published.year, confidence.STATED
        evidence["year"] = {"value": doc.year, "source": source}
    elif outcome and outcome.published:
        doc.year, level = outcome.published.year, outcome_confidence
        evidence["year"] = {"value": doc.year, "source": "official outcome publication date",
                            "published": outcome.published.isoformat()}
    elif inspection_end:
        estimate = inspection_end + dt.timedelta(days=45)
        doc.year, level = estimate.year, confidence.INFERRED
        evidence["year"] = {"value": doc.year, "source": "estimated: reports appear about six weeks after the "
                                                         f"inspection ended ({inspection_end.isoformat()})"}
    if level:
        evidence["year"]["confidence"] = level
    confidence.record(doc, "year", level)


def link_outcome(doc: Document, outcome: Outcome | None, evidence: dict) -> None:
    """Attach the official outcome and say where the text and the record disagree."""
    if outcome is None:
        return
    record = outcome.as_dict()
    text_grade = doc.severity[0] if doc.severity else None
    official = outcome.overall or None
    if text_grade and official and not grades_agree(text_grade, official):
        record["disagreement"] = f"the document says {text_grade}; the official record says {official}"
    if doc.year and outcome.published and doc.year != outcome.published.year:
        record.setdefault("disagreement", f"the document's year {doc.year} differs from the official publication "
                                          f"year {outcome.published.year}")
    doc.outcomes = [record]
    evidence["official_outcome"] = {"framework": outcome.framework, "published": record["published"],
                                    "grade": official, **({"disagreement": record["disagreement"]}
                                                          if "disagreement" in record else {})}


def set_severity_confidence(doc: Document, severity_evidence: list[dict]) -> None:
    """The severity facet is as sure as its least sure council grade."""
    confidence.record(doc, "severity", confidence.weakest(e.get("confidence") for e in severity_evidence)
                      if any(doc.severity) else None)
