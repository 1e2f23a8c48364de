"""Round 11 (issue 22): one official-record policy, and statements with grade words that grade no one.

Every sentence here is written for the test (paraphrases of structures seen in articles of several outlets, and
cases that must not fire); the councils' grades come from indexer/data/ofsted_outcomes.csv.
"""
import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from indexer.ingest.annotate import confidence  # noqa: E402
from indexer.ingest.annotate import outcomes as outcome_table  # noqa: E402
from indexer.ingest.annotate.record_grade import announces_inspection, record_grade  # noqa: E402

MIDDLESBROUGH, TAMESIDE, HARTLEPOOL, ST_HELENS = "E06000002", "E08000008", "E06000001", "E08000013"


def _fill(code, text, published=None, printed=False, year=None, outcome=None, level="", one=True):
    """The record's grade for the council, '' when the policy leaves it empty."""
    found = record_grade(code, text, published, printed, year, outcome, level, one)
    return found.grade if found else ""


def _outcome(code, published):
    """The council's recorded inspection published on a day."""
    return next(o for o in outcome_table.for_council(code) if o.published == dt.date.fromisoformat(published))


# --- part 1: one policy -------------------------------------------------------------------------------------------

def test_a_printed_monitoring_visit_keeps_the_standing_inadequate_without_naming_it():
    text = ("After a monitoring visit in November, inspectors say the borough's services for children are moving "
            "the right way. The letter came out this morning.")
    assert _fill(TAMESIDE, text, dt.date(2025, 12, 20), printed=True, year=2025) == "inadequate"
    # paraphrase: the letter, not the visit, is named
    assert _fill(TAMESIDE, "Ofsted's latest monitoring letter notes steady progress.", dt.date(2025, 12, 20),
                 printed=True, year=2025) == "inadequate"


def test_a_focused_visit_or_an_undated_page_naming_no_grade_stays_empty():
    # a focused visit may follow any grade: the page must name or date the standing one
    text = "After a focused visit in November, inspectors say the borough's services are moving the right way."
    assert _fill(TAMESIDE, text, dt.date(2025, 12, 20), printed=True, year=2025) == ""
    # undated: a monitoring visit in a year the page does not print names no grade either
    assert _fill(TAMESIDE, "After a monitoring visit in November, inspectors saw progress.", None, False, 2025) == ""
    # a monitoring visit while the record's standing grade is not inadequate: the page's word does not decide it
    assert _fill(HARTLEPOOL, "A monitoring visit in March looked at care leavers.", dt.date(2020, 3, 30),
                 printed=True, year=2020) == ""


def test_a_visit_takes_the_grade_standing_on_its_day_not_a_later_inspections():
    # the visit "in March" can match the month of a later full inspection; the visit grades nothing, and the grade
    # standing on its day is the one the text names (December 2019), not the later report's
    text = ("Ofsted judged the service inadequate in December 2019. A monitoring visit in March found more "
            "progress under a stable leadership team.")
    later = _outcome(MIDDLESBROUGH, "2023-05-25")
    assert _fill(MIDDLESBROUGH, text, None, False, 2023, later, confidence.OFFICIAL) == "inadequate"
    # a visit the text places after the dated inspection: the linked inspection's own grade
    earlier = _outcome(MIDDLESBROUGH, "2020-01-24")
    visit = "Inspectors came back for a monitoring visit in June, their fourth since the inspection of December 2019."
    assert _fill(MIDDLESBROUGH, visit, None, False, 2021, earlier, confidence.OFFICIAL) == "inadequate"


def test_an_inspection_still_to_come_has_no_grade():
    preview = ("Ofsted's inspection of the borough's children's services begins next week and will run for two "
               "weeks, from Monday 23 September. The inspectorate plans to publish its report on 4 November.")
    linked = _outcome(ST_HELENS, "2019-11-04")
    assert _fill(ST_HELENS, preview, None, False, 2019, linked, confidence.OFFICIAL) == ""
    for said in ("Inspectors are due to arrive at the town hall on Monday.",
                 "Ofsted will inspect the council's children's services next month.",
                 "The inspection is expected to start in the autumn."):
        assert announces_inspection(said), said
    for said in ("The inspection began in September and its report was published today.",
                 "Inspectors found that the service had improved since the last inspection.",
                 "Ofsted published its report on 4 November, after an inspection in September.",
                 "Inspectors will return in six months to check on progress."):
        assert not announces_inspection(said), said


def test_a_dated_inspection_fills_and_an_inferred_one_does_not():
    report = "The report of the inspection in September and October 2019 was published on Monday."
    linked = _outcome(ST_HELENS, "2019-11-04")
    assert _fill(ST_HELENS, report, None, False, 2019, linked, confidence.OFFICIAL) == "inadequate"
    assert _fill(ST_HELENS, report, None, False, 2019, linked, confidence.INFERRED) == ""
    # a printed page about one council dating its standing inspection, though about something later
    later = "The council's plan answers the findings of the September 2019 inspection, councillors heard."
    assert _fill(ST_HELENS, later, dt.date(2021, 3, 2), printed=True, year=2021) == "inadequate"
    # in a round-up the dated inspection may be another council's
    assert _fill(ST_HELENS, later, dt.date(2021, 3, 2), printed=True, year=2021, one=False) == ""


def test_the_first_inspection_since_a_dated_one_is_dated_by_it():
    # Middlesbrough: inadequate (inspected 2019, published January 2020), then requires improvement (2023)
    later = _outcome(MIDDLESBROUGH, "2023-05-25")
    text = ("The newest Ofsted report, out today, says social work has much improved. It was the first inspection "
            "since the council was judged inadequate in 2019.")
    assert _fill(MIDDLESBROUGH, text, None, False, 2023, later, confidence.INFERRED) == "requires improvement"
    paraphrase = ("Today's report follows the council's first full inspection since 2019, and inspectors saw "
                  "real progress.")
    assert _fill(MIDDLESBROUGH, paraphrase, None, False, 2023, later, confidence.INFERRED) == "requires improvement"
    # not a report just out (a history of the council), or two years named, or a round-up: nothing is filled
    history = "It was the first inspection since the council was judged inadequate in 2019, councillors recalled."
    assert _fill(MIDDLESBROUGH, history, None, False, 2023, later, confidence.INFERRED) == ""
    two = text + " The first inspection after 2016 had found the same."
    assert _fill(MIDDLESBROUGH, two, None, False, 2023, later, confidence.INFERRED) == ""
    assert _fill(MIDDLESBROUGH, text, None, False, 2023, later, confidence.INFERRED, one=False) == ""
    # the linked inspection is not the first after that year: nothing is filled
    earlier = _outcome(MIDDLESBROUGH, "2020-01-24")
    assert _fill(MIDDLESBROUGH, text, None, False, 2020, earlier, confidence.INFERRED) == ""


def test_a_noun_start_or_begin_is_no_inspection_to_come():
    for said in ("The re-inspection describes a faltering start after the 2015 judgement.",
                 "Inspectors had seen the effect of Start Well, the new projects for families."):
        assert not announces_inspection(said), said


# --- part 2: grade words that grade no one --------------------------------------------------------------------------

def _grades(sentence):
    from indexer.ingest.annotate.severity import grade_statements
    return [s.grade for s in grade_statements(sentence, 3)]


def test_a_span_across_the_scale_in_a_sentence_naming_it_grades_no_one():
    for said in ("Ofsted gives one overall judgement and several area judgements, each on a four-point scale from "
                 "inadequate to outstanding.",
                 "Grades range from 'outstanding' down to 'inadequate'.",
                 "On Ofsted's scale, running from outstanding to inadequate, the council sits in the middle.",
                 "Councils are rated outstanding, good, requires improvement or inadequate."):
        assert _grades(said) == [], said
    # must still grade: a movement across the scale, or a grade placed on the scale
    assert _grades("The council was rated outstanding, the top of the four-point scale.") == ["outstanding"]
    assert "outstanding" in _grades("In four years the council went from inadequate to outstanding.")


def test_a_share_of_the_councils_the_grade_describes_counts_councils():
    from indexer.ingest.annotate.grade_context import counts_councils
    for said in ("Almost a third of the 149 councils assessed offer only minimal or inadequate services.",
                 "More than three in four of the councils inspected last year were graded inadequate or requiring "
                 "improvement.",
                 "The majority of local authorities now provide good services for children.",
                 "Half of all councils were judged good."):
        assert counts_councils(said), said
    for said in ("Services require improvement, the grade held by roughly half of the councils inspected so far.",
                 "Merton remains one of the councils in England rated outstanding.",
                 "The council was judged good, like most of its neighbours."):
        assert not counts_councils(said), said


def test_a_share_of_councils_gives_no_grade_to_the_council_a_page_is_about(tmp_path):
    from indexer.ingest.documents import load_document
    page = tmp_path / "share.txt"
    page.write_text("Wandsworth tops the council league\n\nLocal Weekly\n\n"
                    "Wandsworth has been named among the best councils in England in the yearly league of councils. "
                    "Its leader thanked staff for the result.\n\n"
                    "Almost a third of the 149 councils assessed offer only minimal or inadequate services for "
                    "children, the commission said.\n", encoding="utf-8")
    doc = load_document(page)
    assert doc.council == ["Wandsworth"]
    assert doc.severity == []  # the share's 'inadequate' is not Wandsworth's
