"""Per-request bounds: query cut, list parameters capped, spelling on a few words, wildcard expansion capped."""
from __future__ import annotations

import numpy as np
import pytest
from whoosh.qparser import MultifieldParser

from indexer import settings
from indexer.search.limits import check_expansions, cut_query, limited_list, limited_query, words_to_correct
from indexer.backends import open_backend
from indexer.backends.embedded.query.matching import _expanded_mask
from indexer.backends.embedded.query.parse import GenerationLexicon


def test_query_is_cut_before_anything_reads_it():
    problems: list[str] = []
    assert limited_query("  " + "x" * 5000, problems) == "x" * settings.MAX_QUERY_CHARS
    assert problems == ["Your query was longer than 2,000 characters and was shortened."]
    assert cut_query("abc") == "abc"


def test_list_parameters_are_capped_with_a_message():
    problems: list[str] = []
    assert limited_list(["Kent"] * 18_000, "council", problems) == ["Kent"] * 50
    assert limited_list(["K" * 201, "Kent"], "council", problems) == ["Kent"]
    assert problems == ["Only the first 50 council values were used (18,000 were given).",
                        "council values longer than 200 characters were ignored."]


def test_spelling_looks_at_a_few_distinct_words_of_plausible_length():
    words = ["casloads", "casloads", "x" * 41, *[f"word{i}" for i in range(100)]]
    assert words_to_correct(words) == ["casloads", *[f"word{i}" for i in range(7)]]


def _parse(gen, text):
    return MultifieldParser(["heading", "text"], gen.ix.schema).parse(text)


def _tree(gen, text):
    return GenerationLexicon(gen).parse(text)


def test_leading_wildcards_and_wide_patterns_are_refused(seed_index, monkeypatch):
    gen = open_backend(seed_index).generation()
    lexicon = GenerationLexicon(gen)
    with pytest.raises(ValueError, match="starts with a wildcard"):
        check_expansions(_tree(gen, "?*"), lexicon)
    monkeypatch.setattr(settings, "MAX_WILDCARD_TERMS", 2)
    with pytest.raises(ValueError, match="“c\\*” matches more than 2 different words"):
        check_expansions(_tree(gen, "c*"), lexicon)
    check_expansions(_tree(gen, "caseload*"), lexicon)  # caseload, caseloads


@pytest.mark.parametrize("pattern", ["safeguard*", "c?se*", "inspect*", "zzz*"])
def test_wildcard_matching_in_numpy_equals_whoosh(seed_index, pattern):
    gen = open_backend(seed_index).generation()
    ours = _tree(gen, pattern)  # the project's tree: an OR of one pattern per field
    for sub, mine in zip(_parse(gen, pattern).subqueries, ours.parts):
        assert (mine.field, mine.text.rstrip("*")) == (sub.fieldname, str(sub.text).rstrip("*"))
        assert np.flatnonzero(_expanded_mask(gen, mine)).tolist() == sorted(sub.docs(gen.searcher))
