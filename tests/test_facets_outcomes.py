"""The official outcomes table (ingest/annotate/outcomes.py)."""
from __future__ import annotations

import datetime as dt

from indexer.ingest.annotate import outcomes


def test_by_inspection_end_finds_the_medway_2019_inspection():
    found = outcomes.by_inspection_end("E06000035", dt.date(2019, 7, 26))
    assert found is not None and found.published.year == 2019 and found.overall == "inadequate"


def test_official_grade_of_the_two_judgement_era_is_the_lower():
    slac = [o for o in outcomes.for_council("E10000016") if o.framework == "SLAC"]
    assert slac and outcomes.official_grade(slac[0]) in ("inadequate", "adequate")
    assert all(o.overall in ("", "outstanding", "good", "requires improvement", "adequate", "inadequate")
               for o in outcomes.all_outcomes())
