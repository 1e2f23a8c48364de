"""Round 18 (issue 22): an undated Newsquest or National World story's year from its address number (article_ids.py).

Addresses and pages written for these tests (invented slugs and numbers in each publisher's shape), with cases that
must not fire: a number within a month of a year's boundary, numbers outside the tables, other publishers' numbers in
the same shape, the older "-1-1234567" form, a printed date, and the switches turned off.
"""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.annotate.article_ids import year_from_article_id
from tests.facet_helpers import article_at


@pytest.mark.parametrize("url, year", [
    ("https://www.anytown-echo.co.uk/news/16500000.nursery-told-to-improve/", 2018),
    ("http://www.some-gazette.co.uk/news/local/riverside/11000000.School_placed_in_special_measures/", 2014),
    ("https://www.watfordobserver.co.uk/stalbans/15400000.children-home-rated-good/", 2017),  # a listed title's edition
    ("https://somewhere-news.co.uk/news/23700000.academy-inadequate-ofsted/?ref=rss", 2023),
    ("https://www.thestar.co.uk/education/primary-school-rated-inadequate-after-visit-4250000", 2023),
    ("https://www.portsmouth.co.uk/news/people/city-care-home-branded-inadequate-3800000?itm_source=x", 2022),
    ("https://lep.co.uk/education/town-nursery-told-it-requires-improvement-5200000", 2025),
])
def test_a_numbered_story_takes_the_year_of_its_number(url, year):
    found, why = year_from_article_id(url)
    assert found == year
    assert "story number" in why and why.startswith("inferred:")


@pytest.mark.parametrize("url", [
    "https://www.anytown-echo.co.uk/news/17350000.nursery-told-to-improve/",    # within a month of 2019's start
    "https://www.anytown-echo.co.uk/news/9000000.nursery-told-to-improve/",     # before the table (2012)
    "https://www.anytown-echo.co.uk/news/26000000.nursery-told-to-improve/",    # after the table
    "https://www.trade-weekly.com/services/children/ofsted-rating/7027172.article",  # a number, not a Newsquest slug
    "https://www.archive.gov.uk/pa/cm/12345678.htm",
    "https://www.thestar.co.uk/education/school-rated-inadequate-3980000",      # within a month of 2023's start
    "https://www.thestar.co.uk/news/school-rated-inadequate-1-8343587",         # the older Johnston Press form
    "https://www.thestar.co.uk/news/old-story-moved-across-1900000",            # carried over in 2020: below the table
    "https://www.somerecorder.co.uk/news/council-services-improve-4250000",     # another publisher's own numbers
    "https://www.county-times.co.uk/stmartins/15400000.children-home-rated-good/",  # an edition's section, unlisted title
])
def test_no_year_where_the_number_cannot_tell_it(url):
    assert year_from_article_id(url) == (None, "")


def test_the_switches_turn_the_tables_off(monkeypatch):
    monkeypatch.setattr(settings, "ROUND18_NEWSQUEST_IDS", False)
    monkeypatch.setattr(settings, "ROUND18_NATIONALWORLD_IDS", False)
    assert year_from_article_id("https://www.anytown-echo.co.uk/news/16500000.nursery-told-to-improve/") == (None, "")
    assert year_from_article_id("https://www.thestar.co.uk/education/school-4250000") == (None, "")
    assert year_from_article_id("https://www.bbc.co.uk/news/uk-england-kent-44000000")[0] == 2018  # round 12 stays


def _annotated(tmp_path, url: str, text: str):
    """Annotate a page written here and given `url` as its address."""
    return article_at(tmp_path, url, text)


_NURSERY = ("Day nursery told it must improve\n\n"
            "A day nursery on the edge of town has been rated inadequate by Ofsted after a visit in March. "
            "Inspectors found that staff did not always follow the setting's own safeguarding procedures, and the "
            "owner said an action plan was already in place.\n")


def test_an_undated_nursery_story_takes_the_year_of_its_number(tmp_path):
    doc = _annotated(tmp_path, "https://www.anytown-echo.co.uk/news/16500000.day-nursery-told-to-improve/", _NURSERY)
    assert doc.year == 2018
    assert doc.confidence["year"] == "inferred"
    assert "Newsquest story number 16500000" in doc.facet_evidence["year"]["source"]


def test_a_printed_date_beats_the_number(tmp_path):
    doc = _annotated(tmp_path, "https://www.anytown-echo.co.uk/news/16500000.day-nursery-told-to-improve/",
                     _NURSERY.replace("\n\n", "\n\nPublished: 3 March 2016\n\n", 1))
    assert doc.year == 2016 and doc.confidence["year"] == "stated"


# Review of rounds 18-20, item 1 (article_ids.py): "Newsquest pattern matches any .com/.co.uk address:
# `example.com/docs/20190512.report-final.pdf` -> 2022, `telegraph.co.uk/.../17000000.school-x/` -> 2018."
@pytest.mark.parametrize("url", [
    "https://example.com/docs/20190512.report-final.pdf",                      # a file, not a story's slug
    "https://www.telegraph.co.uk/education/17000000.school-x/",                # another site's section
    "https://www.anytown-echo.co.uk/news/16500000.nursery-told-to-improve.html",  # the slug does not end the path
    "https://www.anytown-echo.co.uk/news/16500000.report/",                    # one word: no slug
])
def test_a_number_and_a_dot_alone_are_no_newsquest_story(url):
    assert year_from_article_id(url) == (None, "")


@pytest.mark.parametrize("url, year", [
    ("https://www.anytown-echo.co.uk/news/16500000.nursery-told-to-improve", 2018),
    ("http://www.town-star.co.uk/news/11000000.Care_home_Ofsted_report/?ref=arc", 2014),
    ("https://www.town-star.co.uk/yoursay/readersnews/19400000.praise-for-foster-carers/", 2021),
    ("https://m.riverside-gazette.co.uk/news/local/your_community/gh/15400000.school-told-to-improve/", 2017),
])
def test_newsquest_story_shapes_still_give_the_year(url, year):
    assert year_from_article_id(url)[0] == year


def test_the_national_world_list_has_no_subdomain_of_a_listed_site():
    from indexer.ingest.annotate.article_ids import _NATIONALWORLD_SITES  # noqa: PLC0415
    assert not [site for site in _NATIONALWORLD_SITES
                if any(site.endswith("." + other) for other in _NATIONALWORLD_SITES)]
    assert year_from_article_id("https://www.edinburghnews.scotsman.com/education/slug-4250000")[0] == 2023
