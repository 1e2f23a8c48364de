"""The year a BBC News story came out, from the number in its address (round 12, issue 22).

The BBC numbers its news stories in order: /news/uk-england-tees-61370127 came out in 2022, news.bbc.co.uk's
/2/hi/uk_news/7786915.stm in 2008. An undated copy of a BBC story (the printed date is often lost when the page is
saved from a feed) therefore carries its publication year in its address. The table holds the first number of each
year (approximate: read from stories whose dates are known); a number too near a year's edge gives no year, so the
value is never a guess between two years. Numbers above the last row (the BBC moved to lettered addresses,
/news/articles/c…, in 2023-24) and below the first give none.

The year found is the page's own, marked inferred: it fills an empty year and replaces a year inferred from the
text (a year the text only implies is weaker than the date the page came out), never a printed or official one.

Round 18 adds Newsquest's titles (the Northern Echo, the Oxford Mail, the Telegraph & Argus and some 200 more, since
2022 also the old Archant titles): one shared sequence of story numbers, written into the address before a dot and
the slug (/news/16500000.primary-school-is-inadequate/). Its table was written from dated facts only: each boundary
interpolated between the nearest numbered stories before and after it whose day is known from a printed date or
from the official record's publication of the report they announce (never from a label that was itself read from
a number). Those anchors are weeks apart, so a number within about a month of numbers (`edge`) of a boundary gives
no year. The address must have Newsquest's shape (review of rounds 18-20): a /news/ or /yoursay/ section, or any
section on a title listed as filing under local editions, then the number, a dot and a slug that ends the path, so a
file ("/docs/20190512.report-final.pdf") or another site's section ("/education/17000000.school-x/") gives none.

Round 18 also reads National World's titles (formerly Johnston Press: the Yorkshire Post, the Star, the Portsmouth News,
the Lancashire Post and others), whose addresses end in a seven-digit number since their 2020 move to one system
(/education/slug-4250000). Old stories carried into that system were given numbers in the range of early 2020's, so
the table starts at autumn 2021; the titles are listed by name, because other publishers end addresses in numbers
of their own sequences (Archant's /news/slug-9000000), and the older "-1-5700000" form is not this sequence.

Round 18 left both tables out under that round's split (2 right / 1 wrong on its validation sets); round 19 put them
back under its own bar, measured over every labels file: 10 right / 1 wrong / none lost, the held-back halves 7 / 0
(docs/facets.md, "Round 19: years").
"""
from __future__ import annotations

import re
from bisect import bisect_right

from indexer import settings

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

# Round 18: Newsquest's shared story numbers. The boundaries are interpolated between anchors of known day (a printed
# date, or the record's publication day of the report the story announces), e.g. one anchor in late November 2017 and
# one in late May 2018 put 1 January 2018 near 15 820 000. Gaps without two such anchors (before 2012, after 2024)
# are left out.
# Newsquest's titles that file stories under a local edition's section (/stalbans/) as well as /news/ and /yoursay/.
_NEWSQUEST_EDITION_SITES = ("watfordobserver.co.uk",)
# The address's shape: a /news/ or /yoursay/ section (or any section on a listed title), the number, a dot and a
# slug of words joined by hyphens or underscores that ends the path: not a file ("20190512.report-final.pdf") and not
# another site's section ("/education/17000000.school-x/").
_NEWSQUEST = ("Newsquest story",
              re.compile(r"^https?://(?:[a-z0-9-]+\.)*(?:(?:" + "|".join(re.escape(site) for site in _NEWSQUEST_EDITION_SITES)
                         + r")/(?:[a-z0-9_-]+/)*|[a-z0-9-]+\.(?:co\.uk|com)/(?:news|yoursay)/(?:[a-z0-9_-]+/)*)"
                         r"(\d{7,8})\.(?=[A-Za-z0-9_-]*[A-Za-z0-9][-_][A-Za-z0-9])[A-Za-z0-9_-]+/?(?:$|[?#])",
                         re.IGNORECASE),
              [(9_780_000, 2012), (10_150_000, 2013), (10_920_000, 2014), (11_690_000, 2015), (13_970_000, 2016),
               (14_980_000, 2017), (15_820_000, 2018), (17_330_000, 2019), (18_140_000, 2020), (18_980_000, 2021),
               (19_830_000, 2022), (23_230_000, 2023), (24_030_000, 2024), (24_830_000, 0)])
# Numbers within this many of a Newsquest boundary give no year: about a month of stories (60-90 thousand a month in
# 2013-2024), the error of a boundary interpolated between anchors weeks apart.
_NEWSQUEST_EDGE = 70_000

# Round 18: National World's titles (a publisher's list of its own sites, not of pages) and their numbering since 2020;
# boundaries interpolated as for Newsquest, e.g. anchors of late November 2022 and early February
# 2023 put 1 January 2023 near 3 974 000. About 35-47 thousand stories a month, so a month's edge is 40 000.
_NATIONALWORLD_SITES = (
    "yorkshirepost.co.uk", "yorkshireeveningpost.co.uk", "thestar.co.uk", "wigantoday.net", "portsmouth.co.uk",
    "northantstelegraph.co.uk", "lep.co.uk", "liverpoolworld.uk", "hemeltoday.co.uk", "sunderlandecho.com",
    "shieldsgazette.com", "hartlepoolmail.co.uk", "northumberlandgazette.co.uk", "harboroughmail.co.uk",
    "meltontimes.co.uk", "peterboroughtoday.co.uk", "northamptonchron.co.uk", "bedfordtoday.co.uk", "lutontoday.co.uk",
    "doncasterfreepress.co.uk", "wakefieldexpress.co.uk", "warwickshireworld.com", "hucknalldispatch.co.uk",
    "daventryexpress.co.uk", "fleetwoodtoday.co.uk", "blackpoolgazette.co.uk", "thescarboroughnews.co.uk",
    "pendletoday.co.uk", "chorley-guardian.co.uk", "derbyshiretimes.co.uk", "worksopguardian.co.uk",
    "nationalworld.com", "manchesterworld.uk", "londonworld.com", "birminghamworld.uk", "newsletter.co.uk",
    "scotsman.com", "sussexexpress.co.uk", "chichester.co.uk", "sussexworld.co.uk",
    "lancasterguardian.co.uk", "burnleyexpress.net", "halifaxcourier.co.uk",
)
_NATIONALWORLD = ("National World story",
                  re.compile(r"^https?://(?:[a-z0-9-]+\.)*(?:" + "|".join(re.escape(site) for site in _NATIONALWORLD_SITES)
                             + r")/(?:[^?#\s]*/)?[a-z0-9-]*[a-z][a-z0-9-]*(?<![-_/]1)-(\d{7})(?:$|[/?#])", re.IGNORECASE),
                  [(3_379_000, 2021), (3_520_000, 2022), (3_974_000, 2023), (4_466_000, 2024), (4_934_000, 2025),
                   (5_479_000, 0)])
_NATIONALWORLD_EDGE = 40_000


def _schemes() -> list[tuple[str, re.Pattern, list[tuple[int, int]], int | None]]:
    """The numbering schemes in use, each with its fixed edge in numbers (None: a share of the year's run)."""
    schemes = [(name, pattern, bounds, None) for name, pattern, bounds in _SCHEMES]
    if settings.ROUND18_NEWSQUEST_IDS:
        schemes.append((*_NEWSQUEST, _NEWSQUEST_EDGE))
    if settings.ROUND18_NATIONALWORLD_IDS:
        schemes.append((*_NATIONALWORLD, _NATIONALWORLD_EDGE))
    return schemes


def year_from_article_id(url: str) -> tuple[int | None, str]:
    """The year a story's address number places it in, with the reason; (None, "") when it places none."""
    for name, pattern, bounds, fixed_edge in _schemes():
        m = pattern.search(url or "")
        if not m:
            continue
        number = int(m.group(1))
        starts = [start for start, _ in bounds]
        i = bisect_right(starts, number) - 1
        if i < 0 or i >= len(bounds) - 1 or not bounds[i][1]:
            return None, ""
        start, end = starts[i], starts[i + 1]
        edge = fixed_edge if fixed_edge is not None else (end - start) * _EDGE_SHARE
        if number - start < edge or end - number < edge:
            return None, ""
        year = bounds[i][1]
        return year, f"inferred: the {name} number {number} in the address falls in {year} (stories are numbered in order)"
    return None, ""
