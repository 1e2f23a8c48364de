"""The analyzers and facet fields: stems without stopword removal, raw words, '|'-joined facet values."""
from __future__ import annotations

from indexer.backends.embedded.index.schema import build_schema, join_facet, raw_analyzer, split_facet, text_analyzer


def test_text_analyzer_stems_and_keeps_every_word():
    assert [t.text for t in text_analyzer()("Requires improvement to be good")] == \
        ["requir", "improv", "to", "be", "good"]
    assert [t.text for t in text_analyzer()("children’s Café")] == ["children", "cafe"]


def test_raw_analyzer_keeps_words_as_written_in_lower_case():
    assert [t.text for t in raw_analyzer()("Safeguarding children's services")] == \
        ["safeguarding", "children's", "services"]


def test_facet_values_round_trip_with_commas():
    values = ["Bournemouth, Christchurch and Poole", "Kent"]
    assert split_facet(join_facet(values)) == values
    assert split_facet("") == [] and join_facet(["", "Kent"]) == "Kent"


def test_schema_has_the_facet_and_text_fields():
    schema = build_schema()
    assert {"text", "heading", "title", "council", "severity", "year", "care_leavers"} <= set(schema.names())
    assert not schema["text"].format.supports("positions")  # phrases read the word pairs, not Whoosh positions
    assert schema["text"].format.supports("frequency")
