"""The year a BBC News story came out, from the number in its address (round 12, issue 22).

The BBC numbers its news stories in order: /news/uk-england-tees-61370127 came out in 2022, news.bbc.co.uk's
/2/hi/uk_news/7786915.stm in 2008. An undated copy of a BBC story (the printed date is often lost when the page is
saved from a feed) therefore carries its publication year in its address. The table holds the first number of each
year (approximate: read from stories whose dates are known); a number too near a year's edge gives no year, so the
value is never a guess between two years. Numbers above the last row (the BBC moved to lettered addresses,
/news/articles/c…, in 2023-24) and below the first give none.

The year found is the page's own, marked inferred: it fills an empty year and replaces a year inferred from the
text (a year the text only implies is weaker than the date the page came out), never a printed or official one.
"""
from __future__ import annotations

import re
from bisect import bisect_right

# (scheme, address pattern, [(first id of the year, year), ...]); the last row ends the table
_SCHEMES: list[tuple[str, re.Pattern, list[tuple[int, int]]]] = [
    ("BBC News story", re.compile(r"\bbbci?\.(?:co\.uk|com)/news/(?:[a-z0-9]+-)*(\d{8})(?:$|[/?#.])"),
     [(10_000_000, 2010), (12_100_000, 2011), (16_400_000, 2012), (20_880_000, 2013), (25_550_000, 2014), (30_640_000, 2015),
      (35_200_000, 2016), (38_470_000, 2017), (42_530_000, 2018), (46_700_000, 2019), (50_960_000, 2020),
      (55_500_000, 2021), (59_840_000, 2022), (64_130_000, 2023), (67_860_000, 2024), (69_500_000, 0)]),
    ("BBC News story", re.compile(r"\bnews\.bbc\.co\.uk/\d/hi/(?:[a-z_]+/)*(\d{7})\.stm\b"),
     [(7_170_000, 2008), (7_805_000, 2009), (8_436_000, 2010), (9_000_000, 0)]),
]
# The share of a year's run of numbers, at either edge, where the table's approximate bounds cannot tell the year.
_EDGE_SHARE = 0.02


def year_from_article_id(url: str) -> tuple[int | None, str]:
    """The year a story's address number places it in, with the reason; (None, "") when it places none."""
    for name, pattern, bounds in _SCHEMES:
        m = pattern.search(url or "")
        if not m:
            continue
        number = int(m.group(1))
        starts = [start for start, _ in bounds]
        i = bisect_right(starts, number) - 1
        if i < 0 or i >= len(bounds) - 1 or not bounds[i][1]:
            return None, ""
        start, end = starts[i], starts[i + 1]
        edge = (end - start) * _EDGE_SHARE
        if number - start < edge or end - number < edge:
            return None, ""
        year = bounds[i][1]
        return year, f"inferred: the {name} number {number} in the address falls in {year} (stories are numbered in order)"
    return None, ""
