"""The council that runs the care settings a setting-inspection story is about ("a children's home run by Suffolk
County Council", "the council's homes", "Kent's adoption service"): a subject of the story with no grade, since a
home's or an agency's grade is never the council's children's-services judgement.

A privately run home, a nursery, or a home run by a trust names no operating council, and the story keeps none.
"""
from __future__ import annotations

import datetime as dt
import re

from indexer.ingest.annotate.places import subject_mentions

# The settings a council may run: homes, an adoption or fostering service or agency.
_SETTINGS = r"(?:(?:children['’]s\s+|residential\s+|care\s+)?homes?|(?:adoption|fostering)\s+(?:services?|agenc(?:y|ies)))"
# "run by Suffolk County Council", "operated by the city council": the operator follows, with its council word.
_RUN_BY = re.compile(r"\b(?:run|operated|managed|owned|provided)\s+by\s+(?:the\s+)?$", re.IGNORECASE)
_COUNCIL_WORD = re.compile(r"\b(?:council|borough|county council)\b", re.IGNORECASE)
# "Kent's adoption service", "Derby City Council's children's homes": a council's own settings.
_POSSESSIVE_SETTING = re.compile(rf"^['’]s\s+(?:own\s+)?(?:\w+\s+){{0,2}}?{_SETTINGS}\b", re.IGNORECASE)
# The council runs the settings but the text does not repeat its name there: "every home run by the council".
_COUNCIL_RUN = re.compile(rf"\bcouncil[- ]run\b|\b(?:run|operated|owned|managed)\s+by\s+the\s+(?:city\s+|county\s+|borough\s+)?"
                          rf"council\b|\bthe\s+council['’]s\s+(?:own\s+|other\s+|\w+\s+)?{_SETTINGS}", re.IGNORECASE)
# "run by Northamptonshire Children's Trust": a trust or a firm named after a place is not the council.
_OTHER_BODY_AFTER = re.compile(r"^\s+(?:children['’]s\s+)?(?:trust|limited|ltd|partnership|group)\b", re.IGNORECASE)
_CUES = re.compile(r"\b(?:run|operated|owned|managed|provided)\b|['’]s\s|council[- ]run", re.IGNORECASE)


def setting_operators(title: str, text: str, day: dt.date | None, headings: list[str] = ()) -> list[str]:
    """Codes of the councils the story names as running its care settings, in order of first mention; `headings`
    (the page's header lines) may name the council that "the council" means."""
    whole = f"{title}\n{text}"
    if not _CUES.search(whole):
        return []  # cheap gate: no operator phrase at all
    mentions = [(m, code) for m, code in subject_mentions(whole, day)
                if not _OTHER_BODY_AFTER.match(whole[m.end:m.end + 30])]
    found: list[str] = []
    for mention, code in mentions:
        before, after = whole[max(0, mention.start - 30):mention.start], whole[mention.end:mention.end + 60]
        named_council = bool(_COUNCIL_WORD.search(mention.alias) or re.match(r"\s+(?:city\s+|county\s+|borough\s+)?"
                                                                            r"council\b", after, re.IGNORECASE))
        if (_RUN_BY.search(before) and named_council) or _POSSESSIVE_SETTING.match(after):
            found.append(code)
    if not found and _COUNCIL_RUN.search(whole):
        # "run by the council": the one council the page names with its council word (its publisher's line)
        furniture = "\n".join(headings)
        named = {code for mention, code in mentions + subject_mentions(furniture, day)
                 if _COUNCIL_WORD.search(mention.alias)}
        if len(named) == 1:
            found = list(named)
    return list(dict.fromkeys(found))
