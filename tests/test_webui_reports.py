"""The web UI and search over the 123 real Ofsted reports plus the seeds and the news fixtures."""
from __future__ import annotations

import re

import pytest

from indexer.models import SearchRequest
from indexer.backends import open_backend

from tests.test_search import _paragraph_councils

pytestmark = pytest.mark.reports


def test_caseloads_over_real_reports(reports_client):
    data = reports_client.get("/search.json?q=caseloads&per_page=50").get_json()
    assert data["total"] > 150 and data["total_documents"] > 50
    grades = {f["value"] for f in data["facets"]["severity"]}
    assert grades == {"outstanding", "good", "requires improvement", "adequate", "inadequate"}
    # The word as typed, or its synonym "case loads", is marked in every snippet.
    assert all(re.search(r"<mark>(caseloads?|case loads?)</mark>", h["snippet"].lower()) for h in data["hits"])
    assert len({h["doc_id"] for h in data["hits"]}) == len(data["hits"])  # collapsed per document


def test_filters_over_real_reports(reports_client):
    data = reports_client.get("/search.json?q=exploitation&council=Kent&council=Medway&per_page=50").get_json()
    assert data["hits"] and {h["council"][0] for h in data["hits"]} <= {"Kent", "Medway"}
    years = {h["year"] for h in reports_client.get(
        "/search.json?q=exploitation&year_from=2018&year_to=2020&per_page=50").get_json()["hits"]}
    assert years and years <= {2018, 2019, 2020}


def test_facet_counts_equal_independent_counts_on_real_reports(reports_index):
    index = open_backend(reports_index)
    result = index.search(SearchRequest(q='"missing from care"'))
    assert {v.value: v.count for v in result.facets["council"]} == dict(_paragraph_councils(index, '"missing from care"'))


def test_report_document_page(reports_client):
    html = reports_client.get("/doc/report-002.pdf?q=caseloads").get_data(as_text=True)
    assert "<mark>caseloads</mark>" in html and 'id="p-16"' in html
    assert "Barking and Dagenham" in html and "published 1 April 2019" in html  # the linked official outcome
