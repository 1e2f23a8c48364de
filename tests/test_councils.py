"""Council pages: the official history equals the outcomes table; the councils index; the web views."""
from __future__ import annotations

import csv

import pytest

from indexer import settings
from indexer.features.councils import council_rows, find_council, history, latest_own


def _table_rows(*names: str) -> list[tuple[str, str, str]]:
    """(publication date, framework, la_name) straight from the outcomes CSV for these authority names."""
    with open(settings.OUTCOMES_CSV, newline="", encoding="utf-8") as handle:
        rows = [(r["publication_date"], r["inspection_framework"], r["la_name"]) for r in csv.DictReader(handle)
                if r["la_name"] in names]
    return sorted(rows)


@pytest.mark.parametrize("name, table_names", [
    ("Medway", ("Medway",)),
    ("Kent", ("Kent",)),
    ("Sunderland", ("Sunderland",)),
    # Reorganised: BCP's history includes Bournemouth's and Poole's; North Northamptonshire's the county's.
    ("BCP", ("Bournemouth, Christchurch and Poole", "Bournemouth", "Poole")),
    ("North Northamptonshire", ("North Northamptonshire", "Northamptonshire")),
    ("Northamptonshire", ("Northamptonshire",)),
])
def test_history_equals_the_outcomes_table(name, table_names):
    got = sorted((h["published"], h["framework"], h["council"]) for h in history(find_council(name)))
    assert got == _table_rows(*table_names) and got


def test_history_details_for_medway():
    rows = history(find_council("medway"))
    by_date = {h["published"]: h for h in rows}
    assert by_date["2019-08-27"]["grade"] == "inadequate"
    assert by_date["2019-08-27"]["subjudgements"]["leadership"] == "inadequate"
    assert by_date["2023-09-11"]["grade"] == "good"
    slac = by_date["2011-11-18"]
    assert slac["grade"] is None and slac["scale"] == "pre-2013" and "adequate" in slac["scale_label"]
    assert by_date["2019-08-27"]["scale"] == "2013"


def test_successor_current_grade_is_its_own():
    assert latest_own(find_council("Northamptonshire"))["grade"] == "inadequate"
    latest = latest_own(find_council("BCP"))
    assert (latest["published"], latest["grade"]) == ("2025-01-29", "good")


def test_find_council_by_code_alias_and_case():
    assert find_council("E06000035").name == "Medway"
    assert find_council("bcp council").name == "Bournemouth, Christchurch and Poole"
    assert find_council("nowhere at all") is None


def test_council_rows_filter_and_sort():
    london = council_rows(None, region="London", sort="grade")
    assert london and {r["region"] for r in london} == {"London"}
    order = [r["current_grade"] or "" for r in london]
    rank = (*settings.SEVERITY_ORDER, "")
    assert order == sorted(order, key=rank.index)
    assert {r["current_grade"] for r in council_rows(None, grade="inadequate")} == {"inadequate"}


def test_council_page_html_and_json(client):
    html = client.get("/council/Medway").get_data(as_text=True)
    assert "<svg class=\"timeline\"" in html and "Official inspection history" in html
    assert "pre-2013 scale" in html and "https://files.ofsted.gov.uk/v1/file/" in html
    data = client.get("/council/Medway.json").get_json()
    assert data["council"]["code"] == "E06000035"
    assert [h["published"] for h in data["history"]] == sorted(h["published"] for h in data["history"])
    years = [g["year"] for g in data["documents_by_year"]]
    assert 2019 in years
    assert client.get("/council/Atlantis").status_code == 404


def test_councils_index(client):
    data = client.get("/councils.json?region=South%20East&sort=documents&order=desc").get_json()
    assert data["councils"][0]["name"] in {"Medway", "Kent"} and data["councils"][0]["documents"] >= 1
    html = client.get("/councils?grade=inadequate").get_data(as_text=True)
    assert 'href="/council/' in html and 'aria-sort="ascending"' in html


def test_badges_and_facet_values_link_to_council_pages(client):
    html = client.get("/search?q=caseloads").get_data(as_text=True)
    assert 'class="badge council" href="/council/Medway"' in html
    assert 'class="facet-page" href="/council/Medway"' in html
    doc = client.get("/doc/000_f098993525120d5e.txt").get_data(as_text=True)
    assert '<a href="/council/Medway">Medway</a>' in doc
