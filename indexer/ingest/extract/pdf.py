"""PDF reports via pypdfium2: lines with geometry, furniture removed, paragraphs rebuilt across pages."""
from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from indexer.ingest import boilerplate
from indexer.grades import REPORT_WORDS
from indexer.models import Block, Document
from indexer.ingest.extract.text import BULLET_RE, join_wrapped

_NUMBERED_RE = re.compile(r"^\d{1,3}\.(\d{1,2}\.?)?\s+\S")
_BULLET_CHARS = "◼▪•●■–-·*"
# Symbol-font bullets land in the Unicode private-use area.
_PRIVATE_BULLETS_RE = re.compile(r"^[\uf000-\uf0ff]\s*")
GRADE_END_RE = re.compile(rf"({REPORT_WORDS})\.?$", re.IGNORECASE)
_DIGITS_RE = re.compile(r"\d+")


@dataclass
class Line:
    """One printed line with where it sits and how it is set."""

    text: str
    page: int
    x: float
    top: float
    bottom: float
    size: float
    bold: bool
    page_height: float


def page_lines(page: pdfium.PdfPage, page_no: int) -> list[Line]:
    """Every non-empty line of a page, top to bottom, with its geometry and font."""
    textpage = page.get_textpage()
    _, height = page.get_size()
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count)
    lines: list[Line] = []
    start = 0
    # pdfium ends a line with CRLF, but a line ending in a soft hyphen with U+FFFE/U+0002 and no CRLF.
    for match in re.finditer(r"\r\n|[\ufffe\x02](?:\r\n)?|$", text):
        raw = text[start:match.start()]
        if match.group() and match.group()[0] in "\ufffe\x02":
            raw += "-"
        stripped = _PRIVATE_BULLETS_RE.sub("• ", raw.strip())
        if stripped:
            first = start + len(raw) - len(raw.lstrip())
            middle = min(first + len(stripped) // 2, count - 1)
            try:
                left, bottom, _, top = textpage.get_charbox(first, loose=True)
                # The loose box height, not FPDFText_GetFontSize: that ignores the text matrix (often 1.0).
                size = round((top - bottom) * 2) / 2
                weight = max(pdfium_c.FPDFText_GetFontWeight(textpage.raw, first),
                             pdfium_c.FPDFText_GetFontWeight(textpage.raw, middle))
            except Exception:  # noqa: BLE001 - a glyph without a box; keep the text, lose the geometry
                left, bottom, top, size, weight = 0.0, 0.0, 0.0, 0.0, 400
            lines.append(Line(stripped, page_no, left, top, bottom, size, weight >= 600, height))
        start = match.end()
        if match.end() >= len(text):
            break
    textpage.close()
    return lines


def _margin_key(line: Line) -> str | None:
    """A digit-free key for lines in the top or bottom band, where running headers live."""
    band = 0.09 * line.page_height
    if line.top >= line.page_height - band or line.bottom <= band:
        return _DIGITS_RE.sub("#", line.text.lower())
    return None


def drop_running_furniture(pages: list[list[Line]]) -> list[list[Line]]:
    """Remove page numbers and running headers/footers that repeat across pages."""
    counts = Counter(key for lines in pages for key in {_margin_key(l) for l in lines} if key)
    repeated = {key for key, n in counts.items() if n >= max(3, len(pages) // 3)}
    cleaned = []
    for lines in pages:
        kept = []
        for line in lines:
            key = _margin_key(line)
            if key and (key in repeated or re.fullmatch(r"(page )?#( of #)?", key)):
                continue
            kept.append(line)
        cleaned.append(kept)
    return cleaned


def drop_contents_pages(pages: list[list[Line]]) -> list[list[Line]]:
    """Remove a table of contents: a 'Contents' heading and its lines ending in page numbers."""
    cleaned = []
    for lines in pages:
        if any(l.text.lower() == "contents" for l in lines[:4]):
            toc = [l for l in lines if boilerplate.TOC_ENTRY_RE.match(l.text) or l.text.lower() == "contents"]
            if len(toc) >= 0.5 * len(lines):
                lines = [l for l in lines if l not in toc and not _toc_wrap(l, lines)]
        cleaned.append(lines)
    return cleaned


def _toc_wrap(line: Line, lines: list[Line]) -> bool:
    """A contents entry's first line, whose page number sits on the next line."""
    i = lines.index(line)
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    return bool(nxt and boilerplate.TOC_ENTRY_RE.match(nxt.text) and not boilerplate.ends_sentence(line.text))


def _body_size(lines: list[Line]) -> float:
    """The font size most text is set in."""
    sizes = Counter(l.size for l in lines if l.size)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _starts_item(text: str) -> bool:
    """True for a numbered paragraph ('23. Children…') or a bullet item."""
    return bool(_NUMBERED_RE.match(text) or (text[:1] in _BULLET_CHARS and len(text) > 2 and text[1] == " ")
                or BULLET_RE.match(text))


def _is_heading_line(line: Line, body: float) -> bool:
    """Set larger or bolder than body text."""
    return bool(line.size and (line.size >= body + 1.5 or (line.bold and line.size >= body - 0.5)))


def group_lines(pages: list[list[Line]]) -> list[list[Line]]:
    """Group lines into paragraphs by vertical gaps, item starts and font changes, across pages."""
    all_lines = [l for lines in pages for l in lines]
    body = _body_size(all_lines)
    pitches = [a.bottom - b.bottom for lines in pages for a, b in zip(lines, lines[1:])
               if 0 < a.bottom - b.bottom < 3 * (a.top - a.bottom or 1)]
    pitch = statistics.median(pitches) if pitches else 14.0
    groups: list[list[Line]] = []
    for lines in pages:
        for i, line in enumerate(lines):
            prev = groups[-1][-1] if groups else None
            if prev is None:
                groups.append([line])
                continue
            heading_now, heading_prev = _is_heading_line(line, body), _is_heading_line(prev, body)
            if line.page != prev.page:
                # A paragraph crosses a page break when it had not ended and the new page does not start an item.
                hanging = len(groups[-1]) > 1 and abs(line.x - prev.x) < 3 and groups[-1][0].x < prev.x - 5
                joins = (not boilerplate.ends_sentence(prev.text) or line.text[:1].islower() or hanging) \
                    and not _starts_item(line.text) and heading_now == heading_prev
            else:
                gap = prev.bottom - line.bottom
                same_row = gap < 0.3 * pitch  # a table cell beside the previous one
                joins = same_row or (gap <= 1.35 * pitch and not _starts_item(line.text)
                                     and heading_now == heading_prev)
                # A line starting in lower case continues an unfinished sentence (e.g. after a footnote gap).
                joins = joins or (line.text[:1].islower() and not boilerplate.ends_sentence(prev.text)
                                  and (heading_now == heading_prev or line.size == prev.size) and gap < 4 * pitch)
            if joins:
                groups[-1].append(line)
            else:
                groups.append([line])
    return groups


def _group_kind(group: list[Line], body: float) -> str:
    """heading, bullet or para for a group of lines."""
    text = " ".join(l.text for l in group)
    headed = all(_is_heading_line(l, body) for l in group)
    if headed and re.search(r":\s*\S+( \S+){0,4}$", text) and len(text) <= 200:
        return "heading"  # "The experiences and progress of …: Requires improvement" introduces a section
    if GRADE_END_RE.search(text) and len(text) <= 200 and group[0].page <= 2:
        return "table"  # a judgement-table row: keep it as a readable paragraph
    if all(_is_heading_line(l, body) for l in group) and len(text) <= 200:
        return "heading"
    if _starts_item(text) and not _NUMBERED_RE.match(text):
        return "bullet"
    return "para"


def blocks_from_pages(pages: list[list[Line]]) -> list[Block]:
    """Typed blocks for a whole report, stopping at Ofsted's back page."""
    pages = drop_contents_pages(drop_running_furniture(pages))
    body = _body_size([l for lines in pages for l in lines])
    blocks: list[Block] = []
    for group in group_lines(pages):
        text = join_wrapped([l.text for l in group])
        end = boilerplate.REPORT_END_RE.search(text)
        if end:
            text = text[:end.start()].strip()
            if not text or boilerplate.COVER_META_RE.match(text):
                break
            blocks.append(Block(text=text, kind=_group_kind(group, body), page=group[0].page + 1))
            break
        if boilerplate.REPORT_FURNITURE_RE.search(text):
            continue
        kind = "meta" if boilerplate.COVER_META_RE.match(text) else _group_kind(group, body)
        blocks.append(Block(text=text, kind=kind, page=group[0].page + 1))
    return blocks


def read_pdf(data: bytes, doc: Document) -> Document:
    """Fill a Document from the bytes of a PDF file."""
    pdf = pdfium.PdfDocument(data)
    try:
        pages = [page_lines(pdf[i], i) for i in range(len(pdf))]
        info = pdf.get_metadata_dict()
    finally:
        pdf.close()
    doc.blocks = blocks_from_pages(pages)
    doc.meta["pdf_info"] = {k: v for k, v in info.items() if v}
    doc.meta["first_page_text"] = "\n".join(l.text for l in pages[0]) if pages else ""
    doc.meta["raw_text"] = "\n".join(b.text for b in doc.blocks)
    if not doc.blocks:
        raise ValueError("PDF has no extractable text (scanned image?)")
    return doc
