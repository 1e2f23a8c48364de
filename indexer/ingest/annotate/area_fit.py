"""Of several official inspections that fit an article's dates and overall grade, the ones whose recorded
sub-judgements agree with the areas the article grades ("care leavers outstanding"): an area's grade tells two
inspections of the same council with the same overall grade apart."""
from __future__ import annotations

import re

from indexer.grades import grades_agree
from indexer.ingest.annotate.areas import article_subjudgements


def areas_fit(rows: list, text: str) -> list:
    """Rows (outcomes, or (outcome, why) pairs) whose sub-judgements agree with every area the text grades and
    share at least one; all rows when none does or the text grades no area."""
    found = article_subjudgements(re.split(r"(?<=[.!?])\s+|\n+", text))
    if not found or len(rows) < 2:
        return rows
    kept = []
    for row in rows:
        recorded = (row[0] if isinstance(row, tuple) else row).subjudgements or {}
        shared = [area for area in found if recorded.get(area)]
        if shared and all(grades_agree(found[area], recorded[area]) for area in shared):
            kept.append(row)
    return kept or rows
