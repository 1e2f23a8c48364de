"""Round 15: a council's grade stated as membership of a group of councils holding it ("Leeds joins the small group of
councils Ofsted judges outstanding", "Wigan is among the councils rated good", "so few councils achieve 'good', and
Oxfordshire is one of them").

The sentence rules read such a grade as a tally of councils (no one's grade); the council named as a member holds it.
Only a grade the group is rated, judged or holds counts: an alternative ("good or better"), a negation ("never rated
good", "failed to reach good"), a target, a past or dated group ("councils rated inadequate in 2015") or a group of
homes, schools or agencies decides nothing.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from indexer.grades import grade_of_match
from indexer.ingest.annotate.dates import YEAR_RE
from indexer.ingest.annotate.gazetteer import find_mentions, resolve_mention
from indexer.ingest.annotate.scan import grade_matches

# The council's membership of a group of councils: "is one of", "is among the", "joins the small group of".
_MEMBER = re.compile(r"\b(?:(?:is|was|are|were|be|being|becomes?|became|becoming|joins?|joined|joining|remains?|remained"
                     r"|stands?|ranks?|ranked|counted|listed|placed)\s+(?:now\s+|still\s+|also\s+|thus\s+|therefore\s+)?"
                     r"(?:(?:one|two|three)\s+of|among(?:st)?|in|part\s+of)|join(?:s|ed|ing)?)\s+"
                     r"(?:the\s+|a\s+|an\s+|just\s+|only\s+|those\s+)*"
                     r"(?:[\w'’%-]+\s+){0,8}?(?:councils|authorities|local\s+authorities|boroughs|counties|areas"
                     r"|(?:group|club|ranks|list|handful|minority|number|band|elite|set)\s+of\s+(?:[\w'’-]+\s+){0,3}?"
                     r"(?:councils|authorities|local\s+authorities|boroughs|counties|areas))\b", re.IGNORECASE)
# The anaphoric form after a group's grade: "…, and Trafford is one of them", "Oxfordshire was pleased to be among them".
_ONE_OF_THEM = re.compile(r"\b(?:is|was|are|be|becomes?|became|joins?|joined|remains?)\s+(?:now\s+|still\s+|also\s+)?"
                          r"(?:one\s+of|among(?:st)?)\s+them\b", re.IGNORECASE)
# The group holds the grade: a rating verb or noun, a quoted grade, "whose services are …".
_HOLDS = re.compile(r"\b(?:rated|rating|judged|graded|deemed|found|assessed|achiev(?:e|es|ed|ing)|reach(?:es|ed|ing)?"
                    r"|hold(?:s|ing)?|held|awarded|given|with|whose|are|were|have|has)\b", re.IGNORECASE)
_NOT = re.compile(r"\b(?:not|never|no|fail(?:s|ed|ing)?\s+to|yet\s+to|short\s+of|below|outside|beyond|from"
                  r"|will|would|could|should|hope[sd]?|aim(?:s|ed)?|want(?:s|ed)?|expect(?:s|ed)?|target|previously"
                  r"|formerly|once|before|earlier|last\s+time|no\s+longer|used\s+to|had\s+been)\b|n['’]t\b", re.IGNORECASE)
_ALTERNATIVE = re.compile(r"^['’”\"]?\s*(?:or|and|to|/)\b", re.IGNORECASE)
_ALTERNATIVE_BEFORE = re.compile(r"\b(?:or|and|to)\s+['‘“\"]?$", re.IGNORECASE)
_AREA = re.compile(r"\b(?:homes?|schools?|nurser(?:y|ies)|academ(?:y|ies)|colleges?|agenc(?:y|ies)|adoption|fostering"
                   r"|care\s+leavers|leadership|help\s+and\s+protection|children\s+in\s+care|youth|providers?|trusts?"
                   r"|SEND|send\s+services|hospitals?|prisons?)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Membership:
    """A council named as a member of a group of councils holding a grade."""

    code: str
    grade: str
    sentence: str


def _grade_after(span: str) -> str:
    """The one grade a group phrase holds ('' when none, several, an alternative, a negation or a date)."""
    matches = list(grade_matches(span))
    if len(matches) != 1 or YEAR_RE.search(span) or _AREA.search(span):
        return ""
    match = matches[0]
    head = span[:match.start()]
    if not _HOLDS.search(head) and not re.search(r"['‘“\"]$", head.rstrip()) \
            and not re.match(r"['’”\"]?\s+(?:rating|grade|verdict|judgement)", span[match.end():]):
        return ""
    if _NOT.search(head) or _ALTERNATIVE.match(span[match.end():]) or _ALTERNATIVE_BEFORE.search(head):
        return ""
    return grade_of_match(match)


def _last_council(text: str, day: dt.date | None) -> str:
    """The council named last in a stretch of text ('' when none)."""
    named = [m for m in find_mentions(text) if not m.is_org]
    return resolve_mention(named[-1].codes, day) if named else ""


def memberships(sentence: str, day: dt.date | None = None) -> list[Membership]:
    """The councils a sentence names as members of a group holding a grade."""
    out = []
    for member in _MEMBER.finditer(sentence):
        code = _last_council(sentence[max(0, member.start() - 60):member.start()], day)
        if not code:
            continue
        # the group's description runs on to the clause's end: "… councils whose services Ofsted rates outstanding"
        span = re.split(r"[;:.]|,\s*(?:but|while|and|though|although)\b|\s(?:but|while|although)\s",
                        sentence[member.start():])[0][:200]
        grade = _grade_after(span)
        if grade:
            out.append(Membership(code, grade, sentence.strip()))
    for them in _ONE_OF_THEM.finditer(sentence):
        head = sentence[:them.start()]
        code = _last_council(head[-60:], day)
        if not code:
            continue
        group = re.split(r"[;:.]", head)[-1]
        group = group[:group.rfind(",")] if "," in group else group
        if re.search(r"\b(?:councils|authorities|areas|boroughs)\b", group, re.IGNORECASE):
            grade = _grade_after(group)
            if grade:
                out.append(Membership(code, grade, sentence.strip()))
    return out


def member_grade(sentences: list[str], code: str, day: dt.date | None = None) -> tuple[str | None, list[Membership]]:
    """The grade the text gives `code` as a member of a group of councils (None when none, or two disagree)."""
    found = [m for s in sentences for m in memberships(s, day) if m.code == code]
    grades = {m.grade for m in found}
    if len(grades) != 1:
        return None, []
    return grades.pop(), found
