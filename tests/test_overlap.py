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


def test_shared_lines_finds_a_run_across_a_line_break(tmp_path):
    from indexer.quality.overlap import shared_lines
    page = tmp_path / "pages" / "p1.txt"
    page.parent.mkdir()
    page.write_text("Inspectors said the borough's help for young carers had become a model for its neighbours.")
    notes = tmp_path / "notes.md"
    notes.write_text("A page said help for young carers had become\na model for its neighbours, which we quote.\n"
                     "Another line shares only a few words: help for young carers.\n")
    found = shared_lines([notes], [page])
    assert [(hit.line, hit.length, hit.source) for hit in found] == [(1, 11, "p1.txt")]


def test_shared_lines_passes_text_in_own_words(tmp_path):
    from indexer.quality.overlap import shared_lines
    page = tmp_path / "p1.txt"
    page.write_text("Inspectors said the borough's help for young carers had become a model for its neighbours.")
    notes = tmp_path / "notes.md"
    notes.write_text("The inspectors held up the borough's young carers service as an example to nearby councils.\n")
    assert shared_lines([notes], [page]) == []
