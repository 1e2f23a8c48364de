"""A council named as the one running, supporting or advising another place's children's services ("Hampshire has run
the island's children's services", "so that Essex, graded outstanding, can support the islands' service") is a helper,
not a subject: the story judges the services it helps (docs/labelling.md, round 15, issue 22)."""
from __future__ import annotations

import datetime as dt
import re

from indexer.ingest.annotate.places import subject_mentions

# After the name, in the same clause: a verb of running or helping whose object is someone else's service ("the
# island's", "Slough's", "the islands'"), never the council's own ("its", "their", "our").
_HELPS = re.compile(
    r"^[^.;:!?\n]{0,70}?\b(?:run|runs|ran|running|support|supports|supported|supporting|help|helps|helped|helping"
    r"|mentor|mentors|mentored|mentoring|advise|advises|advised|advising|manage|manages|managed|managing"
    r"|(?:took|taken|taking|take|takes)\s+over)\s+"
    r"(?:the\s+running\s+of\s+)?(?:the\s+)?(?!(?:its|their|our|his|her)\b)"
    # "the city's", "the county's" name the council's own area: the council runs its own services
    r"(?!(?:city|county|borough|council|authority|district|town|area|local\s+authority)['’]s\b)"
    r"(?:[A-Za-z][\w-]*(?:\s+[A-Z][\w-]*){0,3}(?:['’]s|s['’])\s+)"
    r"(?:children['’]s\s+)?(?:social\s+(?:care|work)\s+)?(?:services?|department|improvement)\b")
# A mention that only names a person's post ("Hampshire's director of children's services, …") says nothing about
# which council the story judges.
_POST = re.compile(r"^(?:\s+(?:County|City|Borough)?\s*Council)?['’]s?\s+(?:director|chief\s+executive|leader"
                   r"|cabinet\s+member|lead\s+member|head)\b", re.IGNORECASE)


def helper_mention_kind(text: str, mention) -> str:
    """'helps' for a mention followed by a helping verb, 'post' for one naming only a post, else ''."""
    after = text[mention.end:mention.end + 160]
    if _HELPS.match(after):
        return "helps"
    return "post" if _POST.match(after) else ""


def helper_councils(text: str, day: dt.date | None) -> set[str]:
    """Codes of the councils named as helping another place's services, and otherwise only through a post."""
    if not re.search(r"\b(?:run|ran|running|support|help|mentor|advis|manag|over)", text, re.IGNORECASE):
        return set()  # cheap gate: no helping verb at all
    helps: dict[str, bool] = {}
    other: dict[str, bool] = {}
    for mention, code in subject_mentions(text, day):
        kind = helper_mention_kind(text, mention)
        if kind == "helps":
            helps[code] = True
        elif not kind:
            other[code] = True
    return {code for code in helps if not other.get(code)}
