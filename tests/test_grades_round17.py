"""Round 17: a grade named ("called", "regarded as", "described as") in a clause dated before the news is a grade left."""
from __future__ import annotations

import pytest

from indexer.ingest.annotate.grade_context import is_past, not_current


def _before(sentence: str, grade: str) -> tuple[str, str]:
    """Split a sentence at the last occurrence of `grade` (the text before it, the text after it)."""
    at = sentence.rindex(grade)
    return sentence[:at], sentence[at + len(grade):]


@pytest.mark.parametrize("sentence, grade", [
    ("Three years after the borough's children's department was called inadequate, inspectors now rate it good", "inadequate"),
    ("Eighteen months after Sandford Council's fostering and adoption work were described as poor, the", "poor"),
    ("Not long after the county's help for families was regarded as inadequate", "inadequate"),
    ("A year after being called 'inadequate', the service has climbed to requires improvement", "inadequate"),
    ("Having been described as outstanding in 2014, the city slipped", "outstanding"),
    ("Before the trust was considered good", "good"),
])
def test_a_named_grade_in_an_earlier_clause_is_past(sentence: str, grade: str) -> None:
    before, after = _before(sentence, grade)
    assert is_past(before, after)
    assert not_current(before, after) == "past"


@pytest.mark.parametrize("sentence, grade", [
    # the grade of the main clause, after the dated one, is the current one
    ("Two years after the service was called inadequate, Ofsted's new report rates it requires improvement", "requires improvement"),
    # "called" with no temporal clause: a current grade
    ("Inspectors called the council's children's services inadequate", "inadequate"),
    ("The department is now regarded as good by inspectors", "good"),
    # "after" with a time, not a subject: the grade is now ("after the inspection, services were called good")
    ("After the inspection in March services were called good", "good"),
])
def test_a_current_naming_is_not_past(sentence: str, grade: str) -> None:
    before, after = _before(sentence, grade)
    assert not_current(before, after) == ""
