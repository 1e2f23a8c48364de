"""Read files of any supported kind into Documents; report files that are not what they claim."""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from dateutil import parser as date_parser

from .. import settings
from ..chunk import paragraphs_from_blocks, sentences
from ..models import Document
from .html import read_html
from .pdf import read_pdf
from .text import NotText, read_text

_READERS = {"text": read_text, "html": read_html, "pdf": read_pdf}
MANIFEST_NAMES = ("manifest.csv", "manifest.jsonl")
# A folder's own documentation is not part of the corpus.
_FOLDER_DOCS_RE = re.compile(r"^(readme|license|licence|changelog|sources)(\.[a-z]+)?$", re.IGNORECASE)


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


def load_folder_metadata(folder: Path) -> dict[str, dict[str, str]]:
    """Per-file metadata from a manifest.csv / manifest.jsonl in a source folder."""
    rows: dict[str, dict[str, str]] = {}
    for name in MANIFEST_NAMES:
        path = folder / name
        if not path.exists():
            continue
        if name.endswith(".csv"):
            with path.open(newline="", encoding="utf-8-sig") as handle:
                for row in csv.DictReader(handle):
                    if row.get("file"):
                        rows[row["file"]] = {k: v for k, v in row.items() if v}
        else:
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    rows[row.get("file", "")] = {k: str(v) for k, v in row.items() if v}
    return rows


def sidecar_metadata(path: Path) -> dict[str, str]:
    """Metadata from NAME.meta.json beside a file."""
    sidecar = path.with_name(path.name + ".meta.json")
    if not sidecar.exists():
        sidecar = path.with_suffix(".meta.json")
    if sidecar.exists():
        return {k: str(v) for k, v in json.loads(sidecar.read_text(encoding="utf-8")).items() if v}
    return {}


# Only these manifest columns are document metadata; anything else (e.g. grades) is not trusted input.
_META_KEYS = ("title", "url", "published")


def apply_metadata(doc: Document, given: dict[str, str]) -> None:
    """Given metadata (manifest or sidecar) wins over what was inferred from the file."""
    for key in _META_KEYS:
        if given.get(key):
            doc.meta[f"given_{key}"] = given[key]
    if given.get("title"):
        doc.title = given["title"]
    if given.get("url"):
        doc.url = given["url"]
    if given.get("published"):
        doc.meta["published"] = given["published"]
        doc.meta["published_source"] = "given metadata"


def default_title(doc: Document) -> str:
    """A title when the file gives none: a headline-like first block, else the first sentence."""
    if doc.kind == "text" and doc.blocks and doc.blocks[0].kind == "heading":
        return doc.blocks.pop(0).text
    for block in doc.blocks:
        if block.kind in ("para", "heading", "bullet"):
            first = sentences(block.text)[0] if block.text else ""
            return first if len(first) <= 160 else first[:157].rsplit(" ", 1)[0] + "…"
    return Path(doc.path).name


def read_document(path: Path, given: dict[str, str] | None = None) -> Document:
    """Read one file into a Document (facets not yet filled); errors land in doc.error."""
    kind = settings.SUPPORTED_SUFFIXES.get(path.suffix.lower(), "text")
    doc = Document(path=str(path), kind=kind)
    try:
        data = path.read_bytes()
        doc.kind = sniff(data, kind)
        _READERS[doc.kind](data, doc)
    except IngestError as exc:
        doc.error = str(exc)
        return doc
    except NotText as exc:
        doc.error = f"not text: {exc}"
        return doc
    except Exception as exc:  # noqa: BLE001 - any parser failure is reported, never fatal to a build
        doc.error = f"cannot read {doc.kind}: {type(exc).__name__}: {exc}"
        return doc
    apply_metadata(doc, {**(given or {}), **sidecar_metadata(path)})
    if doc.kind == "pdf" and not doc.title:
        doc.title = pdf_title(doc)
    if not doc.title:
        doc.title = default_title(doc)
    doc.published = parse_date(doc.meta.get("published"))
    doc.paragraphs = paragraphs_from_blocks(doc.blocks)
    if not doc.paragraphs:
        doc.error = "no text paragraphs found"
    return doc


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


def iter_files(sources: Iterable[Path]) -> Iterator[Path]:
    """Every supported file under the given files and folders, in a stable order."""
    for source in sources:
        source = Path(source)
        if source.is_file():
            yield source
            continue
        for path in sorted(source.rglob("*")):
            if not path.is_file() or path.name.startswith(".") or path.name in MANIFEST_NAMES:
                continue
            if path.name.endswith(".meta.json") or _FOLDER_DOCS_RE.match(path.name):
                continue
            if path.suffix.lower() in settings.SUPPORTED_SUFFIXES:
                yield path


def read_documents(sources: Iterable[Path]) -> Iterator[Document]:
    """Read every file under the sources, applying each folder's manifest."""
    manifests: dict[Path, dict[str, dict[str, str]]] = {}
    for path in iter_files(sources):
        folder = path.parent
        if folder not in manifests:
            manifests[folder] = load_folder_metadata(folder)
        yield read_document(path, manifests[folder].get(path.name))
