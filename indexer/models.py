"""Typed records passed between the layers: extraction, chunking, facets, index and search."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

FACET_SEPARATOR = "|"  # multi-valued facets are stored as one string (names may contain commas)


def join_facet(values) -> str:
    """Several facet values as one stored field."""
    return FACET_SEPARATOR.join(v for v in values if v)


def split_facet(value) -> list[str]:
    """A stored facet field as its values."""
    return [v for v in str(value or "").split(FACET_SEPARATOR) if v]


@dataclass
class Block:
    """One unit of extracted text before chunking: a paragraph, heading, caption or bullet."""

    text: str
    kind: str = "para"  # para | heading | caption | bullet | table | meta
    page: int | None = None


@dataclass
class Paragraph:
    """One searchable paragraph (or passage of a long one) with its section heading."""

    n: int
    text: str
    heading: str = ""
    page: int | None = None
    council: list[str] = field(default_factory=list)
    # Round 27: councils this paragraph names only as members of a long list (attribution.unfile_list_members):
    # the council filter and its counts read them, the council lift and context do not.
    listed: list[str] = field(default_factory=list)


@dataclass
class Outcome:
    """One official Ofsted inspection outcome from the outcomes table."""

    la_code: str
    la_name: str
    framework: str
    inspection_type: str
    start: dt.date | None
    end: dt.date | None
    published: dt.date | None
    overall: str
    subjudgements: dict[str, str]
    report_url: str

    def as_dict(self) -> dict[str, Any]:
        """JSON-friendly form."""
        return {
            "council": self.la_name,
            "council_code": self.la_code,
            "framework": self.framework,
            "inspection_type": self.inspection_type,
            "inspection_start": self.start.isoformat() if self.start else None,
            "inspection_end": self.end.isoformat() if self.end else None,
            "published": self.published.isoformat() if self.published else None,
            "overall_grade": self.overall or None,
            "subjudgements": self.subjudgements,
            "report_url": self.report_url or None,
        }


@dataclass(frozen=True)
class Subject:
    """A council a document is about, its ONS code, and the overall grade the document gives it ("" = none)."""

    council: str
    code: str
    grade: str = ""


@dataclass
class Document:
    """One ingested file: metadata, paragraphs, facets and the evidence for them."""

    path: str
    kind: str = "text"  # text | html | pdf
    title: str = ""
    url: str = ""
    published: dt.date | None = None
    blocks: list[Block] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    council: list[str] = field(default_factory=list)
    council_code: list[str] = field(default_factory=list)
    year: int | None = None
    severity: list[str] = field(default_factory=list)
    subjudgements: dict[str, str] = field(default_factory=dict)
    # Grades the council moved from and to, and which way: "from inadequate", "to good", "improved" (movement.py).
    grade_change: list[str] = field(default_factory=list)
    facet_evidence: dict[str, Any] = field(default_factory=dict)
    outcomes: list[dict[str, Any]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    # How sure each facet is: "stated" (read from the document), "official" (from the outcomes table matched by a
    # date), "inferred" (guessed). Keys: council, year, severity (the least sure of the councils' grades).
    confidence: dict[str, str] = field(default_factory=dict)

    @property
    def year_confidence(self) -> str | None:
        """How the year was reached: stated, official or inferred (None when there is no year)."""
        return self.confidence.get("year") if self.year else None

    @property
    def year_inferred(self) -> bool:
        """True when the year is a guess, to be shown as "2019 (inferred)"."""
        return self.year_confidence == "inferred"

    @property
    def subjects(self) -> list[Subject]:
        """The subject councils with their codes and grades (one record each, not three aligned lists)."""
        grades = list(self.severity) + [""] * (len(self.council) - len(self.severity))
        codes = list(self.council_code) + [""] * (len(self.council) - len(self.council_code))
        return [Subject(c, code, g or "") for c, code, g in zip(self.council, codes, grades)]

    @property
    def doc_id(self) -> str:
        """A stable id: the file name without its folder."""
        return self.meta.get("doc_id") or self.path.replace("\\", "/").rsplit("/", 1)[-1]

    def as_dict(self) -> dict[str, Any]:
        """The `extract --json` shape."""
        return {
            "path": self.path,
            "doc_id": self.doc_id,
            "kind": self.kind,
            "title": self.title,
            "url": self.url or None,
            "published": self.published.isoformat() if self.published else None,
            "council": self.council,
            "council_code": self.council_code,
            "year": self.year,
            "severity": [grade or None for grade in self.severity],  # aligned with council; None = not stated
            "subjudgements": self.subjudgements,
            "grade_change": self.grade_change,
            "paragraphs": [
                {"n": p.n, "heading": p.heading, "text": p.text, **({"council": p.council} if p.council else {})}
                for p in self.paragraphs
            ],
            "facet_evidence": self.facet_evidence,
            "confidence": self.confidence,
            "official_outcome": self.outcomes,
            "error": self.error,
        }


@dataclass
class FacetValue:
    """One value of a facet with its count, selection state and the URL state that toggles it."""

    value: str
    count: int
    selected: bool = False
    toggle_url: str = ""  # relative ("?q=…&council=…"): the same search with this value toggled


@dataclass
class Hit:
    """One ranked paragraph with its highlighted snippet."""

    doc_id: str
    paragraph: int
    title: str
    url: str
    council: list[str]
    year: int | None
    severity: list[str]
    heading: str
    snippet_html: str
    score: float
    more_in_doc: int = 0
    other_paragraphs: list[int] = field(default_factory=list)
    context_matched: list[str] = field(default_factory=list)  # title | council | severity | year
    councils_matched: list[str] = field(default_factory=list)  # which of `council` the query named
    year_confidence: str = ""  # stated | official | inferred
    date: dt.date | None = None  # the document's date, where a listing is by date (feeds)

    def as_dict(self) -> dict[str, Any]:
        """JSON-friendly form."""
        return {**self.__dict__, "date": self.date.isoformat() if self.date else None}


@dataclass
class SearchRequest:
    """Everything that defines one search: the query, facet selections, sort and page."""

    q: str = ""
    council: list[str] = field(default_factory=list)
    severity: list[str] = field(default_factory=list)
    year: list[int] = field(default_factory=list)
    year_from: int | None = None
    year_to: int | None = None
    sort: str = "relevance"  # relevance | newest | oldest
    page: int = 1
    per_page: int = 10
    collapse: bool = True
    filters: dict[str, list[str]] = field(default_factory=dict)  # selections of the other facets (sub-judgements)
    match: str = "best"  # plain words: "best" (most words) or "all" (every meaningful word)


@dataclass
class SearchResult:
    """The answer to a SearchRequest."""

    request: SearchRequest
    total: int
    total_docs: int
    hits: list[Hit]
    facets: dict[str, list[FacetValue]]
    facet_labels: dict[str, str] = field(default_factory=dict)
    suggestion: str | None = None
    message: str | None = None
    year_histogram: list[tuple[int, int]] = field(default_factory=list)
    understood: list[Any] = field(default_factory=list)  # councils, grades, years named in the query
    match_info: dict[str, Any] = field(default_factory=dict)  # which matching applied, and the strict link
    not_indexed: list[Any] = field(default_factory=list)  # councils, grades, years named with no documents
    corrections: list[tuple[str, str]] = field(default_factory=list)  # (typed, also searched as) unknown words
