"""Round 33: a judgement the page says came "last summer" is from the year before the page, as "last year" is
(`settings.ROUND33_LAST_SEASON`). An invented page about a real council, in the project's own words; the record has
Herefordshire's ILACS judgement of inadequate published in September 2022."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.annotate.calendar import judged_last_year
from tests.facet_helpers import article

PAGE = ("Herefordshire shares what inspectors saw on their first return\n\n"
        "The council has put out the letter from Ofsted's first monitoring visit since its children's services were "
        "judged inadequate last summer.\n\n"
        "The director said the front door was working better but that practice was still too often poor.\n")


@pytest.mark.parametrize("on", [True, False])
def test_judged_last_summer_dates_the_page_a_year_later(monkeypatch, tmp_path, on):
    monkeypatch.setattr(settings, "ROUND33_LAST_SEASON", on)
    assert article(tmp_path, PAGE).year == (2023 if on else 2022)


@pytest.mark.parametrize("text, last", [
    ("the service was rated inadequate last summer", True),
    ("Ofsted judged it good last autumn", True),
    ("inspectors visited in the summer", False),
    ("the last summer scheme was rated good by parents", False),
])
def test_the_seasons_read_as_last_year(monkeypatch, text, last):
    monkeypatch.setattr(settings, "ROUND33_LAST_SEASON", True)
    assert judged_last_year(text) is last
