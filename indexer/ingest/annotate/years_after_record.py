"""Round 28 (issue 22): "N years after" lands on a recorded inspection; the page dates by that inspection's report.

Round 20's count ("rated good, eight years after it was judged inadequate in 2010") gives the year the new judgement
came, which is when the inspectors visited or when their report came out: a December visit's report is published in
the new year (a visit "last month", the rating "published today" in January), and a page
calling the rating "last December" is from the year after it. When the council's record holds exactly one inspection
with the grade the page states whose visit or report falls in the counted years, the page is dated by that report's
year (and a year later when the page says the rating came "last December" and the report is a December one).

The count's bound is read too: "less than three years after" 2013 allows 2014-2016, "over four years after" 2019 allows
2023-2024; a plain count allows its own year only. More than one fitting inspection, or none, leaves the count's
year as it was. The year stays inferred.
"""
from __future__ import annotations

from indexer.grades import official_grades_for
from indexer.ingest.annotate import outcomes as outcome_table
from indexer.ingest.annotate.calendar import past_december_shift
from indexer.ingest.annotate.years_after import YearsAfter

_BELOW = {"less than", "under", "nearly", "almost"}
_ABOVE = {"over", "just over", "more than"}


def _window(found: YearsAfter) -> range:
    """The years the count allows for the new judgement."""
    qualifier = " ".join(found.qualifier.split())
    if qualifier in _BELOW:
        return range(found.anchor + 1, found.year + 1)  # never the judgement counted from
    if qualifier in _ABOVE:
        return range(found.year, found.year + 2)
    return range(found.year, found.year + 1)


def record_year(found: YearsAfter, code: str, grade: str, text: str) -> YearsAfter | None:
    """The report year of the council's one recorded inspection with `grade` held or published in the counted years,
    shifted a year on for "last December"; None when no single inspection fits."""
    if not (found.anchor and code and grade):
        return None
    wanted = official_grades_for(grade)
    years = _window(found)
    fits = [o for o in outcome_table.for_council(code)
            if o.published and outcome_table.official_grade(o) in wanted
            and ({outcome_table.inspected_year(o), o.published.year} & set(years))]
    if len(fits) != 1:
        return None
    row = fits[0]
    year = row.published.year + past_december_shift(text, row.published.month)
    why = (f"{found.why}; the council's one {grade} inspection then is the {row.framework} published "
           f"{row.published.isoformat()}" + ("; the page says “last December”, so a year later"
                                             if year != row.published.year else "") + f": {year}")
    return YearsAfter(year, why, found.anchor, found.count, found.qualifier)
