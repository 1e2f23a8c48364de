"""'Did you mean': the nearest known raw word, the more frequent one among equally near ones."""
from __future__ import annotations

from indexer.backends.embedded.index.spelling import Speller, WordCounter


def test_nearest_then_most_frequent():
    speller = Speller({"safeguarding": 40, "safeguards": 3, "caseloads": 9, "caseload": 2, "children": 100})
    assert speller.suggest("safegaurding") == "safeguarding"
    assert speller.suggest("caseloadz") == "caseloads"  # both one edit away: the more frequent wins
    assert speller.suggest("children") is None           # known words are not corrected
    assert speller.suggest("zzzzzzzz") is None


def test_word_counter_counts_raw_words_and_round_trips(tmp_path):
    counter = WordCounter()
    counter.add("Children's caseloads: caseloads were high, 55 children.")
    counter.save(tmp_path)
    speller = Speller.load(tmp_path)
    assert speller.counts["caseloads"] == 2 and speller.known("children") and not speller.known("55")
    assert Speller.load(tmp_path / "missing").suggest("anything") is None
