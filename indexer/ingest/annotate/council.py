"""Which council(s) a document is about: subject versus mere mention."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from indexer import settings
from indexer.grades import apa_scale_said
from indexer.ingest.annotate.gazetteer import find_mentions, resolve_mention
from indexer.ingest.annotate.places import subject_mentions
from indexer.ingest.annotate.text_units import Sentence

_SCHOOL_WORDS = re.compile(r"\b(schools?|pupils?|headteachers?|head teacher|academy|academies|nursery|nurseries"
                           r"|primary|secondary|sixth form|GCSE|classrooms?|teachers?|colleges?)\b", re.IGNORECASE)
# Round 14: headlines drop the apostrophe ("children services", "childrens services"): the same words.
_CSC_WORDS = re.compile(r"\b(children(?:['’]s|s['’]?)?\s+services|children['’]s social care|social care|social work(?:ers?)?"
                        r"|child protection|children in care|care leavers|looked[- ]after|safeguarding children"
                        r"|ILACS|local authority children|children['’]s services department|director of children)\b",
                        re.IGNORECASE)

# Round 14: a school story is about one school: it names it ("Oldfield Primary", "Harlow Academy") or says "the school";
# a council's services story speaks of schools in the plural (on the twelve blind sets' first contact, pages about a
# council's services taken for school stories named no school, u12, v16, z05, z33; every school decoy names one).
_ONE_SCHOOL = re.compile(r"\b(?:[A-Z][\w'’.-]+ ){1,5}(?:School|Academy|Primary|College|Nursery|Infants?|Juniors?)\b"
                         r"|\b(?i:the|a|an|this|its|that)\s+(?:[\w-]+\s+){0,2}?(?i:school|academy|nursery|college)\b(?!s)")

# "Across children's services as a whole, the council is now rated as performing well": a judgement of the
# council's children's services, whatever else (schools, nurseries) the article lists.
# The 2005-2012 annual assessments and ratings judged a council's children's services as a whole, schools included,
# so their stories are full of school words without being school inspections.
_SERVICES_RATED = re.compile(r"\bchildren['’]s services\b[^.;]{0,60}?\b(?:rated|judged|graded|performing|performs)\b"
                             r"|\b(?:rated|judged|graded)\s+(?:the\s+)?(?:council['’]s\s+)?children['’]s services\b"
                             r"|\bannual (?:children['’]s services |performance )+assessment"
                             r"|\bchildren['’]s services (?:annual )?(?:performance )?assessment\b"
                             r"|\bannual (?:unannounced )?rating of children['’]s services\b"
                             # round 12: the same services in other words ("rated the council's services for children
                             # and young people as performing well"); "performing well" was the annual rating's scale
                             r"|\bservices for children(?: and young people)?\b[^.;]{0,40}?\b(?:rated|judged|graded"
                             r"|performing|performs)\b"
                             r"|\b(?:rated|judged|graded|assessed)\s+(?:[\w'’-]+\s+){0,3}services for children\b"
                             # round 13: the noun for it, "an assessment / the rating of (the council's) children's
                             # services" (a03, h06, h10, n03, p28, x21: six outlets)
                             r"|\b(?:assessments?|ratings?)\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?"
                             r"(?:children['’]s services|services for children)\b",
                             re.IGNORECASE)

# Round 29: the 2005-09 annual rating's four-point scale ("performing excellently / well / adequately / poorly") said
# of an authority, a council, its department or its service, or named as a grade or rating: a judgement of the
# council's children's services as a whole, however many schools, nurseries and childminders the story lists.
_APA_SCALE_RATED = re.compile(apa_scale_said("authority|council|department|directorate|service",
                                             "rating|grade|score|judgement|category"), re.IGNORECASE)


# Round 29: a short name the gazetteer lists alone, written with its council word after it ("Stockton Council",
# "Bury Metropolitan Borough Council"): named as a council, as "Telford and Wrekin Council" is.
_COUNCIL_AFTER = re.compile(r"\s+(?:(?:City|Borough|County|Metropolitan(?:\s+Borough|\s+District)?|District|Royal\s+Borough)"
                            r"\s+)?Council\b", re.IGNORECASE)


@dataclass
class CouncilScore:
    """How strongly a document is about one council, and why."""

    code: str
    score: float = 0.0
    mentions: int = 0
    reasons: list[str] = field(default_factory=list)


def services_rated(text: str) -> bool:
    """True when the text rates a council's children's services as a whole."""
    if settings.ROUND29_APA_SCALE and _APA_SCALE_RATED.search(text):
        return True
    return bool(_SERVICES_RATED.search(text))


def mentions_services(text: str) -> bool:
    """True when the text speaks of children's services or social care (a headline about the council's services)."""
    return bool(_CSC_WORDS.search(text))


def is_school_inspection(title: str, text: str) -> tuple[bool, str]:
    """True for an article about a school inspection rather than a children's-services judgement."""
    if services_rated(text):
        return False, ""  # the council's children's services as a whole are rated: not a school story
    school = len(_SCHOOL_WORDS.findall(text)) + 3 * len(_SCHOOL_WORDS.findall(title))
    csc = len(_CSC_WORDS.findall(text)) + 3 * len(_CSC_WORDS.findall(title))
    if school >= 3 and school > 2 * csc and csc <= 3 and _ONE_SCHOOL.search(text):
        return True, f"school words {school} vs children's-services words {csc}"
    return False, ""


def report_council(first_page: str, day: dt.date | None) -> tuple[str | None, str]:
    """A report's council: the first authority named on its cover page."""
    # Cover titles wrap ("London Borough of Barking and" / "Dagenham"): match across the breaks.
    for mention in find_mentions(" ".join(first_page.split())):
        if not mention.is_org:
            return resolve_mention(mention.codes, day), f"report cover: “{mention.alias}”"
    return None, ""


def score_councils(sentences: list[Sentence], day: dt.date | None) -> dict[str, CouncilScore]:
    """Score every council named: title and opening count most, mentions inside other bodies' names not at all."""
    scores: dict[str, CouncilScore] = {}
    opening_paragraphs = {s.paragraph for s in sentences if s.paragraph > 0}
    opening = set(sorted(opening_paragraphs)[:2])
    for sentence in sentences:
        for mention, code in subject_mentions(sentence.text, day):
            entry = scores.setdefault(code, CouncilScore(code))
            entry.mentions += 1
            entry.score += settings.COUNCIL_SCORE_MENTION
            if sentence.paragraph == 0:
                entry.score += settings.COUNCIL_SCORE_TITLE
                entry.reasons.append(f"named in the title: “{mention.alias}”")
            elif sentence.paragraph in opening:
                entry.score += settings.COUNCIL_SCORE_OPENING
                entry.reasons.append(f"named in the opening: “{mention.alias}”")
            if re.search(r"\bcouncil\b|\bborough\b|county", mention.alias, re.IGNORECASE) \
                    or (settings.ROUND29_COUNCIL_SUFFIX and _COUNCIL_AFTER.match(sentence.text[mention.end:])):
                entry.score += settings.COUNCIL_SCORE_COUNCIL_WORD
    return scores
