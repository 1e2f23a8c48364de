"""Round 22 (severity): a gradeless one-council page that dates the graded inspection it follows takes the record's
grade (followed_inspection.py). Sentences are our own inventions on real councils' record rows: Cumbria (SIF 2015
inadequate, SIF 2018 requires improvement), Kent (SIF 2017-06 good, ILACS 2022 outstanding), Wakefield (ILACS 2018
inadequate, ILACS 2022-01 good)."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.annotate.followed_inspection import followed_fill
from indexer.ingest.documents import load_document

CUMBRIA, KENT, WAKEFIELD = "E10000006", "E10000016", "E08000036"


@pytest.fixture(autouse=True)
def _both_on(monkeypatch):
    """Both kinds switched on (the visit kind is off in settings: it fails the round's crossval bar)."""
    monkeypatch.setattr(settings, "ROUND22_FOLLOWED_VISIT", True)
    monkeypatch.setattr(settings, "ROUND22_FOLLOWED_NEXT", True)


def _grade(code: str, text: str, year: int | None = None, new_inspection: bool = False, printed=None) -> str | None:
    """The fill's grade, or None."""
    fill = followed_fill(code, text, year, new_inspection, printed)
    return fill.grade if fill is not None else None


# --- (V) a visit page: the dated inspection's own grade --------------------------------------------------------

@pytest.mark.parametrize("code, text, grade", [
    (CUMBRIA, "The latest monitoring visit found social workers more settled. Inspectors rated the county inadequate "
              "in May 2015 and it has been under close watch since.", "inadequate"),
    (KENT, "Kent was praised after a focused visit looked at its front door. It followed the inspection of children's "
           "services that Ofsted published in March 2017.", "good"),  # the month is off: the year alone fits one row
    (KENT, "A follow-up visit last month looked at care leavers, two years after the 2017 inspection.", "good"),
])
def test_a_visit_page_takes_the_grade_of_the_inspection_it_dates(code, text, grade):
    assert _grade(code, text) == grade


# --- (N) a new inspection dating only the previous one: the record's next graded inspection ------------------------

def test_a_new_report_dating_the_previous_inspection_takes_the_next_one(monkeypatch):
    text = ("Ofsted says Wakefield's services for children have changed beyond recognition since the council was last "
            "inspected in 2018. Leaders now know their families well.")
    assert _grade(WAKEFIELD, text) == "good"
    assert _grade(WAKEFIELD, text, year=2022) == "good"  # the next inspection's report year
    assert _grade(WAKEFIELD, text, year=2019) is None  # the page's own year points at no next inspection
    monkeypatch.setattr(settings, "ROUND22_FOLLOWED_NEXT", False)
    assert _grade(WAKEFIELD, text) is None


@pytest.mark.parametrize("code, text", [
    # several earlier visits looked back on, and no report the page is about
    (CUMBRIA, "Seven monitoring visits followed after inspectors rated the county inadequate in May 2015."),
    (CUMBRIA, "After a focused visit in March 2016, the county prepared for its next inspection."),
    # two graded inspections dated: the page does not say which it follows
    (CUMBRIA, "A monitoring visit came after the 2015 inspection and before the 2018 inspection."),
    # an inspection still to come
    (KENT, "Since the 2017 inspection, Kent has waited; inspectors will arrive next week, Ofsted says."),
    # a dated earlier inspection, but no report the page tells of
    (WAKEFIELD, "Councillors discussed the budget since the last inspection in 2018 was mentioned in passing."),
    # a year no graded row fits
    (KENT, "The focused visit looked at the front door, five years after the 2011 inspection."),
    # a rating verb dates the previous grade with a movement: round 8's policy (no grade lent) stands
    (WAKEFIELD, "Services had deteriorated since it was rated requires improvement in 2016, inspectors found."),
    # review 22: the "since ... <year>" must name the dated row; here it is the page's own 2017 report that is dated
    (KENT, "Ofsted says Kent's services are good. The report on the inspection, published in June 2017, notes that "
           "since 2010 the county has recruited more social workers."),
    # review 22: the calendar, not the inspection before ("earlier this year", "since then")
    (KENT, "Ofsted says Kent's services are good. Earlier this year the county printed its 2017 inspection plan."),
    (WAKEFIELD, "Inspectors found good practice. Since then the council's 2022 inspection has been praised."),
])
def test_no_fill(code, text):
    assert _grade(code, text) is None


# --- end to end --------------------------------------------------------------------------------------------------

def _facets(tmp_path, text: str) -> tuple[list[str], list[str]]:
    """Council and severity facets of a one-article text."""
    path = tmp_path / "article.txt"
    path.write_text(text)
    doc = load_document(path, None)
    return list(doc.council), list(doc.severity or [])


_VISIT_PAGE = ("Kent's front door praised by inspectors\n\nKent Messenger\n\n"
               "Ofsted has given Kent County Council encouraging feedback after a focused visit to its children's "
               "services.\n\nIt followed the inspection of children's services that Ofsted published in June 2017.\n\n"
               "The cabinet member said staff had worked hard for children and families.\n")


def test_an_undated_visit_page_is_filled_end_to_end(tmp_path, monkeypatch):
    assert _facets(tmp_path, _VISIT_PAGE) == (["Kent"], ["good"])


def test_the_switch_turns_it_off(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND22_FOLLOWED_VISIT", False)
    assert _facets(tmp_path, _VISIT_PAGE)[1] == []


def test_a_stated_grade_is_kept(tmp_path, monkeypatch):
    text = _VISIT_PAGE.replace("The cabinet member said", "Kent's children's services remain outstanding, the "
                                                          "cabinet member said, and")
    assert _facets(tmp_path, text) == (["Kent"], ["outstanding"])


def test_a_printed_day_with_a_later_grade_standing_decides_nothing():
    import datetime as dt
    text = "The latest monitoring visit found slow progress. Inspectors rated the county inadequate in May 2015."
    assert _grade(CUMBRIA, text, printed=dt.date(2016, 3, 1)) == "inadequate"  # still standing on the day
    assert _grade(CUMBRIA, text, printed=dt.date(2019, 3, 1)) is None  # the 2018 requires improvement replaced it


def test_a_capitalised_date_shape_is_read():
    """Review 22: "Inspection ... published in" and "Rated ... in" open a sentence as often as not."""
    text = "Rated inadequate in May 2015, the county has had a follow-up visit on its front door."
    assert _grade(CUMBRIA, text) == "inadequate"
    assert _grade(KENT, "A focused visit looked at care leavers. Inspection report published in June 2017.") == "good"
