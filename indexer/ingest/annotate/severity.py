"""The overall Ofsted grade a document reports, per council, and the sub-judgements of a report's table."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from indexer import numbers, settings
from indexer.ingest.annotate.aim_chains import chained_to, gets_object_to
from indexer.ingest.annotate.aims import aimed_at
from indexer.ingest.annotate.grade_roles import aim_object, area_complement, attributive, past_span
from indexer.ingest.annotate.grade_context import (about_any_council, dated_in_sentence, given_by_earlier_inspection,
                                                  given_by_earlier_inspection_after, in_earlier_clause, is_destination,
                                                  hoped_for, left_behind, news_clause_start, not_current, opens_with_reaching,
                                                  since_clause, since_dated)
from indexer.grades import BY_NUMBER, GRADE_PATTERN, REPORT_WORDS, grade_of_match, is_cued_word, normalise_grade, worst_grade
from indexer.ingest.annotate.not_yet import not_yet_good
from indexer.ingest.annotate.scale import names_the_scale
from indexer.ingest.annotate.scan import grade_matches

_G = rf"({REPORT_WORDS})"
# Report judgement tables and summaries, strongest first.
REPORT_OVERALL_PATTERNS = [
    re.compile(rf"^Overall effectiveness[:\s–-]*(?:Grade \d\s*\()?{_G}\b", re.IGNORECASE | re.MULTILINE),
    re.compile(rf"\boverall judgement is\s+{_G}", re.IGNORECASE),
    re.compile(rf"Children['’]s services in [^\n.]{{2,60}}? (?:are|is|were)\s+{_G}", re.IGNORECASE),
    re.compile(rf"Children['’]s services in [^\n.]{{2,60}}? ({_G[1:-1]}|requires? improvement)", re.IGNORECASE),
    re.compile(rf"Overall effectiveness of services[^\n]{{0,160}}\n?[^\n]{{0,40}}?(?:Grade \d\s*\()?{_G}\b",
               re.IGNORECASE),
    re.compile(rf"overall effectiveness (?:of [^.\n]{{0,120}} )?is\s+{_G}", re.IGNORECASE),
]
SUBJUDGEMENT_PATTERNS = {
    "leadership": re.compile(rf"(?:impact of leaders on social work practice[^\n]{{0,60}}?|Leadership, management and governance\s*){_G}", re.IGNORECASE),
    "help_and_protection": re.compile(rf"(?:children who need help and\s*protection|help and protection)[:\s]*{_G}", re.IGNORECASE),
    "children_in_care": re.compile(rf"(?:progress of children in care(?: and care leavers)?|Children looked after and achieving permanence)[:\s]*{_G}", re.IGNORECASE),
    "care_leavers": re.compile(rf"(?:progress of care leavers|Experiences and progress of care leavers)[:\s]*{_G}", re.IGNORECASE),
}
_RATING_CUE = re.compile(
    # round 8: "rate(s)" is a verb only when no verb follows it ("staff turnover rates remain high and good managers
    # leave" grades nothing)
    r"\b(rated|rates?(?!\s+(?:remain|remains|are|were|is|was|have|has|had|of|for|fell|rose|increased|decreased"
    r"|dropped|among|in|across)\b)|rating|judged|judges|judge|judgement|graded|grade|overall|found (?:it |them |the \w+ )?to be|deemed|branded|labelled"
    r"|declared|classed|verdict|effectiveness|as|were|was|is|are|been|be|remains?|stamped|upgraded|downgraded)"
    # round 8: the words between may not start a new clause ("turnover remains high and good managers leave")
    # (a verb or "now" after "and" goes on with the same subject: "its inadequate rating and now requires …")
    r"\b\W+(?:(?!(?:and|but|while|whereas)(?:\W*$|\s+(?!(?:now|still|is|was|are|were|remains?|has|have|had|been|then"
    r"|so)\b)(?-i:[a-z])))\w+\W+){0,3}$"
    # round 7: every verb of a movement cues the grade it reaches ("climbed two grades to good", "slipped to …");
    # round 8: only where it reaches it, through "to", "into" or "as" ("morale declined, and good social workers
    # left" and "standards slipped in some good teams" grade nothing)
    r"|\b(?:improved|raised|rose|risen|moved|dropped|fell|fallen|climbed|climbs|slipped|slips|sank|sunk|jumped"
    r"|promoted|lifted|upped|declined|gone|went)\b(?:\W+\w+){0,3}?\W+(?:to|into|as)\W+(?:(?:the|an?)\W+)?$",
    re.IGNORECASE,
)
# "an outstanding rating", "the 'good' grade it received"
_RATING_AFTER = re.compile(r"^\W{0,3}(ratings?|grades?|judgements?|verdicts?|overall|by ofsted|from ofsted|by inspectors)\b",
                           re.IGNORECASE)
# A rating verb, its object (the service or council), then the grade: "now rates the council's children's services
# good", "rated the children's services of Westminster City Council and Kensington and Chelsea outstanding".
_RATES_OBJECT = re.compile(r"\b(?:rate[sd]?|judged?|judges|grade[sd]|deem(?:s|ed)?|declare[sd]?|found|finds)\s+(?:the|its|their|our)"
                           r"\s+[^.;:!?]{0,100}?\b(?:services?|council|borough|authority|department|trust)\b[^.;:!?,]{0,60}$"
                           # "its latest inspection found services good": the service named with no article
                           r"|\b(?:rated|judged|graded|deemed|found|finds|rates|judges)\s+(?:children['’]s\s+)?services\s+$"
                           # "rated Doncaster Children's Services Trust good", "judged Leeds City Council outstanding"
                           r"|\b(?:rated|judged|graded|deemed|rates|judges)\s+(?:(?-i:[A-Z])[\w'’&-]*\s+){1,5}"
                           r"(?:services?|council|trust|borough)\s+$"
                           # round 6: "also rated Bath and North East Somerset's children's services good"
                           r"|\b(?:rated|judged|graded|deemed|rates|judges)\s+(?:(?-i:[A-Z])[\w’&-]*\s+(?:and\s+|of\s+)?){0,5}"
                           r"(?-i:[A-Z])[\w&-]*['’]s\s+(?:children['’]s\s+)?(?:social\s+care\s+)?services?\s+$", re.IGNORECASE)
# round 21: a rating verb whose object is a named council's service written the way the press writes it: the name
# may go on in lower case ("Stockport council's children's services", "Sefton borough's services"), or the service
# follows the name without a possessive ("Lincolnshire children's services"); "declared", "found" and the verbs of a
# change of grade ("upgraded X's children's services to good") take the same object.
_NAME_WORD = r"(?-i:[A-Z])[\w’&-]*"
_NAMED_OBJECT = re.compile(
    r"\b(?:rated|rates|judged|judges|graded|grades|deemed|declared|declares|found|finds|upgraded|downgraded)\s+"
    rf"(?:{_NAME_WORD}\s+(?:and\s+|of\s+)?){{0,5}}{_NAME_WORD}"
    r"(?:\s+(?:(?:city|county|borough|district)\s+)?(?:council|borough|authority))?"
    r"(?:['’]s\s+|\s+(?=children['’]s\s))(?:children['’]s\s+)?(?:social\s+care\s+)?(?:services?|social\s+care)"
    r"\s+(?:to\s+)?$", re.IGNORECASE)
# round 21: a word of the inspection between the grade and its noun: "a good Ofsted rating", "an 'inadequate'
# inspection judgement", "its outstanding Ofsted grade".
_RATING_AFTER_WORD = re.compile(r"^['’”\"]?\s+(?:Ofsted['’]?s?|inspection|inspectors['’]?)\s+(?:ratings?|grades?|judgements?"
                                r"|verdicts?)\b", re.IGNORECASE)
# round 21: what the rating noun after the grade is "for" says what is graded, whatever the clause named before: an
# area ("a good Ofsted rating for its schools") is a sub-judgement; the service as a whole ("Council leaders … are
# calling a good Ofsted rating for children's social care a milestone", "an 'outstanding' verdict for the city's
# children's services") is the overall grade.
_RATING_FOR = re.compile(r"^['’”\"]?\s+(?:\w+['’]?s?\s+)?(?:ratings?|grades?|judgements?|verdicts?)\s+(?:for|of)\s+"
                         r"(?:(?:the|its|their|our)\s+)?", re.IGNORECASE)
_ONE_WORD = re.compile(r"[\w'’-]+\s+")
_WHOLE_SERVICE = re.compile(r"children['’]s\s+(?:social\s+care|services)\b(?!\s+(?:for|in)\s+(?:care|schools)\b)"
                            r"|services\s+for\s+children\b", re.IGNORECASE)
# round 21: the verbless statement of headlines and summaries, the service named right before the grade and the
# clause ending after it: "Ofsted: Kent children's services good", "children's social care – inadequate".
_SERVICE_RIGHT_BEFORE = re.compile(r"\bchildren['’]s\s+(?:social\s+care\s+)?services?\s*[:–—-]?\s*['‘“\"]?$"
                                   r"|\bchildren['’]s\s+social\s+care\s*[:–—-]?\s*['‘“\"]?$", re.IGNORECASE)
_CLAUSE_ENDS = re.compile(r"^['’”\"]?\s*(?:[.,;:!?–—)]|$)")
# A service one means to make or get to a grade is an aim, not a verbless statement: "wants to make its children's
# services good", "pledged to make children's social care outstanding".
_MAKING = re.compile(r"\b(?:make|makes|making|get|gets|getting|turn|turns|turning)\s+(?:[\w'’-]+\s+){0,3}$",
                     re.IGNORECASE)
# A skill, not a grade: "found Kent's services good at listening".
_GOOD_AT_DOING = re.compile(r"^['’”\"]?\s+at\s+\w+ing\b", re.IGNORECASE)


def round21_cued(sentence: str, start: int, end: int) -> bool:
    """A bare grade word the round 21 grammar reads as a grade: a named service object, an inspection word before
    the rating noun, or a verbless service statement."""
    before, after = sentence[max(0, start - 160):start], sentence[end:end + 80]
    return bool(settings.ROUND21_NAMED_OBJECT and _NAMED_OBJECT.search(before) and not _GOOD_AT_DOING.match(after)
                or settings.ROUND21_RATING_WORD and _RATING_AFTER_WORD.match(after)
                or settings.ROUND21_VERBLESS and _verbless(before) and _CLAUSE_ENDS.match(after))


def _verbless(before: str) -> bool:
    """The service is named right before the grade, and not as the object of making or getting it there."""
    service = _SERVICE_RIGHT_BEFORE.search(before)
    return bool(service) and not _MAKING.search(before, 0, service.start())


def rating_for(after: str) -> str:
    """round 21: what the rating noun after the grade is for: "area" ("a good Ofsted rating for its schools"),
    "service" ("… rating for children's social care"), or "" when no such noun or neither is named."""
    head = _RATING_FOR.match(after) if settings.ROUND21_RATING_FOR else None
    if not head:
        return ""
    # up to two words may stand before the area or the service ("for the city's children's services")
    rest, position = after[head.end():], 0
    for _ in range(3):
        if SUB_AREA.match(rest, position):
            return "area"
        if _WHOLE_SERVICE.match(rest, position):
            return "service"
        word = _ONE_WORD.match(rest, position)
        if not word:
            break
        position = word.end()
    return ""


# The two overall judgements of the 2009-12 safeguarding and looked-after children inspections, as articles
# frame them: "For safeguarding, both councils were rated adequate"; "On looked-after children, …".
_SLAC_PART = re.compile(r"^\W*(?:for|on|in)\s+(safeguarding|looked[- ]after children)\b", re.IGNORECASE)
# "this year's ten outstanding councils": a count of councils sharing a grade (a tally, unless a list follows).
_COUNTED_GROUP = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty[\w-]*"
                            r"|thirty[\w-]*|forty[\w-]*|fifty[\w-]*)\s+$", re.IGNORECASE)
_GROUP_AFTER = re.compile(r"^\s+(?:councils|authorities|local authorities|boroughs)\b", re.IGNORECASE)
# "services better, but still requiring improvement": "still"/"now" before it makes it the service's grade.
_STILL = re.compile(r"\b(?:services?|department|council|authority)\b[^.;:]{0,40}\b(?:still|now)\s+$"
                    # round 7: a clause that opens with "now" after a comma ("…, which had been rated inadequate
                    # since 2015, now require improvement") grades its subject, however far back it was named
                    r"|,\s*(?:and\s+)?now\s+$", re.IGNORECASE)
_SERVICE_BEFORE = re.compile(r"\b(services?|department|council|authority|provision)\b[^.;,]{0,40}$", re.IGNORECASE)
SUB_AREA = re.compile(r"\b(help and protection|children in care|care leavers|looked[- ]after|leadership|leaders|adoption"
                       r"|youth (?:offending|justice)"
                       r"|experiences and progress|pupil referral units?|children['’]s homes?"
                       r"|special educational needs|SEND"
                       r"|early help|fostering|children's centres|children’s centres|schools?|quality of practice"
                       # round 9: a setting Ofsted grades on its own ("a secure training centre in Medway was rated
                       # inadequate", "the nursery was judged good"): never the council's grade
                       r"|nurser(?:y|ies)|academ(?:y|ies)|colleges?|(?:secure\s+)?training\s+centres?|secure\s+units?"
                       r"|hostels?|primaries|secondaries"  # round 13: schools by their phase (x21)
                       # round 12: the safeguarding board (LSCB) was reviewed beside the council's services and got a
                       # grade of its own (a38, b19, h29, k07, r26, r29, u24, v27, w25)
                       r"|safeguarding\s+(?:children\s+)?boards?|LSCBs?"
                       # a stage of casework ("its handling of child protection referrals was judged inadequate")
                       r"|referrals?|assessments? of need|front door|contact(?:,)? referral and assessment"
                       # round 13: the pre-2013 inspections' and APAs' second judgement, beside overall
                       # effectiveness (n60, t28, u18, x38): never the overall grade
                       r"|capacity\s+(?:to|for)\s+improve(?:ment)?)\b",
                       re.IGNORECASE)
# round 10: "an outstanding success story", "a good job", "an outstanding achievement": praise, not a grade
_NOT_A_GRADE_AFTER = re.compile(r"^\s*(practice|progress|quality|examples?|news|reason|work|relationships?|understanding"
                                r"|success(?:es)?\b|achievements?\b|job\b|efforts?\b"
                                r"|opportunit|start|idea|deal|number|use|supervision|management|staff|levels?"
                                r"|standard|evidence|people|place|enough)", re.IGNORECASE)


# A grade word used as an adjective of one area: "the outstanding fostering service", "'outstanding' provision".
AREA_AFTER = re.compile(r"^['’”\"]?\s+(?:[\w-]+\s+)?(?:fostering|adoption|provision|schools?|colleges?|nurser(?:y|ies)"
                         r"|children['’]s homes?|early help|youth|care leavers|leadership"
                         # round 6: "'inadequate' child protection" (the 2012-13 inspections' "child protection
                         # services/arrangements" stay the overall judgement)
                         r"|child protection(?!\s+(?:services?|inspections?|arrangements|department))"
                         r"|(?:keeping|helping) children safe"
                         # round 13: "an outstanding capacity to improve" (n60)
                         r"|capacity\s+(?:to|for)\s+improve(?:ment)?)\b", re.IGNORECASE)
_SERVICE_WORD = re.compile(r"\b(services?|department|council|authority|provision|trust)\b", re.IGNORECASE)


# A grade qualified by the area it is about: "outstanding for leadership, management and governance", "inadequate
# on the safety strand but not overall", "inadequate for keeping children safe", "good in adoption".
_AREA_QUALIFIER = re.compile(
    # round 7: "inadequate only for keeping children safe", "good just on leadership": a limiting adverb first
    r"^['’”\"]?\s+(?:(?:only|just|solely|purely|mainly|chiefly|largely)\s+)?(?:(?:for|on)\s+(?:the|its|their)\s+(?:[\w'’-]+\s+){0,3}?(?:strand|aspect|element)s?\b"
    r"|(?:for|on|in)\s+(?:the\s+|its\s+|their\s+)?(?:keeping children safe|staying safe|child safety"
    r"|leadership|help and protection|children in care|care leavers|looked[- ]after|adoption|fostering"
    r"|early help|the experiences and progress)\b"
    # round 6: "graded good on the same measure": the area the text has just graded
    r"|(?:on|for|in)\s+(?:the\s+)?same\s+(?:measure|strand|outcome|area|judgement)\b"
    r"|[^.;]{0,40}\bbut not overall\b)", re.IGNORECASE)
# "Child protection was judged inadequate at A, B and C": an area is the sentence's subject and the grade is handed
# out at places; "child protection services were judged …" (a 2012-13 inspection's own judgement) is not this.
_AREA_SUBJECT = re.compile(r"^\W*(?:child protection|safeguarding|keeping children safe|staying safe|adoption|fostering"
                           r"|care leavers|help and protection|early help)\s+(?:was|were|is|are)\s+(?:[\w-]+\s+){0,2}"
                           r"['‘“\"]?$", re.IGNORECASE)
# "On keeping children safe alone, Ofsted marked these eight as inadequate: …", "For care leavers, the council was
# judged good": a sentence that opens by naming an area grades that area, not the service as a whole.
# Round 7: the area may be named through a noun ("On the narrower question of keeping children safe, …", "When it
# comes to care leavers, …", "As for the measure of adoption, …").
_AREA_HEAD = re.compile(r"^\W*(?:on|for|in|as\s+for|as\s+regards|when\s+it\s+comes\s+to)\s+(?:the\s+)?"
                        r"(?:(?:[\w-]+\s+){0,2}(?:question|matter|measure|issue|test|judgement|area|subject)\s+of\s+)?"
                        r"(?:keeping children safe|staying safe|child safety|help and protection"
                        r"|care leavers|children in care|looked[- ]after children|leadership|adoption|fostering|early help"
                        r"|the safety strand)\b[^,;:]{0,30},", re.IGNORECASE)
# Round 24 (real page text): the area clause behind an opening phrase ("As well as X, child protection was rated
# inadequate at A, B and C"), and a sentence that opens on one area of several without naming it first ("In the other
# key area, the experiences of care leavers, it was marked as good").
_AREA_SUBJECT_LATER = re.compile(_AREA_SUBJECT.pattern.replace(r"^\W*", r",\s*", 1), re.IGNORECASE)
_OTHER_AREA_HEAD = re.compile(r"^\W*(?:in|for|on)\s+the\s+(?:other|remaining|final|last|one)\s+(?:[\w-]+\s+)?"
                              r"(?:area|judgement|category|aspect)\s*,", re.IGNORECASE)


def _area_clause(head: str, after: str) -> bool:
    """Round 24 (`ROUND24_SUBJUDGEMENT_CLAUSES`): the grade's clause is about one area (the two shapes above)."""
    return bool(_AREA_SUBJECT_LATER.search(head) and _AT_PLACES.match(after) or _OTHER_AREA_HEAD.match(head))


# Round 6: "Every area inspected, including the experiences of children in care, was judged to require improvement",
# "good in each area inspected": one grade for every judgement is the overall grade too, whatever areas it lists.
_EVERY_AREA = re.compile(r"^\W*(?:every|each|all(?:\s+the)?(?:\s+(?:three|four|five|six))?)\s+(?:areas?|parts?|judgements?"
                         r"|aspects?)\b[^.;]*?\b(?:was|were|is|are|has\s+been|have\s+been)\s+(?:\w+\s+){0,2}['‘“\"]?$",
                         re.IGNORECASE)
# "Three areas were graded outstanding, overall effectiveness among them": a count of judgements that includes
# the overall one gives the overall grade.
_AREA_COUNT = re.compile(r"\b(?:areas?|judgements?|categories|aspects)\b", re.IGNORECASE)
# "good 13, outstanding 6, adequate 3", "inadequate 13%": a grade with its count or share is a tally, not a grade
# ("inadequate 18 months ago" is a time, not a count).
_COUNT_AFTER = re.compile(r"^['’”\"]?\s*[:=]?\s*\d{1,3}(?:\b|%)(?![\d/.,:]\d)(?!\s*(?:months?|years?|weeks?|days?))",
                          re.IGNORECASE)
# "Kent good; Leeds requires improvement; Bury inadequate": in a run of results, a grade right after a name.
# "Leeds good, Bolton requires improvement and Kent outstanding": the run's last place follows "and".
# Round 9: the run's first place may follow the colon that opens it ("The results: Leeds good, Bury inadequate").
_PLACE_BEFORE = re.compile(r"(?:^|[;:,]\s*|,?\s+and\s+)[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,3}\s*[:–—-]?\s*$")
# "Kent (good), Leeds (outstanding)": a grade in brackets right after a name is that place's grade.
_BRACKETED = re.compile(r"[A-Z][\w'’&-]*\s*\(\s*['‘“\"]?$")
# Round 23: a grade word glued by a hyphen into a compound ("getting-to-good sessions", "a good-to-great plan") is
# part of a name or a modifier; "outstanding-rated" (a grade made an adjective) is still the grade.
_COMPOUND_BEFORE = re.compile(r"[A-Za-z]-$")
_COMPOUND_AFTER = re.compile(r"^-(?!rated|graded|judged|ranked)[A-Za-z]", re.IGNORECASE)
# Round 23: an intensifier before a bare grade word ("a very good experience", "really outstanding work"): an
# inspection grade is never intensified, so the word is praise.
_INTENSIFIER = re.compile(r"\b(?:very|really|pretty|so|too|extremely|fairly|rather|quite|incredibly|particularly"
                          r"|especially)\s+$", re.IGNORECASE)
# Round 32 (`settings.ROUND32_QUOTED_PHRASE`): a quote the grade word opens and more lower-case words close ("a 'good
# quality plan'", "'good performance management'") quotes a phrase: the word in it is an adjective, as unquoted.
# ("'requiring improvement to be good'" closes a grade: a grade word among the closing words keeps the quote a grade's)
# ("'good services for children'" names the service itself: its grade, as round 29 reads it)
_QUOTED_PHRASE_AFTER = re.compile(r"^(?!\s+(?:\w+\s+){0,3}?(?:good|outstanding|inadequate|adequate|improvement)\b)"
                                  r"(?!\s+(?:services?|department|provision|overall)\b)"
                                  r"\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}['’”\"]")
# Round 32 (`settings.ROUND32_WHAT_GOOD_LOOKS_LIKE`): "to build a picture of what 'good' looks like".
_WHAT_BEFORE = re.compile(r"\bwhat\s+['‘“\"]?$", re.IGNORECASE)
_LOOKS_LIKE_AFTER = re.compile(r"^['’”\"]?\s+(?:looks?|looked|would\s+look|might\s+look)\s+like\b", re.IGNORECASE)
# Round 32 (`settings.ROUND32_CONSISTENTLY`): "not yet consistently good", "services must become “consistently good”",
# "assessments are consistently good": how practice is, or what a council aims at, never Ofsted's grade.
_CONSISTENTLY = re.compile(r"\bconsistently\s+['‘“\"]?$|\bconsistently\s*['‘“\"]\s*$", re.IGNORECASE)
# Round 32 (`settings.ROUND32_COUNTED_AREAS`): a grade some of the judged areas got ("three out of the five areas
# inspected were graded 'good'", "several 'good' aspects of the services"): those areas' grade, not the overall one.
_PARTS = r"(?:areas?|aspects?|judgements?|parts?|categories|category|elements?)"
_COUNT_WORD = rf"(?:\d+|{'|'.join(numbers.words_between(1, 7))}|several|some|many|most|a\s+number)"
_COUNTED_AREAS = re.compile(rf"\b{_COUNT_WORD}\s+(?:(?:out\s+)?of\s+(?:the\s+|its\s+)?(?:\w+\s+)?)?{_PARTS}\b[^.;:]*$"
                            # the count's remainder: "with a fifth area as 'requires improvement'", "the other area"
                            rf"|\b(?:a|the|one)\s+(?:{numbers.LATER_ORDINALS}|other|remaining|last|final)\s+"
                            r"(?:area|aspect|judgement|part|category|element)\b"
                            r"[^.;:]*$"
                            # areas as the subject of the grading verb: "among the areas ruled inadequate are"
                            rf"|\b{_PARTS}\s+(?:(?:of|in)\s+(?:the\s+|its\s+)?\w+\s+)?(?:were\s+|was\s+)?"
                            r"(?:ruled|judged|rated|graded|found|deemed|assessed)\s+(?:as\s+|to\s+be\s+)?['‘“\"]?$",
                            re.IGNORECASE)
_PART_NOUN_AFTER = re.compile(r"^['’”\"]?\s+(?:aspects?|areas?|elements?|features?|parts?)\b", re.IGNORECASE)


_N_OF_M = re.compile(rf"\b(?P<n>\d+|[a-z]+)\s+(?:out\s+)?of\s+(?:the\s+|its\s+)?(?P<m>\d+|[a-z]+)\s+{_PARTS}\b",
                     re.IGNORECASE)


def counted_areas(before: str, after: str) -> bool:
    """The grade is that of a count of areas or of parts ("three of the five areas ... good", "'good' aspects"); not
    when the count is all the areas but one ("four out of five areas ... 'Inadequate'": the overall grade is theirs)."""
    found = _COUNTED_AREAS.search(before)
    if found and (n_of_m := _N_OF_M.search(found.group(0))):
        n, m = (numbers.value_of(n_of_m.group(k)) for k in ("n", "m"))
        if n is not None and m is not None and n >= m - 1:
            return False
    return bool(found or _PART_NOUN_AFTER.match(after))


# Round 14: "judged 'inadequate' and then 'requiring improvement'", "rated inadequate, then good": a sequence whose
# later grade is the end state; the earlier one was left.
_THEN_GRADE_AFTER = re.compile(rf"^['’”\"]?\s*,?\s*(?:and\s+)?(?:then|later|subsequently)\s+(?:(?:to|as|be|being)\s+)?"
                               rf"['‘“\"]?(?:{GRADE_PATTERN})\b", re.IGNORECASE)
# Round 27: a quotation mark that opens a quote: after a space, a bracket or a dash, before a word ("'good'", "“not
# yet good”"); an apostrophe ("council's") is none. A grade that only ends a long quotation ("… understanding and
# supporting required improvement\"") is not a quoted grade.
_OPENING_QUOTE = re.compile(r"(?:^|[\s(\[—–-])['‘“\"](?=\S)")
_FROM_GRADE_TO = re.compile(rf"\bfrom\s+['‘“\"]?(?:{GRADE_PATTERN})['’”\"]?\s+(?:\w+\s+){{0,2}}?(?:to|into)\s+['‘“\"]?$",
                            re.IGNORECASE)
_NAME_BEFORE = re.compile(r"\b[A-Z][\w'’&-]+\s+(?:(?:still|now|also|both|all)\s+)?$")
_FOR_PLACE = re.compile(r"^['’”\"]?\s+for\s+(?:the\s+)?[A-Z]")
_AT_PLACES = re.compile(r"^['’”\"]?\s+(?:at|in|for)\s+[A-Z]")
_OVERALL = re.compile(r"(?<!not )\b(?:overall|as a whole)\b", re.IGNORECASE)


# Round 24 (real page text): a semicolon, a colon or an opening quotation mark between "overall" and a distant grade
# puts them in different clauses ("Good ratings were received for … overall effectiveness; and an Outstanding rating
# for … children in care", "rated the adoption performance 'good' …, saying: “Overall, this is …”").
_CLAUSE_GAP = re.compile(r"[;:“]|(?:^|\s)[\"‘]")


def _beyond_clause(gap: str) -> bool:
    """The words between "overall" and a grade it would fall back on cross a clause (`ROUND24_SUBJUDGEMENT_CLAUSES`)."""
    # the grade's own quotation marks stand at the gap's ends ("overall, … rated ‘good’"): not a clause
    return settings.ROUND24_SUBJUDGEMENT_CLAUSES and bool(_CLAUSE_GAP.search(gap.strip(" '‘’“”\"")))


# Round 30 (aasev30): the grade's "for" list goes on to the overall judgement itself ("rated 'inadequate' for the
# experiences of children in care and, also, for 'overall effectiveness'"): the grade is overall as well as the
# area's. No other grade word may come between.
_OVERALL_TOO = re.compile(r"^(?:(?!\b(?:outstanding|good|inadequate|adequate|requires?|required)\b)[^.;:!?])*?"
                          r"\b(?:and|as\s+well\s+as|plus)\b[\s,]*(?:(?:also|both|in\s+addition|as\s+well)[\s,]+)?(?:for|in)\s+(?:the\s+|its\s+)?"
                          r"['‘“\"]?overall\s+effectiveness\b", re.IGNORECASE)


# Round 33: a contrast between a distant "overall" and the grade ("Despite the poor overall score, the adoption
# department was rated 'Good'"; "care leavers were rated good, but the report is critical of the overall quality").
_CONTRAST_GAP = re.compile(r"\b(?:but|while|whilst|although|though|whereas|despite|yet)\b", re.IGNORECASE)


def _other_subject(gap: str) -> bool:
    """Round 33: the words between a distant "overall" and a grade name an area of work after a comma, or set the two
    against each other: the grade is the area's, the "overall" another noun's (`ROUND33_OVERALL_AREA`)."""
    if not settings.ROUND33_OVERALL_AREA:
        return False
    return bool(_CONTRAST_GAP.search(gap) or "," in gap and SUB_AREA.search(gap.rsplit(",", 1)[-1]))


def says_overall(sentence: str, start: int, spans: list[tuple[int, int]]) -> bool:
    """The word "overall" goes with this grade, not with every grade of the sentence (`spans`): the grade right
    before it ("rated good overall"), else the grade just after it in the same clause ("the overall verdict is
    outstanding", "Overall, services are inadequate"), else one shortly before it, else the next one. "An overall
    'good' rating … picked out its leadership as 'outstanding'" makes only 'good' overall; "not overall" none."""
    for word in _OVERALL.finditer(sentence):
        following = [sp for sp in spans if sp[0] >= word.end()]
        preceding = [sp for sp in spans if sp[1] <= word.start()]
        between = sentence[word.end():following[0][0]].lstrip(",") if following else ""
        if preceding and re.fullmatch(r"['’”\"]?\s*", sentence[preceding[-1][1]:word.start()]):
            chosen = preceding[-1]
        elif following and len(between) <= 40 and not re.search(r"[,;]|\b(?:and|but|while)\b", between):
            chosen = following[0]
        elif preceding and word.start() - preceding[-1][1] <= 20:
            chosen = preceding[-1]
        elif following and not _beyond_clause(sentence[word.end():following[0][0]]) \
                and not _other_subject(sentence[word.end():following[0][0]]):
            chosen = following[0]
        else:
            chosen = preceding[-1] if preceding and not _beyond_clause(sentence[preceding[-1][1]:word.start()]) \
                and not _other_subject(sentence[preceding[-1][1]:word.start()]) else (-1, -1)
        if chosen[0] == start:
            return True
    return False


# Round 33: a report's judgement table pasted line by line: the grade, then the next numbered area heading ("Requires
# improvement 2.1 Adoption Performance").
_NUMBERED_HEADING = re.compile(r"^['’”\"]?\s*\d{1,2}(?:\.\d{1,2})*\.?\s+(?:the\s+)?", re.IGNORECASE)


def numbered_area(after: str) -> bool:
    """Round 33: the words after a grade open a numbered heading naming an area of work: the grade is a row of a
    judgement table, an area's (`ROUND33_NUMBERED_AREAS`)."""
    heading = _NUMBERED_HEADING.match(after)
    return bool(heading and SUB_AREA.match(after[heading.end():]))


def grades_an_area(before: str) -> bool:
    """The grade that follows is about one area of work: the nearest thing named before it, in its clause, is an
    area ("care leavers were inadequate") rather than the service or council, or an area governs it ("the
    leadership of the council and the trust, inadequate")."""
    clause = re.split(r"[;:.]|\band\s+found\b|\bbut\b", before)[-1]
    if settings.ROUND33_SINCE_CLAUSE_AREA:
        clause = re.split(r"\bsince\b", clause)[-1]  # round 33: a since-clause has its own subject
    areas = list(SUB_AREA.finditer(clause))
    if settings.ROUND28_OUTCOME_AREAS:  # round 28: an outcome strand or a group of children at risk is an area too
        areas = sorted(areas + list(_OUTCOME_AREA.finditer(clause)), key=lambda m: m.start())
    if not areas and not _SERVICE_WORD.search(clause) and re.match(r"\W*(?:[\w'’-]+\s+){0,6}?(?:they|it)\s+", clause.split(",")[-1]):
        # round 12: after a colon the sentence goes on about the subject it opened with ("Services for care leavers
        # impressed inspectors: judged inadequate in 2015, they are now good"): a pronoun's area is that subject's
        head = re.split(r"[;.]", before)[-1]
        if ":" in head and SUB_AREA.search(head.split(":")[0]) and not _SERVICE_BEFORE_AREA.search(head.split(":")[0]):
            return True
    if not areas:
        return False
    # round 12: also an area's service, agency or team "of" its operator ("the adoption service of Sandwell Children's
    # Trust", "the fostering agency of the council")
    if re.search(r"\b(?:leadership|help and protection|care leavers|children in care|adoption|fostering)"
                 r"(?:\s+(?:services?|agency|agencies|teams?|panels?))?\s+of\b", clause, re.IGNORECASE):
        return True
    # round 13: a capacity to improve governs its object ("capacity to improve services for children … judged good")
    if re.search(r"\bcapacity\s+(?:to|for)\s+improve", clause, re.IGNORECASE):
        return True
    # "the fostering service", "its adoption agency": a service word right after an area names that area's service
    # (round 9: also through a possessive, "care leavers' services", "children in care's service")
    services = [m for m in _SERVICE_WORD.finditer(clause) if not any(a.end() <= m.start() and
                                                                     re.fullmatch(r"(?:['’]s?)?\s+",
                                                                                  clause[a.end():m.start()])
                                                                     for a in areas)]
    return not services or areas[-1].start() > services[-1].start()


# Round 29 (sev29): a grade whose subject is a counted group of the settings an inspection or a batch of inspections
# looked at, not the council's service as a whole: "six settings were judged inadequate", "four of the seven homes are
# good", "a quarter of the places visited were inadequate", "too many providers judged inadequate". Such a grade grades
# those settings, as a school's or one home's grade does (a sub-judgement).
_SETTING_NOUN = (r"(?:settings|places|providers|homes|centres|centers|schools|nurseries|units|sites|premises)")
_QUANTITY = (r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty"
             r"|a\s+(?:third|quarter|fifth|sixth|half|few|handful|minority|majority|number)|half|two[- ]thirds"
             r"|three[- ]quarters|most|many|too\s+many|some|several|few|none|no|other|remaining)")
_QUANTITY_AT = re.compile(rf"\b{_QUANTITY}\b", re.IGNORECASE)
_COUNTED_SETTINGS = re.compile(rf"{_QUANTITY}\s+(?:(?:out\s+)?of\s+(?:(?:the|its|their|these|those)\s+)?(?:\d+\s+|[a-z]+\s+)?)?"
                               rf"(?:[\w'’-]+\s+){{0,3}}?{_SETTING_NOUN}\b(?P<rest>[^;:.]*)$", re.IGNORECASE)
# "one of the best places to grow up", "one of the few homes rated outstanding": a ranking names the subject as one of a
# class, not a counted group of settings
_RANKED_AMONG = re.compile(r"one\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+)?(?:best|worst|first|only|few|top"
                           r"|\w+est)\b", re.IGNORECASE)
# a dashed aside ("- and they are homes that look after children in the council's care -") is no part of the clause
_DASHED_ASIDE = re.compile(r"\s[-–—]\s.*?\s[-–—]\s")
# a service, a council, "overall" or a rating noun between the group and the grade: the grade is no longer the group's
_GROUP_LEFT = re.compile(r"\b(?:services?|department|council|authority|borough|county|trust|overall|as\s+a\s+whole"
                         r"|ratings?|grades?|judgements?|verdicts?)\b", re.IGNORECASE)


def counted_settings(head: str) -> bool:
    """Round 29 (`ROUND29_COUNTED_SETTINGS`): the grade after `head` (its sentence up to the grade) is said of a
    counted group of settings named in its clause, with no service, council, "overall" or rating noun named between
    the group and the grade."""
    clause = _DASHED_ASIDE.sub(" ", re.split(r"[;:.]", head)[-1])
    groups = [m for m in (_COUNTED_SETTINGS.match(clause, q.start()) for q in _QUANTITY_AT.finditer(clause)) if m]
    if not groups:
        return False
    nearest = groups[-1]  # the group nearest the grade
    if any(rank.start() < nearest.start("rest") and rank.end() > nearest.start()  # a ranking overlaps the group
           for rank in _RANKED_AMONG.finditer(clause)):
        return False
    return not _GROUP_LEFT.search(nearest.group("rest"))


# Round 28 (sevwrong28): the areas a grade is given for that `SUB_AREA` did not name: the five outcome strands of the
# 2005-09 annual assessments ("its 'being healthy' outcome was graded 'outstanding'", "work on economic well-being is
# 'good'") and the groups of children at risk whose arrangements an inspection grades ("help for runaways who go
# missing from home is good").
_OUTCOME_AREA = re.compile(r"\b(?:staying\s+safe|being\s+healthy|be\s+healthy|enjoy(?:ing)?\s+and\s+achiev(?:e|ing)"
                           r"|(?:making|make)\s+a\s+positive\s+contribution|economic\s+well[- ]?being"
                           r"|go(?:es|ing)?\s+missing|missing\s+(?:from\s+(?:home|care)|children)"
                           r"|(?:child\s+)?sexual\s+exploitation|exploited)\b", re.IGNORECASE)


# Round 27: "• Adoption performance: requires improvement;", "Help for care leavers: good": a short label that names
# an area, a colon, then the grade (a line of a list of judgements, or "Ofsted's verdict on its early help: good").
_AREA_LABEL = re.compile(r"(?:^|\n)\W*(?P<label>[^\n.;:!?]{3,80}?)\s*:\s*['‘“\"]?$")


def area_label(head: str) -> bool:
    """Round 27: the grade follows a colon after a label that names one area of work (`head`: the sentence up to the
    grade); "Overall effectiveness: good" and "Children's services: good" name none."""
    label = _AREA_LABEL.search(head)
    if not label or len(label.group("label").split()) > 8 or _OVERALL.search(label.group("label")):
        return False
    return grades_an_area(label.group("label"))


# "The council's services, including adoption, …": the service as a whole named before the area it lists
_SERVICE_BEFORE_AREA = re.compile(r"^\W*(?:the|its|their)\s+(?:[\w'’-]+\s+){0,2}(?:services?|council|department|authority)\b",
                                  re.IGNORECASE)


# Round 23 (real page text): "the only area that received a 'good' rating was adoption", "children in care was the
# only aspect to receive a lower rating of 'requires improvement'": an exception among the areas, never the overall.
_ONLY_PART = re.compile(r"\bthe only (?:other )?(?:area|aspect|part|judgement|category|element)s?\b", re.IGNORECASE)


def is_sub_area(sentence: str) -> bool:
    """True when a sentence is about one area of work (care leavers, adoption), not the overall grade."""
    return bool(SUB_AREA.search(sentence))


@dataclass
class GradeStatement:
    """A grade the text gives, how much it counts, and the sentence it stands in."""

    grade: str
    weight: float
    sentence: str
    paragraph: int
    position: int = 0
    sub_area: bool = False  # the sentence is about one area of work (care leavers, leadership)
    tally: bool = False  # follows a count ("three councils were outstanding"): counts only if a named list follows
    standing: bool = False  # given at "the last inspection": counts only when no newer grade is stated
    slac: str = ""  # one of the two judgements of a 2009-12 inspection ("For safeguarding, … adequate")
    year: int = 0  # the year a standing grade is placed in ("In 2010 it performs well"), when the clause says
    now: bool = False  # the clause marks it as today's grade ("Now, services are good"): wins a tie
    labelled: bool = False  # round 27: an area's label before a colon made it a sub-judgement ("Adoption: good")
    lead_in: bool = False  # round 31: handed on by a round-up's lead-in to a bare list after it (lead_in_lists.py)


_SLAC_OVERALL = re.compile(rf"overall effectiveness of (?:the )?(safeguarding|services for looked after children|looked"
                          rf" after children)[^\n.]{{0,120}}?(?:is|:|–|-)?\s*(?:Grade \d\s*\()?{_G}\b", re.IGNORECASE)
_NUMBERED_GRADE = re.compile(r"overall effectiveness[^\n.]{0,120}?\bgrade\s*([1-4])\b", re.IGNORECASE)


def report_overall(text: str) -> tuple[str | None, str]:
    """The overall grade of an inspection report and the line that says so."""
    # 2009-12 safeguarding and looked-after-children inspections give two overall judgements: report the lower.
    slac = {m.group(1).lower()[:4]: (normalise_grade(m.group(2)), m.group(0)) for m in _SLAC_OVERALL.finditer(text)}
    if len(slac) >= 2:
        grade = worst_grade(g for g, _ in slac.values())
        return grade, next((line for g, line in slac.values() if g == grade), "")
    for pattern in REPORT_OVERALL_PATTERNS:
        match = pattern.search(text)
        if match:
            return normalise_grade(match.group(1)), match.group(0).strip()
    numbered = _NUMBERED_GRADE.search(text)
    if numbered:  # "Overall effectiveness of children's services: Grade 3"
        return BY_NUMBER[numbered.group(1)], numbered.group(0)
    # Annual assessment letters (2008-10): "Kent County Council performs adequately".
    match = re.search(r"\b(performs?|performing) (excellently|well|adequately|poorly)\b", text[:8000], re.IGNORECASE)
    if match:
        return normalise_grade(match.group(0)), match.group(0)
    return None, ""


def report_subjudgements(text: str) -> dict[str, str]:
    """Sub-judgement grades from a report's judgement table."""
    head = text[:6000]
    out = {}
    for name, pattern in SUBJUDGEMENT_PATTERNS.items():
        match = pattern.search(head)
        if match and match.lastindex:
            grade = normalise_grade(match.group(match.lastindex) or match.group(0))
            if grade:
                out[name] = grade
                # The 2018-2022 framework judged "children in care and care leavers" together: one grade for both
                # areas (a question about care leavers asks about it too).
                if name == "children_in_care" and re.search(r"care\s+leavers", match.group(0), re.IGNORECASE):
                    out.setdefault("care_leavers", grade)
    return out


def grade_statements(sentence: str, paragraph: int) -> list[GradeStatement]:
    """The grades a sentence gives as current judgements, weighted; past and non-grade uses dropped."""
    out: list[GradeStatement] = []
    left: list[str] = []
    matches = list(grade_matches(sentence))
    if names_the_scale(sentence, matches):
        return out  # "the scale runs inadequate, requires improvement, good, outstanding": no one's grade
    # "from 'good' overall to 'requires improvement'": "overall" goes with a grade the council holds, not one it left
    spans = [(m.start(), m.end()) for m in matches if not left_behind(sentence[max(0, m.start() - 60):m.start()])]
    # "The results: good for A and B; requires improvement for C; inadequate for D": in a run of several grades,
    # a grade handed "for" a named place is a result.
    results_run = len({grade_of_match(m) for m in matches}) >= 2
    previous = None
    for match in matches:
        grade = grade_of_match(match)
        before, after = sentence[max(0, match.start() - 60):match.start()], sentence[match.end():match.end() + 40]
        first, previous = previous, match
        if first is not None and chained_to(sentence[first.end():match.start()]) and _aimed(sentence, first):
            continue  # round 27: "towards a 'good' and, ultimately, 'outstanding' rating": the route's next step
        if not_yet_good(before, grade):
            out.append(_not_yet_statement(sentence, paragraph, match.start(), before, after))
            continue
        # "gone from requires improvement to good": the destination of a movement from a named grade
        destination = bool(_FROM_GRADE_TO.search(before))
        # "while Camden and Bolton require improvement": a place's name right before the verb phrase
        named_subject = match.group().lower().startswith("requir") and bool(_NAME_BEFORE.search(before))
        for_place = destination or named_subject or results_run and bool(_FOR_PLACE.match(after) or _PLACE_BEFORE.search(before)) \
            or bool(_BRACKETED.search(before) and re.match(r"['’”\"]?\s*\)", after))
        quoted = (before.rstrip()[-1:] or "x") in "'‘“\"" or (after[:1] or "x") in "'’”\"" and (
            not settings.ROUND27_TIGHT_QUOTES or bool(_OPENING_QUOTE.search(before[-40:])))
        if quoted and settings.ROUND32_QUOTED_PHRASE and _QUOTED_PHRASE_AFTER.match(after):
            quoted = False  # round 32: "a 'good quality plan'": the quote holds a phrase the word opens, not a grade
        if settings.ROUND32_WHAT_GOOD_LOOKS_LIKE and _WHAT_BEFORE.search(before) and _LOOKS_LIKE_AFTER.match(after):
            continue  # round 32: "what 'good' looks like": a standard to compare with, no council's grade
        titled = match.group()[:1].isupper() and match.start() > 0
        # a dash that introduces the grade ("outstanding - A, B"), not a bullet's dash ("- good edge-of-care work")
        listed = bool(re.search(r"[–—:-]\s*$", before)) and not re.fullmatch(r"\s*[-–—•*]\s*", before)
        text_lower = match.group().lower()
        bare_word = is_cued_word(text_lower)
        if left_behind(before) or _THEN_GRADE_AFTER.match(after):
            continue  # "no longer inadequate", "improved from inadequate to good": not the current grade
        if settings.ROUND23_COMPOUND and (_COMPOUND_BEFORE.search(before) or _COMPOUND_AFTER.match(after)):
            continue  # "getting-to-good sessions": a word of a hyphenated compound
        if settings.ROUND23_INTENSIFIED and bare_word and not quoted and _INTENSIFIER.search(before):
            continue  # "a very good experience": praise; a grade is never "very" anything
        if settings.ROUND32_CONSISTENTLY and bare_word and _CONSISTENTLY.search(before):
            continue  # round 32: "consistently good" is practice or an aim, quoted or not; a grade is never so
        if attributive(before, sentence[match.end():match.end() + 120], match.group(), AREA_AFTER, SUB_AREA):
            continue  # round 26: "a 'good cultural change'": an adjective on a thing, not a grade
        if _PERIOD_AT.search(before):
            left.append(grade)  # "After seven years at 'inadequate', … have climbed a grade": the period ended
            continue
        if text_lower.startswith("requir") and not text_lower.endswith("good"):
            # "areas that require improvement" is advice, not a grade; "services require improvement" is one.
            # round 7: "… and requires improvement overall" is graded by the word after it
            if not (_RATING_CUE.search(before) or _SERVICE_BEFORE.search(before) or quoted or listed or _STILL.search(before)
                    or _RATING_AFTER.match(after)
                    or match.group()[:1].isupper() or for_place or round21_cued(sentence, match.start(), match.end())):
                continue
        if bare_word:
            counted = bool(_COUNTED_GROUP.search(before) and _GROUP_AFTER.match(after))
            cued = (_RATING_CUE.search(before) or _RATING_AFTER.match(after) or quoted or listed or counted or for_place
                    or _RATES_OBJECT.search(sentence[max(0, match.start() - 160):match.start()])
                    or round21_cued(sentence, match.start(), match.end()))
            if not cued or _NOT_A_GRADE_AFTER.match(after):
                continue
            if grade == "good" and re.match(r"\s+or better", after):
                continue
        elif grade == "inadequate" and _NOT_A_GRADE_AFTER.match(after) and not quoted:
            continue
        news_at = news_clause_start(sentence[:match.start()])
        if news_at >= 0:
            before = sentence[max(news_at, match.start() - 60):match.start()]  # round 23: the after-clause is the news
        reason = "tally" if bare_word and counted or _COUNT_AFTER.match(after) else not_current(before, after)
        if reason == "target" and news_at >= 0 and opens_with_reaching(sentence[news_at:match.start()]):
            reason = ""  # "celebrating after achieving a good rating": reached (the cut "after" no longer shows it)
        if not reason and news_at < 0 and in_earlier_clause(sentence[max(0, match.start() - 120):match.start()]):
            reason = "past"  # a temporal clause longer than the window: "Two years after Barnsley's … were judged"
        if not reason and about_any_council(sentence[max(0, match.start() - 120):match.start()]):
            reason = "generic"  # round 12: "a council whose services Ofsted has rated inadequate": no council in particular
        if not reason and hoped_for(sentence[max(0, match.start() - 160):match.start()]):
            reason = "target"  # round 8: "hopes that, were Ofsted to return …, it would be judged 'good'"
        if not reason and aimed_at(sentence[max(0, match.start() - 160):match.start()], after):
            reason = "target"  # round 18: "wants a good rating", "on track for outstanding", "closer to good"
        if not reason and aim_object(sentence[max(0, match.start() - 160):match.start()]):
            reason = "target"  # round 26: "the goal of being rated 'good'", "closer to receiving a 'good' rating"
        if not reason and gets_object_to(sentence[max(0, match.start() - 160):match.start()]):
            reason = "target"  # round 27: "more to do to get the services to 'good'"
        if not reason and past_span(sentence[:match.start()], match.group(), after):
            reason = "past"  # round 26: "Having been classed as 'poor' for the last few years"
        if reason == "past" and _REPORTING_THAT.search(sentence[max(0, match.start() - 200):match.start()]):
            # "The Director reported that Ofsted had judged the council's services to be good": reported speech
            # shifts the tense back; read the whole clause, reporting verb included
            reason = not_current(sentence[max(0, match.start() - 200):match.start()], after)
        earlier = given_by_earlier_inspection(sentence[:match.start()]) or dated_in_sentence(sentence[:match.start()]) \
            or given_by_earlier_inspection_after(sentence[match.end():match.end() + 80])
        ago = _AGO_AFTER.match(after) or _AGO_BEFORE.search(sentence[:match.start()]) or _LAST_YEAR_AFTER.match(after) \
            or settings.ROUND33_YEARS_PRIOR and _PRIOR_AFTER.match(after) \
            or _SINCE_YEAR_AFTER.match(after) \
            or "ast year" in before and not is_destination(before) \
            and _LAST_YEAR_BEFORE.search(re.split(r"[;.]", sentence[:match.start()])[-1])
        dated_after = _DATED_VERDICT_AFTER.match(after)
        earlier = earlier or ("last" if ago or dated_after else "")
        if reason == "past" and settings.ROUND33_SINCE_DATED \
                and since_dated(sentence[max(0, match.start() - 120):match.start()], after):
            reason = ""  # round 33: "since it was rated 'requires improvement' in 2024": standing from that year
        if not reason and since_clause(sentence[max(0, match.start() - 120):match.start()]):
            earlier = earlier or "last"  # round 9: "since it was rated inadequate": standing until a newer grade
        if reason and reason != "tally" or earlier == "previous":
            continue
        weight = 1.0
        labelled = settings.ROUND27_AREA_LABELS and area_label(sentence[:match.start()])
        qualified = bool(_AREA_QUALIFIER.match(sentence[match.end():match.end() + 80])
                         or _AREA_SUBJECT.match(sentence[:match.start()]) and _AT_PLACES.match(after)
                         or _AREA_HEAD.match(sentence[:match.start()])
                         or settings.ROUND24_SUBJUDGEMENT_CLAUSES and _area_clause(sentence[:match.start()], after)
                         or area_complement(before, sentence[match.end():match.end() + 120])
                         or labelled)
        every = bool(_EVERY_AREA.match(sentence[:match.start()]))
        if settings.ROUND30_OVERALL_TOO and qualified and _OVERALL_TOO.match(sentence[match.end():]):
            every = True  # round 30: "inadequate for <an area> and, also, for overall effectiveness": overall as well
        qualified = qualified and not every
        overall = every or not qualified and says_overall(sentence, match.start(), spans)
        if reason == "tally" and overall and _AREA_COUNT.search(before):
            reason = ""  # the counted judgements include the overall one
        named_for = rating_for(sentence[match.end():match.end() + 80])
        sub_area = qualified or not overall and named_for != "service" and (
            grades_an_area(sentence[:match.start()]) or bool(AREA_AFTER.match(after)) or named_for == "area"
            or settings.ROUND23_ONLY_PART and bool(_ONLY_PART.search(sentence))
            or settings.ROUND29_COUNTED_SETTINGS and counted_settings(sentence[:match.start()])
            or settings.ROUND32_COUNTED_AREAS and counted_areas(before, after)
            or settings.ROUND33_NUMBERED_AREAS and numbered_area(sentence[match.end():match.end() + 80]))
        if overall:
            weight = settings.GRADE_WEIGHT_OVERALL
        elif sub_area:
            # Only a grade about an area counts less: "looked at help and protection … and found that services
            # now 'require improvement'" names areas but grades the service.
            weight = settings.GRADE_WEIGHT_SUB_AREA
        if quoted or titled or listed:
            weight += settings.GRADE_WEIGHT_EMPHASIS_BONUS
        slac = _SLAC_PART.search(sentence[:match.start()])
        clause_years = re.findall(r"\b((?:19|20)\d\d)\b", re.split(r"[;.]", sentence[:match.start()])[-1])
        out.append(GradeStatement(grade, weight, sentence.strip(), paragraph, match.start(), sub_area,
                                  tally=reason == "tally", standing=earlier == "last",
                                  slac=slac.group(1).lower()[:4] if slac else "",
                                  year=int(dated_after.group(1)) if dated_after and earlier == "last"
                                  else int(clause_years[-1]) if earlier == "last" and clause_years else 0,
                                  now=says_now(sentence[:match.start()]), labelled=labelled and sub_area))
    step = _STEP.search(sentence)
    if step and len(set(left)) == 1 and not out:
        size = 2 if step.group(2).lower() == "two" else 1
        up = step.group(1).lower().startswith(("climb", "ris", "gone up", "moved up", "went up", "improv", "rose"))
        moved = stepped(left[0], size if up else -size)
        if moved:
            out.append(GradeStatement(moved, 1.0, sentence.strip(), paragraph, step.start()))
    return out


def _aimed(sentence: str, match: re.Match) -> bool:
    """Round 27: the grade `match` is one aimed at (read as `grade_statements` reads an aim)."""
    head = sentence[max(0, match.start() - 160):match.start()]
    after = sentence[match.end():match.end() + 40]
    return (not_current(head[-60:], after) == "target" or hoped_for(head) or aimed_at(head, after)
            or aim_object(head) or gets_object_to(head))


def _not_yet_statement(sentence: str, paragraph: int, position: int, before: str, after: str) -> GradeStatement:
    """'not yet (delivering) good': requires improvement, weighted as a grade about an area when one is named."""
    sub_area = grades_an_area(sentence[:position]) or bool(AREA_AFTER.match(after))
    weight = settings.GRADE_WEIGHT_SUB_AREA if sub_area else 1.0
    if (before.rstrip()[-1:] or "x") in "'‘“\"":
        weight += settings.GRADE_WEIGHT_EMPHASIS_BONUS
    return GradeStatement("requires improvement", weight, sentence.strip(), paragraph, position, bool(sub_area))


_SCALE = ("inadequate", "requires improvement", "good", "outstanding")


def stepped(grade: str, steps: int) -> str:
    """The grade `steps` places up (positive) or down the current four-point scale; '' past either end."""
    grade = "requires improvement" if grade == "adequate" else grade
    if grade not in _SCALE:
        return ""
    index = _SCALE.index(grade) + steps
    return _SCALE[index] if 0 <= index < len(_SCALE) else ""


# "After seven years at 'inadequate'", "after two years rated inadequate": a period at a grade that has ended.
_PERIOD_AT = re.compile(r"\bafter\s+(?:[\w-]+\s+){1,3}?(?:years?|months?|inspections?)\s+(?:at|as|rated|judged|of being)\s+"
                        r"['‘“\"]?$", re.IGNORECASE)
# "judged inadequate some two and a half years ago": the grade of a stated time back, standing unless a newer is named.
_TIME_BACK = (r"^['’”\"]?\s+(?:\w+\s+){0,1}(?:some|about|around|nearly|almost|over|more than)?\s*"
              r"(?:[\w-]+\s+){1,4}(?:years?|months?)\s+")
_AGO_AFTER = re.compile(_TIME_BACK + r"ago\b", re.IGNORECASE)
# Round 33: "given an 'inadequate' rating six years prior" / "... two years earlier": the same, counted back from the
# page's own event (`ROUND33_YEARS_PRIOR`).
_PRIOR_AFTER = re.compile(_TIME_BACK + r"(?:prior|earlier|before|previously)\b", re.IGNORECASE)
# "Twelve months ago it was judged to be performing adequately": the same, with the time first.
# Round 13: also counted back from the page's own event ("A year earlier the borough was 'performing well'", x21; "A
# year earlier not one council was inadequate", m01; "a month earlier, when … found … inadequate", q01), and "the year
# before," / "the previous year".
_AGO_BEFORE = re.compile(r"(?:\b(?:[\w-]+\s+){1,4}(?:years?|months?)\s+(?:ago|earlier)\b|\bthe\s+(?:year|month)\s+before\s*,"
                         r"|\b(?:in\s+)?the\s+previous\s+year\b)"
                         r"(?![^.;]*\b(?:now|since|latest)\b)[^.;]*$", re.IGNORECASE)
# Round 7: "judged inadequate last year", "Last year Kent was rated inadequate": a grade a year back stands only until
# a newer one is stated, like "two years ago" ("last week", "last month" are usually the news itself).
_LAST_YEAR_AFTER = re.compile(r"^['’”\"]?\s+(?:(?:back\s+)?in\s+)?"
                              # round 8: a month or season may come first ("in April last year", "in the spring of
                              # the previous year")
                              r"(?:(?:(?:early|late|mid)[\s-]+)?(?:January|February|March|April|May|June|July|August"
                              r"|September|October|November|December|the\s+(?:spring|summer|autumn|winter)(?:\s+of)?)\s+)?"
                              r"(?:last\s+year|the\s+(?:previous|preceding)\s+year"
                              r"|a\s+year\s+(?:earlier|before))\b", re.IGNORECASE)
# Round 9: "have been inadequate since 2011", "rated good ever since March 2016": a grade held from a stated time,
# standing until a newer one is stated (like "two years ago").
_SINCE_YEAR_AFTER = re.compile(r"^['’”\"]?\s+(?:ever\s+)?since\s+(?:(?:early|late|mid)[\s-]+)?(?:[A-Z][a-z]+\s+)?"
                               r"(?:19|20)\d\d\b")
# The year anchors the next grade only: none may stand between ("judged inadequate last year, upgraded to good").
_LAST_YEAR_BEFORE = re.compile(r"\blast\s+year\b(?!['’]s)(?![^.;]*\b(?:now|new|latest|this|outstanding|good|adequate|inadequate"
                               r"|requires?|required|improvement)\b)[^.;]*$", re.IGNORECASE)
# "have climbed a grade", "dropped one grade": a move of one step from the grade the sentence says was left.
_STEP = re.compile(r"\b(climb(?:ed|s)?|r(?:ose|isen|ises)|gone up|went up|moved up|improved|dropped|fallen|fell|slipped"
                   r"|gone down|went down|moved down)\s+(?:by\s+)?(a|one|two)\s+grades?\b", re.IGNORECASE)


# Round 12: "the inadequate verdict of December 2015", "its 'good' rating from 2018", "the inadequate judgement in
# 2018": the verdict named by its date is the one of that time (as "the 2015 inadequate verdict" is), standing only
# until the text states a newer grade.
_DATED_VERDICT_AFTER = re.compile(r"^['’”\"]?\s+(?:overall\s+)?(?:verdicts?|ratings?|grades?|judgements?|labels?)\s+"
                                  r"(?:of|in|from|given\s+in|awarded\s+in)\s+(?:the\s+)?"
                                  r"(?:(?:early|late|mid)[\s-]+)?(?:[A-Z][a-z]+\s+)?((?:19|20)\d\d)\b")
# "Now, services are good", "currently rated": a clause that places its grade in the present.
_NOW = re.compile(r"\b(?:now|currently|presently|latest|newly)\b", re.IGNORECASE)
# A "since" / "after" / "before" clause between "now" and a grade starts an earlier time: "are now rated 'requires
# improvement' … since the inspection that found them 'inadequate'" says now only of the first grade.
_EARLIER_CLAUSE = re.compile(r"\b(?:since|after|before|following)\b", re.IGNORECASE)


# Round 28 (sevwrong28): the present time named by the current period or a return visit: "inspectors came back this
# spring and rated the service 'good'", "re-inspected in June, the borough is 'good'".
_THIS_TIME = re.compile(r"\bthis\s+(?:summer|spring|autumn|winter|year|month|week)\b|\bre-?inspect(?:ed|ion|s)?\b",
                        re.IGNORECASE)


def says_now(head: str) -> bool:
    """The grade's clause says it holds now ("now", "currently", "latest"), with no earlier-time clause between."""
    head = re.split(r"[;.]", head)[-1]
    found = list(_NOW.finditer(head))
    if settings.ROUND28_THIS_TIME:
        found = sorted(found + list(_THIS_TIME.finditer(head)), key=lambda m: m.start())
    return bool(found) and not _EARLIER_CLAUSE.search(head[found[-1].end():])


# A reporting verb and "that", too far before a grade for the 60-character window to see it.
_REPORTING_THAT = re.compile(r"\b(?:heard|told|said|reported|noted|explained|learned|learnt|informed|confirmed|announced)"
                             r"\b(?:\s+[\w'’]+){0,3}\s+that\b", re.IGNORECASE)


# The article reports a new judgement ("the new report", "Ofsted's latest report"): a grade from an earlier year or
# the last inspection is then history even when the new grade is not named in the text.
NEW_REPORT = re.compile(r"\b(?:new|latest|this week['’]s|today['’]s)\s+(?:Ofsted\s+|inspection\s+)?report\b", re.IGNORECASE)


def decide(statements: list[GradeStatement], new_report: bool = False) -> tuple[str | None, list[GradeStatement]]:
    """The best-supported grade among weighted statements, and the statements that support it.

    A sub-judgement never sets the overall grade: when every statement is about one area of work (leadership,
    care leavers), the text states no overall grade and the answer is None (the caller may use the official one).
    A standing grade (of the last inspection, or of a stated year) counts only when no newer grade is stated and
    the article does not report a new judgement (`new_report`).
    """
    statements = [st for st in statements if not st.tally]
    parts = [st for st in statements if st.slac]
    if len({st.slac for st in parts}) == 2:  # both judgements of a 2009-12 inspection: report the lower
        worst = worst_grade(st.grade for st in parts)
        return worst, [st for st in parts if st.grade == worst]
    newer = [st for st in statements if not st.standing and not st.sub_area]
    if newer or new_report:
        statements = [st for st in statements if not st.standing]
    elif len({st.year for st in statements if st.year}) >= 2:
        # only grades placed in years: the latest year's is the end state ("in 2009 adequate; in 2010 good")
        latest = max(st.year for st in statements)
        statements = [st for st in statements if st.year == latest or not st.year and st.sub_area]
    if settings.ROUND27_AREA_LABELS and statements and all(st.sub_area for st in statements) \
            and any(st.labelled for st in statements):
        # round 27: a list of area lines and no other grade: the lines stand in for the overall grade, as in round 26
        statements = [replace(st, sub_area=False) for st in statements if st.labelled]
    if statements and all(st.sub_area for st in statements):
        return None, []
    # Round 10: a sub-judgement never adds weight to an overall grade the text also states ("rated good … the adoption
    # service outstanding"); it only stands in for one when nothing else is said (handled by the caller)
    statements = [st for st in statements if not st.sub_area]
    totals: dict[str, float] = {}
    for st in statements:
        totals[st.grade] = totals.get(st.grade, 0.0) + st.weight
    if not totals:
        return None, []
    now = {st.grade for st in statements if st.now}
    best = max(totals, key=lambda g: (totals[g], g in now, g == "inadequate"))
    return best, [s for s in statements if s.grade == best]
