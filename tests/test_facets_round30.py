"""Round 30 (issue 22, branch aasev30): council and severity on the fresh set aa. Every page here is our own invention.

- `ROUND30_TABLE_ROWS`: a table of councils read row by row (cells between bars or dashes on one line, one cell per
  line between bar lines, or cells run together); a row gives its council the grade word of one cell, else a
  children's score on the 2002-12 four-band scale under a header (or in a cell) that says so.
- `ROUND30_ONCE_AGAIN`: "have once again been rated outstanding" is a grade now, not a past one ("once").
- `ROUND30_CONCESSIVE_OVERALL` (shipped off: one page; removed in round 32): "overall" inside a concessive clause or a
  contrast phrase stayed there; today the grade beside it is made the overall one.
- `ROUND30_OVERALL_TOO`: a grade "for" an area and, also, "for overall effectiveness" is overall as well.
"""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.annotate.table_rows import table_rows
from tests.facet_helpers import article

# --- tables ------------------------------------------------------------------------------------------------------

# One cell per line, a bar line between cells: the header's three cells, then four councils' rows.
_STACKED = """How the councils fared in the watchdog's yearly scores

The Audit Commission gives each English council a yearly score for its work with children.

Yearly council scores
Authority
|
Children and young people
|
Council overall
|
Leeds
|
3
|
3 star
|
Wigan
|
2
|
4 star
|
Kent
|
4
|
3 star
|
Oldham
|
1
|
2 star
"""

# One row per line, cells between bars, a grade word in one cell and figures in others.
_BARRED = """Regional inspection tracker, spring update

This page lists each council in our region with its latest full inspection.

Position | Authority | Framework | Latest grade | Days since
1 | Swindon | ILACS | Good | 801
2 | Plymouth | ILACS | Requires Improvement | 760
3 | Torbay | ILACS | Inadequate | 702
4 | Somerset | ILACS | Good | 655
"""

# The same kind of table kept with its cells run together.
_RUN_TOGETHER = """Regional inspection tracker, spring update

This page lists each council in our region with its latest full inspection.

PositionAuthorityFrameworkLatest gradeDays since
1SwindonILACSGood801
2PlymouthILACSRequires Improvement760
3TorbayILACSInadequate702
4SomersetILACSGood655
"""

# One row per line, a dash after the name and the score cell saying what it scores.
_DASHED = """Council scores published

The Audit Commission scored children's services out of 4 this year.

Leeds - children's score 3; overall 3 stars
Wigan - children's score 2; overall 4 stars
Kent - children's score 4; overall 3 stars
"""


def test_a_stacked_table_gives_each_row_its_children_score(tmp_path):
    doc = article(tmp_path, _STACKED)
    assert dict(zip(doc.council, doc.severity)) == {
        "Leeds": "good", "Wigan": "adequate", "Kent": "outstanding", "Oldham": "inadequate"}


def test_a_barred_table_gives_each_row_its_grade(tmp_path):
    doc = article(tmp_path, _BARRED)
    assert dict(zip(doc.council, doc.severity)) == {
        "Swindon": "good", "Plymouth": "requires improvement", "Torbay": "inadequate", "Somerset": "good"}


def test_a_run_together_table_gives_each_row_its_grade(tmp_path):
    doc = article(tmp_path, _RUN_TOGETHER)
    assert dict(zip(doc.council, doc.severity)) == {
        "Swindon": "good", "Plymouth": "requires improvement", "Torbay": "inadequate", "Somerset": "good"}


def test_a_dashed_table_reads_the_score_its_cell_names():
    rows = {code: grade for code, grade, _ in table_rows(_DASHED, None)}
    assert sorted(rows.values()) == ["adequate", "good", "outstanding"]


@pytest.mark.parametrize("page", [_STACKED, _BARRED, _RUN_TOGETHER])
def test_tables_off_is_round_29(tmp_path, monkeypatch, page):
    monkeypatch.setattr(settings, "ROUND30_TABLE_ROWS", False)
    doc = article(tmp_path, page)
    assert len([g for g in doc.severity if g]) < 3


def test_two_rows_are_no_table():
    assert table_rows("Grade | Council\n1 | Swindon | Good | 801\n2 | Torbay | Inadequate | 702\n", None) == []


def test_a_score_without_its_scale_is_not_read():
    # the figures are Ofsted's grade numbers or anything else: no four-band scale is named on the page
    page = _STACKED.replace("The Audit Commission gives", "The region gives")
    assert table_rows(page, None) == []


def test_stars_of_the_whole_council_are_not_a_children_grade():
    page = "\n".join(line for line in _STACKED.split("\n") if line.strip() not in {"1", "2", "3", "4"})
    assert table_rows(page, None) == []


# --- "once again" ------------------------------------------------------------------------------------------------

_ONCE_AGAIN = """Praise for Stockport staff

Children's services in Stockport have once again been rated outstanding by Ofsted.

The council leader thanked social workers and partners for their work with families.
"""


def test_once_again_is_a_grade_now(tmp_path):
    doc = article(tmp_path, _ONCE_AGAIN)
    assert doc.council == ["Stockport"] and doc.severity == ["outstanding"]


def test_once_again_off_is_round_29(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND30_ONCE_AGAIN", False)
    assert article(tmp_path, _ONCE_AGAIN).severity == []


def test_once_alone_is_still_the_past(tmp_path):
    page = _ONCE_AGAIN.replace("have once again been rated outstanding", "were once rated outstanding")
    assert article(tmp_path, page).severity == []


# --- a concessive "overall" ----------------------------------------------------------------------------------------

_CONCESSIVE = """Setback for Wiltshire's children's services

Children's services in Wiltshire have once again been judged to be inadequate.

Despite the weak overall result, the council's fostering team was rated 'Good' by the inspectors.

The cabinet member said the council accepted every finding.
"""


@pytest.mark.parametrize("on", [True, False])
def test_a_concessive_overall_goes_with_the_grade_after_it(monkeypatch, tmp_path, on):
    """Round 30's concessive reading was left off and removed; round 33's broader contrast reading reads it."""
    monkeypatch.setattr(settings, "ROUND33_OVERALL_AREA", on)
    doc = article(tmp_path, _CONCESSIVE)
    assert doc.council == ["Wiltshire"] and doc.severity == (["inadequate"] if on else ["good"])


# --- a grade for an area and for overall effectiveness ---------------------------------------------------------------

_OVERALL_TOO = """Oldham responds to inspection report

Ofsted has graded Oldham Council's children's social care 'inadequate' for the 'experiences of children in care' \
and, in addition, for 'overall effectiveness.'

Inspectors said the department's work 'requires improvement to be good' in places, naming the help given to \
families.

The council said an improvement plan was already in place.
"""


def test_a_grade_for_an_area_and_overall_effectiveness_is_overall(tmp_path):
    doc = article(tmp_path, _OVERALL_TOO)
    assert doc.council == ["Oldham"] and doc.severity == ["inadequate"]


def test_overall_too_off_is_round_29(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND30_OVERALL_TOO", False)
    assert article(tmp_path, _OVERALL_TOO).severity == ["requires improvement"]
