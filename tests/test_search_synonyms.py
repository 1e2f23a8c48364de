"""Synonyms: one data file, longest term first, stems so plurals need no line of their own."""
from __future__ import annotations

from indexer.search.synonyms import group_words, stems_of, synonym_sets


def _alternatives(text: str) -> list[list[str]]:
    return [[" ".join(a.stems) for a in g.alternatives] for g in group_words(stems_of(text))]


def test_abbreviation_expands_to_its_phrase_and_back():
    assert _alternatives("CSE") == [["cse", "child sexual exploit"]]
    assert ["child sexual exploit", "cse"] in _alternatives("child sexual exploitation Rotherham")


def test_longest_term_wins_and_other_words_stay_single():
    groups = group_words(stems_of("looked after children missing"))
    assert [g.typed for g in groups] == ["looked after children", "missing"]
    assert "lac" in {" ".join(a.stems) for a in groups[0].alternatives}


def test_synonyms_rank_below_the_word_as_typed():
    (group,) = group_words(stems_of("caseloads"))
    typed, *others = group.alternatives
    assert typed.weight == 1.0 and all(o.weight < 1.0 for o in others)
    assert ("case", "load") in {o.stems for o in others}


def test_a_user_file_extends_the_list(tmp_path):
    path = tmp_path / "synonyms.txt"
    path.write_text("# mine\nfoster carers, foster parents\n\n", encoding="utf-8")
    assert synonym_sets(path) == ((("foster", "carer"), ("foster", "parent")),)
    (group,) = group_words(stems_of("foster parents"), path)
    assert [a.stems for a in group.alternatives] == [("foster", "parent"), ("foster", "carer")]


def test_word_family_variants_the_stemmer_splits_are_joined():
    # Porter stems "failures" to failur and "failings" to fail: the data file joins them, both ways.
    assert _alternatives("failures") == [["failur", "fail"]]
    assert "failur" in _alternatives("failings")[0]
