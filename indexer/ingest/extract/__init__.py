"""Read files of any supported kind into Documents; report files that are not what they claim."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from dateutil import parser as date_parser

from indexer import settings
from indexer.ingest.chunk import paragraphs_from_blocks, sentences
from indexer.models import Document
from indexer.ingest.extract.guard import TooSlow, size_problem, time_limit
from indexer.ingest.extract.headline import HEADLINE_TITLE, headline_index, is_chrome
from indexer.ingest.extract.page_chrome import drop_page_notices, headline_text
from indexer.ingest.extract.metadata import (MANIFEST_NAMES, apply_metadata, load_folder_metadata, safe_url,
                                             sidecar_metadata)  # noqa: F401
from indexer.ingest.extract.pdf import read_pdf
from indexer.ingest.extract.text import NotText, read_text, with_utf16_bom
from indexer.ingest.extract.walk import Unreadable, iter_files, iter_sources  # noqa: F401 - iter_files is public API
from indexer.ingest.extract.bombs import pdf_bomb_problem
from indexer.ingest.extract.unicode import repair_document



def read_html(data: bytes, doc: Document) -> None:
    """An HTML page's text and metadata (BeautifulSoup is imported on the first page, not by every command)."""
    from indexer.ingest.extract.html import read_html as read

    read(data, doc)


_READERS = {"text": read_text, "html": read_html, "pdf": read_pdf}


class IngestError(Exception):
    """A file that cannot be ingested, with the reason."""


def sniff(data: bytes, claimed: str) -> str:
    """The real kind of a file's bytes, or raise IngestError when it is not what its name says."""
    head = data[:1024].lstrip().lower()
    is_pdf = data[:1024].find(b"%PDF-") != -1
    looks_html = head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in head[:300]
    if claimed == "pdf" and not is_pdf:
        if looks_html:
            title = re.search(rb"<title[^>]*>(.*?)</title>", data[:4096], re.I | re.S)
            what = f' (page title "{title.group(1).decode("utf-8", "replace").strip()}")' if title else ""
            raise IngestError(f"not a PDF: the file is an HTML page{what}")
        raise IngestError("not a PDF: no %PDF- header")
    if claimed == "text" and is_pdf:
        raise IngestError("not text: the file is a PDF")
    if claimed == "html" and is_pdf:
        raise IngestError("not HTML: the file is a PDF")
    if not data.strip():
        raise IngestError("empty file")
    return claimed


def parse_date(value: str | None) -> dt.date | None:
    """A date from ISO or human text, or None."""
    if not value:
        return None
    try:
        return date_parser.parse(str(value), default=dt.datetime(1900, 1, 1), fuzzy=False).date()
    except (ValueError, OverflowError, TypeError):
        return None


def default_title(doc: Document) -> str:
    """A title when the file gives none: a headline-like first block, else the first sentence."""
    if doc.kind == "text" and doc.blocks and doc.blocks[0].kind == "heading":
        if not settings.ROUND23_HEADLINE:
            return doc.blocks.pop(0).text
        found = headline_index([(b.kind, b.text) for b in doc.blocks])
        if found is not None:
            doc.meta["title_from"] = HEADLINE_TITLE  # round 25: it may head the body (ingest/title_heading.py)
            return doc.blocks.pop(found).text
    for block in doc.blocks:
        if block.kind in ("para", "heading", "bullet"):
            if settings.ROUND23_HEADLINE and block is not doc.blocks[-1] and is_chrome(block.text):
                continue
            first = sentences(block.text)[0] if block.text else ""
            return first if len(first) <= 160 else first[:157].rsplit(" ", 1)[0] + "…"
    return Path(doc.path).name


def read_document(path: Path, given: dict[str, str] | None = None,
                  warnings: list[dict[str, str]] | None = None) -> Document:
    """Read one file into a Document (facets not yet filled); errors land in doc.error, warnings in meta."""
    kind = settings.SUPPORTED_SUFFIXES.get(path.suffix.lower(), "text")
    doc = Document(path=str(path), kind=kind)
    doc.meta["warnings"] = list(warnings or [])
    try:
        too_large = size_problem(path.stat().st_size, settings.MAX_FILE_BYTES)
        if too_large:
            raise IngestError(too_large)
        with time_limit(settings.MAX_FILE_SECONDS):
            _fill(doc, path, given or {})
    except IngestError as exc:
        doc.error = str(exc)
    except NotText as exc:
        doc.error = f"not text: {exc}"
    except TooSlow:
        doc.error = f"too slow: reading took over {settings.MAX_FILE_SECONDS} s (the limit)"
    except MemoryError:
        doc.error = "too much memory: reading it needed more than the reader's memory limit"
    except Exception as exc:  # noqa: BLE001 - any parser failure is reported, never fatal to a build
        doc.error = f"cannot read {doc.kind}: {type(exc).__name__}: {exc}"
    return repair_document(doc)


def unreadable_document(item: Unreadable) -> Document:
    """A Document carrying why a path could not be read."""
    return repair_document(Document(path=str(item.path), error=item.reason))


def _fill(doc: Document, path: Path, given: dict[str, str]) -> None:
    """Read the file's bytes with the reader for its kind, apply given metadata, make paragraphs."""
    warnings = doc.meta["warnings"]
    data = with_utf16_bom(path.read_bytes())
    doc.kind = sniff(data, doc.kind)
    bomb = pdf_bomb_problem(data, settings.MAX_PDF_INFLATED_BYTES) if doc.kind == "pdf" else None
    if bomb:
        raise IngestError(bomb)
    _READERS[doc.kind](data, doc)
    if settings.ROUND24_PAGE_NOTICES and doc.kind == "text":
        doc.blocks = drop_page_notices(doc.blocks)
    if doc.url and not safe_url(doc.url):
        warnings.append({"path": str(path), "reason": f"page URL {doc.url[:80]!r} is not an http(s) address; ignored"})
        doc.url = ""
    apply_metadata(doc, {**given, **sidecar_metadata(path, warnings)}, warnings)
    if doc.kind == "pdf" and not doc.title:
        doc.title = pdf_title(doc)
    if not doc.title:
        doc.title = default_title(doc)
        if settings.ROUND24_PAGE_NOTICES and doc.kind == "text":
            doc.title = headline_text(doc.title)
    doc.published = parse_date(doc.meta.get("published"))
    doc.paragraphs = paragraphs_from_blocks(doc.blocks)
    if not doc.paragraphs:
        doc.error = "no text paragraphs found"


def pdf_title(doc: Document) -> str:
    """A report's title from its cover: the authority line and the kind of inspection."""
    lines = [l for l in doc.meta.get("first_page_text", "").split("\n") if l.strip() and not l.strip().isdigit()]
    head = []
    for line in lines[:6]:
        if re.match(r"(inspection dates?|lead inspector|reporting inspector|age group|published)", line, re.I):
            break
        head.append(line.strip())
    title = re.sub(r"\s+", " ", " ".join(head)).strip()
    # SIF covers add "and Review of the effectiveness of the LSCB¹": long, and not what the report is.
    title = re.split(r"\s+and\s+Review of the effectiveness", title)[0]
    title = re.sub(r"(?<=[a-z])\d$", "", title)  # a footnote mark
    return title if len(title) <= 200 else title[:197].rsplit(" ", 1)[0] + "…"


def read_documents(sources: Iterable[Path], follow_links: bool = False) -> Iterator[Document]:
    """Read every file under the sources, applying each folder's manifest; unreadable paths come back as errors."""
    for item in document_sources(sources, follow_links):
        yield item if isinstance(item, Document) else read_document(*item)


def document_sources(sources: Iterable[Path],
                     follow_links: bool = False) -> Iterator[Document | tuple[Path, dict | None, list]]:
    """Each file under the sources with its manifest entry and metadata warnings (what `read_document` takes),
    or, for a path that cannot be read, a Document carrying the reason."""
    manifests: dict[Path, dict[str, dict[str, str]]] = {}
    for item in iter_sources(sources, follow_links):
        if isinstance(item, Unreadable):
            yield unreadable_document(item)
            continue
        folder = item.parent
        warnings: list[dict[str, str]] = []
        if folder not in manifests:
            manifests[folder] = load_folder_metadata(folder, warnings)  # reported with the folder's first file
        yield item, manifests[folder].get(item.name), warnings
