"""The web UI through Flask's test client: HTML, JSON and CSV agree; escaping; bad input; headers."""
from __future__ import annotations

import csv
import io
import re
from urllib.parse import parse_qs, urljoin, urlparse

import pytest


def _json(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.get_json()


def test_search_page_shows_ranked_highlighted_hits(client):
    html = client.get("/?q=caseloads").get_data(as_text=True)
    assert "<mark>caseloads</mark>" in html
    assert html.index("as many as 55 children") < html.index("high <mark>caseloads</mark> leaving workers")
    assert 'value="caseloads"' in html  # the box keeps the query
    data = _json(client, "/search.json?q=caseloads")
    assert f"{data['total']} matching paragraphs in {data['total_documents']} documents" in html


def test_json_shape_and_agreement_with_html_and_csv(client):
    data = _json(client, "/search.json?q=inadequate&council=Medway&council=Kent&per_page=50")
    assert set(data) >= {"query", "total", "page", "per_page", "hits", "facets", "suggestion"}
    assert set(data["hits"][0]) >= {"doc_id", "paragraph", "title", "url", "council", "year", "severity", "snippet",
                                    "score"}
    assert {h["council"][0] for h in data["hits"]} == {"Medway", "Kent"}
    council = {f["value"]: f for f in data["facets"]["council"]}
    assert council["Medway"]["selected"] and council["Kent"]["selected"] and not council["Liverpool"]["selected"]
    assert set(data["facets"]) >= {"council", "year", "severity"}
    html = client.get("/?q=inadequate&council=Medway&council=Kent&per_page=50").get_data(as_text=True)
    assert f"{data['total']} matching paragraphs" in html
    for hit in data["hits"]:
        assert f"#p-{hit['paragraph']}" in html
    response = client.get("/search.csv?q=inadequate&council=Medway&council=Kent")
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert len(rows) == data["total"] == int(response.headers["X-Total-Matches"])
    assert response.headers["X-Export-Cap"] == "5000"
    assert {r["council"] for r in rows} == {"Medway", "Kent"}


def test_facet_counts_follow_other_facets_but_not_their_own(client):
    plain = _json(client, "/search.json?q=children")
    filtered = _json(client, "/search.json?q=children&council=Medway")
    plain_councils = {f["value"]: f["count"] for f in plain["facets"]["council"]}
    assert {f["value"]: f["count"] for f in filtered["facets"]["council"]} == plain_councils
    assert {f["value"]: f["count"] for f in filtered["facets"]["year"]} == {"2019": plain_councils["Medway"]}


def test_toggle_urls_are_plain_links_that_keep_the_state(client):
    data = _json(client, "/search.json?q=children&severity=inadequate&sort=newest")
    medway = next(f for f in data["facets"]["council"] if f["value"] == "Medway")
    query = parse_qs(urlparse(medway["toggle_url"]).query)
    assert query == {"q": ["children"], "severity": ["inadequate"], "council": ["Medway"], "sort": ["newest"]}
    assert medway["toggle_url"].startswith("?")  # relative: the HTML page links to HTML, the JSON to JSON
    selected = _json(client, urljoin("/search.json", medway["toggle_url"]))
    medway_again = next(f for f in selected["facets"]["council"] if f["value"] == "Medway")
    assert medway_again["selected"] and "council" not in parse_qs(urlparse(medway_again["toggle_url"]).query)


def test_year_range_and_histogram(client):
    html = client.get("/?q=children&year_from=2013&year_to=2019").get_data(as_text=True)
    assert 'id="year_from"' in html and 'value="2013"' in html
    assert "<svg class=\"histogram\"" in html and "2019: " in html
    data = _json(client, "/search.json?q=children&year_from=2013&year_to=2019")
    assert {h["year"] for h in data["hits"]} == {2013, 2014, 2015, 2018, 2019}


def test_script_in_text_is_escaped(client):
    html = client.get("/?q=rotherham").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    bold = client.get("/?q=bold").get_data(as_text=True)
    assert "&lt;b&gt;<mark>bold</mark>&lt;/b&gt;" in bold and "<b>" not in bold
    doc = client.get("/doc/hostile.txt?q=missing").get_data(as_text=True)
    assert "<script>alert" not in doc and "&lt;script&gt;alert(1)&lt;/script&gt;" in doc


def test_query_is_escaped_when_echoed(client):
    html = client.get('/?q=%3Cscript%3Ealert(2)%3C/script%3E').get_data(as_text=True)
    assert "<script>alert(2)" not in html
    assert 'value="&lt;script&gt;alert(2)&lt;/script&gt;"' in html  # echoed in the box, escaped
    assert "for “&lt;script&gt;alert(2)&lt;/script&gt;”" in html    # and in the summary line


@pytest.mark.parametrize("q", ['"unbalanced', "AND OR", "council:", "x" * 10240, "((", "*:*", "year:abc"])
def test_malformed_queries_answer_200(client, q):
    response = client.get("/", query_string={"q": q})
    assert response.status_code == 200
    assert client.get("/search.json", query_string={"q": q}).status_code == 200
    if q.startswith('"') or len(q) > 5000:
        assert 'class="message"' in response.get_data(as_text=True)


def test_bad_parameters_answer_200_with_a_message(client):
    response = client.get("/?q=children&year=abc&page=-3&sort=sideways&per_page=7&year_from=x")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "“abc” is not a number for year" in html and "Unknown sort" in html


def test_did_you_mean_links_to_the_corrected_search(client):
    html = client.get("/?q=safegaurding").get_data(as_text=True)
    assert re.search(r'Did you mean <a href="/search\?q=safeguarding">safeguarding</a>', html)


def test_document_page_opens_at_hit_with_highlights_and_match_navigation(client):
    html = client.get("/doc/000_f098993525120d5e.txt?q=social+workers").get_data(as_text=True)
    assert 'id="p-17"' in html and "<mark>social workers</mark>" in html
    assert "next match" in html and "previous match" in html
    assert "Official Ofsted outcome" in html and "published 27 August 2019" in html  # readable dates
    search = client.get("/?q=caseloads").get_data(as_text=True)
    assert "/doc/000_f098993525120d5e.txt?q=caseloads#p-17" in search


def test_document_json_and_missing_document(client):
    data = _json(client, "/doc/000_f098993525120d5e.txt.json")
    assert data["council"] == ["Medway"] and data["year"] == 2019 and len(data["paragraphs"]) == 38
    assert data["official_outcome"]["published"] == "2019-08-27"
    assert client.get("/doc/nope.txt").status_code == 404


def test_collapsed_hits_offer_more_paragraphs(client):
    html = client.get("/?q=children").get_data(as_text=True)
    assert re.search(r"\d+ more matching paragraphs? in this document", html)
    assert "<details class=\"more\">" in html


def test_pagination_and_sort_in_url(client):
    html = client.get("/?q=children&per_page=10&sort=oldest").get_data(as_text=True)
    assert 'option value="oldest" selected' in html
    data = _json(client, "/search.json?q=children&per_page=10&page=2")
    assert data["page"] == 2


def test_about_page(client, fixture_corpus):
    html = client.get("/about").get_data(as_text=True)
    documents = len(list(fixture_corpus.iterdir()))
    assert f"{documents} documents" in html and "Open Government Licence" in html and "Rotherham" in html


def test_security_headers(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    html = response.get_data(as_text=True)
    assert not re.search(r"<script>(?!alert)", html) and " style=" not in html and "onclick" not in html


def test_no_index_gives_a_helpful_page(tmp_path):
    from webui import create_app

    client = create_app({"TESTING": True, "INDEX_DIR": str(tmp_path / "missing")}).test_client()
    response = client.get("/")
    assert response.status_code == 503 and "reportsearch rebuild" in response.get_data(as_text=True)
