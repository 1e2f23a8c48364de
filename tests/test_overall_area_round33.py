"""Round 33: a distant "overall" set against the grade, or separated from it by an area of work after a comma, does not
make the grade overall (`settings.ROUND33_OVERALL_AREA`); a grade "N years prior" is an earlier one
(`settings.ROUND33_YEARS_PRIOR`). Sentences in the project's own words."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.annotate.severity import grade_statements

DESPITE = "Despite the poor overall score, the council's adoption team was rated 'Good' by inspectors."
BUT = ("Adoption and the progress of care leavers were rated good, but the report criticises the overall quality of "
       "the council's children's services.")
PRIOR = "Kingston has been awarded 'outstanding' for its children's services after an 'inadequate' rating six years prior."


@pytest.mark.parametrize("sentence", [DESPITE, BUT])
@pytest.mark.parametrize("on", [True, False])
def test_a_contrasted_overall_is_not_the_areas_grade(monkeypatch, sentence, on):
    monkeypatch.setattr(settings, "ROUND33_OVERALL_AREA", on)
    (good,) = [st for st in grade_statements(sentence, 1) if st.grade == "good"]
    assert good.sub_area is on


def test_an_overall_grade_next_to_its_word_stays_overall(monkeypatch):
    monkeypatch.setattr(settings, "ROUND33_OVERALL_AREA", True)
    (st,) = grade_statements("Overall, the council's services are rated inadequate, inspectors said.", 1)
    assert st.grade == "inadequate" and not st.sub_area


@pytest.mark.parametrize("on", [True, False])
def test_a_grade_years_prior_is_an_earlier_one(monkeypatch, on):
    monkeypatch.setattr(settings, "ROUND33_YEARS_PRIOR", on)
    earlier = [st for st in grade_statements(PRIOR, 1) if st.grade == "inadequate"]
    assert earlier and earlier[0].standing is on
