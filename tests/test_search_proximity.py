"""Proximity: query words standing close together lift a paragraph above one where they are far apart."""
from __future__ import annotations

import numpy as np
import pytest

from indexer.backends.embedded.write.build import rebuild
from indexer.models import SearchRequest
from indexer.backends import open_backend
from indexer.backends.embedded.query.proximity import _close, proximity_factors
from indexer.backends.embedded.query.parse import parse_query

FILLER = " ".join(f"word{i}" for i in range(40))


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("proximity")
    # Same words, same counts, same length: only the distance between "missing" and "exploitation" differs.
    (folder / "far.txt").write_text(f"Far apart\n\nChildren missing {FILLER} were at risk of exploitation.\n",
                                    encoding="utf-8")
    (folder / "near.txt").write_text(f"Close together\n\nChildren {FILLER} missing exploitation were at risk of.\n",
                                     encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("proximity-index")
    rebuild([folder], index_dir)
    return open_backend(index_dir)


def test_close_words_rank_first(index):
    result = index.search(SearchRequest(q="missing exploitation"))
    assert [h.doc_id for h in result.hits] == ["near.txt", "far.txt"]
    assert result.hits[0].score > result.hits[1].score


def test_factors_reward_only_close_pairs(index):
    gen = index.generation()
    plan = parse_query(gen, "missing exploitation").plan
    docnums = np.arange(gen.size)
    factors = dict(zip((gen.doc_names[d] for d in gen.doc_ids), proximity_factors(gen, plan, docnums)))
    assert factors["near.txt"] > 1.0 and factors["far.txt"] == 1.0


def test_window_edges():
    assert _close([3], [7]) and not _close([3], [8]) and not _close(None, [1]) and _close([10, 50], [49])


def test_positions_from_sequences_equal_the_stored_texts_words(seed_index):
    # Whoosh's postings keep no positions (index/schema.py): the reference is each stored text, analysed.
    from indexer.backends.embedded.postings.sequences import analysed_words
    from indexer.backends.embedded.query import proximity

    gen = open_backend(seed_index).generation()
    assert gen.sequences is not None
    docnums = np.arange(gen.size)
    stems = frozenset({"children", "social", "inadequ"})
    fast = proximity._positions_in_sequences(gen, stems, docnums)
    expected = {}
    for docnum in docnums.tolist():
        words = analysed_words(gen.stored(docnum).get("text", ""))
        found = [i for i, word in enumerate(words) if word in stems]
        if found:
            expected[docnum] = found
    assert fast and fast == expected
