"""Snippets: words marked as written, phrases only where the whole phrase occurs, text escaped."""
from __future__ import annotations

from indexer.search import querytree as qt
from indexer.search.snippets import mark, query_marks

TEXT = ("Children missing from care were not followed up, and care leavers lacked support. "
        "Missing children & <b>others</b> from the care system were referred.")


def test_phrase_marks_only_the_phrase():
    marks = query_marks(qt.Phrase("text", ("miss", "from", "care")))
    out = mark(TEXT, marks, whole=True)
    assert "<mark>missing from care</mark>" in out
    assert out.count("<mark>") == 1  # not "care leavers", not "Missing children"


def test_words_marked_as_written_and_text_escaped():
    marks = query_marks(qt.Or((qt.Term("text", "miss"), qt.Term("text", "leaver"))))
    out = mark(TEXT, marks, whole=True)
    assert "<mark>missing</mark>" in out and "<mark>Missing</mark>" in out and "<mark>leavers</mark>" in out
    assert "&lt;b&gt;others&lt;/b&gt;" in out and "<b>" not in out


def test_excluded_words_are_not_marked():
    marks = query_marks(qt.And((qt.Term("text", "care"), qt.Not(qt.Term("text", "leaver")))))
    assert marks.words == frozenset({"care"})


def test_long_paragraph_gives_best_sentences_and_plain_text_without_matches():
    long_text = "Filler sentence about nothing much at all here. " * 20 + "Caseloads were high. " + "More filler. " * 10
    out = mark(long_text, query_marks(qt.Term("text", "caseload")))
    assert "<mark>Caseloads</mark> were high" in out and len(out) < 600
    plain = mark(long_text, query_marks(None))
    assert plain.endswith(" …") and len(plain) <= 330


def test_snippet_words_are_the_index_analyzers_tokens():
    """Snippets (backend-neutral) find exactly the words the embedded index stored, at the same places."""
    from indexer.backends.embedded.index.schema import text_analyzer
    from indexer.search.snippets import _matched_tokens, QueryMarks

    text = "Children's social workers’ caseloads — in Stoke-on-Trent, 2019 — were “too high”; Ofsted's café visit."
    indexed = [(t.text, t.startchar, t.endchar)
               for t in text_analyzer()(text, positions=True, chars=True, mode="index", removestops=False)]
    ours = [(t.text, t.startchar, t.endchar) for t in _matched_tokens(text, QueryMarks(frozenset(), ()))]
    assert ours == indexed and len(ours) > 10
