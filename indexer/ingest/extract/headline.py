"""The headline of a scraped plain-text page: the first heading line that is not the site's chrome.

Text scraped from a news page often starts with what surrounded the story: a weather widget, "Skip to main content",
a region section ("Leeds & West Yorkshire"), a byline with its date, "Page last updated at 14:17 GMT". Taken as the
title, such a line names the wrong council ("named in the title") and hides the real headline below it.
"""
from __future__ import annotations

import re

from indexer import settings
from indexer.ingest.boilerplate import is_furniture

# Site chrome: navigation, widgets, the outlet's own blurbs and labels. One-word labels only as the whole line.
_CHROME = re.compile(
    r"^\s*(?:skip to\b|toggle\b|sign (?:in|up)\b|log ?in\b|subscribe\b|stay up to date\b|"
    r"our (?:articles|journalists|reporters)\b|weather\b|on air\b|listen live\b|website of\b|accessibility\b|"
    r"cookies?\b|(?:page )?last updated\b|go to\b|back to\b|jump to\b|"
    r"(?:news|home|search|menu|share|print|latest(?: \w+){0,2} news|press release|key points|agenda item|breaking"
    r"(?: news)?|trending|advertisement)\W*$)",
    re.IGNORECASE)
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:am|pm|gmt|bst)?\b", re.IGNORECASE)
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DATE = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\.?,?\s+(?:19|20)\d\d\b|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b",
                   re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:am|pm|gmt|bst|uk)\b", re.IGNORECASE)
_TEMPERATURE = re.compile(r"-?\d+(?:\.\d+)?\s*°\s*[CF]?\b|\b\d+\.\d\s*C\b")  # a weather widget: "8.9°C", "7.7 C"
_WORD = re.compile(r"[\w'’-]+")
# Round 24: a line that only names the site: its outlet ("X Evening News", "X Express"), its council ("X Council",
# "X Council - News", "London Borough of X", "Your X", "Welcome to X", "X - your County Council magazine").
_OUTLET_WORD = (r"(?:express|(?:evening |daily )?news|times|gazette|echo|post|herald|telegraph|mercury|chronicle"
                r"|advertiser|argus|star|mail|observer|standard|journal|connected|news ?cent(?:re|er)|newsroom|magazine)")
_BRAND = re.compile(
    r"^\W*(?:(?:your|welcome to)\s+\S.*"
    r"|.*\b(?:(?:city|county|borough|district|metropolitan borough)\s+)?council(?:\s*[-–|:]\s*(?:news|home))?"
    r"|(?:the\s+)?(?:(?:royal|london)\s+)?borough of\s+\S.*"
    rf"|.*\b{_OUTLET_WORD}"
    r"|.*\s[-–|]\s*(?:your|news from)\b.*)\W*$", re.IGNORECASE)
_OWNED = re.compile(r"\s[-–|]\s*(?:your|news from)\b", re.IGNORECASE)  # "X - your County Council magazine"
_MINOR = {"of", "the", "and", "to", "for", "in", "on", "a", "an"}
_MAX_BRAND_WORDS = 6
# Round 24: a section label ("OFSTED", "CHILDREN'S SERVICES", "Children", "News / Education") or an image's caption
# ("Picture: ...", "Image copyright ...", "X logo") standing before the headline.
_CAPTION = re.compile(r"^\W*(?:(?:picture|photo|image)(?: copyright| credit)?\s*:|image copyright\b|.{1,40}\blogo\W*$)",
                      re.IGNORECASE)
_BREADCRUMB = re.compile(r"^\W*[\w'’-]+(?: [\w'’-]+)?(?: [/|] [\w'’-]+(?: [\w'’-]+)?)+\W*$")  # or a menu bar
_MAX_SECTION_WORDS = 2
# doc.meta["title_from"] when the title is the page's own first heading line (round 25: such a title may head the
# body, ingest/title_heading.py).
HEADLINE_TITLE = "headline"
_MAX_LEFT_WORDS = 2     # a dated line with no more than this beside its date is a dateline or a byline ("Jane Smith 6 April")
_MAX_LABEL_WORDS = 5    # "Sheffield & South Yorkshire", "Express & Star": a section or outlet label
_LOOK_AHEAD = 6         # the headline stands among the page's first few blocks


def is_chrome(line: str) -> bool:
    """True for a first line that belongs to the site, not the story."""
    words = _WORD.findall(line)
    if not words or is_furniture(line) or _CHROME.match(line):
        return True
    if _TEMPERATURE.search(line):
        return True
    if _CLOCK.search(line) or _DATE.search(line):
        rest = _WEEKDAY.sub(" ", _CLOCK.sub(" ", _DATE.sub(" ", line)))
        return len(_WORD.findall(rest)) <= _MAX_LEFT_WORDS
    capitalised = all(w[0].isupper() or w[0].isdigit() for w in words)
    if settings.ROUND24_SITE_BRAND and is_site_label(line, words):
        return True
    return len(words) <= _MAX_LABEL_WORDS and capitalised and "&" in line


def is_site_label(line: str, words: list[str]) -> bool:
    """True for a line that names the site, a section or an image, not the story (round 24): the outlet's or
    council's name, a one-word or capitals-only section label, a breadcrumb, a caption."""
    if len(words) == 1 or _CAPTION.match(line) or _BREADCRUMB.match(line):
        return True
    if len(words) <= _MAX_SECTION_WORDS and line.upper() == line and any(c.isalpha() for c in line):
        return True
    named = all(w[0].isupper() or w.lower() in _MINOR or not w[0].isalnum() for w in words)
    owned = bool(_OWNED.search(line))  # "X - news from Y Council": longer, but only names the site
    return (len(words) <= _MAX_BRAND_WORDS and named or owned) and bool(_BRAND.match(line))


def headline_index(kinds_and_texts: list[tuple[str, str]]) -> int | None:
    """The position of the page's headline among its first blocks: the first heading that is not chrome, before any
    paragraph; None when the page opens with prose."""
    label = None
    for n, (kind, text) in enumerate(kinds_and_texts[:_LOOK_AHEAD]):
        if kind != "heading":
            return label
        if not is_chrome(text):
            return n
        if label is None and n == 0 and _lone_word(text):
            label = n  # round 24: a one-word first line stands above a headline; with prose right below, it is one
    return None


def _lone_word(line: str) -> bool:
    """True for a first line of one word that is not all capitals ("Turnaround", not "OFSTED")."""
    words = _WORD.findall(line)
    return settings.ROUND24_SITE_BRAND and len(words) == 1 and line.upper() != line and not _CAPTION.match(line)
