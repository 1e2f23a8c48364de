"""Round 7 (issue 22): general structures of how grades are written, tested on sentences written for the test.

Each rule has several paraphrases that should fire and some that should not; every one of the firing cases failed
on the rules before this round.
"""
from __future__ import annotations

import pytest

from indexer.ingest.annotate.severity import decide, grade_statements


def _grades(sentence: str) -> list[str]:
    """The current grades a sentence states (past, negated and target grades dropped; standing grades kept)."""
    return [st.grade for st in grade_statements(sentence, 2) if not st.standing and not st.tally]


def _decided(*sentences: str) -> str | None:
    """The overall grade several sentences decide together."""
    statements = [st for i, s in enumerate(sentences) for st in grade_statements(s, i + 2)]
    return decide(statements)[0]


# --- "no longer" + a verb phrase negates the grade, whatever the verb -------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Caseloads and delays in assessment no longer count as 'inadequate', inspectors said.",
    "The department is no longer regarded by Ofsted as inadequate.",
    "Its front door is no longer seen as inadequate.",
    "Services in the borough no longer carry an 'inadequate' label.",
])
def test_no_longer_with_any_verb_negates_the_grade(sentence):
    assert "inadequate" not in _grades(sentence)


@pytest.mark.parametrize("sentence, grade", [
    ("The council is no longer inadequate but is now rated good.", "good"),
    ("Services are no longer failing and are now rated good.", "good"),
])
def test_no_longer_does_not_reach_past_a_second_grade(sentence, grade):
    assert grade in _grades(sentence)


# --- a temporal clause with a named subject dates its grade before the news --------------------------------------

@pytest.mark.parametrize("sentence", [
    'Two years after Barnsley Council\'s child protection services were judged "inadequate", inspectors returned.',
    "Since the department was rated inadequate, three directors have come and gone.",
    "Months after Kent's children's services were found to be inadequate, a new director arrived.",
    "Before the county's services were judged outstanding, the council had spent heavily on staff.",
])
def test_a_grade_in_an_earlier_temporal_clause_is_past(sentence):
    assert _grades(sentence) == []


@pytest.mark.parametrize("sentence, grade", [
    ("After the inspection the services were judged good.", "good"),
    ("After Ofsted came in March the department was judged inadequate.", "inadequate"),
    ("Kent's children's services were judged good after a two-week inspection.", "good"),
])
def test_a_time_phrase_that_names_no_earlier_grade_keeps_the_grade(sentence, grade):
    assert _grades(sentence) == [grade]


def test_the_past_clause_gives_way_to_the_new_grade():
    assert _decided('Two years after the borough\'s services were judged "inadequate", inspectors have rated them '
                    '"requires improvement".') == "requires improvement"


# --- the destination of a movement is the end state, the year is the grade left's -------------------------------

@pytest.mark.parametrize("sentence, grade", [
    ('The island\'s services, ranked "inadequate" in 2012, have moved up to "requires improvement".',
     "requires improvement"),
    ("Judged good in 2018, the county has since slipped to 'requires improvement'.", "requires improvement"),
    ("Rated inadequate in 2016, the service was upgraded to good this week.", "good"),
])
def test_a_movement_after_a_dated_grade_ends_at_the_current_grade(sentence, grade):
    assert _grades(sentence) == [grade]


def test_a_dated_grade_without_a_movement_stays_dated():
    statements = grade_statements("In 2012 the council was rated inadequate.", 2)
    assert [st.standing for st in statements] == [True]


# --- "not yet" + a giving verb + its object is Ofsted's "not yet good" -------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Inspectors found the council was not yet giving children good help and protection.",
    "The service is not yet offering its families good support.",
])
def test_not_yet_giving_someone_good_is_requires_improvement(sentence):
    assert _grades(sentence) == ["requires improvement"]


@pytest.mark.parametrize("sentence", [
    "Practice is not yet consistently good.",
    "It is not yet known whether the council will be rated good.",
])
def test_not_yet_with_an_adverb_or_a_doubt_is_no_grade(sentence):
    assert "requires improvement" not in _grades(sentence) and "good" not in _grades(sentence)


# --- a grade wished for or forecast is a target ------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The council would not sit back, she said, and aims to be rated good next time.",
    "Leaders hope to become outstanding within three years.",
    "The borough is expected to be judged good when inspectors return.",
    "Staff are determined to get to good.",
    "The council will be rated outstanding if the trend holds.",
    "Leaders said the service could become good within a year.",
    "The service is on track to be rated outstanding, the director said.",
])
def test_a_grade_someone_intends_is_a_target(sentence):
    assert _grades(sentence) == []


@pytest.mark.parametrize("sentence, grade", [
    ("The council expects to publish its plan after being rated good.", None),
    ("The service was rated good, as the director had hoped.", "good"),
])
def test_an_intent_elsewhere_in_the_sentence_keeps_the_grade(sentence, grade):
    assert (_grades(sentence) or [None])[0] == grade


# --- "since YEAR" reaches only its own clause --------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The inspection found real improvement since 2015 and gave the services a new grade: 'requires improvement'.",
    "Progress since 2019 was clear and inspectors now rate the council 'requires improvement'.",
])
def test_a_grade_after_a_since_year_and_a_new_clause_is_current(sentence):
    assert _grades(sentence) == ["requires improvement"]


def test_a_grade_inside_a_since_year_clause_is_past():
    assert _grades("Nothing has changed since a 2012 inspection rated it inadequate.") == []


# --- round-ups: lists that go on, "the other N are", councils graded only for an area ---------------------------

from tests.facet_helpers import article  # noqa: E402


def _facets(doc) -> dict[str, str | None]:
    return dict(zip(doc.council, (g or None for g in doc.severity or [""] * len(doc.council))))


@pytest.mark.parametrize("link", [", and adds", ", as well as", ", plus", ", along with"])
def test_a_list_that_goes_on_after_a_link_is_one_list(tmp_path, link):
    doc = article(tmp_path, "Councils rated for children's services\n\nFive councils were rated inadequate for "
                            "children's services this year.\n\nThe councils judged inadequate include Kent, Medway and Bury"
                            f"{link} Leeds and Camden.\n")
    assert set(doc.council) == {"Kent", "Medway", "Bury", "Leeds", "Camden"}


@pytest.mark.parametrize("opening", ["The other three are", "The remaining three were", "The other three councils are"])
def test_the_other_n_refers_back_to_the_grade_before(tmp_path, opening):
    doc = article(tmp_path, "Four councils rated inadequate\n\nKent, the largest, is one of four councils whose "
                            "children's services are rated inadequate overall. "
                            f"{opening} Medway, Bury and Leeds.\n")
    assert _facets(doc) == {"Kent": "inadequate", "Medway": "inadequate", "Bury": "inadequate", "Leeds": "inadequate"}


@pytest.mark.parametrize("head", ["On the narrower question of keeping children safe,", "When it comes to care leavers,",
                                  "On the separate measure of adoption,"])
def test_councils_graded_only_for_an_area_are_subjects_without_an_overall_grade(tmp_path, head):
    doc = article(tmp_path, "Councils judged inadequate\n\nOfsted rated Kent and Medway inadequate overall for their "
                            f"children's services.\n\n{head} the inadequate list includes Kent, and adds Leeds and Bury.\n")
    assert _facets(doc) == {"Kent": "inadequate", "Medway": "inadequate", "Leeds": None, "Bury": None}


def test_a_remark_between_two_lists_keeps_them_apart(tmp_path):
    doc = article(tmp_path, "Kent rated good\n\nOfsted rated Kent's children's services good this week. Kent's "
                            "director, who once worked for Medway, thanked staff.\n")
    assert doc.council == ["Kent"]


# --- pre-2013 bands: the CPA's stars and scores out of four ------------------------------------------------------

@pytest.mark.parametrize("sentence, grade", [
    ("Kent was awarded a single star for its children's services.", "inadequate"),
    ("Leeds kept the maximum four stars for children's services.", "outstanding"),
    ("Bury received three stars for children's services this year.", "good"),
    ("Camden got two stars for its children's services.", "adequate"),
    ("The council's children's services scored 4 out of 4 in the annual assessment.", "outstanding"),
    ("Its children's services scored 1 out of 4 in the annual assessment.", "inadequate"),
    ("The Audit Commission dropped Kent from three stars to one.", "inadequate"),
])
def test_a_star_rating_or_a_score_out_of_four_is_a_band(sentence, grade):
    assert _grades(sentence) == [grade]


@pytest.mark.parametrize("sentence", [
    "The director stayed at a four-star hotel during the conference.",
    "Inspectors visited in 3 out of 4 councils last year.",
    "The four one-star councils lacked basic checks.",
    "Kent's star social workers were praised by inspectors.",
])
def test_stars_and_fractions_that_rate_nothing_are_no_grade(sentence):
    assert _grades(sentence) == []


def test_a_count_of_councils_holding_a_band_is_a_tally():
    statements = grade_statements("The round closes with 62 councils holding four stars overall.", 2)
    assert statements and all(st.tally for st in statements)


def test_the_councils_with_a_band_and_the_list_after_it(tmp_path):
    doc = article(tmp_path, "Star ratings for children's services\n\nFour authorities were awarded a single star, "
                            "meaning inadequate: Kent, Leeds, Bury and Camden.\n\nFewer councils kept the full four "
                            "stars for children's services. They were Medway, York and Wigan.\n")
    assert _facets(doc) == {"Kent": "inadequate", "Leeds": "inadequate", "Bury": "inadequate", "Camden": "inadequate",
                            "Medway": "outstanding", "York": "outstanding", "Wigan": "outstanding"}


# --- probing with short texts: movement verbs, "now", "last year", ways to a grade ---------------------------------

@pytest.mark.parametrize("sentence, grade", [
    ("Kent's children's services climbed two grades to good.", "good"),
    ("Kent, rated outstanding in 2017, has slipped to requires improvement.", "requires improvement"),
    ("Leeds has jumped to outstanding.", "outstanding"),
    ("Inspectors now rate them good.", "good"),
    ("Kent was judged inadequate for the help and protection of children, and requires improvement overall.",
     "requires improvement"),
    ("Kent's children's services, which had been rated inadequate since 2015, now require improvement.",
     "requires improvement"),
])
def test_grades_cued_by_a_movement_verb_rate_or_now(sentence, grade):
    assert _decided(sentence) == grade


@pytest.mark.parametrize("sentence", [
    "Several areas that now require improvement were listed in the letter.",
    "The director said the council had gone a long way.",
])
def test_cues_without_a_grade_give_none(sentence):
    assert _decided(sentence) is None


@pytest.mark.parametrize("sentences, grade", [
    (("Last year Kent was rated inadequate.", "This week inspectors found its children's services good."), "good"),
    (("Kent's services, judged inadequate last year, have been upgraded to good.",), "good"),
    (("Kent was judged good last year, and inspectors now rate it outstanding.",), "outstanding"),
    (("Last year Kent was rated inadequate.", "The council says it has made progress since."), "inadequate"),
    (("Kent's children's services were rated good by Ofsted last year.",), "good"),
])
def test_a_grade_of_last_year_stands_until_a_newer_one_is_stated(sentences, grade):
    assert _decided(*sentences) == grade


@pytest.mark.parametrize("sentence", [
    "The director called it a milestone on the road to an 'outstanding' grade.",
    "The plan sets out the path to good by 2026.",
    "Staff are on their way to outstanding, the leader said.",
])
def test_a_way_to_a_grade_is_a_target(sentence):
    assert _grades(sentence) == []


# --- round-ups probed with short texts ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Annual ratings published\n\nKent was rated as performing poorly in the annual rating. Leeds and Camden performed "
     "excellently.\n", {"Kent": "inadequate", "Leeds": "outstanding", "Camden": "outstanding"}),
    ("Round-up\n\nThe inadequate councils this year are Kent, Medway and Bury. Camden was the only one rated "
     "outstanding.\n", {"Kent": "inadequate", "Medway": "inadequate", "Bury": "inadequate", "Camden": "outstanding"}),
    ("Round-up\n\nKent and Medway were judged inadequate overall; Bury was inadequate only for keeping children safe.\n",
     {"Kent": "inadequate", "Medway": "inadequate", "Bury": None}),
    ("Round-up\n\nKent was rated good. So was Medway.\n", {"Kent": "good", "Medway": "good"}),
    ("Round-up\n\nKent was rated good. Medway was too.\n", {"Kent": "good", "Medway": "good"}),
])
def test_round_up_structures(tmp_path, text, expected):
    assert _facets(article(tmp_path, text)) == expected


@pytest.mark.parametrize("text, expected", [
    # "the only one" is one council, but "only one council" counts councils
    ("Round-up\n\nOnly one council was rated outstanding this year. Kent was judged good.\n", {"Kent": "good"}),
    # "also" alone does not hand a grade on
    ("Round-up\n\nKent was rated good. Medway was also inspected in the spring.\n", {"Kent": "good"}),
])
def test_round_up_structures_that_hand_no_grade_on(tmp_path, text, expected):
    assert _facets(article(tmp_path, text)) == expected


# --- time anchors probed with short texts ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentences, grade", [
    (("The 2018 inspection rated Kent's services inadequate.", "This week's report judges them to require improvement."),
     "requires improvement"),
    (("Ofsted's 2015 report had judged the borough inadequate.", "Inspectors now rate it good."), "good"),
    (("Kent has been rated good, the first time since 2009 that its children's services have not been judged "
      "inadequate.",), "good"),
    (("Leeds was judged outstanding for the first time in a decade.",), "outstanding"),
    (("Kent's children's services, judged inadequate at the previous inspection in 2017, have improved to requires "
      "improvement.",), "requires improvement"),
])
def test_time_anchors_belong_to_the_grade_they_date(sentences, grade):
    assert _decided(*sentences) == grade


def test_a_grade_named_by_its_inspections_year_stands_alone():
    statements = grade_statements("The 2018 inspection rated the council's services inadequate.", 2)
    assert [(st.grade, st.standing) for st in statements] == [("inadequate", True)]


def test_a_grade_of_a_year_with_first_time_words_elsewhere_is_still_past():
    assert _grades("Kent was rated good in 2012, and its first inspection since has yet to come.") == []


@pytest.mark.parametrize("sentences, grade", [
    (("Kent missed out on a good rating; inspectors judged it to require improvement.",), "requires improvement"),
    (("Kent narrowly missed good and requires improvement overall.",), "requires improvement"),
    (("Kent failed to keep its outstanding rating and was judged good.",), "good"),
    (("Kent received the second-lowest of Ofsted's four grades.",), "requires improvement"),
    (("Leeds was given the top one of four grades.",), "outstanding"),
])
def test_grades_not_reached_and_ranks_counted_out_of_four(sentences, grade):
    assert _decided(*sentences) == grade


@pytest.mark.parametrize("sentence, grade", [
    ("Ofsted said Kent's children's services deliver well above minimum requirements.", "outstanding"),
    ("The annual assessment found Leeds's services consistently above minimum requirements.", "good"),
    ("Inspectors said Bury's children's services delivered 'only minimum requirements'.", "adequate"),
    ("Twelve councils were found performing poorly overall; Kent's services are failing to meet minimum requirements.",
     "inadequate"),
])
def test_the_annual_assessments_band_descriptors(sentence, grade):
    assert grade in _grades(sentence)


def test_minimum_requirements_without_a_band_is_no_grade():
    assert _grades("New homes must meet minimum requirements for space.") == []


def test_the_unrolled_band_cue_test_holds_every_cue():
    from indexer.grades import _BAND_CUES, has_band_cue
    assert all(has_band_cue(f"a {cue} b") for cue in _BAND_CUES)
    assert not has_band_cue("Kent was rated good in 2019.")


def test_a_grade_marked_first_is_where_the_history_began_not_the_grade_left():
    from indexer.ingest.annotate.movement import past_grades
    from indexer.ingest.annotate.text_units import Sentence
    first = [Sentence("Services are good, a decade after the department was first judged inadequate.", 1, 0)]
    previous = [Sentence("Services are good, two years after the department was judged inadequate.", 1, 0)]
    assert past_grades(first, "", None) == []
    assert past_grades(previous, "", None) == ["inadequate"]
