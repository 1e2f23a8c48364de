"""Atom alerts: a valid feed (well-formed, required elements, escaped content), newest first; `search --since`."""
from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET

import pytest

from indexer.features.feeds import atom_feed
from indexer.models import Hit

A = "{http://www.w3.org/2005/Atom}"


@pytest.fixture()
def planted_client(planted_index):
    from webui import create_app

    return create_app({"TESTING": True, "INDEX_DIR": str(planted_index),
                       "BASE_URL": "https://reports.example.org"}).test_client()


def _check_atom(root: ET.Element) -> list[ET.Element]:
    """RFC 4287's required elements; returns the entries."""
    assert root.tag == f"{A}feed"
    for tag in ("id", "title", "updated"):
        assert root.find(f"{A}{tag}") is not None and root.find(f"{A}{tag}").text
    assert root.find(f"{A}author/{A}name") is not None
    assert root.find(f"{A}link[@rel='self']") is not None
    entries = root.findall(f"{A}entry")
    for entry in entries:
        for tag in ("id", "title", "updated"):
            assert entry.find(f"{A}{tag}").text
        dt.datetime.fromisoformat(entry.find(f"{A}updated").text.replace("Z", "+00:00"))
        assert entry.find(f"{A}link[@rel='alternate']").get("href").startswith(("https://reports.example.org/", "http://h/"))
    return entries


def test_feed_is_valid_and_newest_first(planted_client):
    response = planted_client.get("/search.atom?q=register+OR+caseloads")
    assert response.status_code == 200 and response.mimetype == "application/atom+xml"
    entries = _check_atom(ET.fromstring(response.data))
    dates = [e.find(f"{A}updated").text for e in entries]
    assert len(entries) >= 5 and dates == sorted(dates, reverse=True)
    assert dates[0].startswith("2023-09-11") and dates[-1].startswith("2018-03-02")
    assert "2019-08-27" in " ".join(dates) and "2021-11-19" in " ".join(dates)
    assert len({e.find(f"{A}id").text for e in entries}) == len(entries)
    summary = entries[0].find(f"{A}summary")
    assert summary.get("type") == "html" and "<mark>register</mark>" in summary.text
    assert b"&lt;mark&gt;" in response.data  # the HTML is escaped in the XML


def test_feed_follows_the_search_filters(planted_client):
    entries = _check_atom(ET.fromstring(planted_client.get("/search.atom?q=zeppelin&council=Sunderland").data))
    assert [e.find(f"{A}link").get("href").split("/doc/")[1].split("?")[0] for e in entries] == ["sunderland-2021.txt"]


def test_search_page_links_to_its_feed(planted_client):
    html = planted_client.get("/search?q=zeppelin&council=Medway").get_data(as_text=True)
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'href="/search.atom?q=zeppelin&amp;council=Medway"' in html


def test_hostile_text_is_escaped():
    hit = Hit("a&b.txt", 1, 'Title <script>alert("x")</script> & co', "", ["Kent"], 2020, [], "",
              "<mark>x</mark> &amp; ]]> \u00e9", 0.0, date=dt.date(2020, 1, 2))
    body = atom_feed([hit], title="t & <u>", feed_url="http://h/search.atom?q=a&b=c", html_url="http://h/",
                     paragraph_url=lambda h: "http://h/doc/a%26b.txt#p-1", fallback_updated=dt.datetime(2020, 1, 1))
    root = ET.fromstring(body)
    entry = _check_atom(root)[0]
    assert entry.find(f"{A}title").text == 'Kent: Title <script>alert("x")</script> & co (¶1)'
    assert b"<script>" not in body and root.find(f"{A}title").text == "t & <u>"
    assert entry.find(f"{A}summary").text == "<mark>x</mark> &amp; ]]> \u00e9"


def test_cli_since(planted_index, runner):
    from indexer.cli import main

    result = runner.invoke(main, ["search", "children", "--since", "2021-01-01", "--index", str(planted_index),
                                  "--json"])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.output)["hits"]
    assert hits and all(h["date"] >= "2021-01-01" for h in hits)
    assert [h["date"] for h in hits] == sorted((h["date"] for h in hits), reverse=True)
    bad = runner.invoke(main, ["search", "children", "--since", "last week", "--index", str(planted_index)])
    assert bad.exit_code != 0 and "last week" in bad.output
