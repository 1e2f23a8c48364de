"""Round 23 (issue 22): wording that real pages have and the own-words fixtures smoothed away. Every sentence here is
our own invention; record rows are real councils' (Cumbria: SIF 2015 inadequate; Kent: SIF 2017 good)."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.annotate.dates import date_ranges
from indexer.ingest.annotate.followed_inspection import followed_fill
from indexer.ingest.annotate.history import change_words
from indexer.ingest.annotate.severity import decide, grade_statements

CUMBRIA, KENT = "E10000006", "E10000016"


def _grades(sentence: str) -> list[str]:
    """The grades a sentence states as current judgements."""
    return [st.grade for st in grade_statements(sentence, 0)]


def _decided(sentence: str) -> str | None:
    """The grade a sentence alone decides."""
    return decide(grade_statements(sentence, 0))[0]


# --- the grade left named through its rating noun or an adverb -------------------------------------------------

@pytest.mark.parametrize("sentence, grade", [
    ("The borough's family service has climbed from its Ofsted rating of ‘requires improvement’ to ‘good.’", "good"),
    ("Its social care has moved from the inspection grade of 'inadequate' to 'requires improvement'.",
     "requires improvement"),
    ("The director said the county had gone from deeply inadequate to good in three years.", "good"),
])
def test_the_grade_left_is_not_the_grade_held(sentence, grade):
    assert _decided(sentence) == grade


def test_from_rating_of_off_is_round_22(monkeypatch):
    monkeypatch.setattr(settings, "ROUND23_FROM_RATING_OF", False)
    assert "inadequate" in _grades("The county had gone from deeply inadequate to good in three years.")


# --- grade words that are no grade given ------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Managers hope the department will be “on the cusp of outstanding” within two years.",
    'An earlier review found the team had been bordering on being "inadequate".',
    "Officers described the service as on the verge of good.",
    "Staff now attend compulsory moving-to-good workshops every month.",
    "The councillor said the day of questions had been a very good experience for everyone.",
    "It was a really outstanding piece of teamwork, the leader said.",
])
def test_grade_words_that_grade_nothing(sentence):
    assert _grades(sentence) == []


def test_a_grade_made_an_adjective_is_still_a_grade():
    assert _grades("It is now an outstanding-rated authority.") == ["outstanding"]


def test_a_quoted_grade_after_an_intensifier_stays():
    # the quote marks the grade's name, whatever word stands before it
    assert _grades("Inspectors said the work was so 'good' that it was rated accordingly.") == ["good"]


def test_reached_by_a_gerund_is_held():
    assert _decided("The council is celebrating a milestone after achieving a \"good\" Ofsted rating.") == "good"
    assert _grades("The council is committed to achieving a good rating.") == []


# --- a reaction governs its after-clause: the clause is the news -------------------------------------------------

@pytest.mark.parametrize("sentence, grade", [
    ("Northvale Council has apologised after its social care services for children were rated as inadequate.",
     "inadequate"),
    ("Council leaders were delighted after the borough's services were judged outstanding.", "outstanding"),
])
def test_a_reaction_reports_the_news(sentence, grade):
    assert _decided(sentence) == grade


def test_a_time_after_clause_stays_in_the_past():
    assert _decided("Two years after the county's services were judged inadequate, they are now good.") == "good"


def test_a_reaction_to_a_dated_grade_keeps_its_year():
    assert _grades("The director resigned after services were rated inadequate in 2015.") == []


def test_reaction_off_is_round_22(monkeypatch):
    monkeypatch.setattr(settings, "ROUND23_REACTION", False)
    assert _grades("Northvale Council has apologised after its services were rated as inadequate.") == []


# --- dates and changes as real pages write them ------------------------------------------------------------------

def test_a_denied_change_is_no_change():
    assert change_words("Numbers had not declined since the inspection.") == (False, False, False)
    assert change_words("Standards have declined since the inspection.")[0] is True


def test_a_day_range_with_of_before_the_month():
    ranges = date_ranges("The inspection was carried out between 3-14 of June.")
    assert [(r.start_day, r.end_day, r.end_month) for r in ranges] == [(3, 14, 6)]


def test_day_of_month_off_is_round_22(monkeypatch):
    monkeypatch.setattr(settings, "ROUND23_DAY_OF_MONTH", False)
    assert date_ranges("The inspection was carried out between 3-14 of June.") == ()


@pytest.mark.parametrize("code, text, grade", [
    (CUMBRIA, "The focused visit praised new managers. In May 2015 inspectors gave the county an 'inadequate' rating.",
     "inadequate"),
    (KENT, "A focused visit found steady work. It came after publication of Ofsted's inspection of children's "
           "services in March 2017.", "good"),
])
def test_a_visit_page_dates_its_inspection_in_real_shapes(code, text, grade):
    fill = followed_fill(code, text, None, False, None)
    assert fill is not None and fill.grade == grade


def test_dated_shapes_off_is_round_22(monkeypatch):
    monkeypatch.setattr(settings, "ROUND23_DATED_SHAPES", False)
    assert followed_fill(CUMBRIA, "The focused visit praised new managers. In May 2015 inspectors gave the county an "
                                  "'inadequate' rating.", None, False, None) is None
