"""Round 28 (issue 22, branch sevempty28): empty and extra grades on one-council pages. Every page here is our own
invention; the councils and days are chosen so the official record (`indexer/data/ofsted_outcomes.csv`) decides.

- `ROUND28_JOINT_AREA_REVIEW`: a page whose news is a joint area review (2005-09) gives no council an overall grade:
  the review judged strands (safeguarding, looked-after children, ...), and a page naming no annual performance
  assessment states no overall grade.
- `ROUND28_DATED_REPORTS` (shipped off; removed in round 32): an inspection dated through its Ofsted report ("the
  2012 Ofsted report", "recommendations made by Ofsted in July 2019") dated the graded inspection, so the record
  filled the grade the page names none for. Today such a page has no grade.
- `ROUND28_FALLBACK_UNWEIGHED` (with `ROUND27_FALLBACK_GRADE` on): the last-resort grade fills a council the rules
  weighed no grade statement for; a past grade given as a span ago is no fallback."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.annotate.area_review import reports_joint_area_review
from tests.facet_helpers import article

# --- an inspection dated through its Ofsted report ------------------------------------------------------------------

_RECOMMENDATIONS = """Warrington sets aside extra money for family support

Published: Thursday, 12 March 2020

Cabinet members agreed on Tuesday to spend a further £400,000 on family support workers.

The money will help the borough act on the recommendations made by Ofsted in July 2019, after inspectors spent two
weeks with social work teams.

The cabinet member for children said the teams had worked hard and the plan would be reviewed in the autumn.
"""

_YEAR_REPORT = """Bexley braces for a new look at its children's services

Published: Tuesday, 4 June 2013

Council bosses in Bexley are preparing staff for the arrival of inspectors later this year.

Following the damning 2012 Ofsted report on the borough's safeguarding work, a new director was appointed and
caseloads were cut.

Councillors were told on Monday that staff turnover had fallen by a third.
"""


@pytest.mark.parametrize("text", [_RECOMMENDATIONS, _YEAR_REPORT])
def test_a_page_dating_only_an_ofsted_report_has_no_grade(tmp_path, text):
    assert not article(tmp_path, text).severity


# --- a joint area review ---------------------------------------------------------------------------------------------

_REVIEW_PAGE = """Joint area review finds Bolton's safeguarding inadequate

Published: 14 October 2008

Inspectors from Ofsted and the Healthcare Commission have published the joint area review of services for children
and young people in Bolton.

The review judged the council and its partners' arrangements for safeguarding children inadequate, while services
for looked-after children were rated good and service management adequate.

The council's director said an action plan was already in place.
"""

_REVIEW_TWO = """Two councils praised in the latest joint area reviews

Published: 2 May 2008

Kent and Dorset come out well from the latest round of joint area reviews.

Kent was rated outstanding for the way it works with the police and health services to keep children safe.

Dorset was judged good for its services to children with learning difficulties.
"""

_REVIEW_WITH_APA = """Bolton: joint area review and annual performance assessment

Published: 20 December 2008

Bolton's joint area review this spring found safeguarding adequate.

In its annual performance assessment, published today, Ofsted rated Bolton's children's services as performing
well, a good grade.
"""


@pytest.mark.parametrize("text", [_REVIEW_PAGE, _REVIEW_TWO])
def test_a_joint_area_review_page_grades_no_council(tmp_path, text):
    doc = article(tmp_path, text)
    assert doc.council and not any(doc.severity)
    assert "joint area review" in doc.facet_evidence["severity_withheld"]


@pytest.mark.parametrize("text", [_REVIEW_PAGE, _REVIEW_TWO])
def test_joint_area_review_off_is_round_27(tmp_path, monkeypatch, text):
    monkeypatch.setattr(settings, "ROUND28_JOINT_AREA_REVIEW", False)
    assert any(article(tmp_path, text).severity)


def test_an_annual_assessment_beside_the_review_keeps_its_grade(tmp_path):
    assert reports_joint_area_review("", _REVIEW_WITH_APA) is False


def test_a_review_named_only_as_history_keeps_the_grade():
    text = ("Ofsted has judged Bolton's children's services inadequate after a three-week inspection.\n" + "x " * 320
            + "\nSeveral homes the 2008 joint area review criticised are now shut.")
    assert reports_joint_area_review("Bolton services inadequate", text) is False
    assert reports_joint_area_review("Joint area review: Bolton", "Inspectors reported on Bolton.") is True


# --- the fallback reads the rules' decisions ------------------------------------------------------------------------

_PAST_SPAN = """Wigan children's services step up recruitment

Published: Monday, 3 February 2025

Wigan Council is recruiting thirty social workers, two years after its services were rated good by Ofsted.

The director said the new posts would cut caseloads before the next inspection.
"""


def test_a_grade_given_as_a_span_ago_is_no_fallback(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND27_FALLBACK_GRADE", True)
    assert not article(tmp_path, _PAST_SPAN).severity
    monkeypatch.setattr(settings, "ROUND28_FALLBACK_UNWEIGHED", False)
    assert article(tmp_path, _PAST_SPAN).severity == ["good"]
