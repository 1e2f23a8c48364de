"""Round 28 (issue 22, branch sevempty28): a page whose news is a joint area review grades no council overall.

A joint area review (JAR, 2005-2009, Ofsted with the other inspectorates) judged a council's area on its own strands
-- safeguarding, looked-after children, children with learning difficulties, service management, capacity to
improve -- and gave no overall grade for children's services; the council's overall grade of those years came from
the annual performance assessment (APA). The labels read every page that reports a JAR as its news with a null
grade (docs/labelling.md: a sub-judgement never sets the overall grade), and the grade words on such pages are the
strands' (safeguarding judged inadequate, partnership work judged outstanding) or the council's corporate star
rating. A page names the review as its news when the review is named in its title or its opening
(the first `_OPENING` characters); a page that also names an annual performance assessment keeps its grades (that
assessment is the overall grade), and so does a page that names a review only further down, as history (homes that
were criticised when the review was held).
"""
from __future__ import annotations

import re

_REVIEW = re.compile(r"\bjoint\s+area\s+reviews?\b|\bJARs?\b(?!-)")
_REVIEW_ANY_CASE = re.compile(r"\bjoint\s+area\s+reviews?\b", re.IGNORECASE)
_ANNUAL = re.compile(r"\bannual\s+performance\s+assessments?\b|\bAPAs?\b|\bannual\s+(?:rating|assessment)s?\b"
                     r"|\bperforming\s+(?:excellently|well|adequately|poorly)\b", re.IGNORECASE)
_OPENING = 600


def reports_joint_area_review(title: str, text: str) -> bool:
    """True when the page's news is a joint area review (named in its title or opening) and it names no annual
    performance assessment."""
    opening = f"{title or ''}\n{text[:_OPENING]}"
    if not (_REVIEW_ANY_CASE.search(opening) or _REVIEW.search(opening)):
        return False
    return not _ANNUAL.search(f"{title or ''}\n{text}")
