"""Reading Ofsted's reports site: the providers listing and a council's provider page (BeautifulSoup).

The structure relied on (public pages): the listing links each provider page, whose path ends with the URN;
a provider page lists publications as links with class `publication-link`, whose visually hidden
`span.nonvisual` text reads like "Children's services inspection - 12 March 2024, pdf", newest first.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

from indexer import settings

KINDS = ("inspection", "monitoring", "focused")
_PROVIDER_PATH = re.compile(r"/provider/(?:[\w-]+/)*(\d{5,8})/?$")
_LABEL = re.compile(r"^(?P<title>.*?)\s+[-–]\s+(?P<date>\d{1,2}\s+\w+\s+\d{4})(?:\s*,\s*(?P<format>\w+))?\s*$")
# A publication's kind from its label; the first rule that matches wins.
_KIND_RULES = (
    (re.compile(r"monitoring visit", re.I), "monitoring"),
    (re.compile(r"focused visit", re.I), "focused"),
    (re.compile(r"joint targeted|\bJTAI\b|area SEND|local area|annual|thematic", re.I), "other"),
    (re.compile(r"inspection|single inspection framework|looked after children|safeguarding", re.I), "inspection"),
)


@dataclass(frozen=True)
class Publication:
    """One publication linked from a provider page."""

    url: str
    title: str
    published: dt.date | None
    kind: str          # inspection | monitoring | focused | other
    format: str        # "pdf" from the label, "" when not said


def listing_url(reports_site: str, start: int, rows: int = settings.FETCH_LISTING_ROWS) -> str:
    """One page of the local authority children's services providers listing."""
    return f"{reports_site.rstrip('/')}{settings.FETCH_LISTING_PATH}&start={start}&rows={rows}"


def provider_links(html: bytes | str, base_url: str) -> dict[str, str]:
    """URN -> provider page URL, for every provider linked from a listing page."""
    soup = BeautifulSoup(html, "lxml")
    found: dict[str, str] = {}
    for link in soup.find_all("a", href=True):
        url = urljoin(base_url, link["href"])
        match = _PROVIDER_PATH.search(urlsplit(url).path)
        if match:
            found.setdefault(match.group(1), url.split("#", 1)[0])
    return found


def kind_of(label: str) -> str:
    """inspection, monitoring, focused or other, from a publication's label."""
    for pattern, kind in _KIND_RULES:
        if pattern.search(label):
            return kind
    return "other"


def parse_label(label: str) -> tuple[str, dt.date | None, str]:
    """Title, date and format from a label: "Children's services inspection - 12 March 2024, pdf"."""
    label = " ".join(label.split())
    match = _LABEL.match(label)
    if not match:
        return label.removesuffix(", pdf"), None, "pdf" if label.lower().endswith(", pdf") else ""
    try:
        published = dt.datetime.strptime(match["date"], "%d %B %Y").date()
    except ValueError:
        published = None
    return match["title"], published, (match["format"] or "").lower()


def publications(html: bytes | str, base_url: str) -> list[Publication]:
    """The publications on a provider page, in page order (newest first)."""
    soup = BeautifulSoup(html, "lxml")
    out, seen = [], set()
    for link in soup.select("a.publication-link[href]"):
        hidden = link.select_one("span.nonvisual")
        label = hidden.get_text(" ", strip=True) if hidden else link.get_text(" ", strip=True)
        url = urljoin(base_url, link["href"]).split("#", 1)[0]
        if url in seen or urlsplit(url).scheme not in ("http", "https"):
            continue
        seen.add(url)
        title, published, fmt = parse_label(label)
        out.append(Publication(url, title, published, kind_of(title), fmt))
    return out
