"""Round 28: a grade in one area set against a grade "overall" in the same paragraph is a sub-judgement.

A round-up of the 2008-09 annual assessments gives two lists: the councils judged inadequate overall, and the (longer)
list judged inadequate in one area, keeping children safe (A, B and C "inadequate overall", then D, E and F
inadequate "in the area of keeping children safe"; this year's overall list after a dash, then a further list also
inadequate "in safeguarding"; a count of councils inadequate "on safeguarding or overall"). The page itself
marks the second grade as a part: it says "overall" of the other one. Without that contrast "inadequate for
safeguarding" stays what it was (a 2009-12 safeguarding inspection's headline judgement, which the labels read as
the overall grade: j02, f20), so the reading needs both:
- the grade is followed by "in", "at", "for" or "on" and an area of keeping children safe ("safeguarding", "keeping
  children safe", "child protection", "staying safe", "protecting children"), "the area of" allowed before it;
- the same paragraph gives a grade with "overall" right after it ("inadequate overall") or says "or overall" (the
  area and the whole named as two things). "Overall effectiveness" does not count: a 2009-12 inspection names its two
  headline judgements that way, and both are overall.
"""
from __future__ import annotations

import re

_GRADE = (r"(?:inadequate|outstanding|good|adequate|poor|excellent|requir\w*\s+improvement(?:\s+to\s+be\s+good)?"
          r"|performing\s+(?:poorly|well|adequately|excellently))")
# Right after the grade: the area of keeping children safe it is given in.
_SAFETY_AREA = re.compile(r"^['’”\"]?\s+(?:in|at|for|on)\s+(?:the\s+(?:area|areas|category|judgement)\s+of\s+)?"
                          r"(?:safeguarding|keeping\s+(?:children|young\s+people)\s+safe|child\s+protection"
                          r"|staying\s+safe|protecting\s+children)\b", re.IGNORECASE)
# Elsewhere in the paragraph: a grade said of the whole ("inadequate overall"), or the whole named beside the area.
_OVERALL_GRADE = re.compile(rf"\b{_GRADE}['’”\"]?\s+overall\b(?!\s+effectiveness)|\bor\s+overall\b", re.IGNORECASE)


def area_against_overall(after: str, paragraph: str) -> bool:
    """True when the grade whose following text is `after` is given in an area of keeping children safe and its
    paragraph `paragraph` grades something "overall" (the page's own contrast of a part with the whole)."""
    return bool(_SAFETY_AREA.match(after)) and bool(_OVERALL_GRADE.search(paragraph))
