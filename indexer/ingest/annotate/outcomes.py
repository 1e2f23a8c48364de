"""The official Ofsted inspection outcomes: look-ups by council and by inspection dates."""
from __future__ import annotations

import csv
import datetime as dt
from functools import lru_cache

from indexer import settings
from indexer.models import Outcome
from indexer.grades import grades_agree
from indexer.ingest.annotate.grades import normalise_grade, worst_grade

_SUB_COLUMNS = {
    "leadership": ("impact_of_leaders", "sif_leadership_management_governance"),
    "help_and_protection": ("help_and_protection",),
    "children_in_care": ("children_in_care", "sif_children_looked_after_and_permanence"),
    "care_leavers": ("care_leavers", "sif_care_leavers"),
}


def _date(value: str) -> dt.date | None:
    """ISO date or None."""
    return dt.date.fromisoformat(value) if value else None


@lru_cache(maxsize=1)
def all_outcomes() -> list[Outcome]:
    """Every outcome row, oldest first."""
    rows = []
    with open(settings.OUTCOMES_CSV, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            subs = {}
            for name, columns in _SUB_COLUMNS.items():
                for column in columns:
                    if row.get(column):
                        subs[name] = normalise_grade(row[column]) or row[column]
                        break
            if row.get("slac_safeguarding"):
                subs["safeguarding"] = normalise_grade(row["slac_safeguarding"])
                subs["looked_after_children"] = normalise_grade(row["slac_looked_after_children"])
            rows.append(Outcome(
                la_code=row["la_code"], la_name=row["la_name"], framework=row["inspection_framework"],
                inspection_type=row["inspection_type"], start=_date(row["inspection_start_date"]),
                end=_date(row["inspection_end_date"]), published=_date(row["publication_date"]),
                overall=normalise_grade(row["overall_grade"]) or "", subjudgements=subs,
                report_url=row["report_url"]))
    rows.sort(key=lambda o: o.published or dt.date.min)
    return rows


def for_council(code: str) -> list[Outcome]:
    """The outcomes of one authority (and of its predecessors), oldest first."""
    return list(_council_rows(code))


@lru_cache(maxsize=512)
def _council_rows(code: str) -> tuple[Outcome, ...]:
    """for_council's rows, found once per code (choosing a page's inspection asks for them per candidate)."""
    from indexer.ingest.annotate.gazetteer import authorities

    codes = {code, *authorities().get(code, None).predecessors} if code in authorities() else {code}
    return tuple(o for o in all_outcomes() if o.la_code in codes)


def official_grade(outcome: Outcome) -> str:
    """An outcome's overall grade; for the two-judgement SLAC era, the lower of its two judgements. A newer row whose
    overall grade the table lacks has none: its areas' grades are not the overall one."""
    if outcome.overall or outcome.framework != "SLAC":
        return outcome.overall
    return worst_grade(outcome.subjudgements.values())


def giving(code: str, grade: str) -> list[Outcome]:
    """The council's published inspections whose overall grade is `grade` (pre-2013 adequate as requires improvement),
    oldest first."""
    return [o for o in for_council(code) if o.published and grades_agree(grade, official_grade(o))]


def graded_by(code: str, day: dt.date) -> list[Outcome]:
    """The council's graded inspections published by a day, oldest first (the last is the grade standing then)."""
    return [o for o in for_council(code) if o.published and o.published <= day and official_grade(o)]


def standing_on(code: str, day: dt.date) -> Outcome | None:
    """The council's latest graded inspection published by a day: the one whose grade stands on that day."""
    graded = graded_by(code, day)
    return graded[-1] if graded else None


def inspected_year(outcome: Outcome) -> int:
    """The year an inspection was held: its recorded end, else ten weeks before its report (the middle of the window
    `year._months_in_window` allows; a report published in February is usually the inspection of the autumn before)."""
    if outcome.end:
        return outcome.end.year
    return (outcome.published - dt.timedelta(days=70)).year


_CARE_LEAVERS_APART = dt.date(2023, 1, 1)  # ILACS judged care leavers on their own from January 2023


def area_grade(outcome: Outcome, area: str) -> str:
    """An inspection's recorded grade for one area. Until 2023 ILACS judged children in care and care leavers together
    (the table keeps that one judgement as `children_in_care`), so it is also the care leavers' grade."""
    subs = outcome.subjudgements or {}
    if (area == "care_leavers" and not subs.get(area) and outcome.framework == "ILACS" and outcome.published
            and outcome.published < _CARE_LEAVERS_APART):
        return subs.get("children_in_care", "")
    return subs.get(area, "")


def by_inspection_end(code: str, end: dt.date, tolerance_days: int = 4) -> Outcome | None:
    """The outcome whose inspection ended on that date (exact dates), else one published 3-12 weeks later."""
    rows = for_council(code)
    for outcome in rows:
        if outcome.end and abs((outcome.end - end).days) <= tolerance_days:
            return outcome
    for outcome in rows:
        if not outcome.end and outcome.published and 14 <= (outcome.published - end).days <= 100:
            return outcome
    return None


def by_publication(code: str, published: dt.date, tolerance_days: int = 10) -> Outcome | None:
    """The outcome published on (about) that date."""
    for outcome in for_council(code):
        if outcome.published and abs((outcome.published - published).days) <= tolerance_days:
            return outcome
    return None
