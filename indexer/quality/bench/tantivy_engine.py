"""The second baseline: the same paragraphs in Tantivy (its Python binding), the same results page.

`tantivy` is a benchmark-only extra (`pip install -e ".[bench]"`); nothing outside the benchmark imports it.
English stemming on heading and text (heading boosted as in reportsearch), facets as raw multi-valued fast fields,
counts by Tantivy's terms aggregation, snippets by its snippet generator.
"""
from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

from indexer.backends.embedded.write.build import index_fields
from indexer.models import Document
from indexer.backends.embedded.index.schema import split_facet
from indexer import settings
from indexer.quality.bench.queries import BenchQuery

HEAP_BYTES = 256_000_000


def available() -> bool:
    """True when the `tantivy` package (the bench extra) is installed."""
    try:
        import tantivy  # noqa: F401
    except ImportError:
        return False
    return True


def _schema():
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("heading", stored=True, tokenizer_name="en_stem")
    builder.add_text_field("text", stored=True, tokenizer_name="en_stem")
    builder.add_text_field("doc_id", stored=True, tokenizer_name="raw")
    builder.add_integer_field("n", stored=True)
    builder.add_text_field("council", tokenizer_name="raw", fast=True)
    builder.add_text_field("grade", tokenizer_name="raw", fast=True)
    builder.add_integer_field("year", indexed=True, fast=True)
    return builder.build()


def build(path: Path, documents: Iterable[Document]) -> tuple[int, float]:
    """Index every paragraph (with its facets) into a new Tantivy index; paragraphs and seconds (commit included)."""
    import tantivy

    started = time.perf_counter()
    path.mkdir(parents=True, exist_ok=True)
    index = tantivy.Index(_schema(), path=str(path))
    writer = index.writer(HEAP_BYTES)
    count = 0
    for doc in documents:
        for fields in index_fields(doc):
            writer.add_document(tantivy.Document(
                heading=fields["heading"], text=fields["text"], doc_id=fields["doc_id"], n=fields["n"],
                council=split_facet(fields["council"]) or [""], grade=split_facet(fields["severity"]) or [""],
                year=fields["year"]))
            count += 1
    writer.commit()
    writer.wait_merging_threads()
    return count, time.perf_counter() - started


class TantivyPage:
    """An opened Tantivy index answering the benchmark's results page."""

    def __init__(self, path: Path):
        import tantivy

        self._tantivy = tantivy
        self.index = tantivy.Index.open(str(path))
        self.schema = self.index.schema
        self.searcher = self.index.searcher()

    def query(self, q: BenchQuery):
        """The query for a benchmark query: every word required (or the phrase), in heading or text."""
        tantivy = self._tantivy
        text = q.fts if q.phrase else " ".join(f"+{w}" for w in q.fts.split())
        query = self.index.parse_query(text, ["heading", "text"], field_boosts={"heading": settings.RANKING.heading_boost})
        if q.grade:
            query = tantivy.Query.boolean_query([
                (tantivy.Occur.Must, query),
                (tantivy.Occur.Must, tantivy.Query.term_query(self.schema, "grade", q.grade))])
        return query

    def search_page(self, q: BenchQuery) -> dict:
        """Total, the top 10 with snippets, and council / year / grade counts."""
        query = self.query(q)
        found = self.searcher.search(query, 10, count=True)
        snippets = self._tantivy.SnippetGenerator.create(self.searcher, query, self.schema, "text")
        top = []
        for _score, address in found.hits:
            doc = self.searcher.doc(address)
            top.append((doc["doc_id"][0], doc["n"][0], snippets.snippet_from_doc(doc).to_html()))
        aggs = self.searcher.aggregate(query, {
            "council": {"terms": {"field": "council", "size": 1000}},
            "year": {"terms": {"field": "year", "size": 100}},
            "grade": {"terms": {"field": "grade", "size": 10}}})
        counts = {name: [(b["key"], b["doc_count"]) for b in aggs[name]["buckets"] if b["key"] != ""]
                  for name in ("council", "year", "grade")}
        return {"total": found.count, "top": top, **counts}

    def hit_ids(self, q: BenchQuery, cap: int = 50_000) -> dict[tuple[str, int], str]:
        """Every matching paragraph (up to `cap`) as (doc_id, n) -> its text (for explaining disagreements)."""
        found = self.searcher.search(self.query(q), cap, count=False)
        out = {}
        for _score, address in found.hits:
            doc = self.searcher.doc(address)
            out[(doc["doc_id"][0], doc["n"][0])] = f"{doc['heading'][0] if doc['heading'] else ''} / {doc['text'][0]}"
        return out
