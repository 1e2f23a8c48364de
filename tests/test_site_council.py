"""Round 23: a page on a council's own website that names no council in its text is about that council."""
from __future__ import annotations

import datetime as dt

import pytest

from indexer import settings
from indexer.ingest.annotate.gazetteer import display_name
from indexer.ingest.documents import load_document
from indexer.ingest.annotate.site_council import site_council


@pytest.mark.parametrize("url, council", [
    ("https://democracy.plymouth.gov.uk/mgAi.aspx?ID=1", "Plymouth"),
    ("https://rutlandcounty.moderngov.co.uk/mgAi.aspx?ID=2", "Rutland"),
    ("https://barnsleymbc.moderngov.co.uk/x", "Barnsley"),
    ("http://www.minutes.haringey.gov.uk/ieIssueDetails.aspx?IId=3", "Haringey"),
    ("https://www3.hants.gov.uk/news", "Hampshire"),
    ("https://sites.southglos.gov.uk/news", "South Gloucestershire"),
    ("https://info.westberks.gov.uk/a", "West Berkshire"),
    ("https://www.royalgreenwich.gov.uk/news/b", "Greenwich"),
    ("https://committee.nottinghamcity.gov.uk/c", "Nottingham"),
    ("https://www.brighton-hove.gov.uk/d", "Brighton and Hove"),
    ("https://modgov.lbbd.gov.uk/e", "Barking and Dagenham"),
    ("https://stoke.gov.uk/f", "Stoke-on-Trent"),
    ("https://sunderland.gov.uk:443/g", "Sunderland"),
    ("https://www.hull.gov.uk/h", "Kingston upon Hull"),
    ("https://webarchive.nationalarchives.gov.uk/20100101000000/http://www.haringey.gov.uk/news", "Haringey"),
])
def test_council_sites(url, council):
    code, host = site_council(url, None)
    assert code and display_name(code) == council and host


@pytest.mark.parametrize("url", ["https://www.gov.uk/government/news/x", "https://www.ofsted.gov.uk/y",
                                 "https://www.childrenscommissioner.gov.uk/z", "https://www.bbc.co.uk/news/a",
                                 "https://www.lgcplus.com/b", "", "not a url"])
def test_other_sites_name_no_council(url):
    assert site_council(url, None) == (None, "")


def test_an_old_address_names_the_council_of_its_day():
    """dorsetforyou.gov.uk was Dorset County Council's; after 2019 the name means the new Dorset Council."""
    before = site_council("http://www.dorsetforyou.gov.uk/news", dt.date(2015, 5, 1))[0]
    after = site_council("http://www.dorsetforyou.gov.uk/news", None)[0]
    assert before == "E10000009" and after == "E06000059"


_MINUTES = """Agenda item

Ofsted focused visit: feedback

To note the letter received after the focused visit of inspectors in March.

Minutes:

The Director of Children's Services presented the letter. Inspectors had looked at the front door and at
decisions for children in need of help, and found that managers now check most referrals the same day.
Members asked how the service would keep social workers, and were told about the new pay offer.
"""


def test_a_minutes_page_naming_no_council_takes_its_site(tmp_path, monkeypatch):
    page = tmp_path / "minutes.txt"
    page.write_text(_MINUTES, encoding="utf-8")
    doc = load_document(page, {"url": "https://democracy.plymouth.gov.uk/mgAi.aspx?ID=5"})
    assert doc.council == ["Plymouth"]
    assert "plymouth.gov.uk" in str(doc.facet_evidence["council"])
    other = load_document(page, {"url": "https://www.example-news.co.uk/story/5"})
    assert other.council == []
    monkeypatch.setattr(settings, "ROUND23_SITE_COUNCIL", False)
    assert load_document(page, {"url": "https://democracy.plymouth.gov.uk/mgAi.aspx?ID=5"}).council == []


def test_a_council_named_in_the_text_wins_over_the_site(tmp_path):
    page = tmp_path / "news.txt"
    page.write_text("Devon's services for children judged good\n\nInspectors rated Devon County Council's children's "
                    "services good overall after a three-week visit.\n", encoding="utf-8")
    doc = load_document(page, {"url": "https://democracy.plymouth.gov.uk/mgAi.aspx?ID=6"})
    assert doc.council == ["Devon"]
