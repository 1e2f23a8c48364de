"""The headline of a scraped plain-text page: the first heading line that is not the site's chrome.

Text scraped from a news page often starts with what surrounded the story: a weather widget, "Skip to main content",
a region section ("Leeds & West Yorkshire"), a byline with its date, "Page last updated at 14:17 GMT". Taken as the
title, such a line names the wrong council ("named in the title") and hides the real headline below it.
"""
from __future__ import annotations

import re

from indexer.ingest.boilerplate import is_furniture

# Site chrome: navigation, widgets, the outlet's own blurbs and labels.
_CHROME = re.compile(
    r"^\s*(?:skip to\b|toggle\b|menu\b|search\b|sign (?:in|up)\b|log ?in\b|subscribe\b|stay up to date\b|"
    r"our (?:articles|journalists|reporters)\b|weather\b|on air\b|listen live\b|website of\b|accessibility\b|"
    r"cookies?\b|home\b|news\b|latest\b.*\bnews$|press release$|key points$|agenda item$|breaking\b|trending\b|"
    r"advertisement\b|go to\b|back to\b|jump to\b|share\b|print\b)",
    re.IGNORECASE)
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:am|pm|gmt|bst)?\b", re.IGNORECASE)
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DATE = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\.?,?\s+(?:19|20)\d\d\b|\b{_MONTH}\s+\d{{1,2}},?\s+(?:19|20)\d\d\b",
                   re.IGNORECASE)
_WORD = re.compile(r"[\w'’-]+")
_MAX_DATED_WORDS = 12   # a line this short that carries a date or a clock is a dateline or a byline, not a headline
_MAX_LABEL_WORDS = 5    # "Sheffield & South Yorkshire", "Express & Star": a section or outlet label
_LOOK_AHEAD = 6         # the headline stands among the page's first few blocks


def is_chrome(line: str) -> bool:
    """True for a first line that belongs to the site, not the story."""
    words = _WORD.findall(line)
    if not words or is_furniture(line) or _CHROME.match(line):
        return True
    if len(words) <= _MAX_DATED_WORDS and (_CLOCK.search(line) or _DATE.search(line)):
        return True
    capitalised = all(w[0].isupper() or w[0].isdigit() for w in words)
    return len(words) <= _MAX_LABEL_WORDS and capitalised and "&" in line


def headline_index(kinds_and_texts: list[tuple[str, str]]) -> int | None:
    """The position of the page's headline among its first blocks: the first heading that is not chrome, before any
    paragraph; None when the page opens with prose."""
    for n, (kind, text) in enumerate(kinds_and_texts[:_LOOK_AHEAD]):
        if kind != "heading":
            return None
        if not is_chrome(text):
            return n
    return None
