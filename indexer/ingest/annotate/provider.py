"""A story about one care setting's inspection (a children's home, a residential or secure home) is not a council's
children's-services judgement: Ofsted grades such a setting on its own scale, whoever runs it."""
from __future__ import annotations

import re

from indexer import settings
from indexer.ingest.annotate.council import mentions_services, services_rated
from indexer.ingest.annotate.places import subject_mentions

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
# Round 24: real pages call the home "the premises" or "the facility" once they have named it.
_THE_PREMISES = re.compile(r"\b(?:the|this|that)\s+(?:premises|facility)\b", re.IGNORECASE)
# Round 24: ", run by Wakefield council," between the homes and their grade names their operator, not a graded body.
_RUN_BY = re.compile(r",\s*(?:run|operated|managed|owned)\s+by\s+[^,.;]{1,60},", re.IGNORECASE)
MIN_BACK_REFERENCES = 2
# Round 9: a headline whose grade is the setting's ("children's home is branded 'inadequate'", "Council-run care home
# rated good"): the setting is the graded thing, so one reference back to it in the text is enough. No service,
# council or department may come between (that would be the council's grade).
_SETTING_GRADED = re.compile(r"\b(?:homes?|agenc(?:y|ies))\b(?:(?!\b(?:services?|council|department|authority)\b)[^.;:!?|]){0,40}?"
                             r"\b(?:outstanding|good|requires?\s+improvement|inadequate|failing)\b", re.IGNORECASE)


def story_lead(title: str, text: str) -> str:
    """The headline, or, when it names neither a care setting nor a council nor children's services (a scraped page's
    title is often site chrome: "[Skip to content]", a date and "Permalink", an image caption), the first of the
    opening paragraphs that names a setting."""
    if not settings.ROUND24_SETTING_LEAD or _SETTING.search(title) or mentions_services(title) \
            or subject_mentions(title, None):
        return title
    opening = [p for p in text.split("\n") if p.strip()][:settings.ROUND24_LEAD_PARAGRAPHS]
    return next((p for p in opening if _SETTING.search(p)), title)


def _back_references(text: str) -> int:
    """How often the text refers back to the setting ("the home", "these homes"; round 24: "the premises")."""
    back = len(_THE_HOME.findall(text))
    return back + len(_THE_PREMISES.findall(text)) if settings.ROUND24_SETTING_LEAD else back


def is_setting_inspection(title: str, text: str) -> tuple[bool, str]:
    """True when the headline is about a care setting and the text keeps grading 'the home', never the council's
    children's services as a whole."""
    title = story_lead(title, text)
    if services_rated(text) or not _SETTING.search(title):
        return False, ""
    if settings.ROUND24_SETTING_LEAD:
        title = _RUN_BY.sub("", title)
    back = _back_references(text)
    if back >= MIN_BACK_REFERENCES:
        return True, f"the headline names a care setting and the text speaks of “the home” {back} times"
    if back and _SETTING_GRADED.search(title):
        return True, "the headline grades a care setting and the text speaks of “the home”"
    return False, ""
