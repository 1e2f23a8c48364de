"""Round 31 (`settings.ROUND31_PROVIDER`): a question about another inspected provider ("children's home rated
inadequate by Ofsted", "children's centres group rated requires improvement", "urgent meeting over fostering service
Ofsted report"). The grade such a question names is the provider's, not a council's children's services grade: it
lifts no council's reports (no overall-grade reading), and the provider's name is one word of the question, written
as a phrase ("children's home", not "children's" found in "children's services" and "home" in "return home").
"""
from __future__ import annotations

import re

from indexer import settings
from indexer.search.synonyms import Alternative, Group

# The provider's name as one phrase, and the names of the same kind of provider a page may use instead (a synonym's
# weight, as synonyms.txt's). Stems, as the index analyses them.
_SYNONYM = 0.8
_HOME = ("children", "home")
_CARE_HOME = ("care", "home")
_CENTRE = ("children", "centr")
_FAMILY_CENTRE = ("famili", "centr")
_FOSTERING = ("foster", "servic")
_FOSTERING_AGENCY = ("foster", "agenc")
PHRASES: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {
    _HOME: (_CARE_HOME,),
    _CARE_HOME: (_HOME,),
    _CENTRE: (_FAMILY_CENTRE,),
    _FAMILY_CENTRE: (_CENTRE,),
    _FOSTERING: (_FOSTERING_AGENCY,),
    _FOSTERING_AGENCY: (_FOSTERING,),
}

# A provider a question names as the subject of its grade: a children's or care home, a children's or family centre
# (Ofsted inspects a council's centres as one group), a nursery, a school or academy, a fostering service or agency
# (Ofsted registers and inspects a council's fostering service apart from its children's services). Not "private
# fostering" (a council duty its inspections judge), a "virtual school" or a "social work academy" (parts of the
# council's services).
_PROVIDER = re.compile(r"\b(?:(?:children['’]?s?|care)\s+homes?|(?:children['’]?s?|family|families['’]?)\s+centres?|"
                       r"nurser(?:y|ies)|(?<!social\swork\s)(?<!virtual\s)(?:schools?|academy|academies)|"
                       r"(?<!private\s)fostering\s+(?:services?|agenc(?:y|ies)))\b", re.IGNORECASE)
# A question naming the council's children's services asks about them, whatever provider it also names ("Kent
# children's services inadequate but its schools good"): the grade is the council's, as before.
_COUNCIL_SERVICES = re.compile(r"\bchildren['’]?s?\s+(?:social\s+care|services)\b", re.IGNORECASE)


def names_provider(text: str) -> bool:
    """True when the question names another inspected provider (round 31): its grade is the provider's."""
    return settings.ROUND31_PROVIDER and bool(_PROVIDER.search(text)) and not _COUNCIL_SERVICES.search(text)


def provider_phrases(text: str, groups: list[Group]) -> list[Group]:
    """The single-word groups spelling a provider's name ("children's" "home") joined into one group of the phrase
    and its synonyms, for a question naming a provider; any other question's groups unchanged."""
    if not names_provider(text):
        return groups
    out: list[Group] = []
    at = 0
    while at < len(groups):
        pair = groups[at:at + 2]
        stems = tuple(g.alternatives[0].stems[0] for g in pair if len(g.alternatives[0].stems) == 1)
        if len(pair) == 2 and len(stems) == 2 and stems in PHRASES and pair[0].counted and pair[1].counted:
            typed = f"{pair[0].typed} {pair[1].typed}"
            alternatives = (Alternative(stems, 1.0, typed),
                            *(Alternative(other, _SYNONYM, " ".join(other)) for other in PHRASES[stems]))
            out.append(Group(typed, alternatives))
            at += 2
            continue
        out.append(groups[at])
        at += 1
    return out
