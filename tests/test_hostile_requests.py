"""Hostile requests: numbers at and past every limit, and headers the client controls (Host, forwarded headers,
odd methods and bodies). Each answers quickly, never 500, and no generated link carries the client's host."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from indexer import settings

from tests.conftest import SEEDS, copy_index
from tests.hostile_helpers import app_client, get

A = "{http://www.w3.org/2005/Atom}"
EVIL = "evil.example"


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory, seed_index):
    return copy_index(seed_index, tmp_path_factory.mktemp("hostile-requests") / "index")


@pytest.fixture(scope="module")
def client(index_dir):
    return app_client(index_dir)


BIG = "9" * 30
NUMBERS = {
    "per_page": ["0", "1", "50", "51", str(settings.MAX_LIST_VALUES), "10000", "10001", "-1", BIG, "1e400", "nan",
                 "0x10", "٣"],
    "page": ["0", "1", "10000", "10001", "-1", BIG, "1.5", "inf"],
    "year": ["0", "1899", "1900", "2100", "2101", "-2019", BIG, "2019.0"],
    "year_from": ["0", "1900", "2100", "2101", BIG, "-1"],
    "year_to": ["0", "1900", "2101", BIG],
}
NUMBER_CASES = [(name, value) for name, values in NUMBERS.items() for value in values]


@pytest.mark.parametrize("name,value", NUMBER_CASES)
def test_numbers_at_and_past_each_limit(client, name, value):
    response = get(client, f"/search.json?q=children&{name}={value}")
    assert response.status_code == 200
    body = response.get_json()
    assert len(body["hits"]) <= 10_000


@pytest.mark.parametrize("count", [settings.MAX_LIST_VALUES, settings.MAX_LIST_VALUES + 1, 5000])
def test_repeated_parameters_at_and_past_the_limit(client, count):
    url = "/search.json?q=children&" + "&".join(f"council=C{i}" for i in range(count))
    body = get(client, url).get_json()
    assert (f"Only the first {settings.MAX_LIST_VALUES}" in (body.get("message") or "")) == \
        (count > settings.MAX_LIST_VALUES)


@pytest.mark.parametrize("length", [settings.MAX_QUERY_CHARS, settings.MAX_QUERY_CHARS + 1, 200_000])
def test_query_length_at_and_past_the_limit(client, length):
    body = get(client, "/search.json?q=" + ("caseloads " * length)[:length]).get_json()
    assert ("was shortened" in (body.get("message") or "")) == (length > settings.MAX_QUERY_CHARS)


@pytest.mark.parametrize("length", [settings.MAX_VALUE_CHARS, settings.MAX_VALUE_CHARS + 1])
def test_facet_value_length_at_and_past_the_limit(client, length):
    body = get(client, "/search.json?q=children&council=" + "K" * length).get_json()
    assert ("longer than" in (body.get("message") or "")) == (length > settings.MAX_VALUE_CHARS)


@pytest.mark.parametrize("p", ["-1", "0", "1", "100000", BIG, "x", ""])
def test_similar_paragraph_numbers(client, p):
    response = get(client, f"/similar.json?doc=000_f098993525120d5e.txt&p={p}")
    assert response.status_code in (200, 404)


@pytest.mark.parametrize("query", ["(" * 500 + "x" + ")" * 500, "NOT " * 300 + "x", '"' * 999, "a" * 2000,
                                   "x~" * 300, "year:[0 TO 99999999999999999999]", "*" * 50, "title:" * 300,
                                   "caseload* OR " * 200, "\\" * 500])
def test_query_syntax_bombs(client, query):
    response = get(client, "/search.json", query_string={"q": query})
    assert response.status_code == 200


# --- client-controlled headers -----------------------------------------------------------------------------

def _feed_links(response) -> list[str]:
    root = ET.fromstring(response.data)
    found = [root.find(f"{A}id").text] + [link.get("href") for link in root.iter(f"{A}link")]
    return found + [entry.find(f"{A}id").text for entry in root.iter(f"{A}entry")]


@pytest.mark.parametrize("headers", [{"Host": EVIL}, {"Host": f"{EVIL}:8080"}, {"X-Forwarded-Host": EVIL},
                                     {"X-Forwarded-Proto": "gopher", "X-Forwarded-Host": EVIL},
                                     {"Forwarded": f"host={EVIL}"}])
@pytest.mark.parametrize("base", ["", "https://reports.example.org"])
def test_feed_links_never_carry_the_clients_host(index_dir, headers, base):
    client = app_client(index_dir, BASE_URL=base)
    response = get(client, "/search.atom?q=children", headers=headers)
    links = _feed_links(response)
    assert links and not any(EVIL in link for link in links)
    if base:
        assert all(link.startswith(base) for link in links if "://" in link)
        assert any(link.startswith(base) for link in links)
    else:
        assert all(link.startswith(("/", "tag:")) for link in links)


@pytest.mark.parametrize("base", ["", "https://reports.example.org"])
def test_redirects_never_carry_the_clients_host(index_dir, base):
    client = app_client(index_dir, BASE_URL=base)
    response = client.get("//search?q=x", headers={"Host": EVIL})
    assert response.status_code in (301, 302, 307, 308, 404)
    location = response.headers.get("Location", "")
    assert EVIL not in location
    if location:
        assert location.startswith(base + "/" if base else "/")


@pytest.mark.parametrize("headers", [{"Accept": "*/*" * 1000}, {"Range": "bytes=0-1,2-3,4-5" * 50},
                                     {"If-Modified-Since": "yesterday"}, {"Cookie": "a=" + "b" * 4000},
                                     {"Accept-Language": "x" * 5000}, {"Content-Type": "multipart/form-data"},
                                     {"Transfer-Encoding": "chunked"}, {"Referer": "javascript:alert(1)"}])
def test_odd_headers_are_ignored(client, headers):
    response = get(client, "/search?q=children", headers=headers)
    assert response.status_code == 200 and b"evil" not in response.data


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "TRACE"])
def test_other_methods_are_refused(client, method):
    response = client.open("/search?q=children", method=method, data=b"x" * 1000)
    assert response.status_code == 405


def test_a_get_with_a_body_is_answered_without_reading_it(client):
    response = client.get("/search?q=children", data=b"x" * 100_000)
    assert response.status_code == 200


@pytest.mark.parametrize("bad", ["ftp://x", "https://", "reports.example.org", "https://x/?q=1", "javascript:x"])
def test_a_bad_base_url_is_refused(index_dir, bad):
    with pytest.raises(ValueError, match="--base-url"):
        app_client(index_dir, BASE_URL=bad)
