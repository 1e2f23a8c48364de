"""Round 31 (issue 22, branch sev31): severity on the real page, where the same page's own-words rewrite was read
right. Every page here is our own invention; the councils are real only so that the official record can answer.

- `ROUND31_REPORT_VOICE`: a page on a new inspection that gives no grade but dates the inspection before it names its
  new report in the order real pages print the voice ("..., said Ofsted", "Ofsted has concluded"), not only "Ofsted
  says": the record's next graded inspection after the dated one gives the grade (round 22's (N)).
- `ROUND31_STACKED_DATE` (shipped off: two pages; removed in round 32): a date before an inspection with two words
  between ("the November 2016 full Ofsted inspection") dated it; today it does not.
- `ROUND31_COUNTED_VISIT`: a visit counted or called the latest ("their fourth visit", "the latest visit") is one of
  the visits after a graded inspection, as a "monitoring visit" is: the dated inspection's record grade stands.
- `ROUND31_TALLY_NAMING`: a count's grade named by any verb that names a grade ("ten were classed 'good'", "twenty
  were deemed 'adequate'") is a tally, never the council's grade.
- `ROUND31_RATING_AT_EARLIER`: a grade with its rating noun before the earlier inspections that gave it ("an
  'Inadequate' rating following the last three inspections") is that earlier grade, not the news.
- `ROUND31_INSPECTION_FOUND`: "the inspection of children's services found" names the new full inspection a page
  reports, so a visit the page also tells of does not make it a visit page."""
from __future__ import annotations

import pytest

from indexer import settings
from tests.facet_helpers import article

# A new inspection's story that never names the new grade: it dates the one before and quotes the report with the
# verb first. Bromley: SIF 2016 inadequate, then ILACS 2019 good.
_VOICE = """Inspectors praise Bromley's turnaround

Help for the borough's children has been rebuilt from the ground up, Ofsted has concluded.

The last Ofsted inspection in 2016 uncovered deep-seated weaknesses in how children at risk were protected.

"Managers now know their teams well, and social workers have time to get to know the children they work with," said
Ofsted.

The council's cabinet member thanked staff and partner agencies for their work.
"""

# A monitoring visit's story that dates the full inspection before it with two words between date and noun.
# Kirklees: SIF published November 2016, inadequate.
_STACKED = """Kirklees making steady progress, says watchdog

The third monitoring visit, looking at children in care, took place over two days in June.

Inspectors said caseloads were falling and most plans were now up to date, a change from the November 2016 full
Ofsted inspection, when many plans had lapsed.

The director of children's services called the findings a fair picture.
"""

# A visit's story that never says "monitoring visit": the visit is counted instead, after a dated inadequate grade.
_COUNTED = """Inspectors see further gains in Kirklees

Ofsted's letter came out today following inspectors' fourth visit to Huddersfield on 3 and 4 May, which looked at
help for children leaving care.

The visits check progress against the improvement plan drawn up after the service was rated inadequate in November
2016. The council has set itself the aim of a good rating in 2019.

Leaders said the letter showed the plan was working.
"""

# An old looked-after children inspection counted by its categories: no overall grade is given.
_TALLY = """Wigan's care for looked-after children 'mostly adequate'

An inspection of how Wigan looks after the children in its care has found most of the work meets only the basic
standard.

Of the 30 categories looked at, ten were classed 'good', while twenty were deemed 'adequate'.

The council said it would draw up an action plan.
"""

# The news grade in one sentence; the grade the council had held before named with its noun and the earlier
# inspections that gave it. Norfolk: ILACS 2023 good, after inadequate and requires improvement grades.
_EARLIER_NOUN = """Norfolk children's services: a new verdict

Ofsted has judged Norfolk's children's services 'Good' in all four areas of the inspection.

After receiving an 'Inadequate' rating following the last three inspections, the council says the report marks a
real change.

The cabinet member thanked foster carers and staff.
"""


# A new full inspection's story that also tells of a focused visit between the two inspections: the new one is named
# only by the framework's words as the subject of its findings. Bromley: SIF 2016 inadequate, then ILACS 2019 good.
_FOUND = """Bromley's help for children rebuilt

Since the last inspection in 2016, help for children in Bromley has been rebuilt, Ofsted says.

A focused visit carried out in March 2018 had already seen the first signs of change.

Referrals are handled quickly and children's plans are clear and kept up to date, the inspection of children's
services found.
"""


@pytest.fixture
def switch(monkeypatch):
    def set_(name, value):
        monkeypatch.setattr(settings, name, value)
    return set_


def test_the_report_voice_after_a_quote_names_the_new_report(tmp_path, switch):
    doc = article(tmp_path, _VOICE)
    assert doc.council == ["Bromley"]
    assert doc.severity == ["good"]
    switch("ROUND31_REPORT_VOICE", False)
    assert article(tmp_path, _VOICE).severity == []


def test_a_date_two_words_before_the_inspection_dates_nothing(tmp_path):
    doc = article(tmp_path, _STACKED)
    assert doc.council == ["Kirklees"]
    assert doc.severity == []


def test_a_counted_visit_is_a_visit_after_the_dated_inspection(tmp_path, switch):
    doc = article(tmp_path, _COUNTED)
    assert doc.council == ["Kirklees"]
    assert doc.severity == ["inadequate"]
    switch("ROUND31_COUNTED_VISIT", False)
    assert article(tmp_path, _COUNTED).severity == []


def test_a_count_named_by_classed_or_deemed_is_a_tally(tmp_path, switch):
    doc = article(tmp_path, _TALLY)
    assert doc.council == ["Wigan"]
    assert doc.severity == []
    switch("ROUND31_TALLY_NAMING", False)
    switch("ROUND32_COUNTED_AREAS", False)  # round 32 reads "ten of the 30 categories ... 'good'" as a part's grade too
    assert article(tmp_path, _TALLY).severity == ["good"]


def test_a_rating_noun_before_the_earlier_inspections_is_the_past(tmp_path, switch):
    doc = article(tmp_path, _EARLIER_NOUN)
    assert doc.council == ["Norfolk"]
    assert doc.severity == ["good"]
    switch("ROUND31_RATING_AT_EARLIER", False)
    assert article(tmp_path, _EARLIER_NOUN).severity == ["inadequate"]


def test_the_inspection_of_childrens_services_found_is_a_new_inspection(tmp_path, switch):
    doc = article(tmp_path, _FOUND)
    assert doc.council == ["Bromley"]
    assert doc.severity == ["good"]
    switch("ROUND31_INSPECTION_FOUND", False)
    assert article(tmp_path, _FOUND).severity == ["inadequate"]


def test_the_readings_match_only_their_shapes():
    from indexer.ingest.annotate.followed_inspection import _COUNTED_VISIT, _REPORTS_INVERTED
    from indexer.ingest.annotate.grade_context import given_by_earlier_inspection_after, is_tally
    assert _REPORTS_INVERTED.search("the plan is sound,\" said the report.")
    assert not _REPORTS_INVERTED.search("the council said Ofsted would return")
    assert _COUNTED_VISIT.search("after their second visit to the borough")
    assert not _COUNTED_VISIT.search("since the previous visit")
    assert not _COUNTED_VISIT.search("the third visit in May 2019")
    assert is_tally("Of 20 categories, 12 were classed '")
    assert not is_tally("The service was classed '")
    assert given_by_earlier_inspection_after("' grade at its last inspection in 2016") == "last"
    assert given_by_earlier_inspection_after("' rating from Ofsted this week") == ""
    from indexer.ingest.annotate.visits import new_full_inspection
    assert new_full_inspection("the inspection of local authority children's services at Bromley found")
    assert not new_full_inspection("the third visit since the inspection of children's services found")
