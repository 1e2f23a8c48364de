"""Significant terms: the planted words and phrases of a council's paragraphs come first."""
from __future__ import annotations

from indexer.backends.embedded.read.councils import council_paragraphs
from indexer.backends import open_backend
from indexer.backends.embedded.read.significant import jlh, significant_terms


def test_planted_terms_are_the_most_significant(planted_index):
    gen = open_backend(planted_index).generation()
    found = significant_terms(gen, council_paragraphs(gen, ["Medway"]), {"medway"})
    top_words = {t.text for t in found["terms"][:5]}
    assert {"trampoline", "dormitory", "zeppelin"} <= top_words
    assert [t.text for t in found["phrases"][:2]] == ["trampoline dormitory", "zeppelin register"]
    first = found["phrases"][0]
    assert (first.foreground, first.background) == (5, 1)  # paragraphs in Medway / elsewhere
    assert "medway" not in {t.text for t in found["terms"]}
    assert not {"social", "workers", "caseloads"} & {t.text for t in found["terms"]}  # shared filler


def test_council_page_links_terms_to_matching_paragraphs(planted_index):
    from webui import create_app

    client = create_app({"TESTING": True, "INDEX_DIR": str(planted_index)}).test_client()
    data = client.get("/council/Medway.json").get_json()
    assert data["significant"]["phrases"][0]["query"] == '"trampoline dormitory"'
    html = client.get("/council/Medway").get_data(as_text=True)
    assert 'href="/search?q=%22trampoline+dormitory%22&amp;council=Medway"' in html
    hits = client.get("/search.json?q=%22trampoline+dormitory%22&council=Medway").get_json()
    assert hits["total"] == 5


def test_jlh_prefers_words_rare_elsewhere():
    assert jlh(5, 10, 1, 100) > jlh(5, 10, 20, 100) > 0
    assert jlh(1, 10, 50, 100) == 0.0
