"""Round 31 (issue 22, branch lists31): a round-up's lead-in and the bare list of councils after it. Every page here
is our own invention.

`ROUND31_LEAD_IN_LISTS` (lead_in_lists.py): a sentence stating one overall grade and naming no council after it hands
the grade to the bare list that follows: after a colon or a dash any list (one run of names, or one name a line); after
a counted group, a list opened by "the others are" that names exactly the rest of the group. A list cut off by the
excerpt gives the councils it names.
"""
from __future__ import annotations

from indexer import settings
from indexer.ingest.annotate.attribution import council_mentions
from indexer.ingest.annotate.lead_in_lists import bare_list, lead_in, list_fits
from indexer.ingest.annotate.severity import grade_statements
from tests.facet_helpers import article

# A written answer: a colon-ended lead-in, then the councils as one paragraph of names.
_ANSWER = """Councils judged inadequate: written answer

Published: Tuesday, 9 February 2016

A member asked the minister which councils had been judged inadequate since 2012.

Across those years, these authorities were found by Ofsted to be ‘inadequate’:

Bury, Oldham, Trafford, Sefton, Wigan and Stockport.

The minister added that support had been sent to each of them.
"""

# A list set out one name a line under its lead-in, and a sentence after it that is not part of the list.
_LINES = """Which councils are rated inadequate?

Published: Friday, 4 March 2016

Ministers were asked which councils' children's services were failing. At present the following authorities hold an inadequate judgement from Ofsted –

• Bury, where a commissioner was sent

• Oldham

• Trafford

Salford was visited last month and its letter praised its new director.
"""

# A counted group with one member named, then "The others are:" naming the rest of the group.
_OTHERS = """Annual ratings: Bury objects to poor grade

Published: Thursday, 10 December 2009

Bury is one of four councils rated poor in this year's annual ratings of children's services. The others are: Oldham, Trafford and Wigan.

A spokesman for Bury said the rating did not reflect recent progress.
"""

# The same, but the list names more councils than the count leaves: no grade is handed on.
_TOO_MANY = """Annual ratings: Bury objects to poor grade

Published: Thursday, 10 December 2009

Bury is one of three councils rated poor in this year's annual ratings of children's services. The others are: Oldham, Trafford and Wigan.

A spokesman for Bury said the rating did not reflect recent progress.
"""

# A list in semicolons after a colon-ended lead-in.
_CUT = """Councils rated outstanding

Published: Monday, 6 June 2016

Ofsted has now finished its first year of inspections of children's services under the new framework.

So far the inspectorate has rated these authorities outstanding:

Leeds; Kensington and Chelsea; Trafford.

The list will grow as the year goes on, the inspectorate said.
"""

# One name a line, each its own sentence, under a colon-ended lead-in.
_ONE_A_LINE = """Which councils are rated inadequate?

Published: Friday, 4 March 2016

Ministers were asked which councils' children's services were failing. At present the following authorities hold an inadequate judgement from Ofsted:

Bury.

Oldham.

Trafford.

Salford was visited last month and its letter praised its new director.
"""


def _grades(doc):
    return dict(zip(doc.council, doc.severity))


def test_a_colon_lead_in_grades_the_list_after_it(tmp_path):
    grades = _grades(article(tmp_path, _ANSWER))
    assert {grades.get(c) for c in ("Bury", "Oldham", "Trafford", "Sefton", "Wigan", "Stockport")} == {"inadequate"}


def test_lead_in_off_is_round_30(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND31_LEAD_IN_LISTS", False)
    grades = _grades(article(tmp_path, _ANSWER))
    assert sum(1 for g in grades.values() if g == "inadequate") <= 1


def test_one_name_a_line_until_the_list_ends(tmp_path):
    grades = _grades(article(tmp_path, _LINES))
    assert grades.get("Bury") == grades.get("Oldham") == grades.get("Trafford") == "inadequate"
    assert not grades.get("Salford")


def test_one_name_a_line_off(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND31_LEAD_IN_LISTS", False)
    grades = _grades(article(tmp_path, _LINES))
    assert not (grades.get("Oldham") == grades.get("Trafford") == "inadequate")


def test_one_bare_name_a_line(tmp_path):
    grades = _grades(article(tmp_path, _ONE_A_LINE))
    assert grades.get("Bury") == grades.get("Oldham") == grades.get("Trafford") == "inadequate"
    assert not grades.get("Salford")


def test_the_others_complete_a_counted_group(tmp_path):
    grades = _grades(article(tmp_path, _OTHERS))
    assert grades == {"Bury": "inadequate", "Oldham": "inadequate", "Trafford": "inadequate", "Wigan": "inadequate"}


def test_the_others_off(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND31_LEAD_IN_LISTS", False)
    grades = _grades(article(tmp_path, _OTHERS))
    assert grades.get("Wigan") != "inadequate"


def test_a_count_the_list_does_not_match_hands_nothing(tmp_path):
    grades = _grades(article(tmp_path, _TOO_MANY))
    assert grades.get("Bury") == "inadequate"
    assert grades.get("Wigan") != "inadequate"


def test_a_semicolon_list(tmp_path):
    grades = _grades(article(tmp_path, _CUT))
    assert grades.get("Leeds") == grades.get("Kensington and Chelsea") == grades.get("Trafford") == "outstanding"


def test_the_pieces():
    text = "Across those years, these authorities were found by Ofsted to be ‘inadequate’:"
    lead = lead_in(text, grade_statements(text, 1), council_mentions(text, None))
    assert lead is not None and lead.count is None and lead.statement.grade == "inadequate"
    listed = "Bury, Oldham, Trafford and Wigan."
    codes = bare_list(listed, council_mentions(listed, None))
    assert len(codes) == 4 and list_fits(lead, codes, listed, 0)
    cut = "Leeds; Kensington and Chelsea; Trafford; W"  # an excerpt that stops mid-list gives the names it has
    assert len(bare_list(cut, council_mentions(cut, None))) == 3
    prose = "Bury, Oldham and Trafford said they welcomed the visits."
    assert bare_list(prose, council_mentions(prose, None)) == []
    named = "Bury was rated inadequate by Ofsted last year, the council said."  # names a council after no grade
    assert lead_in(named, grade_statements(named, 1), council_mentions(named, None)) is None


# `ROUND31_MIXED_HYPHENS` (shipped off; removed in round 32) read a name with a hyphen on one side of its joining word
# only as the council's name; today it is none.
def test_a_half_hyphened_name_is_no_council():
    text = "Leeds; Richmond-upon Thames; Trafford."
    assert "E09000027" not in {c for _, c in council_mentions(text, None)}
