"""Accuracy on the 124 real reports against the official manifest (targets from issue 3)."""
from __future__ import annotations

from pathlib import Path

import pytest

from indexer.quality.evaluate_facets import evaluate_manifest

pytestmark = pytest.mark.reports


def test_real_reports_meet_accuracy_targets(reports_dir, report_documents):
    loaded = {Path(doc.path).name: doc for doc in report_documents}
    report = evaluate_manifest(reports_dir / "manifest.csv", loaded)
    assert report["evaluated"] == 123
    assert [s["file"] for s in report["skipped"]] == ["report-010.pdf"]
    accuracy = report["accuracy_percent"]
    assert accuracy["council"] == 100.0, report["misses"]
    assert accuracy["severity"] >= 98.0, report["misses"]
    assert accuracy["year"] >= 98.0, report["misses"]
