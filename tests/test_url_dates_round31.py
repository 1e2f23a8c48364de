"""Round 31: two more shapes of a date in a page's address (`settings.ROUND31_URL_DATE_SHAPES`): a day-first path
(/24/08/2022/) and a year then the month's whole name (/2025/january/). Invented addresses."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.annotate.dates import url_date


@pytest.mark.parametrize("url, found", [
    ("https://news.example-council.gov.uk/14/03/2021/children-s-services-improve/", (2021, 3)),
    ("https://www.example-council.gov.uk/news-articles/2019/october/ofsted-letter-published", (2019, 10)),
    ("https://www.example-council.gov.uk/News/Articles/2024/February/good-rating/", (2024, 2)),
])
def test_the_new_shapes(monkeypatch, url, found):
    monkeypatch.setattr(settings, "ROUND31_URL_DATE_SHAPES", True)
    assert url_date(url) == found
    monkeypatch.setattr(settings, "ROUND31_URL_DATE_SHAPES", False)
    assert url_date(url) is None


@pytest.mark.parametrize("url", [
    "https://www.example.org/reports/2019/march-madness-sale",   # no path segment that is only a month's name
    "https://www.example.org/34/08/2022/story",                  # no such day
    "https://www.example.org/12/13/2022/story",                  # no such month
    "https://www.example.org/page/10/2022",                      # not a day, a month and a year
])
def test_what_is_no_date(monkeypatch, url):
    monkeypatch.setattr(settings, "ROUND31_URL_DATE_SHAPES", True)
    assert url_date(url) is None


def test_the_earlier_shapes_are_unchanged(monkeypatch):
    monkeypatch.setattr(settings, "ROUND31_URL_DATE_SHAPES", True)
    assert url_date("https://www.example.com/news/2019/08/story/") == (2019, 8)
    assert url_date("https://www.example.com/society/2010/dec/09/story") == (2010, 12)
