"""Stored paragraphs turned into what callers see: hits, whole documents, export rows, index stats."""
from __future__ import annotations

import json

import numpy as np

from indexer import settings
from indexer.contract import DocParagraph, DocumentView, ExportRow, IndexStats
from indexer.models import Hit
from indexer.backends.embedded.index.schema import split_facet
from indexer.search.snippets import QueryMarks, mark


def paragraph_facets(fields: dict) -> dict:
    """The facet values and identity of one stored paragraph (the part every shape shares)."""
    return {"doc_id": fields["doc_id"], "paragraph": int(fields["n"]), "title": fields.get("title", ""),
            "url": fields.get("url", ""), "council": split_facet(fields.get("council")),
            "year": fields.get("year") or None, "severity": split_facet(fields.get("severity")),
            "heading": fields.get("heading", "")}


def make_hit(gen, docnum: int, marks: QueryMarks, score: float, more_in_doc: int, others: list[int]) -> Hit:
    """One ranked paragraph with its highlighted snippet."""
    fields = gen.stored(docnum)
    return Hit(**paragraph_facets(fields), snippet_html=mark(fields.get("text", ""), marks),
               score=round(score, 4), more_in_doc=more_in_doc, other_paragraphs=others,
               year_confidence=fields.get("year_confidence") or "")


def export_row(gen, docnum: int, score: float) -> ExportRow:
    """One paragraph as a flat CSV row."""
    fields = gen.stored(docnum)
    row = paragraph_facets(fields)
    return ExportRow(**{**row, "council": "; ".join(row["council"]), "severity": "; ".join(row["severity"]),
                        "year": row["year"] or "", "text": fields.get("text", ""), "score": round(score, 4)})


def document_view(rows: list[dict]) -> DocumentView:
    """A whole document from its stored paragraphs: metadata and numbered paragraphs with headings."""
    first = rows[0]
    return DocumentView(**{
        "doc_id": first["doc_id"], "title": first.get("title", ""), "url": first.get("url", ""),
        "path": first.get("path", ""), "kind": first.get("kind", ""), "published": first.get("published") or None,
        "year": first.get("year") or None, "year_confidence": first.get("year_confidence") or None,
        "severity": split_facet(first.get("severity")),
        "council": sorted({c for r in rows for c in split_facet(r.get("council"))}),
        "council_code": split_facet(first.get("council_code")),
        "subjudgements": {k: first[k] for k in settings.SUBJUDGEMENT_FIELDS if first.get(k)},
        "grade_change": split_facet(first.get("grade_change")),  # why a movement query lifts it
        "official_outcome": json.loads(first["outcome"]) if first.get("outcome") else None,
        "paragraphs": [DocParagraph(int(r["n"]), r.get("heading", ""), r.get("text", ""), split_facet(r.get("council")))
                       for r in rows],
    })


def index_stats(gen) -> IndexStats:
    """What a generation holds: counts, facet values, build time and sources."""
    facets = {name: {v: int(len(ids)) for v, ids in sorted(values.items(), key=lambda kv: -len(kv[1]))}
              for name, values in gen.keyword_postings.items() if values and name != settings.LISTED_FIELD}
    years = gen.years if gen.live is None else gen.years[gen.live]
    years, counts = np.unique(years[years > 0], return_counts=True)
    facets["year"] = {str(int(y)): int(c) for y, c in zip(years, counts)}
    return IndexStats(documents=gen.document_count, paragraphs=gen.paragraph_count, facets=facets,
                      built_at=gen.info.get("built_at"), sources=gen.info.get("sources", []),
                      skipped=gen.info.get("skipped", []), warnings=gen.info.get("warnings", []),
                      generation=gen.path.name)
