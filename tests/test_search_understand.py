"""Query understanding: what is recognised as a council, grade or year, and what is not."""
from __future__ import annotations

from indexer.models import SearchRequest
from indexer.search.understand import councils_in, grades_in, understand, years_in


def test_councils_and_aliases_in_any_case():
    assert [v for v, _ in councils_in("Birmingham children's services")] == ["Birmingham"]
    assert [v for v, _ in councils_in("bcp care leavers")] == ["Bournemouth, Christchurch and Poole"]
    assert [v for v, _ in councils_in("nottingham city caseloads")] == ["Nottingham"]
    assert [v for v, _ in councils_in("isle of wight")] == ["Isle of Wight"]


def test_an_everyday_short_form_that_starts_two_councils_names():
    """'Kingston' starts Kingston upon Hull and Kingston upon Thames; people mean the borough (Hull is 'Hull')."""
    assert [v for v, _ in councils_in("Kingston council apology over child protection")] == ["Kingston upon Thames"]
    assert [v for v, _ in councils_in("kingston care leavers 2019")] == ["Kingston upon Thames"]
    assert [v for v, _ in councils_in("Kingston upon Hull inadequate")] == ["Kingston upon Hull"]
    assert [v for v, _ in councils_in("Hull children's services")] == ["Kingston upon Hull"]


def test_other_bodies_and_everyday_words_are_not_councils():
    assert councils_in("Kent Police exploitation") == []
    assert councils_in("Reading the report on caseloads") == []   # the verb opening the query
    assert councils_in("reading age of children in care") == []
    assert [v for v, _ in councils_in("caseloads in Reading")] == ["Reading"]
    assert [v for v, _ in councils_in("Reading council children's services")] == ["Reading"]


def test_grades_need_a_cue_when_they_are_everyday_words():
    assert grades_in("good practice in supervision") == []
    assert grades_in("outstanding concerns about caseloads") == []
    assert [g for g, _ in grades_in("children's services rated good")] == ["good"]
    assert [g for g, _ in grades_in("rated outstanding 2025")] == ["outstanding"]
    assert [g for g, _ in grades_in("Sheffield RI 2014")] == ["requires improvement"]
    assert [g for g, _ in grades_in("councils inadequate")] == ["inadequate"]
    assert [g for g, _ in grades_in("councils rated poor")] == ["inadequate"]


def test_years_and_ranges():
    assert years_in("since 2018 exploitation") == ([("since 2018", 2018, None)], [])
    assert years_in("2015-2017 care leavers") == ([("2015-2017", 2015, 2017)], [])
    assert years_in("before 2015") == ([("before 2015", None, 2014)], [])
    assert years_in("Birmingham inadequate 2014") == ([], ["2014"])
    assert years_in("55 children, room 1999") == ([], [])


def test_understood_items_are_offered_as_toggles_never_applied():
    req = SearchRequest(q="Kent inadequate 2010 caseloads", council=["Medway"])
    known = {"council": {"Kent", "Medway"}, "severity": {"inadequate"}, "year": {"2010"}}
    found = {(u.facet, u.value): u for u in understand(req.q, req, known)}
    assert set(found) == {("council", "Kent"), ("severity", "inadequate"), ("year", "2010")}
    kent = found[("council", "Kent")]
    assert not kent.selected and "council=Medway&council=Kent" in kent.toggle_url
    assert req.council == ["Medway"]  # the request itself is unchanged


def test_values_the_index_lacks_are_not_offered():
    req = SearchRequest(q="Leeds outstanding rating")
    assert understand(req.q, req, {"council": {"Kent"}, "severity": {"inadequate"}, "year": set()}) == []
