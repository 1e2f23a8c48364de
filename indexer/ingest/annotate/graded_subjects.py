"""A council the text gives an overall grade of its own is a subject, however briefly it is named (docs/labelling.md:
"a council given a grade is a subject, even in one comparison sentence"; round 15, issue 22). Before, a second council
also had to score a fifth of the main one's mentions, which dropped a council graded once in a long story."""
from __future__ import annotations

from indexer import settings


def graded_outright(attributed: dict[str, list]) -> set[str]:
    """Codes of the councils with a current overall grade statement (not a sub-area, a tally or a standing grade)."""
    return {code for code, statements in attributed.items()
            if any(_outright(st) for st in statements)}


def _outright(statement) -> bool:
    """A grade statement strong enough to make a briefly named council a subject."""
    return (not statement.sub_area and not statement.tally and not statement.standing
            and statement.weight >= settings.GRADED_SUBJECT_MIN_WEIGHT)
