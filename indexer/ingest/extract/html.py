"""HTML pages: the main article text as blocks, plus title, canonical URL and published date."""
from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup, CData, NavigableString, Tag

from indexer.ingest import boilerplate
from indexer.models import Block, Document
from indexer.ingest.extract.text import decode, join_wrapped

# Elements that never hold article prose.
_DROP_TAGS = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg",
              "button", "select", "input", "template", "object", "embed"]
# class/id words that mark furniture containers.
_FURNITURE_ATTR_RE = re.compile(
    r"(^|[\s_-])(related|share|sharing|social|cookie|consent|banner|promo|newsletter|subscribe|comments?|sidebar"
    r"|advert|ads?|breadcrumbs?|footer|header|nav|navigation|menu|popular|trending|recommended|outbrain|taboola"
    r"|read-?more|more-?stories|byline|author|skip|masthead|toolbar|pagination|tags|caption|wm-ipp)($|[\s_-])",
    re.IGNORECASE,
)
_BLOCK_TAGS = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "figcaption", "td", "th", "pre", "dt", "dd"]
_DATE_META = [
    ("property", "article:published_time"), ("name", "article:published_time"), ("name", "dcterms.date"),
    ("name", "DC.date.issued"), ("name", "dc.date"), ("name", "date"), ("itemprop", "datePublished"),
    ("name", "pubdate"), ("name", "publish-date"), ("name", "sailthru.date"), ("property", "og:published_time"),
    ("property", "og:article:published_time"), ("name", "parsely-pub-date"), ("name", "article.published"),
    ("name", "DC.date"), ("name", "dcterms.created"), ("name", "citation_publication_date"),
    ("name", "OriginalPublicationDate"),
]


def _parse(data: bytes) -> BeautifulSoup:
    """Parse HTML bytes, letting bs4 honour the page's declared charset first."""
    try:
        return BeautifulSoup(data, "lxml")
    except Exception:  # noqa: BLE001 - fall back to our own decoding and the stdlib parser
        return BeautifulSoup(decode(data), "html.parser")


def _meta(soup: BeautifulSoup, attr: str, value: str) -> str:
    """The content of a <meta> tag, or ''."""
    tag = soup.find("meta", attrs={attr: value})
    return (tag.get("content") or "").strip() if isinstance(tag, Tag) else ""


def _json_ld_dates(soup: BeautifulSoup) -> list[str]:
    """datePublished values from JSON-LD blocks."""
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("datePublished"), str):
                found.append(node["datePublished"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            walk(json.loads(script.string or ""))
        except (ValueError, TypeError):
            continue
    return found


def _title(soup: BeautifulSoup) -> str:
    """og:title, else the <h1> when the <title> merely wraps it with the site name, else <title>."""
    title = _meta(soup, "property", "og:title") or _meta(soup, "name", "twitter:title") \
        or _meta(soup, "name", "Headline")
    if title:
        return title
    page_title = soup.title.get_text(" ", strip=True) if soup.title else ""
    h1 = soup.find("h1")
    heading = h1.get_text(" ", strip=True) if isinstance(h1, Tag) else ""
    if heading and (not page_title or heading in page_title):
        return heading
    return page_title


def _visible_date(soup: BeautifulSoup) -> str:
    """A date printed in an element marked as the article's date ("story-date", itemprop=datePublished)."""
    from indexer.ingest.annotate.dates import full_dates

    root = soup.find("article") or soup.find("main") or soup.body or soup
    # A labelled "Published: 1 December 2008" outranks a bare page date (an archive's capture or update date).
    # Old BBC pages print only "Page last updated at" a time in GMT, the weekday and the date: their dateline.
    for label in (_PUBLISHED_LABEL_RE, _PAGE_UPDATED_RE):
        for text in (soup.body or soup).find_all(string=label):
            found = full_dates(str(text))
            if found:
                return found[0][0].isoformat()
    for tag in root.find_all(True, attrs={"class": _DATE_CLASS_RE}) + root.find_all(True, attrs={"itemprop": _DATE_CLASS_RE}):
        found = full_dates(tag.get_text(" ", strip=True))
        if found:
            return found[0][0].isoformat()
    return ""


_PUBLISHED_LABEL_RE = re.compile(r"^\s*(?:date\s+|first\s+)?published\s*:?\s*\S", re.IGNORECASE)
# Old BBC pages: "Page last updated at …" or "Updated Friday, 23 October 2009, 10:45 GMT" (no other date shown).
_PAGE_UPDATED_RE = re.compile(r"^\s*(?:page last )?updated\b", re.IGNORECASE)
_DATE_CLASS_RE = re.compile(r"(^|[\s_-])(date|dateline|published|pubdate|timestamp|datePublished)($|[\s_-])",
                            re.IGNORECASE)


def page_metadata(soup: BeautifulSoup) -> dict[str, str]:
    """Title, canonical URL and published date from the page head (or the article's printed date)."""
    meta: dict[str, str] = {"title": re.sub(r"\s+", " ", _title(soup))}
    link = soup.find("link", rel="canonical")
    meta["url"] = (link.get("href") or "").strip() if isinstance(link, Tag) else ""
    meta["url"] = meta["url"] or _meta(soup, "property", "og:url")
    for attr, value in _DATE_META:
        if _meta(soup, attr, value):
            meta["published"] = _meta(soup, attr, value)
            meta["published_source"] = f"<meta {attr}={value}>"
            return meta
    dates = _json_ld_dates(soup)
    if dates:
        meta["published"], meta["published_source"] = dates[0], "JSON-LD datePublished"
        return meta
    article = soup.find("article") or soup
    time_tag = article.find("time", attrs={"datetime": True})
    if isinstance(time_tag, Tag):
        meta["published"], meta["published_source"] = time_tag["datetime"], "<time datetime>"
        return meta
    printed = _visible_date(soup)
    if printed:
        meta["published"], meta["published_source"] = printed, "the article's printed date"
    return meta


def _is_furniture_container(tag: Tag) -> bool:
    """True for a container whose class, id or role marks it as page furniture."""
    if tag.name in ("article", "main", "body", "html"):
        return False
    attrs = " ".join([*(tag.get("class") or []), tag.get("id") or "", tag.get("role") or ""])
    if tag.get("role") in ("navigation", "banner", "contentinfo", "complementary"):
        return True
    return bool(attrs.strip()) and bool(_FURNITURE_ATTR_RE.search(attrs))


def main_content(soup: BeautifulSoup) -> Tag:
    """The element holding the article: <article>, <main>, articleBody, or the densest <p> container."""
    for selector in ('[itemprop="articleBody"]', "article", "main", '[role="main"]'):
        found = soup.select(selector)
        if found:
            return max(found, key=lambda t: len(t.get_text(" ", strip=True)))
    best, best_len = soup.body or soup, 0
    for container in soup.find_all(["div", "section"]):
        length = sum(len(p.get_text(" ", strip=True)) for p in container.find_all("p", recursive=False))
        if length > best_len:
            best, best_len = container, length
    return best


# Elements that start a new block: text directly inside one is its own block, even beside nested blocks.
_CONTAINER_TAGS = {"div", "section", "article", "main", "body", "html", "ul", "ol", "dl", "table", "thead", "tbody",
                   "tfoot", "tr", "figure", "center", "details", "summary", "address", "hgroup", "fieldset", "hr"}
_KIND_OF = {**{h: "heading" for h in ("h1", "h2", "h3", "h4", "h5", "h6", "dt", "th")}, "li": "bullet",
            "figcaption": "caption"}


def text_runs(root: Tag) -> list[tuple[str, str]]:
    """(tag name, text) for every run of text between block boundaries, in document order.

    One linear walk with an explicit stack: `<li>Caseloads<ul><li>…` gives "Caseloads" and the inner item,
    `<td>Overall effectiveness<p>Inadequate</p></td>` keeps its label, and deep nesting costs no recursion.
    """
    runs: list[tuple[str, str]] = []
    open_blocks: list[tuple[str, list[str]]] = [(root.name or "div", [])]

    def flush(block: tuple[str, list[str]]) -> None:
        text = " ".join(part for part in block[1] if part)
        if text:
            runs.append((block[0], text))
        block[1].clear()

    stack: list[tuple[object, bool]] = [(child, False) for child in reversed(root.contents)]
    while stack:
        node, closing = stack.pop()
        if closing:
            flush(open_blocks.pop())
            continue
        if isinstance(node, NavigableString):
            if type(node) in (NavigableString, CData):
                open_blocks[-1][1].append(node.strip())
            continue
        if not isinstance(node, Tag):
            continue
        if node.name in _BLOCK_TAGS or node.name in _CONTAINER_TAGS:
            flush(open_blocks[-1])  # text before a nested block is a run of its own
            open_blocks.append((node.name, []))
            stack.append((node, True))
        stack.extend((child, False) for child in reversed(node.contents))
    flush(open_blocks[0])
    return runs


def html_blocks(root: Tag) -> list[Block]:
    """Typed blocks from the article element, in document order."""
    blocks: list[Block] = []
    in_zone = False
    for name, raw in text_runs(root):
        text = join_wrapped(raw.split("\n"))
        if not text:
            continue
        if boilerplate.is_zone_marker(text):
            in_zone = True
            continue
        if boilerplate.is_furniture(text):
            continue
        if in_zone and not boilerplate.is_prose(text):
            continue
        if name in _CONTAINER_TAGS and not boilerplate.is_prose(text):
            continue  # loose text in a <div> is a date, byline or label unless it reads as a sentence
        in_zone = False
        kind = _KIND_OF.get(name, "para")
        if kind != "heading" and boilerplate.is_caption(text):
            kind = "caption"
        blocks.append(Block(text=text, kind=kind))
    return blocks


def _drop_furniture_containers(soup: BeautifulSoup) -> None:
    """Remove containers marked as furniture, outermost first, without revisiting what is already removed."""
    found: list[Tag] = []
    stack = [soup]
    while stack:
        tag = stack.pop()
        for child in tag.contents:
            if isinstance(child, Tag) and child.attrs is not None:
                if _is_furniture_container(child):
                    found.append(child)
                else:
                    stack.append(child)
    for tag in found:
        tag.decompose()


def read_html(data: bytes, doc: Document) -> Document:
    """Fill a Document from the bytes of an HTML page."""
    soup = _parse(data)
    if soup.find(["p", "div", "article", "body"]) is None:
        raise ValueError("no HTML body")
    meta = page_metadata(soup)
    page_title = re.sub(r"\s+", " ", soup.title.get_text(" ", strip=True)) if soup.title else ""
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    _drop_furniture_containers(soup)
    root = main_content(soup)
    doc.blocks = html_blocks(root)
    # A page title often repeats as the first heading: it is the title, not a section.
    if doc.blocks and doc.blocks[0].kind == "heading" and meta["title"].startswith(doc.blocks[0].text[:40]):
        doc.blocks.pop(0)
    doc.title = meta.get("title", "")
    doc.url = meta.get("url", "")
    doc.meta.update({k: v for k, v in meta.items() if k.startswith("published")})
    doc.meta["raw_text"] = "\n".join(b.text for b in doc.blocks)
    doc.meta["html_head_title"] = doc.title
    if page_title:  # the <title> with its site name ("… | Brighton & Hove City Council"): who published the page
        doc.meta["page_title"] = page_title
    return doc
