"""The words around a grade that say it is not a council's current grade: left behind, past, a tally, a target.

Each test reads `before` (the text up to the grade, same sentence) and/or `after` (the text following it).
"""
from __future__ import annotations

import re

from indexer import settings
from indexer.numbers import ORDINALS

_QUOTE = r"['‘“\"]?"
# "no longer inadequate", "out of the inadequate rating", "improved from inadequate to good"
_NEGATED = re.compile(rf"\b(no longer|not|never|out of|from)\s+(?:(?:being|been|be|to|rated|judged|found|graded|as|the|an?|its|their|yet|consistently|always|fully|quite|entirely)\s+)*"
                      rf"{_QUOTE}$", re.IGNORECASE)
# Round 7: "no longer count as 'inadequate'", "is no longer regarded by Ofsted as inadequate": "no longer" negates
# the grade a short verb phrase after it names, whatever the verb (the list above names only the commonest).
# The words between may not name a grade or start a new clause ("no longer inadequate but good").
_NO_LONGER = re.compile(rf"\bno\s+longer\s+(?:(?!(?:outstanding|good|adequate|inadequate|requires?|improvement|but|and|now"
                        rf"|instead|rather)\b)[\w'’-]+\s+){{1,4}}{_QUOTE}$", re.IGNORECASE)
# "shaken off their inadequate rating", "lifted a council's 'inadequate' grade", "escaped its inadequate label"
_LEFT_BEHIND = re.compile(rf"\b(lift(?:ed|s|ing)?|cost(?:s|ing)?|sh(?:a|oo)k(?:en|e|es|ing)?\s+off|shed(?:s|ding)?|lost|los(?:e|es|ing)"
                          rf"|escap(?:e|ed|es|ing)|emerg(?:e|ed|es|ing)\s+from|climb(?:ed|s|ing)?\s+out\s+of"
                          rf"|remov(?:e|ed|es|ing)|overturn(?:ed|s)?|left\s+behind|ditch(?:ed|es)?)\s+"
                          rf"(?:(?!to\b|into\b|as\b)[\w'’]+\s+){{0,3}}{_QUOTE}$", re.IGNORECASE)
# Round 17: every verb that gives or names a grade, for the clauses below that date a grade before the news
# ("two years after the service was called inadequate", "after being described as poor"): the round-7 lists named
# only the grading verbs, so a grade merely "called" or "regarded as" in such a clause was read as current (e37).
_PAST_NAMING = (r"(?:rated|judged|graded|found|deemed|branded|labell?ed|declared|classed|condemned|ranked|called|dubbed"
                r"|considered|described\s+as|regarded\s+as|seen\s+as|viewed\s+as|thought\s+of\s+as|assessed\s+as)")
_PAST_WORDS = re.compile(rf"\b(previous(?:ly)?|last inspection|prior|formerly|once|used to be|had been|last time"
                         r"|had (?:\w+ )?(?:rated|judged|graded|found|given|branded|called|labelled)"
                         # "two years after being judged inadequate", "having been rated poor": a grade left behind
                         # round 9: "since it was rated …" starts a state that lasts to now (`since_clause`)
                         rf"|(?:after|before) (?:it was |they were |being |having been )(?:{_PAST_NAMING}|placed)"
                         rf"|having been {_PAST_NAMING})\b", re.IGNORECASE)
# Round 30 (aasev30): "have once again been rated outstanding" repeats a grade now; "once" alone ("once rated
# good") is the past.
_AGAIN = re.compile(r"\s+again\b", re.IGNORECASE)
# Round 7: "Two years after Barnsley Council's child protection services were judged 'inadequate'", "since the
# department was rated good": a temporal clause whose subject is named (not only "it"/"they", above) dates its grade
# before the news. The subject is a noun phrase, not a time ("after the inspection, services were judged good" is now).
_AFTER_SUBJECT_WAS = re.compile(r"\b(?P<conjunction>after|since|before)\s+(?:the|its|their|his|her|this|that|it|they|[A-Z][\w'’-]*)"
                                r"(?:\s+(?!(?:inspect|visit|report|review|assess|when|which|that|who)\w*\b|(?:the|an?|in|on|at|during)\b)[\w'’-]+){0,5}?"
                                r"\s+(?:was|were|had\s+been)\s+(?:first\s+|last\s+|originally\s+)?"
                                rf"{_PAST_NAMING}"
                                r"\s+(?:as\s+|to\s+be\s+)?['‘“\"]?$", re.IGNORECASE)
# "since a 2012 inspection rated it inadequate": a grade given in a year the clause says is behind us
# Round 7: not when a new clause or a "new" grade follows the year ("found improvement since 2015 and gave the
# services a new grade: …" is the new grade).
_SINCE_YEAR = re.compile(r"\bsince (?:a |an |the |its |their )?(?:19|20)\d\d\b"
                         r"(?![^.;]*\b(?:and|new|latest|now|currently|today)\b)[^.;]*$", re.IGNORECASE)
# "since 2015, when they were judged inadequate"; "the 2017 inadequate verdict"
_PAST_YEAR_BEFORE = re.compile(rf"(\b(?:19|20)\d\d\s*,?\s+when\b[^.;]*$|\b(?:19|20)\d\d\s+{_QUOTE}$)", re.IGNORECASE)
# "rated good in 2012", "rated inadequate in April 2016", "inadequate back in 2015"
# The clause ends at ";" or "." ("rated good; in May 2013 they had been…" is about the current grade).
# "rated 'requires improvement' since 2019" is the grade it still holds: a bare "since" right after the grade is not past.
# Round 9: "ever since 2016" is still held, like a bare "since".
# Round 23 (real page text): a contrast starts another clause whose year is not this grade's ("rated good whereas in
# May 2013 it had received requires improvement").
_CONTRAST = r"(?:whereas|while|whilst|but|although|though|compared|unlike|than)"
_PAST_YEAR_AFTER = re.compile(r"^(?![^\w;.]{0,3}ever\s+since\b)[^\w;.]{0,3}(?:(?:(?!" + _CONTRAST + r"\b)\w+[^\w;.]+){1,3}?(?:in|since|back in)|in|back in)\s+"
                              r"(?:(?:early|late|mid|the (?:spring|summer|autumn|winter) of)[\s-]+)?"
                              r"(?:[A-Z][a-z]+\s+)?((?:19|20)\d\d)\b")
_NUMBER = (r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty[\w-]*|thirty[\w-]*"
           r"|forty[\w-]*|fifty[\w-]*|half|a quarter|a third|most|many|none")
# "10 were rated good, 24 requires improvement and seven inadequate": national tallies name no council.
# "four of the six areas were Grade 3, good", "93 were called good", "nine of the 146 councils got an inadequate rating"
# Round 9: "Kent was one of four judged outstanding", "Leeds is among six rated good": a member of a counted group
# that a verb names ("is one of", "was among") takes the group's grade (as "one of the four" always did); "Only one of
# four was judged good" names no member and stays a tally.
_MEMBER = r"(?:(?<=\bis )|(?<=\bwas )|(?<=\bare )|(?<=\bwere ))"
_TALLY = re.compile(rf"(?<!the )(?<!these )(?<!those )(?<!all )(?<!the only )"
                    rf"(?<!is one of )(?<!was one of )(?<!is among )(?<!was among )(?<!are among )(?<!were among )"
                    rf"\b(?!{_MEMBER}one\s+of\b)(?:{_NUMBER})(?:\s+per\s*cent|%)?(?:\s*\([^()]{{1,20}}\))?\s+"
                    rf"(?:(?:were|was|are|is|rated|judged|graded|found|as|councils?|authorities|areas?|categories|judgements?"
                    rf"|of them|of the(?: \w+)?|of|now|been|have|had|in the|called|placed in the|put in the|got|received"
                    rf"|given|an?|grade \d,?"
                    # round 7: "62 councils holding four stars", "20 councils with the top rating", "nine kept it"
                    rf"|holding|held|holds|with|kept|keeping|keep|awarded|earning|earned|achieving|achieved|the|its|their"
                    # round 8: the counted things may be qualified by how they were looked at ("three of the five
                    # areas inspected were rated good", "two of the judgements made were good")
                    rf"|inspected|assessed|examined|reviewed|made|given)\s+){{0,5}}"
                    rf"{_QUOTE}$", re.IGNORECASE)
# Round 31 (real page text): a count's grade named by the other verbs that name a grade ("nine of them were classed
# 'good'", "the rest deemed adequate", "six were classed as poor"): the same tally, its verb one the list above lacks.
_TALLY_NAMED = re.compile(rf"(?<!the )(?<!these )(?<!those )(?<!all )(?<!the only )"
                          rf"(?<!is one of )(?<!was one of )(?<!is among )(?<!was among )(?<!are among )(?<!were among )"
                          rf"\b(?!{_MEMBER}one\s+of\b)(?:{_NUMBER})(?:\s+per\s*cent|%)?\s+"
                          rf"(?:(?:were|was|are|is|councils?|authorities|areas?|categories|judgements?|of them|of the(?: \w+)?"
                          rf"|of|now|been|have|had|inspected|assessed|examined|reviewed)\s+){{0,5}}"
                          rf"(?:classed|deemed|considered|labell?ed|branded|declared|described|regarded|seen|viewed)\s+"
                          rf"(?:(?:as|to be|to)\s+)?{_QUOTE}$", re.IGNORECASE)
# "fell below good", "falling short of the good grade", "aim to become an outstanding authority"
# "a grade about to be renamed 'requires improvement'": a grade's name, not a judgement.
_TARGET = re.compile(rf"\b(below|above|at least|short of|than|become|becoming|reach|reaching|achieve|achieving|renamed"
                     rf"|aim(?:ing|s)? for|aspir\w+ to be|towards?|beyond|journey to|ambition to be"
                     # round 7: any way to a grade ("on the road to an 'outstanding' grade", "the path to good")
                     rf"|(?:road|path|route|way|march|push|drive|bid|progress)\s+(?:to|towards|for)"
                     # a grade not reached: "missed out on a good rating", "narrowly missed good", "was denied"
                     rf"|miss(?:ed|es|ing)?(?:\s+out\s+on)?|denied|fail(?:ed|s|ing)?\s+to\s+(?:get|gain|earn|win|secure|reach|achieve|keep|retain))\s+"
                     rf"(?:(?:the|a|an|at least|its|their)\s+)?{_QUOTE}$"
                     rf"|\b(?:before|until|once)\s+(?:[\w'’]+\s+){{0,4}}{_QUOTE}$"
                     # an aim named as a noun: "the service's aim is an overall 'good' rating", "our goal of
                     # 'outstanding'", "the ambition remains to be good"
                     # round 8: any noun of intent ("the council's plan is to be good by 2027", "its priority is
                     # to become outstanding")
                     rf"|\b(?:aims?|ambitions?|goals?|targets?|aspirations?|plans?|intentions?|hopes?|vision|mission"
                     rf"|priority|objective)\s+(?:(?:now|still|remains?|is|was|of|for|to"
                     rf"|be|become|get|reach|achieve|an?|the|overall|at least|being)\s+){{1,5}}{_QUOTE}$", re.IGNORECASE)
# Round 8: the passive verbs that give or name a grade ("rated", "called", "described as", "seen as").
_NAMED_AS = r"(?:rated|judged|graded|called|considered|deemed|described\s+as|regarded\s+as|seen\s+as|classed\s+as|thought\s+of\s+as)"
# Round 7: a grade wished for or forecast ("aims to be rated good next time", "hopes to become outstanding", "is
# expected to be judged good", "determined to get to good"): a verb of intent, "to", a verb of being or reaching.
_INTENDED = re.compile(rf"\b(?:aim(?:s|ed|ing)?|want(?:s|ed|ing)?|hop(?:e|es|ed|ing)|plan(?:s|ned|ning)?|intend(?:s|ed|ing)?"
                       rf"|expect(?:s|ed|ing)?|determined|striv(?:e|es|ing)|keen|bid(?:s|ding)?|push(?:es|ed|ing)?"
                       rf"|work(?:s|ed|ing)?(?:\s+hard)?|set|on\s+course|on\s+track|likely|unlikely|needs?|has|have)\s+"
                       # round 8: the intent's object may come first ("want the service to be seen as outstanding")
                       rf"(?:(?:the|its|their|our|this|that|it|them|children['’]s|services?|council|department|authority"
                       rf"|borough|county|city|work|team|teams)\s+){{0,4}}to\s+"
                       rf"(?:(?:be|become|get|getting|achieve|reach|gain|secure|earn|win|move|go|climb|rise|to|up|from)\s+)+"
                       rf"(?:(?:{_NAMED_AS}|an?|the|at\s+least|overall|as)\s+){{0,3}}{_QUOTE}$"
                       # a modal future: "will be rated good", "could become outstanding" ("would" is left out: it
                       # also reports speech, "inspectors said it would be rated good")
                       # round 8: also what a grade needs ("before the work can be called good", "must be rated
                       # good", "cannot yet be described as good"); "can now be called good" states it and is kept
                       rf"|\b(?:will|could|might|may|should|shall|can|cannot|can['’]t|must)\s+(?:not\s+|yet\s+|ever\s+|"
                       rf"truly\s+|really\s+|fairly\s+|safely\s+|only\s+)*(?:(?:be|become|get|reach|achieve)\s+)+"
                       rf"(?:(?:{_NAMED_AS}|an?|the|at\s+least|overall|as)\s+){{0,3}}{_QUOTE}$"
                       # a modal question or condition, subject after the verb ("only then can the department be
                       # considered good", "could the service be rated outstanding?")
                       rf"|\b(?:will|could|might|may|should|can|must)\s+(?:the|its|their|this|that|it|they)\b[^,.;:!?]{{0,40}}?"
                       rf"\bbe\s+(?:(?:{_NAMED_AS}|an?|the|at\s+least|overall|as)\s+){{1,3}}{_QUOTE}$", re.IGNORECASE)
_INTENDED_GATE = re.compile(r"\bto\s|will|could|might|may|should|shall|can|must", re.IGNORECASE)
# round 8: every form of "requires improvement" ("rated requiring improvement or inadequate")
_GRADE_WORD = r"(?:outstanding|good|adequate|requir(?:es|e|ing)\s+improvement|inadequate)"
# "rated inadequate or requires improvement": two grades offered as alternatives describe a group, not a council.
_ALTERNATIVE_AFTER = re.compile(rf"^{_QUOTE}\s*,?\s+or\s+{_QUOTE}{_GRADE_WORD}\b", re.IGNORECASE)
_ALTERNATIVE_BEFORE = re.compile(rf"\b{_GRADE_WORD}{_QUOTE}\s*,?\s+or\s+{_QUOTE}$", re.IGNORECASE)


# Round 23: the grade left may be named through its rating noun ("risen from a rating of 'requires
# improvement' to 'good'") or qualified by an adverb ("gone from systemically inadequate to good"); the round 7 list
# above names neither. Only after "from": "not only good" is no adverb of a grade left.
_FROM_NAMED = re.compile(rf"\bfrom\s+(?:(?:(?:an?|the|its|their)\s+)?(?:(?:Ofsted|inspection)['’]?s?\s+)?"
                         rf"(?:rating|grade|judgement|verdict|label)\s+of\s+|(?:being\s+)?[a-z]+ly\s+){_QUOTE}$",
                         re.IGNORECASE)


# Round 32: a grade named through its rating noun, the noun with an adjective ("from an overall grade of", "to a
# grade of", "from its previous rating of"); movement.py reads the same words.
RATING_NOUN_OF = (r"(?:(?:an?|the|its|their)\s+)?(?:(?:Ofsted|inspection)['’]?s?\s+)?"
                  r"(?:(?:overall|previous|earlier|former|old|last|existing|lowest|bottom)\s+)?"
                  r"(?:rating|grade|judgement|judgment|verdict|label)\s+of\s+")
_FROM_NAMED_32 = re.compile(rf"\bfrom\s+{RATING_NOUN_OF}{_QUOTE}$", re.IGNORECASE)


def left_behind(before: str) -> bool:
    """The grade is one the council has left ("no longer", "moved out of", "shaken off its … rating")."""
    return bool(_NEGATED.search(before) or "longer" in before and _NO_LONGER.search(before) or _LEFT_BEHIND.search(before)
                or settings.ROUND23_FROM_RATING_OF and "from" in before and _FROM_NAMED.search(before)
                or settings.ROUND32_RATING_NOUN_MOVES and "from" in before and _FROM_NAMED_32.search(before))


def shed_by_action(before: str) -> bool:
    """The grade is one an action removed ("shaken off its", "lifted the council's", "lost its"): unlike
    `left_behind`, never a bare "not" or "from", which need more context to mean a change of grade."""
    return bool(_LEFT_BEHIND.search(before))


# Round 7: "for the first time since 2009", "the best since 2012": a year that measures how new the grade is.
_FIRST_SINCE = re.compile(r"^\W*(?:(?:for|in)\s+)?(?:the|its|their)\s+(?:first|highest|best|lowest|worst)\s+(?:[\w-]+\s+){0,2}?"
                          r"(?:since|in)\b", re.IGNORECASE)
# ", and in 2019 inspectors…", "; then in 2021": a conjunction after a comma starts a clause of its own.
_NEW_CLAUSE = re.compile(r",\s*(?:and|but|while|then|before|after|when|although|though)\b", re.IGNORECASE)


_COMPARED = r"\b(?:against|than|versus|compared\s+(?:with|to))\b"


def is_past(before: str, after: str) -> bool:
    """The grade belongs to an earlier inspection ("previously judged", "rated good in 2012", "the 2017 verdict")."""
    clause = re.split(r",|;|\bbut\b|\bnow\b", before)[-1]
    year_after = _PAST_YEAR_AFTER.match(after)
    if year_after and re.search(rf"\b{_GRADE_WORD}\b|\bfrom\b|{_COMPARED}", after[:year_after.start(1)], re.IGNORECASE):
        year_after = None  # "rated 'requires improvement', down from 'good' in 2018": the year is the other grade's
        # round 13: so is a compared figure's ("nine held four stars, against 12 in 2007", q35 "against 22 when it
        # began in 2002", s20 "better than in 2012", q26 "from 16% in 2006")
    if year_after and _FIRST_SINCE.match(after):
        year_after = None  # "rated good, the first time since 2009 that …": a record reached now, not a past grade
    if year_after and _NEW_CLAUSE.search(after[:year_after.start(1)]):
        year_after = None  # "moved it up to requires improvement, and in 2019 inspectors found…": the next clause's year
    past_word = _PAST_WORDS.search(clause)
    if past_word and settings.ROUND30_ONCE_AGAIN and past_word.group(0).lower() == "once" \
            and _AGAIN.match(clause[past_word.end():]):
        past_word = _PAST_WORDS.search(clause, past_word.end())  # round 30: "once again rated" is a repeat, now
    if past_word and past_word.group(0).lower().startswith("after") and reacts_to(clause[:past_word.start()]):
        past_word = None  # round 23: "has apologised after it was rated inadequate": the after-clause is the news
    if past_word and re.match(r"had (?!been)", past_word.group(0), re.IGNORECASE) and _REPORTED.search(clause[:past_word.start()]):
        past_word = None  # "Members heard that inspectors had judged …": reported speech shifts the tense back
    return bool(past_word or year_after or _PAST_YEAR_BEFORE.search(before) or _SINCE_YEAR.search(clause)
                or in_earlier_clause(before))


def in_earlier_clause(head: str) -> bool:
    """The grade ends a temporal clause about an earlier judgement ("two years after the council's services were
    judged inadequate"); `head` may be longer than the usual window, the clause is read up to a comma or ";"."""
    if "fter" not in head and "efore" not in head:
        return False  # cheap gate: no temporal conjunction at all
    clause = re.split(r",|;|\bbut\b|\bnow\b", head)[-1]
    match = _AFTER_SUBJECT_WAS.search(clause)
    return bool(match) and match.group("conjunction").lower() != "since" and not reacts_to(clause[:match.start()])


# Round 23: a main clause that reacts to the news ("East Ham Council has apologised after …", "bosses were delighted
# after …", "the director resigned after …"): its "after" clause is the news itself, not a grade before it. A
# clause about time ("two years after …") or one that opens the sentence keeps the round 7 reading.
_REACTION = re.compile(r"\b(?:apologi[sz](?:e|es|ed|ing)|sa(?:y|ys|id|ying)\s+sorry|welcom(?:e|es|ed|ing)|celebrat(?:e|es|ed|ing)"
                       r"|vow(?:s|ed|ing)?|pledg(?:e|es|ed|ing)|promis(?:e|es|ed|ing)|respond(?:s|ed|ing)?|react(?:s|ed|ing)?"
                       r"|hit(?:s|ting)?\s+back|sp(?:oke|oken|eaks?|eaking)\s+out|defend(?:s|ed|ing)?|resign(?:s|ed|ing)?"
                       r"|quit(?:s|ting)?|step(?:s|ped|ping)?\s+down|delighted|pleased|disappointed|proud|shocked"
                       r"|praised|critici[sz]ed|condemned)\b(?:\s+[\w'’-]+){0,5}?\s+$", re.IGNORECASE)


def reacts_to(head: str) -> bool:
    """The words before an "after" clause end a main clause that reacts to the news in it (round 23)."""
    return bool(settings.ROUND23_REACTION and _REACTION.search(head) and not re.search(r"\d", head[-12:]))


_AFTER_WORD = re.compile(r"\bafter\s+", re.IGNORECASE)


def news_clause_start(head: str) -> int:
    """Round 23: where the "after" clause that ends `head` begins when a reaction governs it ("has apologised after
    its services were rated …"): the clause is then read as the news itself; -1 when there is none."""
    if not settings.ROUND23_REACTION or "fter" not in head:
        return -1
    clause_at = max((m.end() for m in re.finditer(r",|;|\bbut\b|\bnow\b", head)), default=0)
    found = list(_AFTER_WORD.finditer(head, clause_at))
    if not found or not reacts_to(head[clause_at:found[-1].start()]):
        return -1
    return found[-1].end()


_SINCE_BEING = re.compile(r"\bsince\s+(?:being|having\s+been)\s+(?:rated|judged|graded|found|deemed|branded|labell?ed"
                          r"|declared|classed)\s+(?:as\s+|to\s+be\s+)?['‘“\"]?$", re.IGNORECASE)


def since_clause(head: str) -> bool:
    """Round 9: the grade ends a "since" clause ("its fourth visit since the council's services were rated
    inadequate", "since being judged inadequate"): the start of a state that lasts to now, so the council's standing
    grade until a newer one is stated, where "after" and "before" put it in the past."""
    if "ince" not in head:
        return False
    clause = re.split(r",|;|\bbut\b|\bnow\b", head)[-1]
    match = _AFTER_SUBJECT_WAS.search(clause)
    return bool(match and match.group("conjunction").lower() == "since" or _SINCE_BEING.search(clause))


# Round 33: the clause's subject is one or some of other councils the sentence named ("two other councils in a similar
# position, one of which has now moved out of 'inadequate'").
_ONE_OF_OTHERS = re.compile(r"\b(?:one|some|two|three|several|many|both|all|each|most)\s+of\s+"
                            r"(?:which|whom|them|those|these)\b[^,;.]{0,40}$", re.IGNORECASE)


def about_others(head: str) -> bool:
    """Round 33: the words before a grade or a movement make its subject "one of which", "two of them": others'."""
    return bool(_ONE_OF_OTHERS.search(head))


# Round 33: "the first (inspection) since it was rated inadequate in 2012": a newer inspection stands after that grade.
_COUNTED_SINCE = re.compile(rf"\b(?:{'|'.join(ORDINALS)}|\d+(?:st|nd|rd|th)|latest|new)\b(?:\s+[\w'’-]+){{0,5}}"
                            r"\s+since\b[^,;]*$", re.IGNORECASE)


# "services had significantly deteriorated since it was rated good in 2012": a fall from the grade, which no longer
# stands.
_DECLINED_SINCE = re.compile(r"\b(?:deteriorat\w*|declin\w*|worsen\w*|got\s+worse|slipp\w*|fall(?:en)?|fell|dropp\w*"
                             r"|went\s+downhill|gone\s+downhill)\b[^,;]*\bsince\b[^,;]*$", re.IGNORECASE)


def since_dated(head: str, after: str) -> bool:
    """Round 33: the grade ends a since-clause and only the year after it made it past ("support has strengthened
    since it was rated as requiring improvement in 2024"): the standing grade from that year, as in since_clause."""
    return (since_clause(head) and bool(_PAST_YEAR_AFTER.match(after)) and not is_past(head[-60:], "")
            and not _COUNTED_SINCE.search(head) and not _DECLINED_SINCE.search(head))


# A reporting verb and "that": what follows is reported speech, its "had judged" the report's own judgement.
_REPORTED = re.compile(r"\b(?:heard|told|said|reported|noted|explained|learned|learnt|informed|confirmed|announced)\b"
                       r"(?:\s+[\w'’]+){0,3}\s+that\b[^,;]*$", re.IGNORECASE)


# "At its previous inspection, in 2011, the service was judged…", "the last full inspection, in 2019, graded…",
# "since the previous inspection four years earlier, which rated the service adequate": a grade the sentence gives
# to an earlier inspection. "Since the last inspection, services have become good" is about the new one.
_EARLIER_INSPECTION = re.compile(r"(?P<since>\bsince\s+)?\b(?:the|its|their|an?)\s+(?P<which>previous|last|earlier|prior)\s+"
                                 r"(?:[\w-]+\s+){0,2}?(?:inspections?|visits?|reports?|assessments?)\b(?P<rest>[^;]*)$",
                                 re.IGNORECASE)
_NOW_WORDS = re.compile(r"\b(now|new|latest|but|currently|today|this time)\b", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(which|when|that|where)\b", re.IGNORECASE)


def given_by_earlier_inspection(head: str) -> str:
    """'previous' when the sentence up to the grade (`head`) gives it to an earlier inspection; 'last' when to the
    council's last inspection, which is the standing grade unless the article reports a newer one; else ''."""
    match = _EARLIER_INSPECTION.search(head)
    if not match or _NOW_WORDS.search(match.group("rest")):
        return ""
    if _ends_a_movement(head):
        return ""  # "judged inadequate at the previous inspection, have improved to": the earlier grade was named
    if match.group("since") and not _RELATIVE.search(match.group("rest")):
        return ""
    return "last" if match.group("which").lower() == "last" else "previous"


# The inspection named right after the grade: "rated inadequate at its previous inspection", "judged good in its last
# full inspection", "inadequate when it was last inspected" ("in its latest inspection" is the new one).
_EARLIER_INSPECTION_AFTER = re.compile(
    r"^['’”\"]?\s*,?\s*(?:(?:at|in|during|by|after|following)\s+(?:its|their|the|an?)\s+(?P<which>previous|last|earlier|prior"
    r"|most recent)\s+(?:[\w-]+\s+){0,2}?(?:inspections?|visits?|assessments?)\b"
    r"|when\s+(?:it|they|the council|the service|inspectors)\s+(?:was|were)?\s*(?P<last>last)\s+(?:inspected|visited|assessed)\b)",
    re.IGNORECASE)


# Round 31 (real page text): the grade's rating noun between the grade and the earlier inspection ("an 'Inadequate'
# rating following the last two inspections", "a 'good' grade at its last inspection"); a count of inspections may
# stand before the noun ("the last two inspections").
_EARLIER_INSPECTION_AFTER_NOUN = re.compile(
    r"^['’”\"]?\s*(?:rating|grade|judge?ment|verdict|label)s?\s*,?\s*(?:at|in|during|by|after|following)\s+"
    r"(?:its|their|the|an?)\s+(?P<which>previous|last|earlier|prior|most recent)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:inspections?|visits?|assessments?)\b", re.IGNORECASE)


def given_by_earlier_inspection_after(after: str) -> str:
    """'previous' when the words after a grade give it to an earlier inspection ("at its previous inspection"),
    'last' when to the last one (the standing grade unless a newer one is stated), else ''."""
    match = _EARLIER_INSPECTION_AFTER.match(after)
    if not match and settings.ROUND31_RATING_AT_EARLIER:
        match = _EARLIER_INSPECTION_AFTER_NOUN.match(after)
    if not match:
        return ""
    which = (match.group("which") or match.group("last")).lower()
    return "last" if which in ("last", "most recent") else "previous"


# "In May 2013 the verdict was…", "Before the company launched in 2019, inspectors raised the grade to…"
_DATED_HEAD = re.compile(r"\b(?:in|during|by|before|after|until|as (?:late|recently|early|long ago) as"
                         r"|at the (?:end|start|beginning|turn|close) of)\s+(?:(?:early|late|mid|the (?:spring|summer|autumn|winter)"
                         r" of)[\s-]+)?(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\b(?![^;]*\b(?:now|new|latest|currently|today)\b)",
                         re.IGNORECASE)


# Round 7: "The 2018 inspection rated …", "Ofsted's 2015 report had judged …": an inspection named by its year.
_DATED_REPORT = re.compile(r"\b(?:19|20)\d\d\s+(?:full\s+)?(?:inspections?|reports?|visits?|verdicts?|judgements?|ratings?"
                           r"|assessments?)\b(?![^;]*\b(?:now|new|latest|currently|today)\b)", re.IGNORECASE)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|its|their|an?|[\w-]+['’]s)\s+$", re.IGNORECASE)


def _dated_report(head: str) -> bool:
    """The sentence names an inspection or report by its year after a determiner ("the 2018 inspection")."""
    return any(_DETERMINER_BEFORE.search(head, max(0, m.start() - 40), m.start()) for m in _DATED_REPORT.finditer(head))


# Round 26 (old26, settings.ROUND26_RELATIVE_YEAR): a relative clause on the subject, closed by a comma before the
# grade's verb, dates the subject, not the grade: "The service, which ministers took over in 2009, was given
# 'adequate'"; "The council, whose services were rated inadequate in 2015, is now rated outstanding". Not a clause on
# the inspectorate or its inspection ("Inspectors, who visited in May 2016, rated it good"): that year is the grade's.
_RELATIVE_CLAUSE = re.compile(r"(?<!\bOfsted)(?<!\bOfsted,)(?<!inspectors)(?<!inspectors,)(?<!inspection)(?<!inspection,)"
                              r"(?<!watchdog)(?<!watchdog,)(?<!report)(?<!report,)(?<!visit)(?<!visit,)"
                              r"\s\b(?:which|who|whose)\b[^,;.:()]*?,", re.IGNORECASE)


def dated_in_sentence(head: str) -> str:
    """'last' when the sentence places the grade that follows in a stated year: the grade the council held then,
    which is its standing grade only when the article states no newer one."""
    if _ends_a_movement(head):
        return ""  # "ranked inadequate in 2012, have moved up to": the year is the grade left's, this one is the end
    if settings.ROUND26_RELATIVE_YEAR:
        head = _RELATIVE_CLAUSE.sub(" ", head)
    movement = _FROM_TO.search(head)
    if movement:
        head = head[:movement.start()]  # "up from the 'good' it gave in 2020 to 'outstanding'": 2020 is the old grade's
    return "last" if _DATED_HEAD.search(head) or _dated_report(head) else ""


# The grade is the destination of a movement: "from 'good' in 2020 to", "from the grade it got in 2019 up to".
_FROM_TO = re.compile(r"\bfrom\b[^;.]*?\b(?:to|into)\s+(?:an?\s+|the\s+)?['‘“\"]?$", re.IGNORECASE)


# Round 7: a movement verb ending at the grade ("have moved up to", "was upgraded to", "has since slipped to"): the grade
# is the movement's end state; a year the sentence gave an earlier grade is that grade's.
_MOVE_VERB_TO = (r"\b(?:mov(?:ed|es|ing)|r(?:ose|isen|ises|ising)|climb(?:ed|s|ing)|improv(?:ed|es|ing)|upgraded"
                 r"|downgraded|promoted|raised|lifted|upped|gone|went|fallen|fell|dropp(?:ed|ing)|slipp(?:ed|ing)"
                 r"|sunk|sank|declin(?:ed|ing)|jump(?:ed|ing)|progress(?:ed|ing))\s+(?:(?:up|down|back|since|again)\s+){0,2}"
                 r"(?:to|into)\s+")
_MOVED_TO = re.compile(_MOVE_VERB_TO + r"(?:an?\s+|the\s+)?['‘“\"]?$", re.IGNORECASE)
# Round 32: the end named through its rating noun ("moved up to a grade of", "upgraded to an overall rating of").
_TO_NAMED_32 = re.compile(_MOVE_VERB_TO + RATING_NOUN_OF + r"['‘“\"]?$", re.IGNORECASE)


def _ends_a_movement(head: str) -> bool:
    """The sentence up to a grade names an earlier grade and then a movement to this one ("ranked inadequate in
    2012, have moved up to"): what it says of the earlier grade (a year, an inspection) is not this grade's."""
    moved = _MOVED_TO.search(head, max(0, len(head) - 80))  # the verb ends at the grade: read the end only
    if not moved and settings.ROUND32_RATING_NOUN_MOVES:
        moved = _TO_NAMED_32.search(head, max(0, len(head) - 100))
    return bool(moved and re.search(rf"\b{_GRADE_WORD}\b", head[:moved.start()], re.IGNORECASE))


def is_destination(before: str) -> bool:
    """The grade is where a movement verb ends ("have been upgraded to", "has since slipped to")."""
    return bool(_MOVED_TO.search(before) or settings.ROUND32_RATING_NOUN_MOVES and _TO_NAMED_32.search(before))


# Round 6: "the share rated outstanding fell …", "the proportion of councils judged good": a share, not a grade.
_SHARE = re.compile(rf"\b(?:the|a|its)\s+(?:share|proportion|percentage|fraction|number)\s+(?:of\s+(?:[\w-]+\s+){{0,2}}?)?"
                    rf"(?:rated|judged|graded|found|deemed)\s+(?:as\s+)?{_QUOTE}$", re.IGNORECASE)


# Round 26: a quantity is the grade's subject, whatever verb hands the grade ("the number of authorities marked down
# as inadequate", "the number achieving an overall four-star rating", "35% (…) of all authorities inspected were
# found" inadequate, "5 have resulted in an 'inadequate' rating"): the clause counts councils or inspections.
_QUANTITY_OPENS = (r"(?:^|[,;:(–—-]\s*(?:with\s+)?|\bthat\s+|\band\s+"
                   r"|\b(?:said|says|found|finds|show(?:s|ed)?|meant|means|reported|reports)\s+)")
_QUANTITY_SUBJECT = re.compile(
    rf"{_QUANTITY_OPENS}"
    rf"(?:the|a|its)\s+(?:share|proportion|percentage|fraction|number)\b(?:\s+(?:of|achieving|given|getting|with|holding"
    rf"|receiving|awarded|marked|judged|rated|found))?"
    rf"(?:\s+(?!(?:is|was|were|are|has|have|had|fell|rose|falls|rises|and|but|while|whereas|although)\b)[\w'’-]+)"
    rf"{{0,6}}?\s+(?:an?\s+)?{_QUOTE}$"
    rf"|{_QUANTITY_OPENS}(?:\d+|{_NUMBER})(?:\s*%|\s+per\s*cent)?(?:\s*\([^()]{{1,40}}\))?\s+"
    rf"(?:of\s+(?:the\s+|all\s+)?(?:\d+\s+)?(?:[\w-]+\s+)?(?:councils|authorities|local authorities|areas|inspections)"
    rf"(?:\s+(?:inspected|assessed|reviewed))?\s+)?"
    rf"(?:have|has|had)\s+(?:resulted|ended)\s+(?:in|with)\s+(?:an?\s+)?{_QUOTE}$"
    rf"|{_QUANTITY_OPENS}(?:\d+|{_NUMBER})(?:\s*%|\s+per\s*cent)(?:\s*\([^()]{{1,40}}\))?\s+"
    rf"of\s+(?:the\s+|all\s+)?(?:\d+\s+)?(?:councils|authorities|local authorities|areas|inspections)"
    rf"(?:\s+(?:inspected|assessed|reviewed))?\s+(?:were|was|are|is|have\s+been|had\s+been)\s+"
    rf"(?:(?:found|judged|rated|graded|deemed|said)\s+)?(?:(?:to\s+be|as)\s+)?{_QUOTE}$", re.IGNORECASE)


def is_tally(before: str) -> bool:
    """The grade follows a count of councils ("seven inadequate", "10 were rated good"), names a share of them
    ("the share rated outstanding") or, round 26, has a quantity as its subject ("the number marked down as")."""
    return bool(_TALLY.search(before) or _SHARE.search(before)
                or settings.ROUND31_TALLY_NAMING and _TALLY_NAMED.search(before)
                or settings.ROUND26_QUANTITY_TALLY and _QUANTITY_SUBJECT.search(before))


# "Fifty-six councils, almost half, …", "with 20 councils (a third) rated good", "one department in five was
# inadequate": a sentence that counts councils describes a group, never one council named elsewhere.
_COUNTS_COUNCILS = re.compile(rf"(?<!the )(?<!these )(?<!those )(?<!all )(?<!both )\b(?:{_NUMBER})\s+(?:[\w-]+\s+)?"
                              rf"(?:councils|authorities|local authorities|departments|boroughs|LAs)\b"
                              rf"|\bone\s+(?:council|authority|department|area)\s+in\s+(?:every\s+)?\w+\b"
                              rf"|\b(?:not (?:one|a single)|no|none of the)\s+(?:councils?|authorit(?:y|ies)|departments?)\b"
                              # round 11: a share of the councils that the grade then describes ("almost a third of the
                              # 149 councils assessed provide inadequate services", "three in four of the councils
                              # inspected were graded …"); "one of the councils" is a member, not a share, and a share
                              # after the grade ("requires improvement, the grade of half of the councils") compares
                              rf"|\b(?!one\s+of\b)(?:{_NUMBER}|\w+\s+in\s+\w+|the\s+majority|a\s+minority)\s+of\s+"
                              rf"(?:the\s+|all\s+)?(?:\d+\s+)?(?:English\s+)?"
                              rf"(?:councils|authorities|local authorities|departments|boroughs|LAs)\b"
                              rf"(?=[^.;:]{{0,120}}?\b(?:inadequate|outstanding|good|requir\w+ improvement|adequate)\b)",
                              re.IGNORECASE)


# "Of 20 councils inspected, it was the only one rated outstanding": the article's own council is in the sentence.
_OWN_COUNCIL = re.compile(r"\b(?:it|its|the council|the authority|the borough|the county|the city)\b", re.IGNORECASE)


def counts_councils(sentence: str) -> bool:
    """The sentence counts councils ("56 councils require improvement", "one department in five") and does not
    also speak of the article's own council ("it", "the council")."""
    counted = _COUNTS_COUNCILS.search(sentence) or settings.ROUND26_QUANTITY_TALLY and _SHARE_OF_COUNCILS.search(sentence)
    return bool(counted) and not _OWN_COUNCIL.search(sentence)


# Round 26: a percentage of the councils, an aside between ("35% (yes, over a third) of all authorities inspected").
_SHARE_OF_COUNCILS = re.compile(r"\b\d+(?:\.\d+)?(?:\s*%|\s+per\s*cent)(?:\s*\([^()]{1,40}\))?\s+of\s+(?:the\s+|all\s+)?"
                                r"(?:\d+\s+)?(?:English\s+)?(?:councils|authorities|local authorities|departments|boroughs|LAs)\b",
                                re.IGNORECASE)


# Round 23: a verb of reaching as the gerund of a time clause names a grade reached, not an aim ("a milestone after
# achieving a 'good' rating", "since reaching outstanding"). Not "on": "focus on achieving the highest rating" aims.
_REACHED_GERUND = re.compile(r"\b(?:after|since)\s+(?:finally\s+)?(?:achieving|reaching|becoming)\s+", re.IGNORECASE)
_OPENS_REACHED = re.compile(r"(?:finally\s+)?(?:achieving|reaching|becoming)\s+", re.IGNORECASE)


def opens_with_reaching(clause: str) -> bool:
    """An "after" clause (its conjunction cut off) that opens with a gerund of reaching: "achieving a good rating"."""
    return bool(settings.ROUND23_REACHED_GERUND and _OPENS_REACHED.match(clause))


def is_target(before: str) -> bool:
    """The grade is a comparison or an aim ("below good", "aim to become outstanding")."""
    target = _TARGET.search(before)
    if target and settings.ROUND30_ONCE_AGAIN and target.group(0).lower().startswith("once") \
            and _AGAIN.match(before[target.start() + 4:]):
        target = _TARGET.search(before, target.start() + 4)  # round 30: "once again rated": a repeat, not a time to come
    if target and settings.ROUND23_REACHED_GERUND and _REACHED_GERUND.search(before, max(0, target.start() - 16),
                                                                             target.end()):
        target = None  # "after achieving a good rating": reached
    return bool(target or _INTENDED_GATE.search(before) and _INTENDED.search(before))


# Round 8: a hope or expectation with its own clause ("The council hopes that, were Ofsted to return in a year, it
# would be judged 'good'", "is confident the service will be rated outstanding"): a long window, so read apart.
_HOPED_THAT = re.compile(rf"\b(?:hop(?:e|es|ed|ing)|expect(?:s|ed|ing)?|aim(?:s|ed)?|plan(?:s|ned)?|intend(?:s|ed)?"
                         rf"|confident|optimistic|determined|wish(?:es|ed)?)\s+(?:that\b)?[^.;:!?]{{0,110}}?"
                         rf"\b(?:would|will|could|can|might|may|should)\s+(?:not\s+|then\s+|soon\s+|one\s+day\s+)?"
                         rf"(?:(?:be|become|get|reach|achieve)\s+)+(?:(?:{_NAMED_AS}|an?|the|at\s+least|overall|as)\s+){{0,3}}"
                         rf"{_QUOTE}$", re.IGNORECASE)


def hoped_for(before: str) -> bool:
    """The grade is what someone hopes or expects a future inspection to give (`before` up to ~160 characters)."""
    return ("would" in before or "will" in before or "could" in before or "can" in before or "might" in before
            or "may" in before or "should" in before) and bool(_HOPED_THAT.search(before))


# Round 28 (sevwrong28): the same with a closing quotation mark after the first grade ("half of them hold ‘good’ or
# ‘outstanding’", "judged “inadequate” or “requires improvement”"), which `_QUOTE` (opening marks only) did not read.
_CLOSE = r"['’”\"]?"
_ALTERNATIVE_AFTER_CLOSED = re.compile(rf"^{_CLOSE}\s*,?\s+or\s+{_QUOTE}{_GRADE_WORD}\b", re.IGNORECASE)
_ALTERNATIVE_BEFORE_CLOSED = re.compile(rf"\b{_GRADE_WORD}{_CLOSE}\s*,?\s+or\s+{_QUOTE}$", re.IGNORECASE)


def is_alternative(before: str, after: str) -> bool:
    """The grade is one of two offered together ("inadequate or requires improvement")."""
    if settings.ROUND28_CLOSED_ALTERNATIVES and (_ALTERNATIVE_AFTER_CLOSED.match(after)
                                                 or _ALTERNATIVE_BEFORE_CLOSED.search(before)):
        return True
    return bool(_ALTERNATIVE_AFTER.match(after) or _ALTERNATIVE_BEFORE.search(before))


# "the phrase attached to nearly every inadequate verdict", "any 'good' rating": a grade spoken of in general.
_GENERIC = re.compile(rf"\b(?:(?:nearly|almost|virtually)\s+)?(?:every|any|each)\s+{_QUOTE}$", re.IGNORECASE)
# "Councils judged inadequate are monitored": a class of councils by their grade, not one council's grade.
_CLASS = re.compile(rf"(?:^|[.;:]\s*|\b(?:all|most|many|some)\s+)(?:councils|authorities|local authorities)\s+"
                    rf"(?:that are\s+|which are\s+|once\s+)?(?:rated|judged|graded|found|deemed)\s+{_QUOTE}$"
                    # round 8: a quantified plural with its own words ("most other children's services departments are
                    # rated …", "many other councils were judged …"); never "some of the council's services"
                    rf"|\b(?:all|most|many|several|other|the\s+other)\s+(?:(?!of\b)[\w'’-]+\s+){{0,3}}"
                    rf"(?:councils|authorities|departments)\s+(?:(?:that|which|are|were|have|had|been|now)\s+){{0,2}}"
                    rf"(?:rated|judged|graded|found|deemed)\s+(?:as\s+)?{_QUOTE}$", re.IGNORECASE)
# Round 6: "some English councils have had 'inadequate' child protection": a class, whatever the verb.
_SOME_HAVE = re.compile(rf"\b(?:all|most|many|some|several|a few)\s+(?:English\s+|other\s+)?(?:councils|authorities|local "
                        rf"authorities)\s+(?:have|had|have\s+had|have\s+been\s+given|received)\s+{_QUOTE}$", re.IGNORECASE)
# "A service counts as inadequate when …", "a council is judged outstanding if …": a definition of the grade.
_DEFINES = re.compile(rf"(?:^|[.;:]\s*)(?:an?|the)\s+(?:service|council|authority|local authority|department)\s+"
                      rf"(?:counts\s+as|is\s+(?:counted|classed|rated|judged|graded|deemed)(?:\s+as)?)\s+{_QUOTE}$",
                      re.IGNORECASE)
_DEFINES_AFTER = re.compile(r"^['’”\"]?\s+(?:when|if|where|unless)\b", re.IGNORECASE)
_VERDICT_AFTER = re.compile(r"^['’”\"]?\s+(?:verdicts?|ratings?|grades?|judgements?|councils?|authorit(?:y|ies))\b",
                            re.IGNORECASE)


# Round 12: a council picked out only by a relative clause ("a council whose children's services Ofsted has rated
# inadequate", "any authority that is judged good", "councils which were found inadequate are monitored"): any
# council of that kind, no particular one. Only after a preposition or verb and with no determiner ("the first
# councils whose services were rated outstanding" are particular ones; "A council that inspectors once faulted is now
# rated good" opens a story about one), and the clause may not end at a comma (the main verb's grade follows it).
_ANY_COUNCIL_WHOSE = re.compile(rf"\b(?:to|for|of|on|with|by|from|into|at|in|is|are|was|were|be|as|about|among|than|like)\s+"
                                rf"(?:(?:an?|any|every|each)\s+(?:[\w'’-]+\s+)?(?:council|authority|local\s+authority|department)"
                                rf"|(?:councils|authorities|local\s+authorities|departments))"
                                rf"\s+(?:whose|that|which|where)\b[^.,;:!?]{{0,80}}$", re.IGNORECASE)


def about_any_council(head: str) -> bool:
    """Round 12: the grade ends a relative clause about any council of a kind ("a council whose services are rated
    inadequate"); `head` is the sentence up to the grade (a window longer than the usual one)."""
    return any(word in head for word in ("whose", "that", "which", "where")) and bool(_ANY_COUNCIL_WHOSE.search(head))


# Round 12: an indefinite grade noun with a habitual or modal verb ("an inadequate grade often drives social workers
# away", "a good rating would cost millions"): what such a grade does in general, no one's grade.
_INDEFINITE_BEFORE = re.compile(rf"\ban?\s+{_QUOTE}$", re.IGNORECASE)
_HABITUAL_AFTER = re.compile(r"^['’”\"]?\s+(?:verdicts?|ratings?|grades?|judgements?|labels?)\s+(?:[\w-]+\s+)?"
                             r"(?:often|usually|normally|typically|generally|always|tends?|can|could|may|might|would)\b",
                             re.IGNORECASE)


def is_generic(before: str, after: str) -> bool:
    """The grade is spoken of in general ("nearly every inadequate verdict"), not given to anyone."""
    return bool(_GENERIC.search(before) and _VERDICT_AFTER.match(after) or _CLASS.search(before)
                or _INDEFINITE_BEFORE.search(before) and _HABITUAL_AFTER.match(after)
                or _SOME_HAVE.search(before) or _DEFINES.search(before) and _DEFINES_AFTER.match(after)
                or _CLASS_AFTER.match(after) and re.search(r"\b(?:the|these|those|in|of|for)\s+['‘“\"]?$", before, re.IGNORECASE)
                and not re.search(r"\b(?:one|two|three|four|five)\s+of\s+the\s+\S*$|\bamong\s+the\s+\S*$", before,
                                  re.IGNORECASE))  # "Kent is one of the outstanding councils": Kent's grade


# "In the inadequate councils, …", "the outstanding authorities share …": a grade naming a class of councils; "the
# inadequate councils were A, B and C" introduces a list and is kept.
_CLASS_AFTER = re.compile(r"^['’”\"]?\s+(?:local\s+)?(?:councils|authorities|departments|boroughs|areas)\b"
                          # round 7: a time phrase may come between ("the inadequate councils this year are A, B")
                          r"(?!\s*(?:(?:this|last|next|in)\s+(?:year|month|round|time|\d{4})\s*,?\s*)?"
                          r"(?::|are\b|were\b|include|included|being\b|[-–—]))", re.IGNORECASE)


# Round 12: a negative subject ("no part of the service is now inadequate", "none of the areas was judged good",
# "nothing was found inadequate", "not one council was inadequate", "no other council is outstanding"): the clause
# denies the grade of everything it names, so it grades no one. The subject runs to its verb within one clause.
_NEGATIVE_SUBJECT = re.compile(rf"\b(?:no|none|nothing|neither|not\s+(?:one|a\s+single|any))\b(?!\s+(?:longer|doubt|question"
                               rf"|wonder|surprise|matter|sooner)\b)"
                               rf"(?:\s+(?!(?:and|but|while|whereas|because|though|although|which|who)\b)[\w'’-]+){{0,7}}?\s+"
                               rf"(?:is|was|are|were|has\s+been|have\s+been|had\s+been|remains?|remained)\s+"
                               rf"(?:(?:now|still|yet|any\s+longer|currently|rated|judged|graded|found|considered|deemed"
                               rf"|described|regarded|classed|seen|as|to\s+be|being)\s+){{0,3}}{_QUOTE}$", re.IGNORECASE)


def negated(before: str) -> bool:
    """The grade is denied of a negative subject ("no part of the service is inadequate"): it grades no one."""
    clause = re.split(r"[,;:]|\b(?:but|and|while|whereas)\b", before)[-1]
    return bool(_NEGATIVE_SUBJECT.search(clause))


def not_current(before: str, after: str) -> str:
    """Why a grade is not a current judgement ('' when it may be one)."""
    for reason, test in (("left behind", lambda: left_behind(before)), ("negated", lambda: negated(before)),
                         ("past", lambda: is_past(before, after)),
                         ("generic", lambda: is_generic(before, after)),
                         ("tally", lambda: is_tally(before)), ("target", lambda: is_target(before)),
                         ("alternative", lambda: is_alternative(before, after))):
        if test():
            return reason
    return ""
