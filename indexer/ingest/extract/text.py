"""Plain-text articles: decode safely, drop furniture, re-join hard-wrapped lines into blocks."""
from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from indexer.ingest import boilerplate
from indexer.ingest.grade_rows import is_grade_row, join_grade_rows
from indexer.models import Block, Document

BULLET_RE = re.compile(r"^\s*([-–—•·*◼▪●]|\d{1,3}[.)])\s+")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class NotText(ValueError):
    """The bytes are not a text document."""


def utf16_encoding(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when BOM-less bytes are UTF-16 text (NUL in every other byte), else None."""
    sample = data[:4096]
    half = len(sample) // 2
    if half < 4:
        return None
    even_nul, odd_nul = sample[0::2].count(0), sample[1::2].count(0)
    if odd_nul >= 0.3 * half and even_nul <= 0.02 * half:
        encoding = "utf-16-le"
    elif even_nul >= 0.3 * half and odd_nul <= 0.02 * half:
        encoding = "utf-16-be"
    else:
        return None
    try:
        data[: len(data) // 2 * 2].decode(encoding)
    except UnicodeDecodeError:
        return None
    return encoding


def with_utf16_bom(data: bytes) -> bytes:
    """The bytes with a UTF-16 byte-order mark added when they are BOM-less UTF-16, so every reader decodes them."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data
    encoding = utf16_encoding(data)
    if encoding is None:
        return data
    return (codecs.BOM_UTF16_LE if encoding == "utf-16-le" else codecs.BOM_UTF16_BE) + data


def decode(data: bytes) -> str:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 (BOM or not), else the best-detected encoding."""
    data = with_utf16_bom(data)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data[: len(data) // 2 * 2].decode("utf-16")
    if b"\x00" in data[:4096]:
        raise NotText("binary data (NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise NotText("undecodable bytes")
    text = str(best)
    # cp1252 is the usual culprit (curly quotes); prefer it over exotic guesses when it decodes.
    try:
        cp = data.decode("cp1252")
        if best.encoding not in ("cp1252", "windows_1252", "latin_1", "iso8859_1"):
            text = cp
    except UnicodeDecodeError:
        pass
    return text


def check_is_text(text: str) -> None:
    """Raise NotText when decoded text is mostly control characters."""
    sample = text[:20000]
    if sample and len(_CONTROL_RE.findall(sample)) / len(sample) > 0.01:
        raise NotText("binary data (control characters)")


def normalise(text: str) -> str:
    """Unify line endings and spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\u200b", "")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def drop_furniture(lines: list[str]) -> list[str]:
    """Remove furniture lines and trailing runs of unrelated headlines; keep blank lines as breaks."""
    kept: list[str] = []
    in_zone = False
    for line in lines:
        stripped = line.strip()
        if not stripped:
            kept.append("")
            continue
        if boilerplate.is_zone_marker(stripped):
            in_zone = True
            continue
        if boilerplate.is_furniture(stripped):
            continue
        if in_zone:
            if boilerplate.is_prose(stripped):
                in_zone = False
            else:
                continue
        kept.append(stripped)
    return kept


def _wrap_width(lines: list[str]) -> float:
    """The typical width of the longest lines: the wrap column of a hard-wrapped text."""
    lengths = sorted(len(line) for line in lines if line)
    if not lengths:
        return 0.0
    return float(lengths[int(0.9 * (len(lengths) - 1))])


def _continues(prev: str, line: str, wrap: float) -> bool:
    """True when `line` is the hard-wrapped continuation of `prev`."""
    if BULLET_RE.match(line) or boilerplate.ends_sentence(prev) or boilerplate.is_caption(line):
        return False
    if is_grade_row(prev) or is_grade_row(line):
        return False  # the rows of a grade table are lines of their own, however long
    first = line.lstrip("“\"‘'(")[:1]
    if first.islower() or first.isdigit() and not BULLET_RE.match(line):
        return True
    return len(prev) >= 0.6 * wrap and wrap < 200


def join_lines(lines: list[str]) -> list[list[str]]:
    """Group lines into paragraphs: blank lines always break, wrapped lines join."""
    wrap = _wrap_width(lines)
    groups: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if not line:
            if current:
                groups.append(current)
            current = []
        elif current and _continues(current[-1], line, wrap):
            current.append(line)
        else:
            if current:
                groups.append(current)
            current = [line]
    if current:
        groups.append(current)
    return groups


def classify(group: list[str], is_last: bool) -> str:
    """Say whether a group of lines is a heading, caption, bullet or paragraph."""
    text = " ".join(group)
    if boilerplate.is_caption(text):
        return "caption"
    if BULLET_RE.match(text):
        return "bullet"
    words = len(text.split())
    if len(group) == 1 and not is_last and words <= 12 and len(text) <= 90:
        if not boilerplate.ends_sentence(text) or (text.endswith("?") and len(text) <= 40):
            return "heading"
    return "para"


def blocks_from_text(text: str) -> list[Block]:
    """Turn an article's raw text into typed blocks."""
    lines = drop_furniture(normalise(text).split("\n"))
    groups = join_lines(lines)
    blocks = []
    for i, group in enumerate(groups):
        kind = classify(group, is_last=(i == len(groups) - 1))
        blocks.append(Block(text=join_wrapped(group), kind=kind))
    return drop_trailing_links(join_grade_rows(blocks))


def drop_trailing_links(blocks: list[Block]) -> list[Block]:
    """Drop the short link labels ('Detailed report', 'Summary report') that end many articles."""
    while blocks and len(blocks[-1].text.split()) <= 8 and not boilerplate.ends_sentence(blocks[-1].text) \
            and not is_grade_row(blocks[-1].text):  # "Care leavers: Good" ending a page is content
        blocks.pop()
    return blocks


def join_wrapped(lines: list[str]) -> str:
    """Join wrapped lines with spaces, mending words hyphenated at a line end."""
    out = ""
    for line in lines:
        line = line.strip()
        if not out:
            out = line
        elif re.search(r"[a-z]-$", out) and line[:1].islower():
            out += line  # "co-" + "ordinated": keep the hyphen, drop the break
        else:
            out += " " + line
    return re.sub(r"\s+", " ", out).strip()


def read_text(data: bytes, doc: Document) -> Document:
    """Fill a Document from the bytes of a plain-text file."""
    text = decode(data)
    check_is_text(text)
    doc.blocks = blocks_from_text(text)
    doc.meta["raw_text"] = text
    return doc

