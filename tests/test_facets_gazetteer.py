"""Finding councils in text (ingest/annotate/gazetteer.py)."""
from __future__ import annotations

import datetime as dt

from indexer.ingest.annotate.gazetteer import display_name, find_mentions, resolve_mention

def test_longest_match_wins_for_contained_names():
    names = [m.alias for m in find_mentions("North Somerset and Somerset; Newcastle upon Tyne, not "
                                            "Newcastle-under-Lyme; East Riding of Yorkshire")]
    assert names == ["North Somerset", "Somerset", "Newcastle upon Tyne", "East Riding of Yorkshire"]


def test_reorganised_councils_resolve_by_date():
    bournemouth = find_mentions("Bournemouth")[0]
    assert display_name(resolve_mention(bournemouth.codes, dt.date(2017, 5, 1))) == "Bournemouth"
    assert resolve_mention(bournemouth.codes, dt.date(2022, 5, 1)) == "E06000058"  # BCP
    northants = find_mentions("Northamptonshire")[0]
    assert resolve_mention(northants.codes, dt.date(2019, 1, 1)) == "E10000021"


def test_org_names_are_not_council_mentions():
    mentions = find_mentions("a statement from Kent and Medway NHS Trust and Kent Police")
    assert all(m.is_org for m in mentions)


def test_short_council_forms_need_the_word_council():
    found = [m.alias for m in find_mentions("Brighton council and Blackburn Rovers; Richmond in Yorkshire")]
    assert found == ["Brighton", "Blackburn"]
    assert find_mentions("Blackburn Rovers")[0].is_org


def test_names_set_in_capitals_are_found():
    assert [m.alias for m in find_mentions("BOLTON and Wigan were praised; WIGAN COUNCIL said")] == \
        ["Bolton", "Wigan", "Wigan Council"]
    assert find_mentions("READ MORE: THE NEWS IN BRIEF") == []


def test_newcastle_alone_is_newcastle_upon_tyne_but_not_under_lyme():
    assert [m.alias for m in find_mentions("Newcastle was rated adequate")] == ["Newcastle"]
    assert find_mentions("Newcastle-under-Lyme was mentioned") == []


def test_kingston_alone_is_the_london_borough_and_hull_keeps_its_names():
    kingston = find_mentions("Ofsted found Kingston's services transformed")
    assert [display_name(resolve_mention(m.codes, None)) for m in kingston] == ["Kingston upon Thames"]
    hull = find_mentions("Kingston upon Hull and Hull City Council")
    assert {display_name(resolve_mention(m.codes, None)) for m in hull} == {"Kingston upon Hull"}
