"""Round 31 (issue 22, branch visit31): visit pages and the graded inspection they follow. Every page here is our own
invention; the councils are real only so that the official record can answer.

- `ROUND31_SPECIAL_MEASURES`: a page about monitoring (a monitoring visit, letter or report, or a counted visit
  "since" the judgement) that says the services were put into special measures names the inadequate judgement the
  monitoring follows, as "judged inadequate" does (round 14); a printed page still needs that grade standing on its
  day in the record.
- `ROUND31_THIS_YEAR_MONTHS`: an undated page whose inspection the record links by inference and whose text gives
  that inspection's months "this year" dates the inspection it reports when the months fit the linked inspection:
  the record gives its grade (inferred); months that do not fit it, or a monitoring visit's months, give nothing.
- `ROUND31_VISIT_MONTH` (shipped off: it empties one wrong year and rights none; removed in round 32): on a visit page
  a month told of a visit ("during their visit in October") was not an official inspection's month; today it is."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.annotate import outcomes as outcome_table
from indexer.ingest.annotate.gazetteer import authorities
from indexer.ingest.annotate.year import _date_clues
from tests.facet_helpers import article

# A printed monitoring story that never says "inadequate": the judgement is told as special measures.
# Tameside: SIF published December 2016, inadequate, standing through 2017.
_SPECIAL = """Slow going for Tameside, inspectors warn

Posted: 12 October 2017

Tameside's help for children in care is getting better, but not quickly enough, according to the second monitoring
report published by Ofsted since the borough's children's services were put into special measures.

The report asks for quicker action on plans for young people leaving care and on children who go missing.

The council's lead member said every recommendation would be taken on board.
"""

# An undated story that counts the visit since the judgement and tells it as special measures.
# Kirklees: SIF published November 2016, inadequate.
_COUNTED_SINCE = """More to do in Kirklees, say visiting inspectors

Inspectors found caseloads were still too high on their fourth visit since the council was placed in special measures.

The letter says managers know their teams better than before, though many assessments are still late.

The interim director said the service would keep its focus on the front door.
"""

# Special measures with no monitoring on the page: a story about the judgement itself is left to the other readers.
_NO_MONITORING = """Tameside children's chief steps down

Posted: 20 December 2016

The director of children's services has left, days after the department was put into special measures.

Councillors will meet next week to agree who takes the role on for now.
"""

# A monitoring visit whose month is the visit's, beside the judgement's year told loosely.
# Kirklees: SIF published November 2016, inadequate.
_VISIT_MONTH = """Watchdog tells Kirklees to speed up

Ofsted found the pace of change too slow in a letter sent after a monitoring visit to the council's children's
services.

The inspectors asked managers to look again at several cases they read during their visit in October.

Kirklees has had an inadequate grade since the end of 2016.
"""


# An undated story on a full inspection that names only sub-judgements and gives the inspection's months "this year".
# Lambeth: SIF published May 2018, requires improvement.
_THIS_YEAR = """Lambeth told to keep going after mixed findings

Following a visit covering January and February this year, inspectors found that children's services in Lambeth had
moved on, helped by the duty team the council rebuilt in
March 2017.

Social workers now see most children quickly, the inspection report states, but help and protection for children
requires improvement and too many assessments for children in care are late.

The cabinet member said the council would publish an action plan in the summer.
"""


@pytest.fixture
def switch(monkeypatch):
    def set_(name, value):
        monkeypatch.setattr(settings, name, value)
    return set_


def test_special_measures_on_a_monitoring_report_names_the_inadequate_judgement(tmp_path, switch):
    doc = article(tmp_path, _SPECIAL)
    assert doc.council == ["Tameside"]
    assert doc.severity == ["inadequate"]
    switch("ROUND31_SPECIAL_MEASURES", False)
    assert article(tmp_path, _SPECIAL).severity != ["inadequate"]


def test_a_counted_visit_since_special_measures_is_monitoring(tmp_path, switch):
    doc = article(tmp_path, _COUNTED_SINCE)
    assert doc.council == ["Kirklees"]
    assert doc.severity == ["inadequate"]
    switch("ROUND31_SPECIAL_MEASURES", False)
    assert article(tmp_path, _COUNTED_SINCE).severity != ["inadequate"]


def test_special_measures_without_monitoring_is_not_read(tmp_path, switch):
    on = article(tmp_path, _NO_MONITORING).severity
    switch("ROUND31_SPECIAL_MEASURES", False)
    assert article(tmp_path, _NO_MONITORING).severity == on


def test_a_visit_month_on_a_visit_page():
    (code,) = [c for c, a in authorities().items() if a.name == "Kirklees"]
    rows = [o for o in outcome_table.for_council(code) if o.published]
    said = [c.words for c in _date_clues(_VISIT_MONTH, rows)]
    assert any("October" in why for why in said)


def test_months_this_year_that_fit_the_linked_inspection_date_it(tmp_path, switch):
    doc = article(tmp_path, _THIS_YEAR)
    assert doc.council == ["Lambeth"]
    assert doc.year == 2018
    assert doc.severity == ["requires improvement"]
    switch("ROUND31_THIS_YEAR_MONTHS", False)
    assert article(tmp_path, _THIS_YEAR).severity == []


def test_months_this_year_that_do_not_fit_give_nothing(tmp_path):
    page = _THIS_YEAR.replace("January and February this year", "September and October this year")
    assert "this year" in page
    assert article(tmp_path, page).severity == []


def test_a_monitoring_visits_months_this_year_are_not_read(tmp_path):
    page = _THIS_YEAR.replace("Following a visit covering", "Following a monitoring visit covering")
    assert "months “this year”" not in str(article(tmp_path, page).facet_evidence["severity"])
