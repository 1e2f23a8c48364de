"""Round 24 (titles24): a line that only names the site, a section or an image is not a text page's title."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.documents import read_document
from indexer.ingest.extract.headline import is_chrome


@pytest.mark.parametrize("line", [
    "Fernhill Evening News", "Oakshire Express", "Your Borough Of Fernhill", "Welcome to Oakshire",
    "Oakshire County Council", "Fernhill Council - News", "London Borough of Fernhill",
    "Oakshire Now - your County Council magazine", "Fernhill Wire - news from Fernhill City Council",
    "OFSTED", "SOCIAL CARE", "Spotlight", "News / Education", "Home | Stories | Events | Contact",
    "Picture: archive/stockphoto", "Image copyright Stock Agency", "Oakshire Council logo",
])
def test_site_labels_are_chrome(line):
    assert is_chrome(line)


@pytest.mark.parametrize("line", [
    "Oakshire children's services rated good by Ofsted", "OFSTED IMPROVEMENT PLAN",
    "Fernhill council apologises over inadequate rating", "Your views sought on children's services plan",
    "Inspectors praise Oakshire council", "Children's services: the good news from Fernhill",
])
def test_headlines_stay(line):
    assert not is_chrome(line)


_PAGE = """[Skip to content]

Your Borough Of Fernhill

Ofsted report published for Fernhill Children's Centres

The inspection of the Fernhill children's centres found that families could reach the services they needed.

The centres had been judged inadequate the year before, and the group has since improved its rating.
"""


def test_the_headline_under_the_site_name_is_the_title(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(_PAGE, encoding="utf-8")
    assert read_document(page, None).title == "Ofsted report published for Fernhill Children's Centres"


def test_switched_off_the_site_name_is_the_title(tmp_path, monkeypatch):
    page = tmp_path / "page.txt"
    page.write_text(_PAGE, encoding="utf-8")
    monkeypatch.setattr(settings, "ROUND24_SITE_BRAND", False)
    assert read_document(page, None).title == "Your Borough Of Fernhill"


def test_a_one_word_label_above_a_headline_is_skipped(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("Spotlight\n\nFernhill children's centres improve\n\nThe centres were praised by inspectors.\n",
                    encoding="utf-8")
    assert read_document(page, None).title == "Fernhill children's centres improve"


def test_a_one_word_first_line_with_prose_below_is_the_headline(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("Recovery\n\nThe service was poor once. Now Fernhill's services for children are good.\n",
                    encoding="utf-8")
    assert read_document(page, None).title == "Recovery"
