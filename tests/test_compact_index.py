"""The compact index answers exactly as the plain one and as older layouts: zlib posting blocks without positions,
shared stored values kept once, one- and two-byte arrays; older generations still open and update."""
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


def test_paragraphs_in_blocks_read_back_as_each_paragraph_stored_whole(tmp_path, monkeypatch):
    from indexer.backends.embedded.index.stored import BLOCK, BLOCK_BACK

    monkeypatch.setattr(settings, "STORED_TEXT_BLOCK", 16)  # blocks: fewer bytes, more work a read (settings.py)
    rebuild([SEEDS], tmp_path)
    gen = open_backend(tmp_path).generation()
    raw = [gen.searcher.stored_fields(d) for d in range(gen.size)]
    assert any(BLOCK in f for f in raw) and any(BLOCK_BACK in f for f in raw)
    assert all(set(f) == {BLOCK_BACK} for f in raw if BLOCK_BACK in f)  # a block's later paragraphs: a pointer
    seen = [gen.stored(d) for d in range(gen.size)]
    for docnum, fields in enumerate(raw):  # a block's list holds its paragraphs' own values in order
        if BLOCK in fields:
            for k, own in enumerate(fields[BLOCK]):
                assert {key: v for key, v in own.items() if key != "doc_back"}.items() <= seen[docnum + k].items()
    assert all(f.get("text") and f.get("title") and f.get("doc_id") and f.get("id") for f in seen)
    assert not any(key in f for f in seen for key in (BLOCK, BLOCK_BACK, "doc_back", "doc_shared"))
    assert [f["n"] for f in seen if f["doc_id"] == seen[0]["doc_id"]] == \
        list(range(seen[0]["n"], seen[0]["n"] + sum(f["doc_id"] == seen[0]["doc_id"] for f in seen)))


def test_a_value_every_paragraph_has_is_stored_once(seed_index):
    index = open_backend(seed_index)
    gen = index.generation()
    numbers = sorted(gen.searcher.document_numbers(doc_id="000_f098993525120d5e.txt"))
    raw = [gen.searcher.stored_fields(d) for d in numbers]
    assert "title" in raw[0] and not any("title" in f for f in raw[1:])  # stored on every paragraph before
    assert all(gen.stored(d)["title"] == raw[0]["title"] for d in numbers)
    assert all("text" in f and "id" in f for f in raw[1:])


def test_older_layouts_answer_the_same(tmp_path, monkeypatch):
    # Paragraphs stored one by one and int32 word sequences (generations written before this layout) read as
    # paragraphs in blocks and uint16 sequences do.
    from indexer.backends.embedded.postings import sequences

    monkeypatch.setattr(settings, "STORED_TEXT_BLOCK", 16)
    rebuild([SEEDS], tmp_path / "new")
    monkeypatch.setattr(settings, "STORED_TEXT_BLOCK", 1)
    monkeypatch.setattr(sequences, "_PACKED_WORDS", 0)
    rebuild([SEEDS], tmp_path / "old")
    new, old = current_generation(tmp_path / "new"), current_generation(tmp_path / "old")
    assert (new / "arrays" / "seq_text.u16").exists() and not (new / "arrays" / "seq_text.i32").exists()
    assert (old / "arrays" / "seq_text.i32").exists() and not (old / "arrays" / "seq_text.u16").exists()
    parts = {name: disk.breakdown(g) for name, g in (("new", new), ("old", old))}
    stored = "Whoosh stored fields (paragraph text, titles, outcomes)"
    assert parts["new"][stored] < parts["old"][stored] and parts["new"]["word sequences"] < parts["old"]["word sequences"]
    assert _pages(tmp_path / "new") == _pages(tmp_path / "old")


def _positional_schema():
    """The schema generations were built with before: positions in Whoosh's postings, the id indexed."""
    from whoosh import fields

    from indexer.backends.embedded.index.schema import build_schema

    schema = build_schema()
    for name in ("text", "title", "heading"):
        old = schema[name]
        kind = type(old)
        schema.remove(name)
        schema.add(name, kind(stored=True, analyzer=old.analyzer, phrase=True, field_boost=old.format.field_boost))
    schema.remove("id")
    schema.add("id", fields.ID(stored=True, unique=True))
    schema["id"].scorable = True
    return schema


def test_a_generation_with_positional_postings_answers_the_same_and_updates(tmp_path, monkeypatch):
    from indexer.backends.embedded.write import build
    from indexer.backends.embedded.write.update import update

    rebuild([SEEDS], tmp_path / "new")
    monkeypatch.setattr(build, "build_schema", _positional_schema)
    rebuild([SEEDS], tmp_path / "old")
    monkeypatch.undo()
    old = current_generation(tmp_path / "old")
    ix_schema = open_backend(tmp_path / "old").generation().schema
    assert ix_schema["text"].format.supports("positions") and ix_schema["id"].indexed
    parts = {name: disk.breakdown(current_generation(tmp_path / name)) for name in ("new", "old")}
    postings = "Whoosh postings (frequencies; positions in older indexes)"
    assert parts["new"][postings] < parts["old"][postings]
    assert parts["new"]["Whoosh term dictionary"] < parts["old"]["Whoosh term dictionary"]
    assert _pages(tmp_path / "new") == _pages(tmp_path / "old")
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "zebra.txt").write_text("Zebrafinch\n\nThe zebrafinch council looked after children in care.\n")
    update([SEEDS, extra], tmp_path / "old")  # the old generation is carried forward, not rebuilt
    assert current_generation(tmp_path / "old") != old
    index = open_backend(tmp_path / "old")
    assert index.generation().schema["text"].format.supports("positions")
    assert index.search(SearchRequest(q='"zebrafinch council"')).total == 1
    assert index.search(SearchRequest(q="caseloads")).total == open_backend(tmp_path / "new").search(
        SearchRequest(q="caseloads")).total


def test_an_update_past_the_uint16_vocabulary_widens_the_sequences(tmp_path, monkeypatch):
    from indexer.backends.embedded.postings import sequences
    from indexer.backends.embedded.write.update import update

    rebuild([SEEDS], tmp_path / "index")
    assert (current_generation(tmp_path / "index") / "arrays" / "seq_text.u16").exists()
    before = _pages(tmp_path / "index")
    monkeypatch.setattr(sequences, "_PACKED_WORDS", 10)  # as if the update's new words passed 65,536
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "zebra.txt").write_text("Zebrafinch\n\nThe zebrafinch council looked after children in care.\n")
    update([SEEDS, extra], tmp_path / "index")
    arrays = current_generation(tmp_path / "index") / "arrays"
    assert (arrays / "seq_text.i32").exists() and not (arrays / "seq_text.u16").exists()
    index = open_backend(tmp_path / "index")
    assert index.search(SearchRequest(q='"zebrafinch council"')).total == 1
    assert index.search(SearchRequest(q='"children in care"')).total == before[2][0] + 1
