"""Round 31 (lists31, issue 22: "lists and tallies resolved as structures"): a round-up's lead-in and the bare list
of councils that follows it in the next sentence or lines.

A lead-in is a sentence that states one overall grade and names no council after it, and either

- ends on a colon or a dash ("During that time these authorities were judged inadequate:"), which introduces the
  list that follows, however long, set out as one run of names (commas, semicolons, "and") or one name a line; or
- counts the group it grades ("Leeds is one of six councils rated poor."), where the list that follows names the
  rest of the group: its size is checked ("The others are: A, B, C, D and E" names the five others of the six).

The list is a sentence made of council names and separators only, with at most a short opener ("The others are:",
"They were", "These include") and a word cut off at its end (a stored excerpt that stops mid-list). Each of its
councils takes the lead-in's grade; a run of such lists (bullets, one name a line) keeps it until a sentence that
is not a bare list. A cut-off list gives only the councils it names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from indexer.ingest.annotate.places import council_groups
from indexer.ingest.annotate.severity import GradeStatement
from indexer.numbers import WORDS, value_of

# "nine local authorities", "43 councils": the size of the group the lead-in grades.
_COUNT = re.compile(r"\b(\d{1,2}|" + "|".join(WORDS) + r")\s+(?:[\w-]+\s+)?(?:councils|authorities|local\s+"
                    r"authorities|boroughs|areas|departments)\b", re.IGNORECASE)
# The lead-in ends on a colon or a dash that introduces what follows.
_INTRODUCES = re.compile(r"(?::|\s[-–—])\s*$")
# A short opener before the list: "The others are:", "They were", "These include", "Those councils were".
_OPENER = re.compile(r"^\W*(?:(?:the\s+)?(?:others|rest|other\s+\w+|remaining\s+\w+)|they|these"
                     # "Those councils were", "Those with four stars were", "Those rated poor are"
                     r"|those(?:\s+(?:councils|authorities|local\s+authorities))?(?:\s+(?:with|rated|judged|graded|given|"
                     r"achieving|awarded)\b[^.:;,]{0,40}?)?)\s+"
                     r"(?:are|were|include|included|being)\s*[:–—-]?\s*", re.IGNORECASE)
# A tally of how many councils hold the grade, told as a change ("the number of councils judged poor grew from two to
# five", "... went down from 11 to seven"): its last figure after "to" is the group's size.
_NUMBER_OF = re.compile(r"\bnumber\s+of\s+(?:councils|authorities|local\s+authorities)\b", re.IGNORECASE)
_TO_FIGURE = re.compile(r"\bto\s+(\d{1,2}|" + "|".join(WORDS) + r")\b(?![\w-]*\s+(?:per\s*cent|%|stars?))",
                        re.IGNORECASE)
# What may stand between and round the names of a bare list: separators, a bullet, "and", words of a council's style.
_FILLER = re.compile(r"(?:[\s,;:•*·.()\[\]–—&-]|\b(?:and|the|council|councils|city|county|borough|royal|of|london)\b)*",
                     re.IGNORECASE)
_BULLET = re.compile(r"^\s*[-•*·–]\s+")
_CUT_OFF = re.compile(r"\s*[A-Z][\w'’-]{0,3}\s*$")  # a name cut off by the excerpt ("…; Tower Hamlets; W")


@dataclass
class LeadIn:
    statement: GradeStatement
    count: int | None  # the size of the group it counts, when it ends on no colon
    named: tuple[str, ...]  # the group's members the lead-in names itself


def lead_in(text: str, statements: list[GradeStatement], mentions: list) -> LeadIn | None:
    """The lead-in a sentence is, if it is one: one overall grade, no council named after it, a colon or dash at
    its end or a counted group."""
    overall = [st for st in statements if not st.sub_area and not st.standing]
    if not overall or len({st.grade for st in statements}) != 1 or len(overall) != len(statements):
        return None
    last = max(st.position for st in overall)
    if any(m.start > last for m, _ in mentions):
        return None
    named = tuple(dict.fromkeys(code for _, code in mentions))
    if _INTRODUCES.search(text):
        return LeadIn(replace(overall[0], tally=False, lead_in=True), None, named)
    counts = list(_COUNT.finditer(text))
    number_of = _NUMBER_OF.search(text)
    if number_of and not counts:  # "the number of councils judged poor grew from two to five"
        counts = list(_TO_FIGURE.finditer(text, number_of.end()))[-1:]
    if len(counts) != 1:
        return None
    size = value_of(counts[0].group(1)) or 0
    return LeadIn(replace(overall[0], tally=False, lead_in=True), size, named) if size > len(named) else None


def bare_list(text: str, mentions: list) -> list[str]:
    """The councils of a sentence that is only a list of them (after a short opener); [] otherwise."""
    if not mentions:
        return []
    groups = council_groups(text, mentions)
    bullet = _BULLET.match(text)
    if bullet:  # a bullet item opens on its councils and may say more of them ("- Bury, where a commissioner went")
        first = groups[0]
        if _FILLER.fullmatch(text[bullet.end():first[0][0].start]):
            return list(dict.fromkeys(code for _, code in first))
        return []
    start = _OPENER.match(text)
    body = text[start.end() if start else 0:]
    offset = len(text) - len(body)
    codes: list[str] = []
    at = offset
    for group in groups:
        if group[0][0].start < offset:
            return []
        if not _FILLER.fullmatch(text[at:group[0][0].start]):
            return []
        codes += [code for _, code in group]
        at = group[-1][0].end
    rest = text[at:]
    if not _FILLER.fullmatch(rest):
        cut = _CUT_OFF.search(rest)
        if not cut or not _FILLER.fullmatch(rest[:cut.start()]):
            return []
    return list(dict.fromkeys(codes))


def list_fits(lead: LeadIn, codes: list[str], text: str, given: int) -> bool:
    """Whether a bare list is the one the lead-in introduces: any list after a colon or dash (one name a line too);
    after a count, the first list only, opened by "the others are" and naming exactly the rest of the group."""
    if lead.count is None:
        return True  # a colon introduces the list, however it is set out (one name a line too)
    return (given == 0 and bool(_OPENER.match(text)) and len(set(lead.named) | set(codes)) == lead.count
            and not set(codes) & set(lead.named))
