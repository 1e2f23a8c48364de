"""Wildcards become an OR of their words, capped at the most frequent ones with a note to the user."""
from __future__ import annotations

from indexer.search import querytree as qt

from indexer import settings
from indexer.models import SearchRequest
from indexer.backends import open_backend
from indexer.backends.embedded.query.parse import parse_query


def _terms(q) -> list[str]:
    return [t.text for t in qt.walk(q) if isinstance(t, qt.Term)]


def test_wildcard_past_the_cap_keeps_the_most_frequent_words(fixture_index, monkeypatch):
    monkeypatch.setattr(settings, "MAX_EXPANSION_TERMS", 3)
    index = open_backend(fixture_index)
    gen = index.generation()
    parsed = parse_query(gen, "c*")
    text_terms = [t for t in qt.walk(parsed.query) if isinstance(t, qt.Term) and t.field == "text"]
    assert len(text_terms) == 3
    reader = gen.searcher.reader()
    kept = min(reader.doc_frequency("text", t.text) for t in text_terms)
    dropped = [t for t in reader.lexicon("text") if t.startswith(b"c") and t not in {x.text.encode() for x in text_terms}]
    assert all(reader.doc_frequency("text", t) <= kept for t in dropped)
    assert "most common" in parsed.message
    assert index.search(SearchRequest(q="c*")).total > 0
    leading = index.search(SearchRequest(q="*a*"))  # a leading wildcard would scan every word: refused, explained
    assert "starts with a wildcard" in leading.message


def test_small_wildcard_is_exact(fixture_index):
    gen = open_backend(fixture_index).generation()
    parsed = parse_query(gen, "safeguard*")
    assert parsed.message is None
    assert sorted(t for t in _terms(parsed.query)) == sorted(
        t.decode() for f in ("heading", "text") for t in gen.searcher.reader().lexicon(f) if t.startswith(b"safeguard"))
