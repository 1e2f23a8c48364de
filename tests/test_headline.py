"""Round 23: a scraped text page's title is its first heading that is not the site's chrome."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.documents import load_document, read_document
from indexer.ingest.extract.headline import is_chrome


@pytest.mark.parametrize("line", [
    "Leeds & West Yorkshire", "Express & Star", "Skip to main content", "Toggle mobile menu visibility", "Search",
    "News", "Press release", "Key Points", "Agenda item", "Weather Icon 8.9°C Mostly Cloudy",
    "Page last updated at 09:42 GMT, Monday, 3 March 2008", "Jane Smithson 06 April 2016",
    "Wednesday, 9 November 2011", "Latest Public Sector News", "Sign in to your account",
    "Eastfield Wire | Saturday 24 February 2024 | 7.7 C", "Tue. Apr 16th, 2024",
])
def test_chrome_lines(line):
    assert is_chrome(line)


@pytest.mark.parametrize("line", [
    "Doncaster children's services 'inadequate' says Ofsted", "Progress made at Sheffield",
    "Wigan & Harrow children's services rated good", "Council first outside London to reach 'outstanding'",
    "Ofsted rating welcomed as a clear sign of real progress", "OFSTED IMPROVEMENT PLAN",
    "Harrow children's services still in recovery", "News Sniffer - revisions of a BBC article",
    "Corporate Parenting Committee - Monday 2 February 2026", "Children and Families Scrutiny Panel - Thursday, 19th "
    "January, 2023 5.30 pm",
])
def test_headlines(line):
    assert not is_chrome(line)


_PAGE = """Bristol & Somerset

Weather Icon 11°C Light rain

Oakshire council's services for children judged inadequate

Inspectors have rated the children's services of Oakshire inadequate after finding that referrals sat unread.

Ribble & District council leaders said they would study the report closely before the next meeting.
"""


def test_the_title_skips_the_section_label_and_the_widget(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(_PAGE, encoding="utf-8")
    assert read_document(page, None).title == "Oakshire council's services for children judged inadequate"


def test_switched_off_the_first_line_is_the_title(tmp_path, monkeypatch):
    page = tmp_path / "page.txt"
    page.write_text(_PAGE, encoding="utf-8")
    monkeypatch.setattr(settings, "ROUND23_HEADLINE", False)
    assert read_document(page, None).title == "Bristol & Somerset"


def test_a_region_label_no_longer_names_a_council(tmp_path):
    page = tmp_path / "bbc.txt"
    page.write_text("Leeds & West Yorkshire\n\nWakefield children's services judged inadequate\n\nOfsted has rated "
                    "Wakefield Council's children's services inadequate after a two-week inspection.\n", encoding="utf-8")
    doc = load_document(page, None)
    assert doc.council == ["Wakefield"] and doc.severity == ["inadequate"]
