"""A header date long after the story it heads (round 11, issue 22): the day a site was viewed, not the story's.

A page that reports an inspection and gives the inspection's dates with their year ("from 24 April to 11 May 2017")
was written within months of it. A date line at the top that falls two or more years after those dates, on a page
that names no later year, is the site's date on the day it was fetched (a header clock, a crawl), so it is no
publication date: the year then comes from the story and the official record like any undated page's.
"""
from __future__ import annotations

import datetime as dt
import re

from indexer.ingest.annotate.dates import date_ranges, without_copy_dates, YEAR_RE

_GAP_YEARS = 2  # a report's story comes out within months of the inspection; two years is no story's delay


def after_its_story(day: dt.date, raw: str, line: str) -> bool:
    """True when the date line `line` (giving `day`) falls two or more years after the inspection dates the page
    gives with their year, and the rest of the page names no year later than those dates."""
    rest = without_copy_dates(raw.replace(line, " ", 1)) if line else without_copy_dates(raw)
    spans = [r.year for r in date_ranges(rest) if r.year]
    if not spans:
        return False
    story = max(spans)
    named = [int(y) for y in YEAR_RE.findall(rest)]
    return day.year - story >= _GAP_YEARS and max(named, default=story) <= story
