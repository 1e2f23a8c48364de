"""The compact index answers exactly as the plain one: zlib posting blocks, shared stored values kept once."""
from __future__ import annotations

from pathlib import Path

from indexer import settings
from indexer.quality.bench import disk
from indexer.backends.embedded.write.build import rebuild
from indexer.backends.embedded.index.layout import current_generation
from indexer.models import SearchRequest
from indexer.backends import open_backend

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
QUERIES = ["caseloads", "social workers", '"children in care"', "ofsted inadequate", "council"]


def _pages(index_dir: Path) -> list:
    index = open_backend(index_dir)
    out = []
    for q in QUERIES:
        result = index.search(SearchRequest(q=q))
        out.append((result.total, [(h.doc_id, h.paragraph, h.title, h.url, h.snippet_html) for h in result.hits]))
    out.append(index.document("000_f098993525120d5e.txt"))
    return out


def test_compressed_postings_are_smaller_and_answer_the_same(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "POSTING_ZLIB_LEVEL", 0)
    rebuild([SEEDS], tmp_path / "plain")
    monkeypatch.setattr(settings, "POSTING_ZLIB_LEVEL", 1)
    rebuild([SEEDS], tmp_path / "packed")
    plain = disk.breakdown(current_generation(tmp_path / "plain"))["Whoosh postings (frequencies; positions in older indexes)"]
    packed = disk.breakdown(current_generation(tmp_path / "packed"))["Whoosh postings (frequencies; positions in older indexes)"]
    assert packed < 0.8 * plain  # ~0.35 on the real reports; the small seeds compress less
    assert _pages(tmp_path / "plain") == _pages(tmp_path / "packed")


def test_a_documents_shared_values_read_back_on_every_paragraph(seed_index):
    index = open_backend(seed_index)
    doc = index.document("000_f098993525120d5e.txt")
    gen = index.generation()
    numbers = sorted(gen.searcher.document_numbers(doc_id="000_f098993525120d5e.txt"))
    raw = [gen.searcher.stored_fields(d) for d in numbers]
    assert "path" in raw[0] and not any("path" in f for f in raw[1:])  # stored once
    seen = [gen.stored(d) for d in numbers]
    assert all(f["path"] == raw[0]["path"] and f["doc_id"] == doc.doc_id for f in seen)
    assert [f["n"] for f in seen] == sorted(f["n"] for f in seen) and "doc_back" not in seen[1]
