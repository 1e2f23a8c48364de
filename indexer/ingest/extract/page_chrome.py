"""A scraped text page's own notices: blocks that belong to the site, not the story (round 24, issue 22).

Real stored page text (unlike the own-words fixtures) carries the outlet's notices as paragraphs of their own: a
browser or cookie warning, a newsletter or subscription offer, a donation appeal, "follow us on ...", a video or radio
promotion, a content-management label ("Title", "Issue - meetings", "Home News Article"). Kept, such a block becomes
the page's title when it stands first, and a searchable paragraph whose words ("social work", "campaign", "support") match
questions the story does not answer. A notice that names the page's council ("weekly summaries about X Council" on
a meetings site) is kept: it may be the only place the page names it. Each test below reads a kind
of notice, never one page's wording.

Why not `boilerplate.is_furniture`: that list (used by the HTML and PDF readers) matches whole lines such as "follow
us on ..." or a cookie line; a stored text page runs a notice on into more words in one block, so this module reads a
notice's opening in a short block. The two lists overlap on cookies, newsletters and "follow us"; they stay apart
because the whole-line list was never measured on text pages, and this one was measured on text pages only (round
24).
"""
from __future__ import annotations

import re

from indexer.models import Block

_MAX_NOTICE_CHARS = 300  # a notice is short; a longer block that mentions one is a story's paragraph

# A notice opens with (or is wholly) one of these. Case-insensitive; each alternative is a kind of notice.
_NOTICE = re.compile(
    r"^\W*(?:"
    # the browser: "Your browser is no longer supported" or "For the best possible experience" with advice to upgrade
    r"(?:your|this) browser\b|for the best(?: possible)? (?:\w+ )?experience\b|notifications can be managed\b"
    r"|non-javascript users\b|switch to an accessible version\b|skip (?:to|navigation|header|ribbon)\b"
    # navigation: a breadcrumb, a search box's button, an advertisement's label
    r"|you are here\s*:|close this search box\b|advertisement\b"
    # cookies and consent
    r"|(?:we|this (?:web)?site) (?:use|uses|store)s? cookies\b|we'?ll assume we have your consent\b"
    # newsletters, subscriptions, alerts
    r"|(?:get|sign up|subscribe|stay up to date)\b.{0,80}\b(?:newsletters?|inbox|alerts|updates)\b"
    r"|(?:you can still )?subscribe(?: to our| below|!|$)|thank you for subscribing\b"
    # appeals for money or support
    r"|your (?:donation|support) (?:allows|helps|makes)\b|support (?:the|our) #?\w+ campaign today\b"
    # follow the outlet, send it stories
    r"|(?:why not )?follow (?:us|bbc\b[^.]{0,40}) on (?:facebook|twitter|x|instagram)\b"
    r"|do you have a story for us\b"
    # audio and video promotions
    r"|watch more of our videos\b|listen live\b|now playing\b"
    r"|this article is more than \w+ (?:years?|months?) old\b"
    r")",
    re.IGNORECASE)

# A content-management label standing alone as a block: the whole block is the label.
_LABEL = re.compile(
    r"^\W*(?:title|image|search(?: form)?|newsroom|oops|home(?: \w+)? news article|issue - (?:meetings|decisions)"
    r"|agenda and minutes|make an enquiry|contact us|(?:[a-z] ){5,}[a-z])\W*$",
    re.IGNORECASE)

# A second sentence glued to the first, no space after its stop ("... difference.Cornwall County Council has"): the
# store ran a notice into the story's opening, which is content.
_GLUED_RE = re.compile(r"[.!?][\"”’']?[A-Z][a-z]")

# "date 2017-04-07 " before a stored page's first line: the store's date label, not the headline's words.
DATE_LABEL_RE = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s*")


def is_page_notice(text: str) -> bool:
    """True for a block that is the site's notice or label, not part of the story."""
    body = DATE_LABEL_RE.sub("", text)
    if _LABEL.match(body):
        return True
    return len(body) <= _MAX_NOTICE_CHARS and bool(_NOTICE.match(body)) and not _GLUED_RE.search(body)


def drop_page_notices(blocks: list[Block]) -> list[Block]:
    """The page's blocks without its notices; every block when all would go (the page is then all notice)."""
    kept = [b for b in blocks if not is_page_notice(b.text)]
    return kept or blocks


def headline_text(title: str) -> str:
    """A title without the store's leading date label ("date 2017-04-07 Council rated good" -> "Council rated
    good"); the title itself when nothing else is left."""
    return DATE_LABEL_RE.sub("", title).strip() or title
