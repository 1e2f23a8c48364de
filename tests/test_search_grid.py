"""The council x year view of a search: counts equal the filtered searches they link to; CSV of the same table."""
from __future__ import annotations

import csv
import io

from indexer.features.grid import grid_page
from indexer.models import SearchRequest
from indexer.backends import open_backend


def test_grid_counts_equal_the_linked_searches(planted_index):
    from webui import create_app

    client = create_app({"TESTING": True, "INDEX_DIR": str(planted_index)}).test_client()
    req = SearchRequest(q="zeppelin OR trampoline")
    grid = grid_page(open_backend(planted_index).grid(req), req)
    assert [r["council"] for r in grid.rows] == ["Medway", "Sunderland"]
    assert grid.years == [2019, 2021, 2023]
    medway = {c["year"]: c["count"] for c in grid.rows[0]["cells"]}
    assert medway == {2019: 3, 2021: 0, 2023: 3}
    for row in grid.rows:
        for cell in row["cells"]:
            if cell["count"]:
                assert client.get("/search.json?" + cell["query"]).get_json()["total"] == cell["count"]


def test_grid_html_and_csv(planted_index):
    from webui import create_app

    client = create_app({"TESTING": True, "INDEX_DIR": str(planted_index)}).test_client()
    html = client.get("/search/grid?q=zeppelin+OR+trampoline").get_data(as_text=True)
    assert '<table class="grid">' in html and "council=Medway&amp;year=2019" in html
    rows = list(csv.reader(io.StringIO(client.get("/search/grid.csv?q=zeppelin+OR+trampoline").get_data(as_text=True))))
    assert rows[0] == ["council", "2019", "2021", "2023", "total"]
    assert rows[1] == ["Medway", "3", "0", "3", "6"] and rows[-1][0] == "all councils"
    assert client.get("/search/grid.json?q=zeppelin").get_json()["total"] == 5
    assert client.get("/search/grid.xml").status_code == 404
    assert 'href="/search/grid?q=zeppelin"' in client.get("/search?q=zeppelin").get_data(as_text=True)
