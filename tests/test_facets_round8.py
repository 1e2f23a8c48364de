"""Round 8 (issue 22): round 7's loose grade rules tightened, and one policy for grades the text does not state.

Every sentence is written for the test: paraphrases that must fire, and cases that must not.
"""
from __future__ import annotations

import pytest

from indexer.ingest.annotate.published_report import published_in_text
from indexer.ingest.annotate.severity import grade_statements
from indexer.models import Outcome
from tests.facet_helpers import article


def _grades(sentence: str) -> list[str]:
    """The current grades a sentence states (past, negated and target grades dropped; standing grades kept)."""
    return [st.grade for st in grade_statements(sentence, 2) if not st.standing and not st.tally]


# --- a grade a modal verb makes a requirement or a possibility is a target, not the current grade ---------------

@pytest.mark.parametrize("sentence", [
    "Every team must build on the gains before the work can be called good.",
    "Managers say the service cannot yet be called good.",
    "The council must be rated good before the commissioner leaves.",
    "There is more to do until the service can truly be described as good.",
    "Only when caseloads fall can the department be considered good.",
    "Could the borough's services be rated outstanding next year?",
    "Nobody thinks the department can be regarded as good yet.",
    "Leaders want the service to be seen as outstanding.",
    "The director expects the department to be judged good next time.",
])
def test_a_grade_a_modal_or_an_intent_points_to_is_a_target(sentence):
    assert _grades(sentence) == []


@pytest.mark.parametrize("sentence, grade", [
    ("Inspectors said the service can now be called good.", "good"),
    ("Southwark was rated good after a March inspection.", "good"),
    ("The department is now considered good by Ofsted.", "good"),
    ("Ofsted found the service to be good.", "good"),
])
def test_a_grade_stated_as_held_still_counts(sentence, grade):
    assert _grades(sentence) == [grade]


# --- a movement verb cues a grade only where the movement reaches it ---------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Staff morale declined, and good social workers left the county.",
    "Standards slipped in some good teams, the report noted.",
    "Referrals rose after good publicity about the helpline.",
    "Spending fell while good foster carers were recruited.",
])
def test_a_movement_verb_without_a_destination_cues_no_grade(sentence):
    assert _grades(sentence) == []


@pytest.mark.parametrize("sentence, grade", [
    ("Children's services in Barnet have climbed two grades to good.", "good"),
    ("The department slipped to 'requires improvement' this year.", "requires improvement"),
    ("The council's services have gone up to good.", "good"),
    ("Children's services have improved to good, Ofsted said.", "good"),
    ("Services there declined to requires improvement.", "requires improvement"),
    ("The service rose into the good category.", "good"),
])
def test_a_movement_verb_reaching_a_grade_still_cues_it(sentence, grade):
    assert _grades(sentence) == [grade]


# --- grades offered as alternatives, and a class of departments, describe a group -------------------------------

@pytest.mark.parametrize("sentence", [
    "Most other councils are judged requiring improvement or inadequate.",
    "Only 28% of councils hold a good or outstanding grade; most other children's services departments are rated "
    "requiring improvement or inadequate.",
    "Many other children's services departments are rated inadequate.",
    "All the county's neighbouring authorities were judged inadequate.",
    "Several London councils have been rated outstanding.",
])
def test_a_quantified_group_or_alternatives_grade_no_council(sentence):
    assert _grades(sentence) == []


@pytest.mark.parametrize("sentence, grade", [
    ("Some of the council's services were rated inadequate in the report.", "inadequate"),
    ("The council's children's services are rated requiring improvement.", "requires improvement"),
])
def test_a_council_s_own_services_are_not_a_class(sentence, grade):
    assert _grades(sentence) == [grade]


# --- the inspectorate as the subject of publishing dates the report ----------------------------------------------

def _outcome(published: str, grade: str = "good") -> Outcome:
    import datetime as dt
    return Outcome(la_code="E09000028", la_name="Southwark", framework="SIF", inspection_type="SIF inspection",
                   start=None, end=None, published=dt.date.fromisoformat(published), overall=grade, subjudgements={},
                   report_url="")


@pytest.mark.parametrize("text", [
    "Ofsted published it on 13 June 2017, and members discussed it.",
    "Ofsted released its report on 13 June 2017.",
    "Inspectors issued their findings in June 2017.",
    "The report was published on 13 June 2017.",
])
def test_the_report_s_own_date_links_its_inspection(text):
    rows = [_outcome("2017-06-13"), _outcome("2026-05-18")]
    found, why = published_in_text(text, rows, lambda o: True)
    assert found is rows[0] and why


@pytest.mark.parametrize("text", [
    "Ofsted published guidance on 13 June 2017.",
    "Ofsted published new rules in June 2017 for all councils.",
])
def test_other_things_ofsted_publishes_date_no_report(text):
    rows = [_outcome("2017-06-13")]
    assert published_in_text(text, rows, lambda o: True)[0] is None


# --- one policy: the record fills an unstated grade only when the text dates the inspection ---------------------

def test_a_dated_inspection_lends_its_official_grade(tmp_path):
    doc = article(tmp_path, "Children's services in Southwark\n\nSouthwark Council's committee discussed the "
                            "inspection of its children's services. Ofsted published the report on 13 June 2017. "
                            "Members thanked staff for their work with care leavers.\n")
    assert doc.severity == ["good"] and doc.confidence["severity"] == "official"


def test_an_inferred_inspection_lends_no_grade(tmp_path):
    doc = article(tmp_path, "Children's services in Sunderland\n\nServices in Sunderland had deteriorated since it "
                            "was rated good in 2012, inspectors found. A commissioner has been appointed by the "
                            "education secretary to lead the council's children's services.\n")
    assert doc.severity == []
    assert doc.confidence.get("year") in (None, "inferred")


# --- a count of areas qualified by how they were looked at is a tally --------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Three of the five areas inspected were rated good, and the council's leadership was praised.",
    "Two of the four judgements made were good.",
    "Four of the six areas assessed were judged outstanding.",
])
def test_a_count_of_inspected_areas_is_a_tally(sentence):
    assert _grades(sentence) == []


# --- "in April last year" dates a grade like "last year"; a hope in its own clause is a target ------------------

def test_a_month_last_year_yields_to_the_grade_stated_now():
    from indexer.ingest.annotate.severity import decide
    sentences = ["Leeds City Council's services were rated 'inadequate' in April last year.",
                 "The council accepted the verdict that its children's services require improvement to be good."]
    statements = [st for i, s in enumerate(sentences) for st in grade_statements(s, i + 2)]
    assert decide(statements)[0] == "requires improvement"


@pytest.mark.parametrize("sentence", [
    "The council hopes that, were Ofsted to return in about a year and a half, it would be judged 'good'.",
    "Leaders are confident the service will be rated outstanding at the next visit.",
    "The council expected that, with new managers in post, it would become good within two years.",
    "Staff are optimistic that at the next full inspection the department could be judged good.",
])
def test_a_hoped_for_grade_in_its_own_clause_is_a_target(sentence):
    assert _grades(sentence) == []


@pytest.mark.parametrize("sentence, grade", [
    ("The council hopes to build on the inspection, which rated its services good.", "good"),
    ("Inspectors said the department is now good, and leaders hope to keep it that way.", "good"),
])
def test_a_hope_elsewhere_in_the_sentence_leaves_a_stated_grade(sentence, grade):
    assert _grades(sentence) == [grade]


# --- a rating cue reaches a grade only within its clause; "rates" as a noun is no cue ----------------------------

@pytest.mark.parametrize("sentence", [
    "Staff turnover rates remain high and good managers are hard to find.",
    "Sickness rates were low, but inadequate supervision was a concern for the union.",
    "Caseloads remain heavy while good practice is patchy.",
    "The council's plan is to be good by 2027.",
    "Its priority is to become outstanding within three years.",
])
def test_no_cue_across_a_new_clause_or_from_a_noun(sentence):
    assert _grades(sentence) == []


@pytest.mark.parametrize("sentence, grade", [
    ("Ofsted rated Kent and Medway good.", "good"),
    ("Inspectors judged Leeds and Bradford outstanding.", "outstanding"),
    ("The council's services remain inadequate, inspectors said.", "inadequate"),
    ("Ofsted now rates the council's children's services good.", "good"),
])
def test_cues_still_reach_their_grade(sentence, grade):
    assert _grades(sentence) == [grade]


# --- a review of the safeguarding children board belongs to the single inspection framework --------------------

def _sif_clue(text: str) -> bool:
    from indexer.ingest.annotate.candidates import era_clues
    return any("single inspection framework" in clue.words for clue in era_clues(text, None))


@pytest.mark.parametrize("text", [
    "The cabinet had Ofsted's report on services for children in need, together with its review of the Local "
    "Safeguarding Children Board.",
    "Members noted the LSCB review that accompanied the inspection.",
    "Ofsted's review of the city's Safeguarding Children Board found it effective.",
])
def test_a_reviewed_board_names_the_single_inspection_framework(text):
    assert _sif_clue(text)


@pytest.mark.parametrize("text", [
    "The Local Safeguarding Children Board's serious case review was published on Tuesday.",
    "The safeguarding children board reviewed the death of the child.",
])
def test_the_board_s_own_reviews_name_no_framework(text):
    assert not _sif_clue(text)
