"""Round 17: a grade the text dates before the story ("Four years ago inspectors said … 'required improvement'",
"Rated 'inadequate' after a 2016 inspection", "a long way from the 'inadequate' judgement of 2022"), for the
movement facet only: such a grade is one the council left when the story's current grade differs from it.

Read only by `movement.past_grades`, so the severity facet (the current grade) is untouched.
"""
from __future__ import annotations

import re

# "four years ago", "two years earlier", "last year", "a decade ago" before the grade, with no "now" after it.
_AGO = re.compile(r"\b(?:(?:\w+|\d+)\s+(?:years?|decades?)\s+(?:ago|earlier)|a\s+decade\s+ago|last\s+year)\b"
                  r"(?![^.;]*\bnow\b)[^.;]*$", re.IGNORECASE)
# Right after the grade: "judgement of 2022", "rating in 2016", "after a 2016 inspection", "at its 2014 inspection".
_DATED_AFTER = re.compile(r"^['’”\"]?\s*(?:(?:judgement|judgment|rating|verdict|grade|label)\s+(?:of|from)\s+"
                          r"|(?:after|at|in|following)\s+(?:an?|the|its|their)\s+)"
                          r"(?:[A-Z][a-z]+\s+)?((?:19|20)\d\d)\b", re.IGNORECASE)


def dated_before(before: str, after: str, published_year: int | None) -> bool:
    """True when the words around a grade put it before the story: "N years ago" earlier in the clause, or a year
    right after it ("the 'inadequate' judgement of 2022") earlier than the story's own (any year for an undated
    story: only a grade other than the story's current one is taken as left)."""
    if _AGO.search(before):
        return True
    dated = _DATED_AFTER.match(after)
    return bool(dated) and (not published_year or int(dated.group(1)) < published_year)
