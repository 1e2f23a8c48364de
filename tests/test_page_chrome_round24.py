"""Round 24: a scraped text page's own notices are neither its title nor searchable paragraphs (invented text)."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.extract import read_document
from indexer.ingest.extract.page_chrome import headline_text, is_page_notice


@pytest.mark.parametrize("text", [
    "For the best possible experience, please switch to a newer browser.",
    "We store cookies on your device so that the site remembers you.",
    "Your browser is no longer supported",
    "Sign up to our free morning newsletter and get the headlines in your inbox",
    "Subscribe to our premium plan to ask about this meeting.",
    "Your donation allows us to keep our reporters in the town hall.",
    "Support the #ValueCarers campaign today and thank a foster family.",
    "Follow us on Facebook and Instagram for more local stories.",
    "Watch more of our videos on our channel!",
    "This article is more than 4 years old",
    "Title",
    "Issue - meetings",
    "Home Borough News Article",
    "Make an Enquiry",
    "You are here: Home | News",
    "Advertisement - Shop Local",
    "date 2021-05-04 Listen Live",
])
def test_notices_are_recognised(text):
    assert is_page_notice(text)


@pytest.mark.parametrize("text", [
    "Councillors agreed to support the campaign to recruit more foster carers in the county.",
    "Social workers said they felt listened to and that caseloads had fallen since the last visit.",
    "Your support makes a difference.Anytown Council was told its services for children were inadequate.",
    "Inspectors said the service for children in care was good and leaders knew their families well. " * 4,
    "1",
    "Minutes:",
    "You'll receive weekly summaries about Anytown Council every week.",  # may be where the page names its council
])
def test_story_text_is_kept(text):
    assert not is_page_notice(text)


def test_date_label_leaves_the_title():
    assert headline_text("date 2019-02-03 Anytown children's services rated good") == "Anytown children's services rated good"
    assert headline_text("date 2019-02-03") == "date 2019-02-03"


PAGE = """Your browser is no longer supported

Sign up to our daily newsletter to get the news in your inbox

Anytown children's services judged good by inspectors

Inspectors found that children in Anytown are helped quickly and that social workers know them well.

Support the #ThankASocialWorker campaign today and celebrate the social work profession.

The council's director said staff had worked hard since the last inspection.
"""


def _read(tmp_path, text):
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    return read_document(path)


def test_page_without_notices(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND24_PAGE_NOTICES", True)
    doc = _read(tmp_path, PAGE)
    assert doc.title == "Anytown children's services judged good by inspectors"
    texts = [p.text for p in doc.paragraphs]
    assert not any("campaign" in t or "browser" in t or "newsletter" in t for t in texts)
    assert any("social workers know them well" in t for t in texts)


def test_switch_off_keeps_round_23(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND24_PAGE_NOTICES", False)
    doc = _read(tmp_path, PAGE)
    assert any("campaign today" in p.text for p in doc.paragraphs)


def test_date_label_is_not_the_headline(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND24_PAGE_NOTICES", True)
    doc = _read(tmp_path, "date 2020-03-04 Anytown Council's children's services were rated good by Ofsted on Friday.\n\n"
                          "The inspectors praised the council's leaders and its social workers.\n")
    assert doc.title.startswith("Anytown Council's children's services were rated good")
