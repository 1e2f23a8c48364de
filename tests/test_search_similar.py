"""More like this: the planted twin paragraph in another council comes first; never the same document."""
from __future__ import annotations

import json

import pytest

from indexer.backends import ParagraphMissing, SearchBackend, open_backend
from indexer.backends.embedded.read.similar import find_paragraph

from tests.conftest import PLANTED_SOURCE


def _source_n(index: SearchBackend) -> int:
    return next(p["n"] for p in index.generation().paragraphs_of("medway-2019.txt") if p["text"] == PLANTED_SOURCE)


def test_planted_twin_from_another_council_first(planted_index):
    index = open_backend(planted_index)
    found = index.similar("medway-2019.txt", _source_n(index))
    assert found.results, found
    first = found.results[0]
    assert (first.doc_id, first.council) == ("sunderland-2021.txt", ["Sunderland"])
    assert "zeppelin" in first.shared and "<mark>" in first.snippet_html
    assert all(r.doc_id != "medway-2019.txt" and "Medway" not in r.council for r in found.results)


def test_other_documents_scope_never_returns_the_same_document(planted_index):
    index = open_backend(planted_index)
    found = index.similar("medway-2019.txt", _source_n(index), scope="other-documents")
    docs = [r.doc_id for r in found.results]
    assert "medway-2019.txt" not in docs
    assert set(docs[:2]) == {"medway-2023.txt", "sunderland-2021.txt"}  # Medway's later report may come in now
    assert len(docs) == len(set(docs))  # one paragraph per document


def test_missing_paragraph(planted_index):
    index = open_backend(planted_index)
    with pytest.raises(ParagraphMissing):
        index.similar("medway-2019.txt", 999)
    with pytest.raises(ParagraphMissing):
        find_paragraph(index.generation(), "nope.txt", 1)


def test_similar_web_and_cli(planted_index, runner):
    from indexer.cli import main
    from webui import create_app

    n = _source_n(open_backend(planted_index))
    client = create_app({"TESTING": True, "INDEX_DIR": str(planted_index)}).test_client()
    data = client.get(f"/similar.json?doc=medway-2019.txt&p={n}").get_json()
    assert data["results"][0]["doc_id"] == "sunderland-2021.txt"
    html = client.get(f"/similar?doc=medway-2019.txt&p={n}").get_data(as_text=True)
    assert "sunderland-2021.txt#p-2" in html and "Similar paragraphs in other councils" in html
    assert client.get("/similar?doc=medway-2019.txt&p=x").status_code == 404
    doc = client.get("/doc/medway-2019.txt").get_data(as_text=True)
    assert f'href="/similar?doc=medway-2019.txt&amp;p={n}"' in doc
    result = runner.invoke(main, ["similar", "medway-2019.txt", str(n), "--index", str(planted_index), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["results"][0]["doc_id"] == "sunderland-2021.txt"
    result = runner.invoke(main, ["similar", "medway-2019.txt", "999", "--index", str(planted_index)])
    assert result.exit_code != 0 and "no paragraph 999" in result.output
