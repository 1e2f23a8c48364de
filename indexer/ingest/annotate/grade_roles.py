"""Round 26: a grade word whose role in its clause gives no current rating.

Read on the real page text (issue 22), a grade word sets a wrong grade when its clause uses it in one of three roles:
- the object of an aim, a hope or an expectation, worded as a noun with "of" and a gerund ("the goal of being rated
  'good' by 2016", "our objective of being assessed as outstanding"), a nearness with a gerund ("much closer to
  receiving a 'good' rating"), the way still to go ("some way to go before a 'good' rating"), a time clause under a
  modal ("I might ease off when all provision is judged outstanding") or an expected change of grade ("is likely to
  mean its rating is downgraded … to a one-star 'performs poorly' grade"): `aim_object`;
- an adjective on a noun that names no service, no council and no rating: praise of a thing ("a 'good cultural
  change'", "the CQC commended the 'outstanding mental health support'", "there is good consideration of children's
  needs", "such as good multi-agency working"): `attributive`;
- a span of time behind the news ("Having been classed as 'poor' for the last few years", "after years of being
  deemed 'requiring improvement' and 'inadequate'", "in previous inspections we have always been rated 'good'"):
  `past_span`.
Each only sets a grade word aside; none gives a grade, so a page that states its grade elsewhere keeps it, and a page
whose only grade word has such a role is left empty (empty beats wrong).
"""
from __future__ import annotations

import re

from indexer import settings
from indexer.ingest.annotate.grade_context import _GRADE_WORD, _NAMED_AS, _PAST_NAMING, _QUOTE, is_past, left_behind

# The passive verbs that name a grade, with the ones aims add ("assessed as", "recognised as").
_GIVEN = rf"(?:{_NAMED_AS}|assessed\s+as|recognised\s+as|recognized\s+as|rated\s+as|judged\s+as|judged\s+to\s+be)"
# The words between an aim's gerund and the grade ("a", "an overall", "rated as").
_FILL = rf"(?:(?:the|an?|its|their|our|at\s+least|overall|as|{_GIVEN})\s+){{0,3}}"
# The gerunds of holding or reaching a grade.
_GERUND = (r"(?:being|becoming|getting|achieving|reaching|receiving|securing|earning|winning|gaining|attaining"
           r"|obtaining|regaining|moving\s+(?:up\s+)?to|returning\s+to|climbing\s+to)")

# A noun of aim or expectation, "of" and a gerund: "the goal of being rated 'good'", "its chances of becoming good".
_AIM_OF = re.compile(rf"\b(?:aims?|ambitions?|goals?|targets?|aspirations?|objectives?|hopes?|dreams?|vision|mission"
                     rf"|intentions?|plans?|prospects?|chances?|bid|quest|pursuit|prospect)\s+of\s+{_GERUND}\s+"
                     rf"{_FILL}{_QUOTE}$", re.IGNORECASE)
# Near a grade, through a gerund of getting it: "much closer to receiving a 'good' rating".
_NEAR_GERUND = re.compile(rf"\b(?:clos(?:e|er|est)|near(?:er|est)?)\s+to\s+{_GERUND}\s+{_FILL}{_QUOTE}$", re.IGNORECASE)
# The way still to go: "a long way to go to get a 'good' rating", "some distance to go before it is good".
_TO_GO = re.compile(rf"\b(?:way|distance|road|journey|work)\s+to\s+(?:go|travel)\s+(?:to|before|until|till)\s+"
                    rf"(?:(?![.;:!?])[\w'’-]+\s+){{0,6}}?{_FILL}{_QUOTE}$", re.IGNORECASE)
# A time clause under a modal: "will step back when services are judged outstanding", "might ease off once it is
# good" (a present-tense "when" clause after a modal is a condition to come, not a report).
_MODAL_WHEN = re.compile(rf"\b(?:will|would|might|could|may|shall|can|['’]ll)\b(?:(?![.;:!?])[^\n]){{0,100}}?"
                         rf"\b(?:when|once|until|till|as\s+soon\s+as)\s+(?:(?![.;:!?])[\w'’-]+\s+){{0,4}}?"
                         rf"(?:is|are|gets?|becomes?)\s+(?:now\s+|finally\s+)?{_FILL}{_QUOTE}$", re.IGNORECASE)
# An expected change of grade: "is likely to mean its rating is downgraded from … to a one-star 'performs poorly'
# grade", "is set to be upgraded to good", "could see the council dropped to inadequate".
_EXPECTED_MOVE = re.compile(rf"(?:\b(?:likely|unlikely|expected|set|poised|due|bound|threaten(?:s|ed|ing)?)\s+to"
                            rf"|\b(?:will|would|could|may|might)\s+(?:now\s+)?(?=be\b|mean|see|result|lead|leave))"
                            # one clause: no comma between the expectation, the verb of change and the grade
                            rf"\s+[^.,;:!?\n]{{0,120}}?\b(?:downgrad|upgrad|relegat|demot|promot|lower|drop|fall|slip"
                            rf"|mov|push|cut|reduc|rais|lift|climb|ris|rose|jump|sink|sank)\w*\b[^.,;:!?\n]{{0,100}}?"
                            rf"\b(?:to|into)\s+(?:(?:an?|the)\s+)?(?:[\w-]+\s+){{0,2}}?{_QUOTE}$", re.IGNORECASE)
_AIM_SHAPES = (_AIM_OF, _NEAR_GERUND, _TO_GO, _MODAL_WHEN, _EXPECTED_MOVE)
_AIM_GATE = re.compile(r"\bof\b|clos|near|\bto\s+(?:go|travel)\b|when|once|until|till|soon|likely|expected|\bset\b"
                       r"|poised|due|bound|threat|will|would|could|may|might|['’]ll", re.IGNORECASE)


def aim_object(before: str) -> bool:
    """The grade is the object of an aim, a hope or an expectation (`before`: the sentence up to it, ~160
    characters)."""
    if not settings.ROUND26_AIM_OBJECTS or not _AIM_GATE.search(before):
        return False
    return any(shape.search(before) for shape in _AIM_SHAPES)


# A determiner, a possessive, "such as" or "there is" right before the grade: it opens a noun phrase. (Not "of": "a
# rating of 'good' means …" names the grade.)
_OPENS_PHRASE = re.compile(rf"(?:\b(?:an?|the|its|their|our|his|her|some|much|more)|\w['’]s|\bsuch\s+as"
                           rf"|\bthere\s+(?:is|are|was|were|has\s+been|have\s+been|had\s+been))\s+{_QUOTE}$",
                           re.IGNORECASE)
# The nouns (and noun modifiers) that make a grade adjective a rating: the rating itself, the body rated, the
# service; areas are left to the sub-judgement rules (`severity.AREA_AFTER`, `SUB_AREA`).
_RATED_HEADS = frozenset(
    "rating ratings grade grades grading gradings judgement judgements judgment judgments verdict verdicts mark marks "
    "score scores result results report reports inspection inspections assessment assessments label labels status "
    "list lists band bands category categories ranking rankings rank star stars outcome council councils authority "
    "authorities borough boroughs department departments service services trust trusts local county city district "
    "children's "
    "children’s childrens social care provision safeguarding child performance employer organisation "
    "organization body".split())
# "a 'good' quality of safeguarding services": the phrase's "of" names the service the grade is about.
_OF_SERVICE = re.compile(r"\s*['’”\"]?\s*of\s+(?:[\w'’-]+\s+){0,5}?services?\b", re.IGNORECASE)
# Words that end the noun phrase or show no noun follows ("good overall", "good for adoption", "good, and …").
_NO_NOUN = frozenset(
    "and or but nor for in on at by with from to of as than overall across since after before following during under "
    "over until last this that these those again too also now still yet so because while whilst when where which who "
    "whom whose if though although ever enough both either neither even only just then there here it its they their "
    "them is are was were be been being has have had will would can could may might must shall should do does did not "
    "no all each every said says say according despite against instead rather whereas within without between among "
    "per via one ones rated judged graded".split())
_WORD = re.compile(r"\s*['’”\"]?\s*([A-Za-z][\w-]*(?:['’]s\b)?)")
# Round 29 (sev29): a quotation that opens on the grade word and runs on past it ("at risk of “inadequate oversight
# and lasting harm”", "praised its “outstanding joint working”"): the quoted words are a phrase about a thing, as after
# a determiner; a quoted grade closes right after the word ("rated ‘good’", "a rating of 'good'").
_QUOTE_OPENS = re.compile(r"(?:^|[\s(\[—–-])['‘“\"]$")
_QUOTE_RUNS_ON = re.compile(r"\s+[a-z]")


def _opens_quote(before: str, after: str) -> bool:
    """Round 29 (`ROUND29_QUOTED_PHRASE`): the grade word opens a quotation that runs on past it."""
    return bool(settings.ROUND29_QUOTED_PHRASE and _QUOTE_OPENS.search(before) and _QUOTE_RUNS_ON.match(after))


def quoted_phrase(before: str, after: str, phrase: str, area_after: re.Pattern, sub_area: re.Pattern) -> bool:
    """Round 29 (`ROUND29_QUOTED_PHRASE`): the grade word opens a quotation that runs on with a noun naming no
    service, council, rating or area ("“inadequate oversight and lasting harm”"): a phrase about a thing."""
    return _opens_quote(before, after) and attributive(before, after, phrase, area_after, sub_area)


def attributive(before: str, after: str, phrase: str, area_after: re.Pattern, sub_area: re.Pattern) -> bool:
    """The grade word (`phrase`, one word: "good", "outstanding") is an adjective on a noun that names no service,
    council or rating ("a 'good cultural change'", "there is good consideration of"): praise of a thing, not a grade.
    `area_after` and `sub_area` are severity's area patterns (passed in: severity imports this module), for the areas
    left to the sub-judgement rules."""
    if not settings.ROUND26_ATTRIBUTIVE or " " in phrase.strip():
        return False  # "requires improvement", "performs well": a verb phrase, never an adjective
    if not (_OPENS_PHRASE.search(before) or _opens_quote(before, after)) or area_after.match(after):
        return False
    words, position = [], 0
    for _ in range(3):  # the noun phrase's next words, up to its end
        word = _WORD.match(after, position)
        if not word or word.group(1)[:1].isupper() or word.group(1).lower() in _NO_NOUN \
                or word.group(1).lower().endswith("ly"):
            break
        words.append(word.group(1).lower())
        position = word.end()
        closing = re.match(r"['’”\"]|\s*[,.;:!?()]", after[position:position + 2])
        if closing and not after[position:].startswith("'s"):
            break  # a closing quotation mark or a punctuation mark ends the phrase
    if not words:
        return False
    noun_phrase = " ".join(words)
    return not any(w in _RATED_HEADS for w in words) and not sub_area.search(noun_phrase) \
        and not _OF_SERVICE.match(after, position)


# "after years of its services being deemed 'requiring improvement' and 'inadequate'": a span that has ended; every
# grade of the list it names.
_YEARS_OF = re.compile(rf"\b(?:after|following|despite)\s+(?:(?:many|several|some|a\s+few|\w+)\s+)?(?:years?|months?"
                       rf"|decades?)\s+of\s+(?:(?![.;:!?])[\w'’-]+\s+){{0,6}}?(?:being|been)\s+(?:{_PAST_NAMING})\s+"
                       rf"(?:as\s+|to\s+be\s+)?{_QUOTE}(?:{_GRADE_WORD}['’”\"]?\s*(?:,|and|or)\s*{_QUOTE})*$",
                       re.IGNORECASE)
# "six months after a damning report" judged X's child protection inadequate: a time measured back to an
# inspection's verdict (the active voice of `grade_context.in_earlier_clause`'s "two years after X was judged").
_MEASURED_AFTER = re.compile(rf"\b(?:\w+|\d+)\s+(?:weeks?|months?|years?)\s+(?:after|since)\s+(?:an?|the|its|their)\s+"
                             rf"(?:[\w'’-]+\s+){{0,3}}?(?:report|inspection|verdict|assessment|review|inspectors"
                             rf"|watchdog)\s+(?:had\s+)?(?:{_PAST_NAMING}|condemned|criticised|slammed)\b"
                             rf"(?:(?![.;:!?])[^\n]){{0,80}}?"
                             rf"(?:\s+as|\s+to\s+be)?\s+{_QUOTE}$", re.IGNORECASE)
# "In previous inspections, we have always been rated 'good'": the earlier inspections named without a determiner.
_PREVIOUS_INSPECTIONS = re.compile(r"\b(?:in|at|during|across|over)\s+(?:all\s+)?(?:previous|past|earlier|prior|former)"
                                   r"\s+(?:[\w-]+\s+)?inspections\b"
                                   r"(?![^;]*\b(?:now|new|latest|currently|today|this\s+time)\b)[^;.]*$", re.IGNORECASE)
# The words a grade match opens with before its grade word ("classed as “poor"): they belong to the clause's head.
_LEADING_VERB = re.compile(rf"^(?:{_PAST_NAMING}|assessed|ranked)\s+(?:as\s+)?{_QUOTE}", re.IGNORECASE)


def past_span(head: str, phrase: str, after: str) -> bool:
    """The grade ends a span of time before the news (`head`: the sentence up to the grade match `phrase`)."""
    if not settings.ROUND26_PAST_SPANS:
        return False
    before = head[-160:]
    if _YEARS_OF.search(before) or _PREVIOUS_INSPECTIONS.search(head) or _MEASURED_AFTER.search(before):
        return True
    # "Having been classed as “poor”": the match holds the naming verb the past words need
    leading = _LEADING_VERB.match(phrase)
    if leading:
        extended = (head + leading.group(0))[-80:]
        return is_past(extended, after) or left_behind(extended)
    return False


# "an 'Outstanding' grade for how it looks after …" its children in care, "rated 'good' in the areas of …" followed
# by an ILACS judgement's name, "The Outstanding rating was for the council's care leaver team": the grade's "for"
# or "in the areas of" complement names an area of the work, further on than round 21's `severity.rating_for` (three
# words) and round 6's `_AREA_QUALIFIER` (the area right after "for the") read.
_COMPLEMENT = re.compile(r"['’”\"]?\s+(?:(?:ratings?|grades?|gradings?|judgements?|verdicts?)\s+"
                         r"(?:(?:was|were|is|are)\s+)?)?(?:for|in\s+the\s+areas?\s+of)\s+(?!overall\b)"
                         r"(?P<what>[^.;:,!?()\n]{1,90})", re.IGNORECASE)
# A new clause ends the complement: "'inadequate' for the service, which fails its care leavers" ("after" too often
# belongs to the complement: "for how it looks after children in care").
_CLAUSE_WORD = re.compile(r"\b(?:because|following|when|while|whilst|but|which|that|as|with|since|despite)\b",
                          re.IGNORECASE)
# The areas, with the singular forms pages also print ("care leaver team", "the experience and progress of").
_AREA_WORDS = re.compile(r"\bcare\s+leavers?\b|\bexperiences?\s+and\s+progress\b|\bchildren\s+in\s+care\b"
                         r"|\blooked[- ]after\s+children\b|\badoption\b|\bfostering\b|\bhelp\s+and\s+protection\b"
                         r"|\bearly\s+help\b|\bleadership\b", re.IGNORECASE)
# The whole service named in the complement: "a 'good' rating for its children's services" is the overall grade; so
# is safeguarding, the overall judgement of the 2008-12 assessments ("'inadequate' for its safeguarding and looked after
# children services").
_WHOLE = re.compile(r"children['’]?s?\s+(?:social\s+care|services)\b|\bservices\s+for\s+children\b(?!\s+in\s+care)"
                    r"|\bsafeguarding\b|\boverall\b", re.IGNORECASE)


def area_complement(before: str, after: str) -> bool:
    """Round 26 (`ROUND26_AREA_COMPLEMENT`): the grade's "for" / "in the areas of" complement names an area of the
    work and not the whole service (`after`: the words after the grade, ~120 characters); a grade with "overall" right
    beside it ("rated as 'overall good' for its arrangements for …") is the overall one."""
    if not settings.ROUND26_AREA_COMPLEMENT or re.search(r"\boverall\W{0,3}$", before, re.IGNORECASE) \
            or re.match(r"\W{0,3}overall\b", after, re.IGNORECASE):
        return False
    complement = _COMPLEMENT.match(after)
    if not complement:
        return False
    what = complement.group("what")
    what = what[:m.start()] if (m := _CLAUSE_WORD.search(what)) else what
    return bool(_AREA_WORDS.search(what)) and not _WHOLE.search(what)
