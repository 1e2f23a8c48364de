"""The rebuild's direct segment writer against Whoosh's own writer: every term, posting, stored field, length
and column the same, whatever the segment size."""
from __future__ import annotations

import copy
import itertools

import numpy as np
import pytest
from whoosh import index as whoosh_index

from indexer.backends.embedded.write import segments as segment_writer
from indexer import settings
from indexer.analysis import raw_words
from indexer.backends.embedded.write.build import index_fields
from indexer.ingest.documents import load_documents
from indexer.backends.embedded.index.schema import build_schema
from indexer.backends.embedded.postings.sequences import SequenceWriter
from indexer.backends.embedded.index.stored import BACK, BLOCK, BLOCK_BACK, unpack

from tests.conftest import NEWS, SEEDS
from tests.index_contents import postings


@pytest.fixture(scope="module")
def paragraphs(news_documents) -> list[dict]:
    """The Whoosh documents of the seeds and every third news fixture (800+ paragraphs, every facet kind); the
    articles as the run read them once (tests/conftest.py), the same documents as reading these files again."""
    out = []
    news = {str(p) for p in sorted(p for p in NEWS.iterdir() if p.is_file())[::3]}
    chosen = copy.deepcopy([doc for doc in news_documents if doc.path in news])
    assert len(chosen) == len(news)
    for doc in [*load_documents([SEEDS]), *chosen]:
        if not doc.error:
            out.extend(index_fields(doc))
    return out


def _whoosh_built(folder, paragraphs):
    ix = whoosh_index.create_in(folder, build_schema())
    writer = ix.writer(procs=1, compound=False)
    for fields in paragraphs:
        writer.add_document(**fields)
    writer.commit()
    return whoosh_index.open_dir(folder)


def _direct_built(folder, paragraphs, segment_size, processes, monkeypatch, by_document=True):
    monkeypatch.setattr(settings, "SEGMENT_PARAGRAPHS", segment_size)
    ix = whoosh_index.create_in(folder, build_schema())
    sequences = SequenceWriter(folder / "arrays")
    writer = segment_writer.BulkWriter(ix, sequences.vocab, processes)
    for _, group in itertools.groupby(paragraphs, key=lambda fields: fields["doc_id"]):
        group = list(group)
        text_ids = [sequences.add(f["doc_id"], f["n"], raw_words(f.get("text", "")), f["heading"]) for f in group]
        if by_document:
            writer.add_paragraphs(group, text_ids)
        else:
            for fields, ids in zip(group, text_ids):
                writer.add_document(ids, **fields)
    writer.commit()
    sequences.cancel()
    return whoosh_index.open_dir(folder)


def _per_document(reader, schema) -> dict:
    """Stored fields, field lengths and column values of every paragraph."""
    scorable = [n for n in schema.names() if schema[n].scorable]
    columns = [n for n in schema.names() if schema[n].column_type]
    return {
        # as readers see them: a document's shared values (stored once, on its first paragraph) merged in
        "stored": [unpack(reader.stored_fields(i), i, reader.stored_fields) for i in range(reader.doc_count_all())],
        # Whoosh's reader answers None, not 0, for a length byte of 0 in a segment that has the field's column, and
        # the default 0 in one that lacks it: the same "no length", so both are compared as 0.
        "lengths": {n: [reader.doc_field_length(i, n, 0) or 0 for i in range(reader.doc_count_all())]
                    for n in scorable},
        "totals": {n: reader.field_length(n) for n in scorable},
        "columns": {n: list(reader.column_reader(n)) for n in columns},
    }


@pytest.fixture(scope="module")
def whoosh_built(tmp_path_factory, paragraphs) -> tuple[dict, dict]:
    """What Whoosh's own writer makes of the same paragraphs (postings, per-paragraph data), once."""
    ix = _whoosh_built(tmp_path_factory.mktemp("whoosh"), paragraphs)
    with ix.reader() as reader:
        assert reader.doc_count_all() == len(paragraphs)
        return postings(reader), _per_document(reader, ix.schema)


@pytest.mark.parametrize("segment_size,processes,by_document", [(250_000, 1, True), (300, 2, True), (300, 1, False)])
def test_same_index_as_whoosh_writer(tmp_path, monkeypatch, paragraphs, whoosh_built, segment_size, processes,
                                     by_document):
    """Word for word, posting for posting: Whoosh cannot tell the two indexes apart."""
    (tmp_path / "direct").mkdir()
    if segment_size < 1000:  # paragraphs stored in blocks (index/stored.py), across segments and processes too
        monkeypatch.setattr(settings, "STORED_TEXT_BLOCK", 4)
    want_postings, want_per_document = whoosh_built
    actual = _direct_built(tmp_path / "direct", paragraphs, segment_size, processes, monkeypatch, by_document)
    assert len(paragraphs) > 800
    with actual.reader() as got:
        assert got.doc_count_all() == len(paragraphs)
        got_postings = postings(got)
        assert ("text", b"caseload") in want_postings
        assert got_postings == want_postings
        assert _per_document(got, actual.schema) == want_per_document
        raw = [got.stored_fields(i) for i in range(got.doc_count_all())]
        # A block's later paragraphs store a pointer only; its first, every paragraph's own values (index/stored.py).
        assert all(set(f) == {BLOCK_BACK} for f in raw if BLOCK_BACK in f)
        entries = [e for f in raw if BLOCK_BACK not in f for e in f.get(BLOCK, [f])]
        assert len(entries) == len(raw)
        later = [e for e in entries if BACK in e]
        if by_document:  # a document's shared values are stored once; paragraph by paragraph, on each
            assert len(later) > len(raw) // 2 and not any("path" in f or "outcome" in f for f in later)
            blocks = sum(BLOCK in f for f in raw)
            assert blocks > len(raw) // 5 if settings.STORED_TEXT_BLOCK > 1 else blocks == 0
        else:
            assert not later and not any(BLOCK in f for f in raw)
        if not by_document:  # by document, a segment ends after the document that fills it
            assert len(got.leaf_readers()) == -(-len(paragraphs) // segment_size)
        else:
            assert len(got.leaf_readers()) > 1 if segment_size < len(paragraphs) else len(got.leaf_readers()) == 1


def test_kept_columns_give_the_arrays_read_back_from_the_index(tmp_path, monkeypatch, paragraphs):
    """The search arrays from the writer's kept columns equal those read from the finished index."""
    from indexer.backends.embedded.index import arrays

    monkeypatch.setattr(settings, "SEGMENT_PARAGRAPHS", 300)
    ix = whoosh_index.create_in(tmp_path, build_schema())
    sequences = SequenceWriter(tmp_path / "arrays")
    writer = segment_writer.BulkWriter(ix, sequences.vocab, 1)
    for _, group in itertools.groupby(paragraphs, key=lambda fields: fields["doc_id"]):
        group = list(group)
        writer.add_paragraphs(group, [sequences.add(f["doc_id"], f["n"], raw_words(f["text"]), f["heading"])
                                      for f in group])
    writer.commit()
    sequences.cancel()
    with whoosh_index.open_dir(tmp_path).searcher() as searcher:
        want = arrays.compute(searcher.reader(), searcher)
        got = arrays.compute_from_columns(searcher.reader(), searcher, writer.kept)
    assert got.doc_names == want.doc_names and len(got.doc_names) > 50
    for name in ("doc_ids", "years", "dates", "para_n"):
        assert np.array_equal(getattr(got, name), getattr(want, name)), name
        assert getattr(got, name).dtype == getattr(want, name).dtype, name
    assert set(want.years.tolist()) >= {0, 2019}  # undated paragraphs and dated ones
    for field in want.lengths:
        assert np.array_equal(got.lengths[field], want.lengths[field]), field
    assert got.title_words == want.title_words


def test_fields_that_only_some_paragraphs_have(tmp_path, monkeypatch, paragraphs):
    """A field missing from a document's first paragraph (or None in it) is still indexed where present."""
    head, *rest = [dict(p) for p in paragraphs[:3]]
    head.pop("text")
    head.pop("grade_change", None)
    rest[0]["grade_change"] = "from inadequate"
    rest[1]["year"] = None
    doc = [head, *rest]
    (tmp_path / "whoosh").mkdir()
    (tmp_path / "direct").mkdir()
    want_ix = _whoosh_built(tmp_path / "whoosh", doc)
    got_ix = _direct_built(tmp_path / "direct", doc, 250_000, 1, monkeypatch)
    with want_ix.reader() as want, got_ix.reader() as got:
        assert ("grade_change", b"from inadequate") in postings(want)
        assert postings(got) == postings(want)
        assert _per_document(got, got_ix.schema) == _per_document(want, want_ix.schema)


def test_boosts_are_refused_not_ignored(tmp_path, paragraphs):
    ix = whoosh_index.create_in(tmp_path, build_schema())
    writer = segment_writer.BulkWriter(ix, {}, 1)
    with pytest.raises(ValueError, match="boosts"):
        writer.add_document([], **{**paragraphs[0], "_text_boost": 2.0})


@pytest.mark.parametrize("segment_size", [250_000, 300])
def test_posting_blocks_prepared_in_numpy_are_the_same_bytes(tmp_path, monkeypatch, paragraphs, segment_size):
    """Posting blocks prepared in numpy (settings.POSTING_BLOCKS_IN_NUMPY) write the very bytes
    Whoosh's per-posting loops write: postings and terms files compared byte for byte."""
    files = {}
    for fast in (False, True):
        folder = tmp_path / str(fast)
        folder.mkdir()
        monkeypatch.setattr(settings, "POSTING_BLOCKS_IN_NUMPY", fast)
        ix = _direct_built(folder, paragraphs, segment_size, 1, monkeypatch)
        names = [segment.segment_id() for segment in ix._segments()]
        files[fast] = [(folder / f"{name}{ext}").read_bytes() for name in names for ext in (".pst", ".trm")]
    assert (len(files[True]) > 2) == (segment_size < len(paragraphs))
    assert sum(map(len, files[True])) > 100_000
    assert files[True] == files[False]
