"""Match masks of the project's query tree computed in numpy equal Whoosh's own parsing and matching."""
from __future__ import annotations

import numpy as np
import pytest

from indexer.backends import open_backend
from whoosh.qparser import MultifieldParser

from indexer.backends.embedded.query.matching import _mask
from indexer.backends.embedded.query.parse import GenerationLexicon
from indexer.search.query import parse_syntax
from indexer.search.snippets import MATCH_FIELDS
from tests import phrase_reference


@pytest.fixture(scope="module")
def corpus(fixture_index):
    return open_backend(fixture_index)


@pytest.mark.parametrize("text", ["children", "social workers", "caseloads OR exploitation", "missing NOT school",
                                  "(children OR young) AND NOT care",
                                  "council:Kent children", "severity:inadequate children", "safeguard*", "NOT children",
                                  "year:2019 children", "title:Kent"])
def test_numpy_match_masks_equal_whoosh_matching(corpus, text):
    gen = corpus.generation()
    ours = _mask(gen, parse_syntax(GenerationLexicon(gen), text).query)  # the project's query tree, in numpy
    q = MultifieldParser(list(MATCH_FIELDS), gen.schema).parse(text)  # Whoosh's own reading and matching
    whoosh_ids = list(q.matcher(gen.searcher).all_ids()) if q.matcher(gen.searcher).is_active() else []
    expected = np.zeros(gen.size, dtype=bool)
    expected[whoosh_ids] = True
    if text.startswith("title:"):
        # The title is indexed on each document's first paragraph; a title match is the whole document.
        expected = np.isin(gen.doc_ids, gen.doc_ids[whoosh_ids])
    assert ours.sum() > 0 or text == "NOT children" or not whoosh_ids
    assert (ours == expected).all()


def test_a_phrase_with_a_word_equals_a_scan_of_the_stored_text(corpus):
    # Whoosh's postings keep no positions (index/schema.py), so its phrase matcher cannot be the reference.
    gen = corpus.generation()
    ours = _mask(gen, parse_syntax(GenerationLexicon(gen), '("social workers" OR "children in care") council').query)
    q = MultifieldParser(list(MATCH_FIELDS), gen.schema).parse("council")
    expected = np.zeros(gen.size, dtype=bool)
    expected[list(q.matcher(gen.searcher).all_ids())] = True
    phrases = phrase_reference.phrase_mask(gen, ["social", "worker"]) | \
        phrase_reference.phrase_mask(gen, ["children", "in", "care"])
    expected &= phrases
    assert expected.any() and (ours == expected).all()
