"""Council mentions that can be subjects, and lists of councils sharing one grade.

A place in a location phrase ("St Helens in Lancashire", "Hull City Council, in East Yorkshire") is not a
subject; a list "A, B; C D and E" (separators sometimes missing, council suffixes such as "MBC") is one group.
"""
from __future__ import annotations

import datetime as dt
import re

from indexer import settings
from indexer.ingest.annotate.gazetteer import Mention, find_mentions, resolve_mention, short_form_code
from indexer.ingest.annotate.person_names import is_surname

# What may follow a council's name inside a list item: "Calderdale MBC", "Hull City Council".
_TAIL = r"(?:\s+(?:City|Borough|County|Metropolitan Borough|Metropolitan District|District|Royal Borough)?\s*" \
        r"(?:Council|MBC|CC|BC|DC|council))?"
_IN_PLACE = r"\s*,?\s+in\s+(?:the\s+)?"
_LOCATION_BEFORE = re.compile(rf"{_TAIL}{_IN_PLACE}")
# "Waltham Forest in London and …", "Halton Borough Council, in the north west, and …"
_LOCATION = rf"(?:{_IN_PLACE}[\w’' -]{{2,30}}?\s*,?)?"
# "Westminster and the Royal Borough of …": an article before the next item's formal name.
# Round 7: a list that goes on after a remark-free link ("…, Haringey and Surrey, and adds Birmingham and Essex", "A
# and B, as well as C", "A, plus B") is one list.
_LINKS = r"adds|added|adding|includes|as\s+well\s+as|plus|along\s+with|together\s+with|alongside"
_SEP_ROUND20 = rf"\s*(?:,\s*and|,\s*&|,|;|and|&|/)?\s*(?:(?:also\s+)?(?:{_LINKS})\s+)?(?:(?<=\s)the\s+)?"
# Round 21: "A, B and C, joined by D and E" is one list too (switched with the round's lists).
_SEP_ROUND21 = _SEP_ROUND20.replace(_LINKS, _LINKS + r"|joined\s+by")
# "Haringey (2008) and Warrington (2009)": an item may carry a short note in brackets.
_NOTE = r"(?:\s*\([^()]{1,30}\))?"
# Round 29 (roundup29): the next item may open on its style without the name's own "of" ("Camden, and Royal
# Borough Greenwich").
_STYLE = r"(?:(?:the\s+)?(?:Royal|London)\s+Borough\s+(?:of\s+)?)?"
_LIST_JOINS = {(False, False): re.compile(rf"(?:['’]s)?{_TAIL}{_NOTE}{_LOCATION}{_SEP_ROUND20}"),
               (True, False): re.compile(rf"(?:['’]s)?{_TAIL}{_NOTE}{_LOCATION}{_SEP_ROUND21}"),
               (False, True): re.compile(rf"(?:['’]s)?{_TAIL}{_NOTE}{_LOCATION}{_SEP_ROUND20}{_STYLE}"),
               (True, True): re.compile(rf"(?:['’]s)?{_TAIL}{_NOTE}{_LOCATION}{_SEP_ROUND21}{_STYLE}")}


def _sep() -> str:
    """The list separator pattern of the rounds switched on."""
    return _SEP_ROUND21 if settings.ROUND21_LIST_STRUCTURES else _SEP_ROUND20


# "a private children's home in Medway", "a primary school in Bury": the place a setting stands in, not a subject.
_SETTING_IN = re.compile(r"\b(?:homes?|schools?|academ(?:y|ies)|nurser(?:y|ies)|colleges?|units?|hostels?|settings?|centres?)"
                         r"(?:\s+(?:based|located|situated))?\s+(?:in|near)\s+(?:the\s+)?$", re.IGNORECASE)


def _in_a_setting(before: str) -> bool:
    """The words before a name place a home, school or nursery in it ("a children's home in Medway")."""
    return (" in " in before or " near " in before) and bool(_SETTING_IN.search(before))


def subject_mentions(text: str, day: dt.date | None) -> list[tuple[Mention, str]]:
    """(mention, code) for councils named in text: not other bodies' names, not places in location phrases, not
    the place a care setting or school stands in."""
    mentions = [m for m in find_mentions(text) if not m.is_org and not is_surname(text, m.start)
                and not _in_a_setting(text[max(0, m.start - 40):m.start])]
    mentions = _with_listed_short_forms(text, mentions)
    kept: list[Mention] = []
    for mention in mentions:
        if kept and _LOCATION_BEFORE.fullmatch(text[kept[-1].end:mention.start]):
            continue  # "St Helens in Lancashire": Lancashire says where St Helens is
        kept.append(mention)
    return [(m, resolve_mention(m.codes, day)) for m in kept]


def _with_listed_short_forms(text: str, mentions: list[Mention]) -> list[Mention]:
    """Add short forms ("Richmond") standing as items between two councils of a list."""
    added = []
    for left, right in zip(mentions, mentions[1:]):
        gap = text[left.end:right.start]
        match = re.fullmatch(rf"({_sep()})([A-Z][a-z]+)({_sep()})", gap)
        if match and match.group(1).strip() and match.group(3).strip():
            code = short_form_code(match.group(2))
            if code:
                start = left.end + match.start(2)
                added.append(Mention(start, start + len(match.group(2)), match.group(2), (code,), False))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def council_groups(text: str, mentions: list[tuple[Mention, str]]) -> list[list[tuple[Mention, str]]]:
    """Consecutive mentions joined only by list separators form one group ("A, B and C"); others stand alone."""
    groups: list[list[tuple[Mention, str]]] = []
    for item in sorted(mentions, key=lambda mc: mc[0].start):
        joins = _LIST_JOINS[settings.ROUND21_LIST_STRUCTURES, settings.ROUND29_BOROUGH_STYLE]
        if groups and joins.fullmatch(text[groups[-1][-1][0].end:item[0].start]):
            groups[-1].append(item)
        else:
            groups.append([item])
    return [part for group in groups for part in _clause_break(text, group)]


def _clause_break(text: str, group: list) -> list[list]:
    """Two names joined by a bare comma are two clauses, not a list of two ("since it took over from A, B has been
    rated good"): a list of two says "A and B"."""
    if len(group) == 2 and re.fullmatch(r"[^\w&/;]*,\s*", text[group[0][0].end:group[1][0].start]):
        return [group[:1], group[1:]]
    return [group]
