"""Ranking round 16: a council asked about by its old name (or its new one), and the year a question asks about.

- a question naming a council that was split or merged also lifts the councils that replaced it (and one naming a
  new council its forerunners), one tier less than the council named, so its own documents still come first;
- `council_succession=off` gives the plan before; same-named forerunners stay `indexed_values`' part;
- both backends rank the successor's story above another council's story with more of the question's words;
- a single year a question names ("outstanding 2020") multiplies the score of the paragraphs of documents filed under
  it; not a financial year ("2013-14"), a range, the year of a grade left ("from good in 2017 to outstanding") nor
  one of three years or more; both backends rank the year's story above a later one mentioning the year.
The texts here are written for the tests.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from indexer import settings
from indexer.models import SearchRequest
from indexer.quality.crossval import parse_setting
from indexer.search.query import best_match_plan
from indexer.search.succession import related_councils, related_to_named
from indexer.search.year_lift import asked_years

from tests.conftest import backend_over, seeds_with

KNOWN = {"Northamptonshire", "North Northamptonshire", "West Northamptonshire", "Cumbria", "Cumberland",
         "Westmorland and Furness", "Leeds", "Somerset", "Somerset (Somerset County Council)"}


def _plan(q: str, known=KNOWN):
    """The best-match plan of a question over an index holding `known` councils."""
    values = {"council": known}
    plan, _, _ = best_match_plan(q, False, None, lambda field: values.get(field, ()), lambda stems: set(),
                                 lambda word: None)
    return plan


# --- which councils are related ------------------------------------------------------------------------------------

def test_an_old_council_names_the_councils_that_replaced_it():
    assert set(related_councils("Northamptonshire", KNOWN)) == {"North Northamptonshire", "West Northamptonshire"}
    assert set(related_councils("Cumbria", KNOWN)) == {"Cumberland", "Westmorland and Furness"}


def test_a_new_council_names_its_forerunner_under_another_name():
    assert related_councils("West Northamptonshire", KNOWN) == ["Northamptonshire"]


def test_only_councils_the_index_holds_and_never_a_same_named_forerunner():
    assert related_councils("Northamptonshire", {"Northamptonshire", "West Northamptonshire"}) == \
        ["West Northamptonshire"]
    assert related_councils("Somerset", KNOWN) == []      # "Somerset (Somerset County Council)": indexed_values'
    assert related_councils("Leeds", KNOWN) == []         # never reorganised


def test_successors_only_and_off():
    with settings.ranking(parse_setting(["council_succession=successors"])):
        assert related_councils("West Northamptonshire", KNOWN) == []
        assert related_councils("Cumbria", KNOWN)
    with settings.ranking(parse_setting(["council_succession=off"])):
        assert related_councils("Cumbria", KNOWN) == []


# --- the plan ------------------------------------------------------------------------------------------------------

def _council_tiers(plan) -> dict[str, int]:
    return {value: plan.tiers_of(at) for at, (facet, value) in enumerate(plan.boosts) if facet == "council"}


def test_the_plan_lifts_the_successors_one_tier_less_than_the_council_named():
    plan = _plan("Northamptonshire care leavers judged inadequate")
    councils = [value for facet, value in plan.boosts if facet == "council"]
    assert councils[0] == "Northamptonshire"
    assert set(councils[1:]) == {"North Northamptonshire", "West Northamptonshire"}
    assert set(plan.related) == {"North Northamptonshire", "West Northamptonshire"}
    tiers = _council_tiers(plan)
    assert tiers["West Northamptonshire"] == tiers["Northamptonshire"] - 1 >= 1


def test_a_story_under_the_old_name_and_its_successors_is_lifted_once():
    plan = _plan("Northamptonshire care leavers judged inadequate")
    at = {value: i for i, (facet, value) in enumerate(plan.boosts) if facet == "council"}
    assert plan.shadowed_by(at["Northamptonshire"]) == ()
    assert plan.shadowed_by(at["North Northamptonshire"]) == ("Northamptonshire",)
    assert set(plan.shadowed_by(at["West Northamptonshire"])) == {"Northamptonshire", "North Northamptonshire"}


def test_with_the_council_the_only_lift_its_successors_are_matched_as_named_but_not_lifted():
    plan = _plan("Northamptonshire children's trust foster carers")
    tiers = _council_tiers(plan)
    assert tiers["Northamptonshire"] == 1 and tiers["West Northamptonshire"] == 0
    assert "West Northamptonshire" in {value for facet, value in plan.boosts}  # the named council's minimum


def test_a_question_naming_both_old_and_new_lifts_each_as_named():
    plan = _plan("Northamptonshire and West Northamptonshire foster carers")
    assert "West Northamptonshire" not in plan.related
    assert "North Northamptonshire" in plan.related


def test_off_gives_the_plan_before():
    with settings.ranking(parse_setting(["council_succession=off"])):
        plan = _plan("Northamptonshire children's trust inadequate")
    assert [v for f, v in plan.boosts if f == "council"] == ["Northamptonshire"]
    assert plan.related == ()
    assert related_to_named("Leeds foster carers", KNOWN) == ()


# --- the year asked ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("q, years", [
    ("Telford and Wrekin outstanding 2020", (2020,)),
    ("Redbridge good in 2016 then outstanding in 2019", (2016, 2019)),
    ("Durham slipped from outstanding to requires improvement in 2016", (2016,)),
    ("Ofsted social care annual report 2013-14 ten good seven inadequate", ()),   # a financial year
    ("budget for 2019/20 children in care", ()),
    ("Merton rose from good in 2017 to outstanding", ()),                         # the grade left's year
    ("Hartlepool rated outstanding after good in 2018", ()),
    ("inadequate 2014 to 2016", ()),                                              # a range: understanding's
    ("outstanding since 2019", ()),
    ("ratings in 2008 2009 and 2010", ()),                                        # a history, no one year
    ("Leeds foster carers", ()),
])
def test_the_years_a_question_asks_about(q, years):
    assert asked_years(q) == years


def test_the_year_factor_off_reads_no_year():
    with settings.ranking(parse_setting(["year_factor=1.0"])):
        assert asked_years("Telford and Wrekin outstanding 2020") == ()
    assert _plan("Telford and Wrekin outstanding 2020").years == (2020,)


# --- both backends -------------------------------------------------------------------------------------------------

CRAFTED = {
    "round16-northants-2016.txt": """Thursday, 7 April 2016

Northamptonshire County Council's care leavers service judged inadequate

Inspectors judged Northamptonshire's care leavers service inadequate after a visit in February.
""",
    "round16-northants-trust-2022.txt": """Tuesday, 5 July 2022

Care leavers service across North Northamptonshire and West Northamptonshire

Northamptonshire Children's Trust, which runs services for North Northamptonshire Council and West
Northamptonshire Council, said inspectors had judged its care leavers support inadequate in the past, and
Northamptonshire care leavers inadequate judgements were behind it.
""",
    "round16-barnsley-2020.txt": """Wednesday, 4 March 2020

Barnsley children's services judged good by Ofsted

Inspectors spent two weeks with Barnsley's social workers in February and praised their visits to families.
""",
    "round16-barnsley-2024.txt": """Friday, 8 March 2024

Barnsley children's services judged outstanding

Inspectors said Barnsley had built on the good judgement of 2020: in 2020 inspectors judged its services good, and
by 2024 they judged them outstanding, ahead of the good grade of 2020.
""",
    "round16-cumberland-fostering.txt": """Cumberland Council recruits forty foster carers

Cumberland Council said its fostering drive had brought in forty new carers since April, so fewer children in
care now live far from their home towns.
""",
    "round16-leeds-foster.txt": """Leeds foster carers shortage deepens, inspectors say

Leeds City Council reported a shortage of foster carers, and inspectors said placements for children in care were
too often far from home.
""",
}


@pytest.fixture(scope="module")
def crafted(tmp_path_factory) -> Path:
    """The seeds (for realistic word statistics) and the documents above."""
    return seeds_with(tmp_path_factory, "round16", CRAFTED)


@pytest.fixture(scope="module", params=["embedded", "postgresql"])
def backend(request, crafted, tmp_path_factory):
    """The crafted corpus on one backend."""
    yield from backend_over(request, tmp_path_factory, "round16", crafted)


def _order(backend, q: str) -> list[str]:
    """The crafted documents in the order a question ranks them."""
    hits = backend.search(SearchRequest(q=q, per_page=50, collapse=True)).hits
    return [h.doc_id for h in hits if h.doc_id.startswith("round16-")]


def test_the_successor_is_filed_under_its_own_name(backend):
    assert backend.search(SearchRequest(q="Cumberland fostering drive")).hits[0].council == ["Cumberland"]


def test_both_backends_find_the_successors_story_for_a_question_naming_the_old_council(backend):
    q = "Cumbria foster carers shortage inspectors placements far from home"
    assert "round16-cumberland-fostering.txt" in _order(backend, q)
    with settings.ranking(parse_setting(["council_succession=off"])):
        assert _order(backend, q) == ["round16-leeds-foster.txt"]  # before: too few of the words, never found


def test_with_another_lift_asked_the_successors_story_ranks_above_another_councils(backend):
    q = "Cumbria care leavers judged inadequate foster carers shortage placements far from home"
    order = _order(backend, q)
    assert order.index("round16-cumberland-fostering.txt") < order.index("round16-leeds-foster.txt")


def test_both_backends_rank_the_years_story_above_a_later_one_mentioning_the_year(backend):
    assert backend.document("round16-barnsley-2020.txt").year == 2020
    q = "Barnsley judged good 2020"
    order = _order(backend, q)
    assert order[0] == "round16-barnsley-2020.txt"
    with settings.ranking(parse_setting(["year_factor=1.0"])):
        assert _order(backend, q)[0] == "round16-barnsley-2024.txt"  # before: the later story said 2020 more


def test_both_backends_lift_a_story_under_the_old_name_and_its_successors_once(backend):
    assert len(backend.document("round16-northants-trust-2022.txt").council) > 1
    order = _order(backend, "Northamptonshire care leavers judged inadequate 2016")
    assert order.index("round16-northants-2016.txt") < order.index("round16-northants-trust-2022.txt")
