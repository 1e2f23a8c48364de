"""Round 12, years (issue 22): one reader for date-only lines, and the story's date under a saved page's own."""
from __future__ import annotations

import datetime as dt

import pytest

from indexer.ingest.annotate.date_lines import head_dates_disagree, read_date_line, story_date_line
from indexer.ingest.annotate.year import dateline
from tests.facet_helpers import article_at


@pytest.mark.parametrize("line, day", [
    ("14.03.19", dt.date(2019, 3, 14)),                       # day.month.two-digit year (trade magazines)
    ("02/11/23", dt.date(2023, 11, 2)),
    ("Posted: 7/6/21", dt.date(2021, 6, 7)),                  # day first when both readings make a date
    ("08/27/20", dt.date(2020, 8, 27)),                       # only month first makes a date
    ("11-09-2015", dt.date(2015, 9, 11)),
    ("2017-02-03", dt.date(2017, 2, 3)),
    ("2017-02-03T08:15:00Z", dt.date(2017, 2, 3)),
    ("Published: Thursday, March 7, 2024", dt.date(2024, 3, 7)),
    ("Friday August 10, 2018", dt.date(2018, 8, 10)),
    ("3rd Feb 2021, 9:45am", dt.date(2021, 2, 3)),
    ("Tue 5 May 2015 | 14:20 BST", dt.date(2015, 5, 5)),
    ("Updated on 12 December 2012", dt.date(2012, 12, 12)),
])
def test_date_only_lines_in_every_form(line, day):
    assert read_date_line(line) == day


@pytest.mark.parametrize("line", [
    "Version 2.5.10 of the guidance",                           # digits inside a sentence
    "The council scored 12.04.19 on the index, officials said",  # not a line of its own
    "31/31/19",                                                  # no reading makes a date
    "14.03.98",                                                  # a two-digit year of the last century
    "14.03.61",                                                  # a future two-digit year
    "Published19 September 2017",                                # related-story link text run together
    "Inspectors visited on 14 March 2019 and 15 March 2019",
])
def test_lines_that_are_no_date_line(line):
    assert read_date_line(line) is None


def test_two_digit_year_under_the_headline_is_the_dateline():
    page = "Council's fostering service praised\n\nCare Weekly\n\n14.03.19\n\nInspectors found the service good.\n"
    assert dateline(page)[0] == dt.date(2019, 3, 14)


def test_a_saved_pages_own_date_yields_to_the_story_date_under_the_headline():
    head = ["Monday, 4 March 2024", "Inspectors arrive at the county hall", "Borough Gazette",
            "Thursday, 9 October 2014", "Officers were told on Wednesday that inspectors would come."]
    assert head_dates_disagree(head)
    assert story_date_line(head)[0] == dt.date(2014, 10, 9)
    assert dateline("\n\n".join(head))[0] == dt.date(2014, 10, 9)


def test_one_date_line_or_the_same_date_twice_is_no_disagreement():
    assert not head_dates_disagree(["Friday, 6 May 2022", "Headline", "06/05/22"])
    assert not head_dates_disagree(["Headline", "Outlet", "6 May 2022", "Body text."])


def test_a_list_of_related_story_dates_is_not_two_header_dates():
    head = ["Headline", "Published", "A first paragraph.", "12 June 2019", "3 January 2018", "9 May 2016"]
    assert not head_dates_disagree(head)


# --- the year in a BBC story's numbered address (article_ids.py) ---

from indexer.ingest.annotate.article_ids import year_from_article_id  # noqa: E402


@pytest.mark.parametrize("url, year", [
    ("https://www.bbc.co.uk/news/uk-england-kent-44000000", 2018),
    ("https://feeds.bbci.co.uk/news/uk-england-york-north-yorkshire-62000000", 2022),
    ("http://www.bbc.com/news/education-33000000", 2015),
    ("https://www.bbc.co.uk/news/uk-52500000?at_medium=RSS", 2020),
    ("http://news.bbc.co.uk/2/hi/uk_news/england/8100000.stm", 2009),
])
def test_a_bbc_story_number_gives_its_year(url, year):
    found, why = year_from_article_id(url)
    assert found == year and "inferred" in why


@pytest.mark.parametrize("url", [
    "https://www.bbc.co.uk/news/uk-england-kent-46690000",       # within the edge of 2018 and 2019: no guess
    "https://feeds.bbci.co.uk/news/articles/c4ab12cd34eo",         # a lettered address carries no number
    "https://www.bbc.co.uk/news/uk-england-kent-99000000",        # beyond the table
    "https://www.example-gazette.co.uk/news/44000000.council-story/",  # not the BBC
    "https://www.bbc.co.uk/sport/football/44000000",                # not a news story address
])
def test_no_year_from_an_address_the_table_cannot_place(url):
    assert year_from_article_id(url) == (None, "")


def _annotated(tmp_path, url: str, text: str):
    """Annotate a page written here and given `url` as its address."""
    return article_at(tmp_path, url, text)


_UNDATED = ("Inspectors return to county's children's services\n\n"
            "Ofsted inspectors spent two days looking at how Hampshire County Council supports children in care. "
            "Their letter says managers know their services well, and the council's last full inspection "
            "found them good.\n")


def test_an_undated_bbc_story_takes_the_year_of_its_number(tmp_path):
    doc = _annotated(tmp_path, "https://feeds.bbci.co.uk/news/uk-england-hampshire-57000000", _UNDATED)
    assert doc.year == 2021
    assert doc.confidence["year"] == "inferred"
    assert "BBC News story number" in doc.facet_evidence["year"]["source"]


def test_a_printed_date_beats_the_number(tmp_path):
    doc = _annotated(tmp_path, "https://feeds.bbci.co.uk/news/uk-england-hampshire-57000000",
                     _UNDATED.replace("\n\n", "\n\nPublished: 3 March 2019\n\n", 1))
    assert doc.year == 2019 and doc.confidence["year"] == "stated"


def test_another_outlets_number_gives_no_year(tmp_path):
    doc = _annotated(tmp_path, "https://www.some-echo.co.uk/news/57000000.county-inspection/", _UNDATED)
    assert "BBC" not in str(doc.facet_evidence.get("year"))


# --- header lines made of parts, and a date line under a summary box ---

from indexer.ingest.annotate.date_lines import segment_date  # noqa: E402


@pytest.mark.parametrize("line, day", [
    ("Care Weekly | News | 09/11/21", dt.date(2021, 11, 9)),
    ("March 4, 2022 10.15 am - This story is over 30 months old", dt.date(2022, 3, 4)),
    ("Local news • Friday 2 June 2017 • Education", dt.date(2017, 6, 2)),
])
def test_one_part_of_a_header_line_is_its_date(line, day):
    assert segment_date(line) == day


@pytest.mark.parametrize("line", [
    "Care Weekly | News | Education",                 # no date among the parts
    "07-04-2016",                                     # one part: a date's own hyphens do not split it
    "From 3 May 2019 - to 9 May 2019",                # two parts, two dates: a span, not a dateline
    "Inspectors found the 2019 plan - late again - had stalled",
])
def test_header_lines_with_no_single_date_part(line):
    assert segment_date(line) is None


def test_a_header_line_of_parts_dates_the_page():
    page = "Borough praised by inspectors\n\nCare Weekly | Children | 09/11/21\n\nThe council was rated good.\n"
    assert dateline(page)[0] == dt.date(2021, 11, 9)


_BOX = ("Borough rated good\n\nNorth Shore News\n\nIn brief\n- One\n- Two\n- Three\n- Four\n- Five\n- Six\n\n{}\n\n"
        "Inspectors rated the borough's children's services good after a visit in the spring.\n")


def test_a_date_line_under_a_summary_box():
    assert dateline(_BOX.format("March 3, 2025"))[0] == dt.date(2025, 3, 3)


def test_a_run_of_date_lines_under_the_top_is_a_list_not_a_dateline():
    assert dateline(_BOX.format("March 3, 2025\n\n12 May 2019\n\n4 July 2018"))[0] is None
