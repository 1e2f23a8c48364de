"""Atom (RFC 4287) feeds of a search's newest matching paragraphs: any feed reader becomes an alert."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from xml.etree import ElementTree as ET

from indexer.models import Hit

ATOM = "http://www.w3.org/2005/Atom"
ET.register_namespace("", ATOM)


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs) -> ET.Element:
    """A child element in the Atom namespace (ElementTree escapes text and attributes)."""
    node = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k.rstrip("_"): v for k, v in attrs.items()})
    if text is not None:
        node.text = text
    return node


def timestamp(day: dt.date | dt.datetime) -> str:
    """An RFC 3339 timestamp; a bare date is taken as midnight UTC."""
    if not isinstance(day, dt.datetime):
        day = dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)
    elif day.tzinfo is None:
        day = day.replace(tzinfo=dt.timezone.utc)
    return day.isoformat().replace("+00:00", "Z")


def entry_title(hit: Hit) -> str:
    """'Medway: Inspection of Medway … (¶17)'."""
    who = ", ".join(hit.council)
    title = hit.title or hit.doc_id
    if who and title.startswith(who + ": "):  # a fetched report's title already says whose it is
        who = ""
    return f"{who + ': ' if who else ''}{title} (¶{hit.paragraph})"


def atom_feed(hits: list[Hit], *, title: str, feed_url: str, html_url: str,
              paragraph_url: Callable[[Hit], str], fallback_updated: dt.datetime,
              make_id: Callable[[str], str] = str) -> bytes:
    """The feed document as UTF-8 bytes; entries in the order given (newest first). `make_id` turns a URL into
    an id (a relative URL needs one: Atom ids are absolute)."""
    feed = ET.Element(f"{{{ATOM}}}feed")
    _el(feed, "title", title)
    _el(feed, "id", make_id(feed_url))
    _el(feed, "updated", timestamp(max((h.date for h in hits), default=None) or fallback_updated))
    _el(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    _el(feed, "link", rel="alternate", type="text/html", href=html_url)
    author = _el(feed, "author")
    _el(author, "name", "reportsearch")
    _el(feed, "generator", "reportsearch")
    for hit in hits:
        url = paragraph_url(hit)
        entry = _el(feed, "entry")
        _el(entry, "title", entry_title(hit))
        _el(entry, "id", make_id(url.split("#")[0].split("?")[0] + f"#p-{hit.paragraph}"))  # stable whatever the query
        _el(entry, "updated", timestamp(hit.date))
        _el(entry, "published", timestamp(hit.date))
        _el(entry, "link", rel="alternate", type="text/html", href=url)
        for council in hit.council:
            _el(entry, "category", term=council, label=council)
        for grade in hit.severity:
            _el(entry, "category", term=grade, label=f"Ofsted grade: {grade}")
        _el(entry, "summary", hit.snippet_html, type="html")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
