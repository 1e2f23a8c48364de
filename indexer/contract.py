"""The backend contract: what the product asks of a search backend, in typed records only.

A backend is a place where a built index lives (the embedded folder, a PostgreSQL database). The product above
this seam (web UI, CLI, council pages, feeds, toggle URLs) talks to a backend only through these two protocols;
everything a backend returns is a dataclass from `indexer.models` or this module. Adding a backend is one package
under `indexer/backends/` plus one line in `indexer.backends.open_backend`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Protocol, runtime_checkable

from indexer.models import Hit, SearchRequest, SearchResult
from indexer.stemming import ANALYSIS_VERSION


SIMILAR_SCOPES = ("other-councils", "other-documents")  # where similar paragraphs may come from


class IndexMissing(FileNotFoundError):
    """There is no built index (no generation) where the backend looks."""


class IndexDamaged(IndexMissing):
    """The live generation cannot be served (damaged files, a broken pointer); the message says why."""


class IndexBusy(RuntimeError):
    """Another rebuild or update of the same index is running."""


class IndexInvalid(RuntimeError):
    """A new generation that cannot go live (it failed validation, or would lose most documents); the live one
    still serves."""


class ParagraphMissing(LookupError):
    """No such document or paragraph."""


@dataclass
class DocParagraph:
    """One numbered paragraph of a document, with its section heading and the councils it is about."""

    n: int
    heading: str
    text: str
    council: list[str] = field(default_factory=list)


@dataclass
class DocumentView:
    """A whole indexed document: its metadata and numbered paragraphs."""

    doc_id: str
    title: str
    url: str
    path: str
    kind: str
    published: str | None
    year: int | None
    year_confidence: str | None
    severity: list[str]
    council: list[str]
    council_code: list[str]
    subjudgements: dict[str, str]
    grade_change: list[str]
    official_outcome: dict[str, Any] | None
    paragraphs: list[DocParagraph]

    def as_dict(self) -> dict[str, Any]:
        """The `/doc/<id>.json` shape."""
        return {**self.__dict__, "paragraphs": [p.__dict__ for p in self.paragraphs]}


@dataclass
class ParagraphMatches:
    """The paragraphs of one document that match a query, with their highlighted HTML."""

    numbers: list[int]
    marked: dict[int, str]


@dataclass
class ExportRow:
    """One matching paragraph as a flat row (CSV export)."""

    doc_id: str
    paragraph: int
    title: str
    url: str
    council: str        # "; "-joined
    year: int | str
    severity: str       # "; "-joined
    heading: str
    text: str
    score: float

    def as_dict(self) -> dict[str, Any]:
        """The CSV row."""
        return dict(self.__dict__)


@dataclass
class IndexStats:
    """What the live generation holds: counts, facet values, build time, sources and skipped files."""

    documents: int
    paragraphs: int
    facets: dict[str, dict[str, int]]
    built_at: str | None
    sources: list[str]
    skipped: list[dict[str, Any]]
    warnings: list[Any]
    generation: str

    def as_dict(self) -> dict[str, Any]:
        """The `/about.json` shape."""
        return dict(self.__dict__)

    def lines(self) -> list[str]:
        """The stats as a few lines of text (the `stats` command of either backend)."""
        plural = lambda n, word: f"{n:,} {word}{'' if n == 1 else 's'}"  # noqa: E731
        out = [f"{plural(self.documents, 'document')}, {plural(self.paragraphs, 'paragraph')}; built "
               f"{self.built_at} from {', '.join(self.sources)}; generation {self.generation}"]
        for facet, values in self.facets.items():
            shown = ", ".join(f"{v} ({n})" for v, n in list(values.items())[:15])
            out.append(f"  {facet}: {shown}{' …' if len(values) > 15 else ''}")
        out += [f"  skipped {item['path']}: {item['reason']}" for item in self.skipped]
        return out


@dataclass
class GridCell:
    """Matching paragraphs of one council in one year (year 0 = unknown)."""

    year: int
    count: int


@dataclass
class GridRow:
    """One council's row of the council x year table."""

    council: str
    total: int
    documents: int
    cells: list[GridCell]


@dataclass
class GridCounts:
    """A search's matching paragraphs counted per council (rows, most first) and year (columns)."""

    years: list[int]
    rows: list[GridRow]
    total: int


@dataclass
class SimilarSource:
    """The paragraph a more-like-this search starts from."""

    doc_id: str
    paragraph: int
    title: str
    council: list[str]
    year: int | None
    text: str


@dataclass
class SimilarParagraph:
    """One similar paragraph, the words it shares with the source, and a highlighted snippet."""

    doc_id: str
    paragraph: int
    title: str
    council: list[str]
    year: int | None
    severity: list[str]
    heading: str
    snippet_html: str
    score: float
    shared: list[str] = field(default_factory=list)


@dataclass
class SimilarResult:
    """Paragraphs like one paragraph, in other documents (and by default other councils)."""

    source: SimilarSource
    scope: str
    words: list[str]
    results: list[SimilarParagraph]

    def as_dict(self) -> dict[str, Any]:
        """The `/similar.json` shape."""
        return {"source": self.source.__dict__, "scope": self.scope, "words": self.words,
                "results": [r.__dict__ for r in self.results]}


@dataclass(frozen=True)
class SignificantTerm:
    """A word or phrase with its paragraph counts inside and outside the foreground, and its JLH score."""

    text: str
    kind: str          # "term" | "phrase"
    foreground: int
    background: int
    score: float
    documents: int = 0  # foreground documents containing it

    @property
    def query(self) -> str:
        """The search that finds it (phrases quoted)."""
        return f'"{self.text}"' if self.kind == "phrase" else self.text

    def as_dict(self) -> dict[str, Any]:
        """JSON-friendly form."""
        return {**self.__dict__, "query": self.query}


@dataclass
class CouncilDocument:
    """One document about a council, as its page lists it."""

    doc_id: str
    title: str
    year: int | None
    published: str | None
    severity: list[str]
    kind: str
    council: list[str]
    paragraphs: int


@dataclass
class CouncilSummary:
    """What the index holds about a set of council names (a council and its predecessors)."""

    paragraphs: int
    documents_by_year: list[tuple[int | None, list[CouncilDocument]]]
    terms: list[SignificantTerm]
    phrases: list[SignificantTerm]


@dataclass(frozen=True)
class Collection:
    """A generation's holdings, counted by documents (not paragraphs)."""

    documents: int
    paragraphs: int
    by_kind: list[tuple[str, int]]                 # (label, documents), most first
    councils_with_documents: dict[str, int]        # facet value -> documents
    current_councils: int                          # councils with children's services today (153)
    current_covered: int                           # of those, how many have a document
    years: list[tuple[int, int]]                   # (year, documents), ascending
    built_at: str | None
    newest: list[dict] = field(default_factory=list)  # doc_id, title, date, council, severity
    facet_documents: dict[str, dict[str, int]] = field(default_factory=dict)  # facet -> value -> documents

    def has_council(self, value: str) -> bool:
        """True when at least one document is about this council (facet value)."""
        return value in self.councils_with_documents

    def has_year(self, year: int) -> bool:
        """True when at least one document is dated in this year."""
        return any(y == year for y, _ in self.years)



@runtime_checkable
class SearchBackend(Protocol):
    """Reading: every query the product makes of an index."""

    def exists(self) -> bool:
        """True when a built generation is there."""

    def generation_id(self) -> str:
        """The live generation's name: answers from one id never mix two generations."""

    def damage(self) -> str | None:
        """Why the live generation cannot be served (checked again now), or None: asked after a failure."""

    def built_at(self) -> str | None:
        """When the live generation was built (ISO timestamp)."""

    def warm(self) -> None:
        """Open the live generation and do what its first search would, before users arrive."""

    def search(self, req: SearchRequest) -> SearchResult:
        """Ranked hits for one page, honest facet counts (toggle URLs are filled above the seam)."""

    def export_rows(self, req: SearchRequest, cap: int) -> tuple[list[ExportRow], int]:
        """Matching paragraphs as flat rows, ranked, up to `cap`; and the total."""

    def document(self, doc_id: str) -> DocumentView | None:
        """A whole document, or None."""

    def matching_paragraphs(self, doc_id: str, text: str) -> ParagraphMatches:
        """The paragraphs of one document that match a query, highlighted."""

    def stats(self) -> IndexStats:
        """What is indexed."""

    def grid(self, req: SearchRequest) -> GridCounts:
        """The search's matching paragraphs per council and year."""

    def newest(self, req: SearchRequest, since: dt.date | None, limit: int) -> tuple[list[Hit], int]:
        """The search's matching paragraphs of dated documents, newest first; and how many there are."""

    def similar(self, doc_id: str, paragraph: int, scope: str) -> SimilarResult:
        """Paragraphs like one paragraph (ParagraphMissing when there is no such paragraph)."""

    def council_summary(self, names: list[str], exclude: set[str]) -> CouncilSummary:
        """Paragraph count, documents by year and distinctive terms of the paragraphs about these councils."""

    def document_counts(self) -> dict[str, int]:
        """Documents per council facet value."""

    def facet_values(self) -> dict[str, set[str]]:
        """Every value each facet field holds in the live generation (years as strings)."""

    def collection(self) -> Collection:
        """What the live generation holds, counted by documents: the front page's and the coverage notes' facts."""


@dataclass
class BuildReport:
    """What a rebuild or update did."""

    index_dir: str      # where the index lives (a folder, or a database URL without its password)
    generation: str
    sources: list[str]
    documents: int = 0
    paragraphs: int = 0
    skipped: list[dict[str, str]] = field(default_factory=list)
    warnings: list[dict[str, str]] = field(default_factory=list)  # problems worked around (bad metadata, URLs)
    seconds: float = 0.0
    built_at: str = ""
    changes: dict[str, int] = field(default_factory=dict)  # an update's added / changed / removed files
    analysis_version: int = ANALYSIS_VERSION  # the word analysis (stemming exceptions) the index was built with

    @property
    def added(self) -> int:
        """Files an update added."""
        return self.changes.get("added", 0)

    @added.setter
    def added(self, value: int) -> None:
        self.changes["added"] = value

    @property
    def changed(self) -> int:
        """Files an update indexed again because they changed."""
        return self.changes.get("changed", 0)

    @changed.setter
    def changed(self, value: int) -> None:
        self.changes["changed"] = value

    @property
    def removed(self) -> int:
        """Files an update removed."""
        return self.changes.get("removed", 0)

    @removed.setter
    def removed(self, value: int) -> None:
        self.changes["removed"] = value

    def as_dict(self) -> dict:
        """JSON-friendly form."""
        return dict(self.__dict__)


@runtime_checkable
class IndexWriter(Protocol):
    """Writing: builds a new generation beside the live one, validates it and switches to it atomically."""

    def rebuild(self, sources: list[Path], progress: Callable | None = None, allow_shrink: bool = False,
                follow_links: bool = False) -> BuildReport:
        """Every document of the sources, as a new generation (the live one serves until the switch); IndexBusy
        when another writer runs, IndexInvalid when the new generation cannot go live."""

    def update(self, sources: list[Path], progress: Callable | None = None, allow_shrink: bool = False,
               follow_links: bool = False) -> BuildReport:
        """Only new, changed and removed files, as a new generation (same errors as rebuild)."""

    def validate(self) -> list[str]:
        """Problems found in the live generation (empty = sound)."""
