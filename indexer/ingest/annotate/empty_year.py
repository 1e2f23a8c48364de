"""Round 14 (issue 22): a reasoned year for an undated page every other rule left without one, marked inferred.

A labelled article always has a year, so an empty year is always wrong; the issue allows a guess that says so. Each
step is a pure function of the page's text, its council codes and grades, and the official record, and a step is
kept only where it was right more often than wrong on the pages earlier code left empty (docs/facets.md, round 14).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from indexer.grades import grades_agree
from indexer.models import Outcome
from indexer.ingest.annotate.calendar import judged_last_year, named_frameworks
from indexer.ingest.annotate.movement import rank
from indexer.ingest.annotate.outcomes import for_council, official_grade

# The frameworks that judge a council's children's services as a whole; a child protection or looked-after
# children inspection (CPI, TLAC) judges one part and is not what a page means by "children's services rated X".
_WHOLE_SERVICE = frozenset({"SLAC", "SIF", "ILACS"})
# The single inspection framework graded five areas (help and protection, children looked after, adoption, care
# leavers, leadership); ILACS grades three and an overall effectiveness.
_SIF_FIVE = re.compile(r"\b(?:the\s+)?five\s+(?:areas?|judgements?|categories)\b|\blocal safeguarding children['’]?s?"
                       r"\s+board\b|\bLSCB\b|\badoption performance\b|\bleadership,? management and governance\b"
                       r"|\bachieving permanence\b", re.IGNORECASE)
# ILACS's own judgement names, such as "the impact of leaders on social work practice" for the leaders' judgement,
# or "the experiences and progress of children who need help and protection" (SIF named them differently:
# "leadership, management and governance").
_ILACS_JUDGEMENTS = re.compile(r"\bimpact of leaders\b|\bleaders['’]\s+impact\b|\bexperiences and progress of children\b",
                               re.IGNORECASE)
# 'requires improvement' names a grade that exists since November 2013; the SLAC era's middle grade was 'adequate'
# (the record keeps both as one value).
_ADEQUATE = re.compile(r"\badequate\b", re.IGNORECASE)
# "hired to fix the department after a critical Ofsted report": the grade reported followed a worse one.
_AFTER_WORSE = re.compile(r"\b(?:after|following|since)\s+(?:a|an|the|its)\s+(?:\w+\s+){0,2}?(?:critical|damning|"
                          r"poor|failing|inadequate|scathing)\s+(?:\w+\s+){0,2}?(?:report|inspection|rating|verdict)\b",
                          re.IGNORECASE)
_YEAR = re.compile(r"\b(20[0-2]\d)\b")
_SINCE_YEAR = re.compile(r"\bsince\s+(?:(?:early|late|mid)[\s-]+)?(?:\w+\s+)?(20[0-2]\d)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Fallback:
    """A guessed year, the step that gave it, and the reasoning shown in the facet evidence."""
    year: int
    step: str
    why: str


def fallback_year(text: str, codes: list[str], grades: list[str]) -> Fallback | None:
    """The first step of the chain that gives a year for an undated page with none, else None."""
    if not codes:
        return None
    for step in (framework_record, grade_record):
        found = step(text, codes[0], grades[0] if grades else "")
        if found:
            return found
    return None


def _whole_service(code: str) -> list[Outcome]:
    """The council's graded inspections of its children's services as a whole, oldest first."""
    return [o for o in for_council(code) if o.framework in _WHOLE_SERVICE and o.published and official_grade(o)]


def _page_frameworks(text: str) -> set[str]:
    """The frameworks the page's own words belong to (named, or their judgements' names, SIF's board)."""
    named = named_frameworks(text) & _WHOLE_SERVICE
    if _SIF_FIVE.search(text):
        named.add("SIF")
    if _ILACS_JUDGEMENTS.search(text):
        named.add("ILACS")
    return named


def _later_year_named(text: str, outcome: Outcome) -> bool:
    """The page names a year after the inspection's publication year, so the page is not that inspection's story."""
    return any(int(y) > outcome.published.year for y in _YEAR.findall(text))


def _since_then(text: str, outcome: Outcome) -> bool:
    """The page counts time from the inspection's year ("rated 'requires improvement' since 2019"): it is later."""
    held = {outcome.published.year, (outcome.end or outcome.published).year}
    return any(int(y) in held for y in _SINCE_YEAR.findall(text))


def _dated(outcome: Outcome, text: str, step: str, reason: str) -> Fallback | None:
    """The inspection's publication year (the next one when the page puts the grade 'last year'), with its reason."""
    if _later_year_named(text, outcome) or _since_then(text, outcome):
        return None
    year = outcome.published.year
    why = (f"inferred ({step}): {reason}: the {outcome.framework} inspection published "
           f"{outcome.published.isoformat()} ({official_grade(outcome)})")
    if judged_last_year(text):  # the one reading of "judged … last year" the other year rules use
        year += 1
        why += f"; the page says the judgement came last year, so {year}"
    return Fallback(year, step, why)


def framework_record(text: str, code: str, grade: str) -> Fallback | None:
    """The council's one inspection under the framework the page's words belong to (and the grade it reports)."""
    frameworks = _page_frameworks(text)
    if len(frameworks) != 1:
        return None
    framework = next(iter(frameworks))
    fits = [o for o in _whole_service(code) if o.framework == framework]
    by_grade = bool(grade) and len(fits) > 1
    if by_grade:
        fits = [o for o in fits if grades_agree(grade, official_grade(o))]
    if len(fits) != 1:
        return None
    return _dated(fits[0], text, "framework", f"the page's words belong to {framework}, and the council had one "
                                               f"such inspection{f' graded {grade}' if by_grade else ''}")


def grade_record(text: str, code: str, grade: str) -> Fallback | None:
    """The council's one whole-service inspection with the grade the page reports, in the era its words fit."""
    if not grade:
        return None
    graded = _whole_service(code)
    fits = [o for o in graded if grades_agree(grade, official_grade(o))]
    if grade == "requires improvement" and not _ADEQUATE.search(text):
        fits = [o for o in fits if o.framework != "SLAC"]  # 'requires improvement' is no SLAC-era word
    if grade == "adequate":
        fits = [o for o in fits if o.framework == "SLAC"]  # nor 'adequate' a word of the frameworks since 2013
    if _AFTER_WORSE.search(text):
        fits = [o for o in fits if _follows_worse(o, graded)]
    if len(fits) != 1:
        return None
    reason = f"the council's one inspection graded {grade}"
    if _AFTER_WORSE.search(text):
        reason += f" after a worse one (“{_AFTER_WORSE.search(text).group(0)}”)"
    return _dated(fits[0], text, "record", reason)


def _follows_worse(outcome: Outcome, graded: list[Outcome]) -> bool:
    """The inspection came after one with a worse grade."""
    earlier = [o for o in graded if o.published < outcome.published]
    return bool(earlier) and rank(official_grade(earlier[-1])) > rank(official_grade(outcome))  # 1 is the best
