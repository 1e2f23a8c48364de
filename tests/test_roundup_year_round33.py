"""Round 33: an undated round-up still without a year takes the one year in which every council it grades was given
its grade (`settings.ROUND33_ROUNDUP_YEAR`, roundup_year.shared_record_year). The record has the single-framework
inadequate reports of Knowsley, Birmingham, Coventry and Slough in 2014, Birmingham's other inadequate years too."""
from __future__ import annotations

import pytest

from indexer.ingest.annotate.roundup_year import shared_record_year

KNOWSLEY, BIRMINGHAM, COVENTRY, SLOUGH, HACKNEY = "E08000011", "E08000025", "E08000026", "E06000039", "E09000012"


@pytest.mark.parametrize("codes, grades, year", [
    ([KNOWSLEY, BIRMINGHAM, COVENTRY, SLOUGH], ["inadequate"] * 4, 2014),  # the one year all four share
    ([BIRMINGHAM, COVENTRY], ["inadequate", "inadequate"], 2014),
    ([BIRMINGHAM], ["inadequate"], None),  # one council: the single-council fallback's
    ([KNOWSLEY, HACKNEY], ["inadequate", "outstanding"], None),  # no year in common
    ([KNOWSLEY, SLOUGH], ["inadequate", ""], None),  # one graded council only
])
def test_the_one_year_a_round_ups_grades_share(codes, grades, year):
    found, why = shared_record_year(codes, grades)
    assert found == year
    assert (str(year) in why) if year else why == ""
