"""Chunking: long paragraphs become passages at sentence boundaries; headings become context."""
from __future__ import annotations

from indexer.ingest.chunk import paragraphs_from_blocks, sentences, split_long
from indexer.models import Block


def test_sentences_respect_abbreviations():
    text = "Cllr. Smith met Dr. Jones on 3 Jan. at 10 a.m. in Kent. The report was published later."
    assert sentences(text) == ["Cllr. Smith met Dr. Jones on 3 Jan. at 10 a.m. in Kent.",
                               "The report was published later."]


def test_long_paragraph_splits_at_sentence_boundaries():
    sentence = "Inspectors found that children in care were visited regularly by their social workers. "
    text = (sentence * 30).strip()
    passages = split_long(text, limit=1200, target=900)
    assert len(passages) == 3
    assert all(p.endswith("social workers.") for p in passages)
    assert " ".join(passages) == text
    assert all(len(p) <= 900 for p in passages)


def test_short_paragraph_untouched():
    assert split_long("Short.", limit=1200) == ["Short."]


def test_headings_and_captions_are_context():
    blocks = [Block("Leadership", "heading"), Block("Leaders are effective."), Block("Photo: a building", "caption"),
              Block("Care leavers", "heading"), Block("Care leavers are well supported.", "bullet")]
    paras = paragraphs_from_blocks(blocks)
    assert [(p.n, p.heading, p.text) for p in paras] == [
        (1, "Leadership", "Leaders are effective."), (2, "Care leavers", "Care leavers are well supported.")]
