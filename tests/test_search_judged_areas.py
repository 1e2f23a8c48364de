"""Questions about a judged area, the overall grade, a grade movement or a region: what the query names lifts the
documents that report it, and a document is shown by the paragraph about the named area."""
from __future__ import annotations

import re

import pytest

from indexer.backends import open_backend
from indexer.models import SearchRequest
from indexer.search import query as query_module
from indexer.search.movement import movements_in
from indexer.search.plan import BestMatchPlan
from indexer.search.query import boost_anchors, judged_areas, movement_parts, optional_introducers
from indexer.search.synonyms import group_words, stems_of
from indexer.search.understand import introducer_words, overall_grades_in, region_councils, regions_in


# --- query understanding (pure) ---------------------------------------------------------------------------------

@pytest.mark.parametrize("q,overall", [
    ("leadership judged inadequate but overall requires improvement", ["requires improvement"]),
    ("care leavers judged outstanding but overall good", ["good"]),
    ("help and protection rated good while overall outstanding", ["outstanding"]),
    ("inadequate overall", ["inadequate"]),
    ("care leavers support judged inadequate", []),   # the one grade belongs to the area
    ("Birmingham rated inadequate", []),              # no area, no "overall": the grade lifts through context
    ("good practice overall", []),                     # not a grade: "good" needs a rating cue
])
def test_the_grade_given_to_the_whole_service(q, overall):
    assert overall_grades_in(q) == overall


def test_sub_judgement_and_overall_grade_are_both_boosts():
    assert judged_areas("leadership judged inadequate but overall requires improvement") == (
        ("leadership", "inadequate"), ("severity", "requires improvement"))


@pytest.mark.parametrize("q,words", [
    ("care leavers judged inadequate", {"judged"}),
    ("services rated as 'inadequate'", {"rated"}),
    ("outstanding overall", {"overall"}),
    ("judged by inspectors", set()),       # no grade follows
    ("overall effectiveness", set()),
    ("2011 annual assessment councils performing poorly", {"performing"}),  # the annual ratings' verb
    ("performance of councils", set()),
])
def test_words_that_only_introduce_a_grade(q, words):
    assert introducer_words(q) == words


def _groups(q: str):
    return [g for g in group_words(stems_of(q)) if g.typed.lower() not in ("but", "the")]


def test_an_introducer_scores_but_is_not_required():
    q = "care leavers support judged inadequate"
    groups = optional_introducers(q, _groups(q), strict=False)
    assert [g.typed for g in groups if not g.counted] == ["judged"]
    plan = BestMatchPlan(tuple(groups))
    assert plan.required == 2 and len(plan.counted) == 3  # 2 of care leavers, support, inadequate
    assert all(g.counted for g in optional_introducers(q, _groups(q), strict=True))  # "all the words": as typed


def test_a_sub_judgement_boost_is_anchored_on_the_words_naming_its_area():
    q = "care leavers judged outstanding but overall good"
    groups = _groups(q)
    boosts = judged_areas(q)
    anchors = boost_anchors(q, groups, boosts)
    assert boosts == (("care_leavers", "outstanding"), ("severity", "good"))
    assert [groups[i].typed for i in anchors[0]] == ["care leavers"] and anchors[1] == ()


def test_a_named_council_outranks_every_other_lift():
    plan = BestMatchPlan((), boosts=(("care_leavers", "inadequate"), ("council", "Sefton")),
                         stand_ins=(("grade_change", "from inadequate"), ("grade_change", "to good")))
    assert plan.tiers_of(0) == 1
    assert plan.tiers_of(1) == 4 > 1 + len(plan.stand_ins)


@pytest.mark.parametrize("q,values", [
    ("Newham inadequate to good turnaround", ["from inadequate", "to good"]),
    ("Worcestershire requires improvement to good", ["from requires improvement", "to good"]),
    ("from inadequate to good", ["from inadequate", "to good"]),
    ("requires improvement to be good", []),         # one grade's full name
    ("rated good to outstanding by parents", ["from good", "to outstanding"]),
])
def test_two_grades_joined_by_to_are_a_movement(q, values):
    assert movements_in(q) == values


def test_a_movement_stands_in_for_cue_words_or_only_lifts():
    moves = (("grade_change", "from inadequate"),)
    cued = group_words(stems_of("council no longer inadequate"))
    kept, stand_ins, boosts = movement_parts(moves, cued, strict=False)
    # the cue word is no longer required (round 7: it still scores where present, outside the matched share)
    assert "longer" not in [g.typed for g in kept if g.counted] and stand_ins == moves and boosts == ()
    assert [(g.counted, g.in_share) for g in kept if g.typed == "longer"] == [(False, False)]
    plain = group_words(stems_of("Worcestershire inadequate good"))
    kept, stand_ins, boosts = movement_parts(moves, plain, strict=False)
    assert kept == plain and stand_ins == () and boosts == moves  # nothing replaced: nothing more required


@pytest.mark.parametrize("q,regions", [
    ("London boroughs rated outstanding", ["London"]),
    ("Yorkshire councils annual assessment", ["Yorkshire and The Humber"]),
    ("North West councils inadequate", ["North West"]),
    ("North East Lincolnshire inadequate", []),   # a council's name
    ("City of London outstanding", []),
    ("East Riding of Yorkshire", []),
])
def test_regions_named_in_a_query(q, regions):
    assert regions_in(q) == regions


def test_a_region_is_its_councils():
    london = region_councils("London")
    assert len(london) >= 32 and "Haringey" in london and "Kent" not in london


# --- ranking over the news fixtures --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def news(news_index):
    """The index over the news fixtures (built once per run, tests/conftest.py)."""
    return news_index


def _search(index_dir, q: str, **kw):
    return open_backend(index_dir).search(SearchRequest(q=q, **kw))


def test_a_document_stating_the_area_grade_in_other_words_is_found(news, monkeypatch):
    # The Cheshire East article says "the service for care leavers is inadequate": no "judged", no "support".
    # The first 20: since set v, two more stories of care leavers judged inadequate (v28, v34) rank above it.
    q = "care leavers support judged inadequate"
    found = [h.doc_id for h in _search(news, q, per_page=20).hits]
    assert "a33-northwichguardian-cheshireeast.txt" in found
    # Either rule finds it: "judged" is not required, and its care leavers paragraph answers by meaning.
    monkeypatch.setattr(query_module, "optional_introducers", lambda text, groups, strict: groups)
    monkeypatch.setattr(query_module, "boost_anchors", lambda text, groups, boosts: ())
    assert "a33-northwichguardian-cheshireeast.txt" not in [h.doc_id for h in _search(news, q, per_page=20).hits]


def test_sub_judgement_and_overall_grade_rank_the_documents_with_both_first(news):
    top = [h.doc_id for h in _search(news, "leadership judged inadequate but overall requires improvement").hits]
    # Round 14: s05 (Bournemouth 2018, leadership inadequate) printed three days after the report that graded the
    # council requires improvement overall now carries the record's grade, so it answers the question too.
    assert set(top[:3]) == {"b16-doncasterfreepress-leadership-inadequate.txt",
                            "c36-doncasterfreepress-mayor-backs-leaders.txt",
                            "s05-cypnow-bournemouth-leadership-inadequate.txt"}


def test_the_paragraph_shown_is_the_one_about_the_named_area(news):
    q = "care leavers judged outstanding but overall good"
    hit = next(h for h in _search(news, q).hits if h.doc_id == "h34-cornwall-gov-good-outstanding-features.txt")
    assert "<mark>Care leavers</mark>: <mark>Outstanding</mark>" in hit.snippet_html


@pytest.mark.reports
def test_reports_are_shown_by_their_paragraph_about_the_named_area(reports_index, monkeypatch):
    def shown(q):
        return [h.snippet_html for h in _search(reports_index, q).hits if h.doc_id.startswith("report-")][:5]

    def about(snippet):
        return re.search(r"<mark>[^<]*(?:care leavers|leaving care)[^<]*</mark>", snippet, re.IGNORECASE)

    q = "care leavers judged inadequate"
    assert all(about(s) for s in shown(q))
    monkeypatch.setattr(query_module, "boost_anchors", lambda text, groups, boosts: ())
    # Without the anchor any paragraph of a report with the judgement is lifted: "the LSCB is judged inadequate".
    assert not all(about(s) for s in shown(q))


@pytest.mark.reports
def test_a_short_paragraph_about_the_area_matches_by_meaning(reports_index):
    # Lancashire's "2.2 Experiences and progress of care leavers Inadequate" has two of the four words; the
    # report's care leavers judgement is the rest. Two pages: the news corpus grew (held-out set n), and news stories
    # about care leavers judged inadequate now share the first page with it. Set j's 40 articles (round 19) moved it
    # from 20th to 21st through corpus statistics alone (round 17's code over the same corpus ranks it the same).
    found = [h.doc_id for h in _search(reports_index, "care leavers inadequate Ofsted judgement", per_page=25).hits]
    assert "report-060.pdf" in found


def test_a_named_council_comes_before_other_councils_movements(news):
    hits = _search(news, "Sefton improved from inadequate to good").hits
    councils = [h.council for h in hits]
    sefton = [i for i, c in enumerate(councils) if "Sefton" in c]
    assert len(sefton) >= 3 and sefton == list(range(len(sefton)))


def test_a_movement_of_grade_words_alone_requires_nothing_more(news):
    result = _search(news, "Worcestershire requires improvement to good")
    # The article that never says "good" ("the rest of the service is rated higher") still meets two of three.
    assert "h41-cypnow-worcestershire-improves.txt" in [h.doc_id for h in result.hits]
    assert result.match_info["of"] == 3


def test_a_region_lifts_its_councils_documents(news, monkeypatch):
    q = "North West councils inadequate"
    region = {c for c in region_councils("North West")}
    with_region = [h for h in _search(news, q).hits[:5]]
    assert all(set(h.council) & region for h in with_region)
    monkeypatch.setattr(query_module, "named_regions", lambda text: ())
    without = [h for h in _search(news, q).hits[:5]]
    assert not all(set(h.council) & region for h in without)


def test_a_named_councils_documents_may_miss_one_word_more(news):
    # "Swindon went from good to inadequate": the 2024 follow-up says only "Swindon ... inadequate", two of the four
    # (Swindon, good, inadequate, the movement); still Swindon's, so it comes before other councils' movements.
    hits = _search(news, "Swindon went from good to inadequate").hits
    ids = [h.doc_id for h in hits]
    assert "c30-swindonadvertiser-ofsted-verdict-2024.txt" in ids
    assert all("Swindon" in h.council for h in hits[:ids.index("c30-swindonadvertiser-ofsted-verdict-2024.txt") + 1])
