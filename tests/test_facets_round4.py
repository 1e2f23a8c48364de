"""Issue 22, facet round 4: rules written to generalise past set n's fitting half (its odd ids). Every text here is
written for the test; none is an article's wording."""
from __future__ import annotations

from indexer.ingest.annotate.dates import url_date

from tests.facet_helpers import article


def test_a_count_that_names_the_councils_of_the_sentence_before_shares_its_grade(tmp_path):
    doc = article(tmp_path, "Yearly ratings\n\nThe yearly ratings out today put seven councils in the lowest band, "
                            "judged inadequate overall.\n\nThe seven are Bury, Kent, Leeds, Camden, Derby, Luton and "
                            "Bolton.\n\nMost others did better.\n")
    assert dict(zip(doc.council, doc.severity)) == {c: "inadequate" for c in
                                                    ["Bury", "Kent", "Leeds", "Camden", "Derby", "Luton", "Bolton"]}


def test_a_colon_list_of_withheld_results_makes_subjects_with_no_grade(tmp_path):
    doc = article(tmp_path, "Yearly ratings\n\nThree councils were judged inadequate overall: Bury, Kent and Leeds.\n\n"
                            "Verdicts on four more are held back until inspectors return: Cornwall, Cheshire West, "
                            "Luton and Derby.\n")
    found = dict(zip(doc.council, doc.severity))
    assert found["Cheshire West and Chester"] == "" and found["Cornwall"] == "" and found["Kent"] == "inadequate"


def test_a_url_date_with_a_short_month_name():
    assert url_date("https://paper.example/society/2011/nov/30/some-story") == (2011, 11)
    assert url_date("https://paper.example/society/2011/now/30/some-story") is None
