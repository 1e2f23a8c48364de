"""Round 27 (fallback27): the last resort for a main council left with no grade after every other rule.

The narrow round-27 rules each fixed one real page ("after being rated ...", "needed to improve", "when Ofsted
said ...") and moved no page nobody had read. This is the broad but cautious alternative: the page's overall grade
from the earliest body sentence that (1) has an inspection cue, (2) names one grade and one only, and (3) names no
other council, no judged area of the work and no aim, hope, past span or other non-current use of the grade.
The value is marked inferred: it is read from the text but not from a sentence any grade rule accepted.
"""
from __future__ import annotations

import datetime as dt
import re

from indexer import settings
from indexer.grades import grade_of_match, is_cued_word
from indexer.ingest.annotate.aims import aimed_at
from indexer.ingest.annotate.areas import AREAS
from indexer.ingest.annotate.grade_context import (counts_councils, is_alternative, is_generic, is_tally, is_target,
                                                   left_behind, negated)
from indexer.ingest.annotate.grade_roles import area_complement, past_span, quoted_phrase
from indexer.ingest.annotate.places import subject_mentions
from indexer.ingest.annotate.scan import grade_matches
from indexer.ingest.annotate.severity import AREA_AFTER, SUB_AREA
from indexer.ingest.annotate.text_units import Sentence

# An inspection cue: the inspectorate, its visit, or a verb of judging.
_CUE = re.compile(r"\bOfsted\b|\binspect(?:ors?|ions?|ed)\b|\b(?:rated|judged|graded|deemed|found|said|assessed)\b",
                  re.IGNORECASE)
# The areas a sub-judgement grades, beyond round 6's four (areas.AREAS), and the grades of single settings.
_OTHER_AREAS = re.compile(r"\badoption\b|\bfostering\b|\bearly\s+help\b|\bexperiences?\s+and\s+progress\b"
                          r"|\bschools?\b|\bchildren['’]s\s+homes?\b|\bnurser(?:y|ies)\b|\bacadem(?:y|ies)\b"
                          r"|\bcapacity\s+to\s+improve\b|\bchild\s+protection\b|\breferrals?\b|\bpupil\s+referral\b|\bunits?\b|\bcentres?\b"
                          r"|\bcolleges?\b|\bhospitals?\b|\bpolice\b|\byouth\s+offending\b|\bSEND\b|\bspecial\s+educational\b",
                          re.IGNORECASE)
# A grade in a clause about the future or a wish: a fallback reads no modal or hope at all (the rules it follows
# read them finely; a last resort stays broad only by being cautious).
_FUTURE = re.compile(r"\b(?:will|would|could|might|may|should|must|shall|hopes?|hoped|hoping|aims?|aiming|wants?|wanted"
                     r"|plans?|planned|expects?|expected|targets?|ambitions?|if|unless|once|until|towards?|next)\b"
                     r"|['’]ll\b", re.IGNORECASE)
# A grade a "since" clause starts from ("progress since an inadequate rating"): the council's starting point.
_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)
# Round 28: a grade measured as a span ago ("two years after its services were rated good"): a past grade, which
# only the official record may confirm as standing (record_grade.py); a last resort does not guess it.
_SPAN_AFTER = re.compile(r"\b(?:\w+|\d+)\s+(?:weeks?|months?|years?)\s+after\b(?:(?![.;:!?])[^\n]){0,100}$",
                         re.IGNORECASE)
# A bare everyday word ("good", "poor") counts only quoted or right after a verb of judging.
_JUDGED_BEFORE = re.compile(r"\b(?:rated|judged|graded|deemed|assessed|rating|grade|judgement)\s+(?:as\s+|to\s+be\s+)?"
                            r"(?:being\s+)?['‘“\"]?$", re.IGNORECASE)

# ... or right before a noun of rating or the service itself ("the good outcome of the inspection", "delivers a good
# service for children").
_RATING_AFTER = re.compile(r"['’”\"]?\s+(?:outcomes?|ratings?|grades?|gradings?|judgements?|verdicts?|results?"
                           r"|services?\s+(?:for|to)\s+children)\b", re.IGNORECASE)
# A sentence about several councils or a count of them ("nine councils were judged inadequate"): no one page's grade.
_MANY = re.compile(r"\b(?:councils|authorities|departments|areas|boroughs|counties)\b|\b\d+\s+of\b|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many)\s+(?:more|others|of\s+them)\b|\bper\s?cent\b|%",
                   re.IGNORECASE)
# The round-19 shape in the past tense ("was told its children's services needed to improve"), which the grade table
# leaves out: a requires-improvement grade for the service.
_NEEDED = re.compile(r"\b(?:children['’]s\s+(?:social\s+care\s+)?services|social\s+care|the\s+service|services)\s+"
                     r"(?:had\s+)?needed\s+to\s+improve\b", re.IGNORECASE)


def fallback_grade(sentences: list[Sentence], code: str, day: dt.date | None) -> tuple[str, str] | None:
    """The grade and sentence of the earliest body sentence that grades the page's main council and nothing else."""
    for sentence in sentences:
        if sentence.paragraph == 0:
            continue  # the title: headlines compress too much to read a role
        grade = _sentence_grade(sentence.text, code, day)
        if grade:
            return grade, sentence.text
    return None


def _sentence_grade(text: str, code: str, day: dt.date | None) -> str | None:
    """The one grade a sentence gives the main council as its current overall grade, else None."""
    if not _CUE.search(text):
        return None
    if any(pattern.search(text) for pattern, _ in AREAS) or _OTHER_AREAS.search(text) or _MANY.search(text) \
            or counts_councils(text):
        return None
    if any(other != code for _, other in subject_mentions(text, day)):
        return None
    matches = grade_matches(text)
    if not matches:
        needed = _NEEDED.search(text)
        return "requires improvement" if needed and not _FUTURE.search(text[:needed.start()]) else None
    if len({grade_of_match(m) for m in matches}) != 1:
        return None
    for match in matches:
        before, after = text[max(0, match.start() - 160):match.start()], text[match.end():match.end() + 120]
        if _not_held(before[-60:], after[:40]) or aimed_at(before, after) or past_span(text[:match.start()],
                                                                                        match.group(), after):
            return None
        if _FUTURE.search(before) or _SINCE.search(before[-60:]) or area_complement(before, after):
            return None
        if settings.ROUND28_FALLBACK_UNWEIGHED and _SPAN_AFTER.search(before):
            return None
        if quoted_phrase(before, after, match.group(), AREA_AFTER, SUB_AREA):
            return None  # round 29: a quoted phrase about a thing ("“inadequate oversight and lasting harm”")
        if is_cued_word(match.group().lower()) and not ((before.rstrip()[-1:] or "x") in "'‘“\""
                                                        or _JUDGED_BEFORE.search(before) or _RATING_AFTER.match(after)):
            return None
    return grade_of_match(matches[0])


def _not_held(before: str, after: str) -> bool:
    """The grade is left, denied, generic, a tally, a target or an alternative (`grade_context.not_current` without
    its past test: a page with no other grade is best graded by the last grade it reports)."""
    return left_behind(before) or negated(before) or is_generic(before, after) or is_tally(before) \
        or is_target(before) or is_alternative(before, after)
