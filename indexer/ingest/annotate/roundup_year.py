"""Round 33 (issue 22): an undated round-up's year from the official record, when every council it grades had an
inspection with that grade in one and the same year and in no other.

A page listing councils and their grades ("Knowsley was also found inadequate in July; Birmingham, Coventry and Slough
have likewise been rated 'inadequate'") dates itself through them: where the years in which each council was given its
grade have one year in common, and only one, the round-up is about that year's judgements. Used only when no other
reading gave the page a year, and marked inferred.
"""
from __future__ import annotations

from indexer.ingest.annotate.gazetteer import display_name
from indexer.ingest.annotate.outcomes import giving

MIN_COUNCILS = 2  # one council's grade is the single-council fallback's (empty_year.py)


def shared_record_year(codes: list[str], grades: list[str]) -> tuple[int | None, str]:
    """The one year in which every graded council had an inspection giving it its grade; (None, '') otherwise."""
    graded = [(code, grade) for code, grade in zip(codes, grades) if grade]
    if len(graded) < MIN_COUNCILS:
        return None, ""
    common: set[int] | None = None
    for code, grade in graded:
        years = {o.published.year for o in giving(code, grade)}
        common = years if common is None else common & years
    if not common or len(common) != 1:
        return None, ""
    year = next(iter(common))
    names = ", ".join(display_name(code) for code, _ in graded[:4]) + (" …" if len(graded) > 4 else "")
    return year, (f"inferred (record): every council the page grades ({names}) was given its grade in {year}, and in "
                  f"no other one year")
