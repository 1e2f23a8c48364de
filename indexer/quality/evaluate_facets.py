"""Measure facet accuracy against a manifest of official facts and list every miss with its evidence."""
from __future__ import annotations

import csv
from pathlib import Path

from indexer.ingest.documents import load_document
from indexer.models import Document
from indexer.grades import grades_agree, normalise_grade

FACETS = ("council", "year", "severity")


def _same_grade(found: list[str], official: str | None) -> bool:
    """The document's grade equals the official one; pre-2013 'adequate' counts as Ofsted's own mapping to RI."""
    if not official:
        return not found
    if not found:
        return False
    return grades_agree(found[0], official)


def evaluate_manifest(manifest: Path, loaded: dict[str, Document] | None = None) -> dict:
    """Extract every file named in the manifest and compare council, year and severity with it.

    `loaded` maps file names to documents already read and annotated (a test run reads the reports once)."""
    folder = manifest.parent
    with manifest.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    totals = {f: 0 for f in FACETS}
    correct = {f: 0 for f in FACETS}
    misses = []
    skipped = []
    for row in rows:
        doc = (loaded or {}).get(row["file"]) or load_document(folder / row["file"])
        if doc.error:
            skipped.append({"file": row["file"], "reason": doc.error})
            continue
        official_year = int(row["publication_date"][:4]) if row.get("publication_date") else None
        checks = {
            "council": (row.get("la_code") in doc.council_code and len(doc.council_code) == 1,
                        row.get("council"), doc.council),
            "year": (doc.year == official_year, official_year, doc.year),
            "severity": (_same_grade(doc.severity, normalise_grade(row.get("overall_grade"))),
                         row.get("overall_grade"), doc.severity),
        }
        for facet, (ok, expected, found) in checks.items():
            totals[facet] += 1
            if ok:
                correct[facet] += 1
            else:
                misses.append({"file": row["file"], "facet": facet, "expected": expected, "found": found,
                               "evidence": doc.facet_evidence.get(facet)})
    accuracy = {f: round(100.0 * correct[f] / totals[f], 1) if totals[f] else None for f in FACETS}
    return {"manifest": str(manifest), "files": len(rows), "evaluated": len(rows) - len(skipped),
            "skipped": skipped, "accuracy_percent": accuracy, "correct": correct, "totals": totals,
            "misses": misses}


def format_report(report: dict) -> str:
    """A readable summary: accuracy per facet, then every miss."""
    lines = [f"{report['evaluated']} of {report['files']} files evaluated ({report['manifest']})"]
    for facet in FACETS:
        lines.append(f"  {facet:9s} {report['accuracy_percent'][facet]}%  "
                     f"({report['correct'][facet]}/{report['totals'][facet]})")
    for item in report["skipped"]:
        lines.append(f"  skipped {item['file']}: {item['reason']}")
    if report["misses"]:
        lines.append("Misses:")
    for miss in report["misses"]:
        lines.append(f"  {miss['file']} {miss['facet']}: expected {miss['expected']!r}, found {miss['found']!r}; "
                     f"evidence: {miss['evidence']}")
    return "\n".join(lines)
