"""A story about one care setting's inspection (a children's home, a residential or secure home) is not a council's
children's-services judgement: Ofsted grades such a setting on its own scale, whoever runs it."""
from __future__ import annotations

import re

from indexer.ingest.annotate.council import services_rated

# The setting named as the story's subject: "children's home", "secure children's home", "residential home", an
# adoption or fostering service or agency (inspected on its own, whoever runs it).
_SETTING = re.compile(r"\b(?:children['’]s|residential|secure|care)\s+homes?\b"
                      r"|\b(?:adoption|fostering)\s+(?:services?|agenc(?:y|ies))\b"
                      # round 10: children's centres (Sure Start), inspected by Ofsted as settings, alone or in groups
                      r"|\bchildren['’]s\s+centres?\b", re.IGNORECASE)
# The setting referred to again as the thing graded: "the home", "the agency"; several homes: "each home",
# "these homes", "two other homes".
_THE_HOME = re.compile(r"\b(?:the|this|that|each|every|these|those|other)\s+(?:children['’]s\s+)?(?:homes?|agency|centres?)\b"
                       # round 6: "the Bristol home", "the residential home at …": one word naming which home
                       r"|\b(?:the|this|that|each|other)\s+(?!family\b|foster\b|own\b)[\w’'-]+\s+(?:children['’]s\s+)?homes?\b",
                       re.IGNORECASE)
MIN_BACK_REFERENCES = 2
# Round 9: a headline whose grade is the setting's ("children's home is branded 'inadequate'", "Council-run care home
# rated good"): the setting is the graded thing, so one reference back to it in the text is enough. No service,
# council or department may come between (that would be the council's grade).
_SETTING_GRADED = re.compile(r"\b(?:homes?|agenc(?:y|ies))\b(?:(?!\b(?:services?|council|department|authority)\b)[^.;:!?|]){0,40}?"
                             r"\b(?:outstanding|good|requires?\s+improvement|inadequate|failing)\b", re.IGNORECASE)


def is_setting_inspection(title: str, text: str) -> tuple[bool, str]:
    """True when the headline is about a care setting and the text keeps grading 'the home', never the council's
    children's services as a whole."""
    if services_rated(text) or not _SETTING.search(title):
        return False, ""
    back = len(_THE_HOME.findall(text))
    if back >= MIN_BACK_REFERENCES:
        return True, f"the headline names a care setting and the text speaks of “the home” {back} times"
    if back and _SETTING_GRADED.search(title):
        return True, "the headline grades a care setting and the text speaks of “the home”"
    return False, ""
