"""The own-words check: the longest run of words a fixture shares with its source, names and headline aside."""
from __future__ import annotations

from indexer.quality.overlap import longest_shared_run, measure, words

SOURCE = ("Children's services in Swindon have been rated inadequate by Ofsted after an inspection in July, "
          "the council said on Monday.")


def test_words_fold_markup_case_and_typography():
    assert words("<p>Ofsted\u2019s  VERDICT</p>") == ["ofsted's", "verdict"]


def test_longest_run_is_found_and_counted_in_words():
    run = longest_shared_run("They said it: rated inadequate by Ofsted after an inspection. Then more.", SOURCE)
    assert run.length == 7
    assert run.words == ("rated", "inadequate", "by", "ofsted", "after", "an", "inspection")


def test_a_rewrite_shares_only_short_runs():
    rewrite = "Ofsted inspected Swindon in July and found its children's services inadequate, the council says."
    assert longest_shared_run(rewrite, SOURCE).length <= 3


def test_names_break_a_run_and_the_headline_is_set_aside():
    source = "Haringey, Camden and Islington were all rated good. Council moves out of inadequate"
    fixture = "Haringey, Camden and Islington were all rated good. Council moves out of inadequate"
    assert longest_shared_run(fixture, source).length == 13
    assert longest_shared_run(fixture, source, frozenset({"haringey", "camden", "islington"})).length == 9
    result = measure("Council moves out of inadequate. Ofsted says so.", source, "Council moves out of inadequate")
    assert result == {"longest": 5, "names_aside": 0}
