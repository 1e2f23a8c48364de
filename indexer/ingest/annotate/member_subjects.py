"""Round 18: councils named as members of a group of councils that holds a grade are subjects with that grade, however
briefly they are named ("Hammersmith & Fulham, itself one of 29 authorities rated good"; "Nine councils were found
inadequate. Haringey and Doncaster are among them."; "Leeds and Wigan are among the councils rated good").

Round 15's `group_member.py` reads such a grade only for a council already chosen as a subject, and only for the one
council just before the group phrase. A round-up or a comparison names other councils this way, and
docs/labelling.md makes every council the page grades a subject. Here the whole list before the phrase counts, the
phrase may be an apposition ("X, itself one of …") and "among them" / "one of them" may point at the group the
sentence before describes. The group's grade is read by round 15's test (`group_member._grade_after`: one grade the
group is rated, judged or holds; not an alternative, a negation, a target, a dated or past group, nor a group of homes,
schools or agencies).
"""
from __future__ import annotations

import datetime as dt
import re

from indexer.ingest.annotate.group_member import _MEMBER, _NOT, _grade_after
from indexer.ingest.annotate.places import council_groups, subject_mentions

# An apposition after the name: "Hammersmith & Fulham, itself one of 29 authorities …", "Trafford, one of the few
# councils rated good, …".
_APPOSED = re.compile(r",\s*(?:itself\s+|also\s+|now\s+|still\s+)?(?:one|two|three)\s+of\s+(?:the\s+|just\s+|only\s+)*"
                      r"(?:[\w'’%()-]+\s+){0,8}?(?:councils|authorities|local\s+authorities|boroughs|counties|areas)\b",
                      re.IGNORECASE)
# The anaphoric form: "Haringey and Doncaster are among them", "Trafford is one of those".
_OF_THEM = re.compile(r"\b(?:is|was|are|were|be|being|becomes?|became|joins?|joined|remains?|remained)\s+"
                      r"(?:now\s+|still\s+|also\s+)?(?:one\s+of|two\s+of|three\s+of|among(?:st)?)\s+(?:them|those)\b",
                      re.IGNORECASE)
# The forward form: a sentence that opens by pointing back at a group and then lists its members ("Among them are A
# and B.", "They include A, B and C.", "These include …").
_LEADS = re.compile(r"^\W*(?:among\s+them(?:\s+(?:are|were))?|(?:they|these|those)(?:\s+(?:councils|authorities))?"
                    r"\s+(?:include[sd]?|including))\b\W*", re.IGNORECASE)
# "A and B are among the twelve": a count without its noun points back at the group counted before.
_AMONG_COUNT = re.compile(r"\b(?:is|was|are|were)\s+(?:now\s+|also\s+)?(?:one\s+of|among(?:st)?)\s+the\s+"
                          r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
                          r"|sixteen|seventeen|eighteen|nineteen|twenty|\d{1,3})\b(?!\s+(?:[\w'’-]+\s+){0,3}?"
                          r"(?:councils|authorities|boroughs|counties|areas)\b)", re.IGNORECASE)
_GROUP_NOUN = re.compile(r"\b(?:councils|authorities|boroughs|counties|areas)\b", re.IGNORECASE)
# The list must end just before the phrase: "Haringey and Doncaster are among …", "Leeds, itself one of …".
_NEAR = 12


def member_subjects(sentences: list, day: dt.date | None) -> dict[str, tuple[str, str]]:
    """{code: (grade, sentence)} for every council a sentence names as a member of a group holding one grade."""
    found: dict[str, tuple[str, str]] = {}
    previous = ""
    for sentence in sentences:
        text = sentence.text
        for codes, grade in _members(text, previous, day):
            for code in codes:
                found.setdefault(code, (grade, text.strip()))
        previous = text
    return found


def _members(text: str, previous: str, day: dt.date | None) -> list[tuple[list[str], str]]:
    """(codes of the list before a group phrase, the group's grade) for each group phrase in one sentence."""
    phrases = [(m, "group") for m in _MEMBER.finditer(text)] + [(m, "group") for m in _APPOSED.finditer(text)] \
        + [(m, "them") for m in _OF_THEM.finditer(text)] + [(m, "them") for m in _AMONG_COUNT.finditer(text)]
    lead = _LEADS.match(text)
    if not phrases and not lead:
        return []
    groups = council_groups(text, subject_mentions(text, day))
    out = []
    if lead and groups and len(text[lead.end():groups[0][0][0].start].split()) <= 2:
        grade = _group_grade(text, lead, "them", previous)
        if grade:
            out.append((list(dict.fromkeys(code for _, code in groups[0])), grade))
    for match, kind in phrases:
        codes = _list_before(text, groups, match.start())
        if not codes:
            continue
        grade = _group_grade(text, match, kind, previous)
        if grade:
            out.append((codes, grade))
    return out


def _list_before(text: str, groups: list, start: int) -> list[str]:
    """The codes of the council list that ends just before `start` (a comma, a verb or two between them)."""
    before = [group for group in groups if group[-1][0].end <= start]
    for group in before[-1:]:  # only the nearest list
        end = group[-1][0].end
        if len(text[end:start].strip(" ,")) <= _NEAR + 12 and not re.search(r"[.;:]", text[end:start]):
            gap = text[end:start]
            # "Wigan hopes to join …", "Wigan is not among …": an aim or a negation between the name and the group
            if len(gap.split()) <= 3 and not _NOT.search(gap + " " + text[start:start + 12]):
                return list(dict.fromkeys(code for _, code in group))
    return []


def _group_grade(text: str, match: re.Match, kind: str, previous: str) -> str:
    """The one grade the group holds: described after the phrase, or ("among them") before it in the sentence or in
    the sentence before."""
    if kind == "group":
        span = re.split(r"[;:.]|,\s*(?:but|while|and|though|although)\b|\s(?:but|while|although)\s",
                        text[match.start():])[0][:200]
        return _grade_after(span)
    head = re.split(r"[;:.]", text[:match.start()])[-1]
    for described in (head, previous):
        if _GROUP_NOUN.search(described):
            grade = _grade_after(described)
            if grade:
                return grade
    return ""
