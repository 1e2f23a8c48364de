"""Subject mentions and council lists (ingest/annotate/places.py)."""
from __future__ import annotations

from indexer.ingest.annotate.gazetteer import display_name, find_mentions
from indexer.ingest.annotate.places import council_groups, subject_mentions


def _names(text):
    return [display_name(code) for _, code in subject_mentions(text, None)]


def test_a_place_in_a_location_phrase_is_not_a_subject():
    assert _names("Two councils - Knowsley in Merseyside and Bury in Lancashire - were rated good.") == \
        ["Knowsley", "Bury"]
    assert _names("Halton Borough Council, in Cheshire, and Hull City Council were graded.") == ["Halton", "Kingston upon Hull"]


def test_newspapers_named_after_a_town_are_not_councils():
    assert all(m.is_org for m in find_mentions("reported by the Shropshire Star and the Manchester Evening News"))


def test_a_list_with_missing_separators_and_suffixes_is_one_group():
    text = "The five were: Leeds; Bradford; Kirklees Calderdale MBC and Wakefield CC."
    groups = council_groups(text, subject_mentions(text, None))
    assert [[display_name(c) for _, c in g] for g in groups] == [["Leeds", "Bradford", "Kirklees", "Calderdale",
                                                                  "Wakefield"]]


def test_short_forms_count_inside_a_list_of_councils():
    assert _names("rated well: Sutton, Richmond and Merton") == ["Sutton", "Richmond upon Thames", "Merton"]
    assert _names("a day out in Richmond") == []
