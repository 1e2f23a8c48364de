"""Questions about a judged area against the overall grade, a named council indexed under its forerunner, tallies
and numbers, and the paragraph shown: on short documents written for these tests (tests/fixtures/questions/)."""
from __future__ import annotations

import pytest

from indexer.backends import open_backend
from indexer.backends.embedded.write.build import rebuild
from indexer.ingest.annotate.areas import area_grades
from indexer.models import SearchRequest
from indexer.search import query as query_module
from indexer.search.answer import Asked, asked_by, shown_paragraph, stated_grades
from indexer.search.number_words import other_form
from indexer.search.numbers import tallies_in, tally_groups
from indexer.search.plan import BestMatchPlan
from indexer.search.query import judged_areas, named_councils
from indexer.search.synonyms import group_words, stems_of
from indexer.search.understand import councils_in, grades_in, indexed_values

from tests.conftest import ROOT

QUESTIONS = ROOT / "tests" / "fixtures" / "questions"
SOMERSET_BEFORE = "Somerset (Somerset County Council)"


# --- query understanding (pure) ---------------------------------------------------------------------------------

@pytest.mark.parametrize("q,boosts", [
    # A grade word straight after an area is that area's grade; the grade said of the whole service is not.
    ("children in care and care leavers outstanding but overall good",
     (("care_leavers", "outstanding"), ("children_in_care", "outstanding"), ("severity", "good"))),
    ("leadership good overall inadequate", (("leadership", "good"), ("severity", "inadequate"))),
    ("care leavers good overall", (("care_leavers", "good"), ("severity", "good"))),  # the only grade: both
    ("good practice with care leavers", ()),  # "good" before the area, no cue: not a grade
])
def test_area_grades_and_the_overall_grade(q, boosts):
    assert judged_areas(q) == boosts


def test_a_count_before_a_grade_word_is_a_tally():
    assert grades_in("ten good seven inadequate") == [("good", "good"), ("inadequate", "inadequate")]
    assert tallies_in("12 requires improvement, two good") == [("12", "requires improvement", "requires improvement"),
                                                               ("two", "good", "good")]
    assert grades_in("a good read") == [] and tallies_in("a good read") == []


def test_number_words_and_digits_match_each_other():
    assert other_form("seven") == "7" and other_form("7") == "seven" and other_form("twelv") == "12"
    assert other_form("one") is None and other_form("2014") is None
    groups = {g.typed: [alt.stems for alt in g.alternatives] for g in group_words(stems_of("nine councils 12"))}
    assert groups["nine"] == [("nine",), ("9",)] and groups["12"] == [("12",), ("twelv",)]
    assert groups["councils"] == [("council",)]


def test_a_tally_is_an_optional_group_of_the_count_beside_its_grade():
    (group,) = tally_groups("councils rated last year: nine good")
    assert not group.counted
    assert {alt.stems for alt in group.alternatives} == {("nine", "good"), ("9", "good"), ("good", "nine"),
                                                         ("good", "9")}


def test_a_named_council_is_also_its_same_named_forerunner():
    assert indexed_values("Somerset", {SOMERSET_BEFORE}) == [SOMERSET_BEFORE]
    assert indexed_values("Somerset", {"Somerset", SOMERSET_BEFORE}) == ["Somerset", SOMERSET_BEFORE]
    assert indexed_values("Somerset", set()) == ["Somerset"]
    assert named_councils("why did Somerset fail", {SOMERSET_BEFORE, "Devon"}) == (("council", SOMERSET_BEFORE),)


def test_the_overall_grade_lifts_as_much_as_the_areas_it_is_set_against():
    two = BestMatchPlan((), boosts=(("care_leavers", "outstanding"), ("children_in_care", "outstanding"),
                                    ("severity", "good"), ("council", "Halton")))
    assert [two.tiers_of(at) for at in range(4)] == [1, 1, 2, 5]
    one = BestMatchPlan((), boosts=(("care_leavers", "outstanding"), ("severity", "good")))
    assert [one.tiers_of(at) for at in range(2)] == [1, 1]


def test_article_areas_joined_in_a_list_share_their_grade():
    assert area_grades("Inspectors graded children in care and care leavers outstanding.") == {
        "care_leavers": "outstanding", "children_in_care": "outstanding"}
    assert area_grades("Support for children in care and care leavers, which it grades outstanding") == {
        "care_leavers": "outstanding", "children_in_care": "outstanding"}
    assert area_grades("Leadership was good and care leavers were rated inadequate") == {
        "leadership": "good", "care_leavers": "inadequate"}
    assert area_grades("good practice for care leavers") == {}


def test_a_grade_given_to_listed_councils_is_stated():
    assert stated_grades("The results: good for East Sussex, Essex and Staffordshire") == {"good"}
    assert stated_grades("The new scheme is good for children and families") == set()


def test_the_paragraph_stating_both_asked_grades_is_shown():
    asked = Asked(frozenset({"good", "outstanding"}), frozenset(), False)
    texts = ["Care leavers were rated outstanding by the inspectors.",
             "The service is good overall, and its work with care leavers was judged outstanding."]
    assert shown_paragraph(asked, list(enumerate(texts, 1))) == 1


# --- ranking over the question fixtures ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def questions(tmp_path_factory):
    index_dir = tmp_path_factory.mktemp("questions-index")
    rebuild([QUESTIONS], index_dir)
    return open_backend(index_dir)


def _ids(backend, q: str) -> list[str]:
    return [h.doc_id for h in backend.search(SearchRequest(q=q, collapse=True)).hits]


def test_the_asked_overall_grade_with_both_areas_comes_first(questions):
    # Rutland: good overall, both areas outstanding; Halton: good, care leavers outstanding; Bexley: both areas
    # outstanding but outstanding overall, which the question rules out.
    assert _ids(questions, "children in care and care leavers outstanding but overall good") == [
        "rutland-good-areas-outstanding.txt", "halton-good.txt", "bexley-outstanding.txt"]


def test_a_council_indexed_under_its_forerunner_comes_first(questions, monkeypatch):
    q = "Somerset inadequate corporate failure leadership turnover"
    hit = questions.search(SearchRequest(q=q, collapse=True)).hits[0]
    assert hit.doc_id == "somerset-inadequate.txt" and hit.council == [SOMERSET_BEFORE]
    # Named by its present name only, the council lifted nothing and the article saying every word came first.
    monkeypatch.setattr(query_module, "named_councils", lambda text, known=(): (("council", "Somerset"),))
    assert _ids(questions, "inadequate " + q.replace(" inadequate", ""))[0] != "somerset-inadequate.txt"  # not cached


def test_a_tally_question_finds_the_round_up_printing_the_tally(questions, monkeypatch):
    q = "nine good six inadequate councils yearly report"
    assert _ids(questions, q)[0] == "yearly-tally.txt"
    monkeypatch.setattr(query_module, "tally_groups", lambda text: [])
    assert _ids(questions, "six inadequate nine good councils yearly report")[0] == "long-council-plan.txt"


@pytest.mark.parametrize("q,councils", [
    ("Telford kept its outstanding grade", ["Telford and Wrekin"]),
    ("Redcar children's services inadequate", ["Redcar and Cleveland"]),
    ("Brighton care leavers", ["Brighton and Hove"]),
    ("Kingston inadequate", ["Kingston upon Thames"]),  # the borough: Hull is "Hull" (the article reader's short forms)
    ("city council outstanding", []),  # "City and County of …" gives no short name
])
def test_a_two_place_council_is_named_by_its_first_place(q, councils):
    assert [value for value, _ in councils_in(q)] == councils


# --- round 4: the overall grade by its official name; words that only set clauses against each other --------------

@pytest.mark.parametrize("q,boosts", [
    ("care leavers graded good where overall effectiveness outstanding",
     (("care_leavers", "good"), ("severity", "outstanding"))),
    ("overall judgement requires improvement but leadership good",
     (("leadership", "good"), ("severity", "requires improvement"))),
    ("overall effectiveness good", (("severity", "good"),)),
    ("effectiveness of good practice", ()),  # no "overall": "good" stays an everyday word
])
def test_the_overall_grade_by_its_official_name(q, boosts):
    assert judged_areas(q) == boosts


def _plan(q: str) -> BestMatchPlan:
    plan, _, _ = query_module.best_match_plan(q, False, None, lambda field: set(), lambda stems: set(),
                                              lambda word: None)
    return plan


def test_words_setting_clauses_against_each_other_are_not_required():
    plan = _plan("care leavers judged inadequate while overall requires improvement")
    assert [g.typed for g in plan.counted] == ["care leavers", "inadequate", "requires improvement"]
    for word in ("whilst", "though", "although", "whereas"):
        assert word not in [g.typed for g in _plan(f"help and protection good {word} overall outstanding").groups]
    named = _plan("care leavers graded good where overall effectiveness outstanding")
    assert [g.typed for g in named.counted] == ["care leavers", "good", "outstanding"]  # "overall effectiveness" too


@pytest.mark.parametrize("q", ["care leavers rated outstanding whilst overall good",
                               "care leavers graded outstanding where overall effectiveness good"])
def test_an_area_against_the_overall_grade_by_any_wording(questions, q):
    # Halton and Rutland are good overall with outstanding care leavers; Bexley is outstanding overall.
    ranked = _ids(questions, q)
    assert set(ranked[:2]) == {"halton-good.txt", "rutland-good-areas-outstanding.txt"}
    assert ranked.index("bexley-outstanding.txt") > 1


def test_a_council_named_in_several_words_is_one_group():
    plan = _plan("Westmorland and Furness first inspection since replacing Cumbria")
    assert [g.typed for g in plan.counted][:2] == ["Westmorland and Furness", "first"]
    assert plan.counted[0].alternatives[0].stems == tuple(s for _, s in stems_of("westmorland and furness"))
    assert [g.typed for g in _plan("Tower Hamlets inadequate").counted] == ["Tower Hamlets", "inadequate"]
    assert [g.typed for g in _plan("tower blocks inadequate").counted] == ["tower", "blocks", "inadequate"]
    # Every word of the council's name counted: three groups needed both; one group is asked like "Kent".
    assert _plan("Tower Hamlets care leavers inadequate").required == _plan("Kent care leavers inadequate").required


def test_a_question_counting_councils_is_answered_by_their_list():
    texts = ["Ofsted's yearly assessments find twelve councils performing poorly, failing the minimum standard.",
             "The twelve are Barnsley, Croydon, Dorset, Medway and Walsall, among others."]
    counting = asked_by(_plan("twelve councils performing poorly"))
    assert counting.counted and shown_paragraph(counting, list(enumerate(texts, 1))) == 1
    which = asked_by(_plan("which councils performing poorly"))  # no count: the grade still answers first
    assert which.listing and not which.counted and shown_paragraph(which, list(enumerate(texts, 1))) == 0
    assert not asked_by(_plan("2010 councils performing poorly")).counted  # a year is not a count


def test_a_grade_straight_after_a_rating_verb_is_a_grade_whatever_follows():
    assert stated_grades("Only one council, Rutland, was judged outstanding for its safeguarding work.") == {
        "outstanding"}
    assert stated_grades("Halton was rated good at keeping children safe.") == {"good"}
    assert stated_grades("The new scheme is good for children and families") == set()  # no rating verb
    assert stated_grades("Inspectors judged good practice in places") == set()  # "practice" still is not a grade


@pytest.mark.parametrize("q,boosts", [
    # A grade word just before an area is the area's grade; the ends of a movement are the movement's, not an
    # overall grade the question gives (before: leadership took "inadequate", the movement's origin).
    ("Halton from inadequate to good with outstanding leadership", (("leadership", "outstanding"),)),
    ("outstanding care leavers while overall good", (("care_leavers", "outstanding"), ("severity", "good"))),
    ("good practice with care leavers", ()),  # "practice" stands between: no area's grade
])
def test_a_grade_before_an_area_and_the_ends_of_a_movement(q, boosts):
    assert judged_areas(q) == boosts


def test_the_area_grade_beside_a_movement_finds_the_document_reporting_both(questions):
    # Halton's fixture reports outstanding care leavers; Bexley's outstanding leaders under another overall grade.
    assert _ids(questions, "Halton from requires improvement to good with outstanding care leavers")[0] == \
        "halton-good.txt"


def test_a_joint_children_in_care_and_care_leavers_judgement_grades_both_areas():
    from indexer.ingest.annotate.severity import report_subjudgements

    joint = "The experiences and progress of children in care and care leavers Requires improvement to be good\n"
    assert report_subjudgements(joint) == {"children_in_care": "requires improvement",
                                           "care_leavers": "requires improvement"}
    apart = ("The experiences and progress of children in care Good\n"
             "The experiences and progress of care leavers Outstanding\n")
    assert report_subjudgements(apart) == {"children_in_care": "good", "care_leavers": "outstanding"}
