"""Which of a document's matching paragraphs a result shows: the one that answers the question.

Documents are ranked by their best paragraph (tier, then score); that order stays. The paragraph *shown* is then
chosen among the document's few best-scoring paragraphs by what the question asks and the paragraph says in its
own words: above all the grade the query names (or, for a movement without grades, any grade), then the judged
area beside it, the movement it asks about, and, in a document about several councils (a round-up), the council it
names. Raw BM25 favours repeats of a frequent word ("Ofsted", "children's services") and paragraphs lifted by
their document's context; a paragraph stating the asked grade answers. In a one-council document the council's
name marks an introduction rather than an answer (reports say "the local authority"), so it counts only in
round-ups.

Backend-neutral: both backends pass their candidates' texts, in their ranking order.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, islice
from typing import Iterable

from indexer import grades, settings
from indexer.ingest.annotate.dates import MONTH_NAMES
from indexer.ingest.annotate.movement import sentence_moves
from indexer.ingest.annotate.scan import grade_matches
from indexer.search.number_words import other_form
from indexer.search.plan import BestMatchPlan
from indexer.search.names import COUNCIL_WORD
from indexer.search.topic import VISIT_TOLD, Topic, is_headline, topic_choice, topic_counts
from indexer.analysis import folded_words, stem
from indexer.search.understand import AREA_PATTERNS, councils_in, grades_in

# The weights (what stating the asked grade and the grade left are worth) and how many of a document's best
# paragraphs may be shown instead of the best are `settings.RANKING`'s answer_* constants. PostgreSQL's ts_rank
# orders a document's paragraphs much more flatly than BM25F (a seed's 38 paragraphs within 2.4-1.8), so its best
# few say little: it looks deeper (flat_order_candidates).
# Verbs that say a grade changed which the document rules leave out because they are too common in other senses;
# beside a grade in a paragraph of a document found for a movement they say it ("lowered ... to 'requires ...'").
_CHANGED = re.compile(r"\b(?:lower(?:ed|s|ing)?|rais(?:ed|es|ing)|(?:up|down)grad\w*|demot\w+|promot\w+)\b",
                      re.IGNORECASE)


# A change told against an earlier time, with no grade beside it: "had got worse since its previous visit", "had
# declined since its last inspection in 2021", "found real improvement since 2015". For a movement question that is
# the movement told; "since" must lead to a time (a year, a month, "then", the last inspection or visit), and the
# change must be a verb or a noun of degree ("the improvement board has met since March" tells no change).
_CHANGE = (r"(?:improved|declined|deteriorated|worsened|got\s+(?:worse|better)|slipped|(?:real|significant|"
           r"considerable|substantial|clear|marked|much|little|no|some)\s+(?:improvement|progress|decline))")
_EARLIER = (r"since\s+(?:(?:its|the|their|our|that)\s+(?:last|previous|most\s+recent|earlier|first)\s+\w+"
            r"|then|(?:19|20)\d\d|January|February|March|April|May|June|July|August|September|October|November|December)")
_CHANGED_SINCE = re.compile(rf"\b{_CHANGE}\b[^.;]{{0,60}}\b{_EARLIER}\b|\b{_EARLIER}\b[^.;]{{0,80}}\b{_CHANGE}\b",
                            re.IGNORECASE)


def changed_since(text: str) -> bool:
    """True for a paragraph telling a change since an earlier time ("has declined since its last inspection")."""
    return bool(_CHANGED_SINCE.search(text))


@dataclass(frozen=True)
class Asked:
    """What a question asks that a paragraph can state in its own words."""

    grades: frozenset[str]     # grades the query names (all grades for a movement that names no grade reached)
    councils: frozenset[str]   # council facet values the query names
    movement: bool             # the query asks about a grade movement
    # Per judged area the query asks about, its words: per word, the stem sets that say it ("care leavers").
    areas: tuple[tuple[tuple[frozenset[str], ...], ...], ...] = ()
    listing: bool = False      # "which councils", "London boroughs": a list of councils answers
    # "twelve councils performing poorly": a question counting councils is answered by the list of them, before a
    # paragraph giving only the grade (which says how many, not which).
    counted: bool = False
    # The grades a movement question naming both ends says were left ("from good to inadequate", "no longer
    # inadequate, requires improvement"): the grade reached is in the headline and most paragraphs of a story about
    # it, the one left only where the change is told. (Naming only the grade left, the answer says to what.)
    left: frozenset[str] = frozenset()
    # The query's counted words, each as its alternatives' stem sets: for a question asking none of the above, the
    # words that say which paragraph is about its topic (search/topic.py).
    topic: Topic = ()
    # Round 29 (`settings.ROUND29_AREA_NAMES`): per judged area asked, the pattern of every name reports give it
    # (search/understand.py's areas): a question's "leadership" is the report's "impact of leaders".
    area_names: tuple[re.Pattern, ...] = ()
    # Round 31 (`settings.ROUND31_FIGURE_ASKED`): the figures the question quotes (`figures_in`): a paragraph holding
    # them all answers more than one stating the asked grade alone.
    figures: tuple[tuple[str, str], ...] = ()

    @property
    def anything(self) -> bool:
        """True when some answer feature applies."""
        return bool(self.grades or self.councils or self.movement or self.listing)

    def topical(self, round_up: bool) -> bool:
        """True for a question whose answer no grade, movement, list or (in a round-up) council marks."""
        return not (self.grades or self.movement or self.listing or round_up and self.councils)


# A judged area of an earlier framework that no facet records: the 2013-2018 framework graded adoption performance.
# Named in a question ("adoption performance outstanding while overall good"), it is the area a paragraph answers
# about, as a recorded area's words are.
_UNRECORDED_AREA = re.compile(r"adoption", re.IGNORECASE)
# A noun asking for a grade without naming one ("Lewisham children's services Ofsted rating", "inspection 2011
# grades", "what verdict"): any grade the paragraph states answers, as for a movement naming no grade reached.
_GRADE_NOUN = re.compile(r"(?:rating|grade|judge?ment|verdict)s?", re.IGNORECASE)
# Round 31 (`settings.ROUND31_VISIT_TOLD`): a question's word naming a visit ("focused visit", "monitoring visits"); in
# a paragraph, any word of a visit ("visited", "visits").
_VISIT_WORD = re.compile(r"\bvisit(?:s|ed|ing)?\b", re.IGNORECASE)
# A query word asking for councils as a set ("councils", "authorities", "boroughs").
_COUNCILS_WORD = re.compile(r"(?:councils|(?:local\s+)?authorities|boroughs|las)['’]?", re.IGNORECASE)


@lru_cache(maxsize=256)
def asked_by(plan: BestMatchPlan) -> Asked:
    """The grades, councils, judged areas and movement a best-match plan names."""
    typed = " ".join(g.typed for g in plan.groups)
    named = {grade for grade, _ in grades_in(typed)}
    named |= {grade for g in plan.groups if (grade := grades.normalise_grade(g.typed))}
    named |= {value for facet, value in plan.boosts if facet != "council" and value in grades.VALUES}
    moves = [value for facet, value in (*plan.stand_ins, *plan.boosts) if facet == "grade_change"]
    left = {v.split(" ", 1)[1] for v in moves if v.startswith("from ")}
    named |= {v.split(" ", 1)[1] for v in moves if v.startswith(("from ", "to "))}
    if moves and not any(v.startswith("to ") for v in moves) and named <= left:
        named = set(grades.VALUES)  # "downgraded from outstanding": the answer says to what
        left = set()
    if not named and not moves and any(_GRADE_NOUN.fullmatch(g.typed) for g in plan.groups):
        named = set(grades.VALUES)  # "Ofsted rating": whichever grade the paragraph states
    if settings.ROUND29_BACKGROUND_GRADE and not moves and named and named <= set(plan.background):
        named = set()  # round 29: "progress since the inadequate judgement" asks what was found, not the grade
    movement = bool(moves)
    background = set(plan.background)
    if settings.ROUND30_BACKGROUND_MOVEMENT and moves and named & background and named - background \
            and named != set(grades.VALUES):
        # Round 30: "rated good for the first time after inadequate in 2014" asks the grade reached; the grade left,
        # named only as what came before, is the story's background (the paragraph retelling it is not the answer).
        named, left, movement = named - background, left - background, False
    councils = {value for facet, value in plan.boosts if facet == "council"}
    areas = tuple(tuple(tuple(frozenset(alt.stems) for alt in plan.groups[g].alternatives) for g in anchor)
                  for anchor in plan.anchors if anchor)
    areas += tuple(((frozenset(g.alternatives[0].stems),),) for g in plan.groups if _UNRECORDED_AREA.fullmatch(g.typed))
    listing = not councils and any(_COUNCILS_WORD.fullmatch(g.typed) for g in plan.groups)
    counted = listing and any(_is_count(a.typed) and _COUNCILS_WORD.fullmatch(b.typed)
                              for a, b in zip(plan.groups, plan.groups[1:]))
    topic = tuple(tuple(frozenset(alt.stems) for alt in g.alternatives if alt.label != COUNCIL_WORD)
                  for g in plan.groups if g.counted and not _names_the_report(g.typed))
    if settings.ROUND31_VISIT_TOLD and any(_VISIT_WORD.fullmatch(g.typed) for g in plan.groups):
        topic += ((frozenset({VISIT_TOLD}),),)  # round 31: the visit told with its time (search/topic.py)
    names = ()
    if settings.ROUND29_AREA_NAMES:
        typed_areas = [" ".join(plan.groups[g].typed for g in anchor) for anchor in plan.anchors if anchor]
        names = tuple(pattern for pattern, _ in AREA_PATTERNS if any(pattern.search(t) for t in typed_areas))
    figures = tuple(plan.figures) if settings.ROUND31_FIGURE_ASKED else ()
    return Asked(frozenset(named), frozenset(councils), movement, areas, listing, counted=counted,
                 left=frozenset(left), topic=topic, area_names=names, figures=figures)


# Round 31 (`settings.ROUND31_FIGURE_ASKED`): a figure a question quotes: an amount ("£256,000", "£12 million", "5
# million pounds"), a percentage ("8%") or a number of two or more digits ("486 assessments", "86 more social
# workers"). Not a year ("2014", nor either side of "2013-14" or "2009/10"), a day of a month ("Friday 15 March"), an
# age ("16 and 17 year olds") nor a count of councils, areas or grades ("20 councils", "28 excellent 15 performing
# poorly"): those say when or how many, not what a paragraph reports.
_FIGURE = re.compile(r"(?<![\w/.,-])(£)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
                     r"(%|\s*per\s*cent\b|\s*(?:million|m|bn|billion)\b)?(?![\w/-]|,\d)", re.IGNORECASE)
_DAY_BEFORE = re.compile(r"\b(?:" + MONTH_NAMES + r")\s*$", re.IGNORECASE)
_COUNTED_AFTER = re.compile(r"^\s*(?:(?:and|to|-)\s*\d+\s*)?(?:-?\s*years?\b|(?:" + MONTH_NAMES + r")\b)|"
                            r"^\s+(?:[a-z]+\s+)?(?:councils?|authorities|areas|boroughs|las|judgements?|stars?|"
                            r"excellent|outstanding|good|adequate|inadequate|requir\w*|performing|poor\w*)\b",
                            re.IGNORECASE)


def figures_in(query: str) -> tuple[tuple[str, str], ...]:
    """The figures a question quotes, each as (its digits, what a paragraph must write beside them: "%" for a
    one-digit percentage, "m" for a one-digit amount in millions, "£" for a one-digit amount in pounds, else "")."""
    out = []
    for match in _FIGURE.finditer(query):
        pound, digits, unit = match.group(1), match.group(2).replace(",", ""), (match.group(3) or "").strip().lower()
        if not (pound or unit) and (len(digits) < 2 or re.fullmatch(r"(?:19|20)\d\d", digits)):
            continue
        if _DAY_BEFORE.search(query[:match.start()]) or _COUNTED_AFTER.match(query[match.end():]):
            continue
        need = "" if len(digits) > 1 else "%" if unit == "%" or unit.startswith("per") else "m" if unit else "£"
        if (digits, need) not in out:
            out.append((digits, need))
    return tuple(out)


_NEEDED = {"": "", "%": r"\s*(?:%|per\s*cent)", "m": r"\s*(?:million|m|bn|billion)\b", "£": ""}


def figures_held(text: str, figures: tuple[tuple[str, str], ...]) -> bool:
    """True when the paragraph writes every figure the question quotes ("£256,000" as "256,000" or "256000")."""
    plain = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    return all(re.search((r"£" if need == "£" else "") + r"(?<![\d.])" + digits + r"(?!\d|\.\d)" + _NEEDED[need],
                         plain, re.IGNORECASE) for digits, need in figures)


# Round 29 (`settings.ROUND29_BACKGROUND_GRADE`): a grade the question names after "after", "since" or "following",
# with at most three short words between ("since the inadequate judgement", "after two inadequate ratings", "after
# the 2020 inadequate judgement", "after July 2017 inadequate"), is what came before the thing asked.
_BACKGROUND_BEFORE = re.compile(
    r"\b(?:after|since|following)\s+(?:(?:an?|the|its|two|three|several|years\s+of|being|a\s+previous|previous|"
    r"(?:19|20)\d\d|" + MONTH_NAMES + r")\s+){0,3}$", re.IGNORECASE)


def background_grades(query: str) -> tuple[str, ...]:
    """The grades a question names only after "after", "since" or "following": what came before, not what is asked
    ("Bradford monitoring visit slow progress after inadequate" -> ("inadequate",))."""
    found = set()
    for grade, word in grades_in(query):
        if any(_BACKGROUND_BEFORE.search(query[:m.start()])
               for m in re.finditer(r"(?<!\w)" + re.escape(word) + r"(?!\w)", query, re.IGNORECASE)):
            found.add(grade)
    return tuple(sorted(found))


def _names_the_report(typed: str) -> bool:
    """True for a query word naming what the whole report is (its council, its year): in a one-council
    story such a word marks the introduction, not the paragraph about the question's topic."""
    return bool(councils_in(typed)) or bool(re.fullmatch(r"(?:19|20)\d\d", typed))


def _is_count(word: str) -> bool:
    """True for a number of things, in words or digits ("twelve", "12"; not a year)."""
    return bool(other_form(stem(word.lower()))) or word.isdigit() and len(word) < 4


def _list_worth(asked: Asked) -> int:
    """What a list of councils is worth: one feature, or more than the grade for a question counting councils."""
    return settings.RANKING.answer_grade_weight + 1 if asked.counted else 1


# Everyday grade words ("good", "outstanding") are a grade after a rating word, in quotes, after a list's dash or
# colon, or before "rating"/"grade"; a past grade counts too (a movement question asks about it).
_CUE_BEFORE = re.compile(r"(?:\b(?:rat(?:ed|ing|es)|judge(?:d|ment)|grade[sd]?|graded|overall|deemed|branded|labelled|found|"
                         r"now|remains?|still|stays?|as|ofsted)\b[^.;]{0,40}|\b(?:is|are|was|were|be|been)\s+|[–—:-])\s*['‘“\"]?$",
                         re.IGNORECASE)
_CUE_AFTER = re.compile(r"^\s*(?:['’”\"]|[,.]?\s*(?:rating|grade|judgement|overall)\b)", re.IGNORECASE)
_NOT_A_GRADE = re.compile(r"^\s+(?:practice|progress|quality|examples?|news|reasons?|work|relationships?|support|"
                          r"understanding|enough|at|for(?!\s+(?-i:[A-Z]))|to|in\s+(?:places|parts))\b", re.IGNORECASE)
# ("good for children" is not a grade; "good for East Sussex, Essex and Staffordshire" in a round-up is.)
# Straight after a rating verb a grade word is a grade whatever place or service follows: "judged outstanding for its
# safeguarding", "rated good at keeping children safe", "graded inadequate in every area".
_RATED_JUST_BEFORE = re.compile(r"\b(?:rat(?:ed|es)|judged?s?|graded?s?|deemed|found)\s+(?:as\s+|to\s+be\s+)?['‘“\"]?$",
                                re.IGNORECASE)
_SERVICE_AFTER = re.compile(r"^\s+(?:for|at|in)\b", re.IGNORECASE)
# Round 29 (`settings.ROUND29_GRADE_FOR_AREA`): a grade word followed by "for" and a judged area's name (the way a
# report phrases an area, "the experiences and progress of", "the impact of", allowed before it) is that area's
# grade, wherever the sentence began: "good overall, with outstanding for its care leavers".
_FOR_AREA = re.compile(r"^['’”\"]?\s+for\s+(?:the\s+)?(?:experiences?\s+and\s+progress\s+of\s+|impact\s+of\s+|its\s+)?"
                       r"(?:" + "|".join(pattern.pattern for pattern, _ in AREA_PATTERNS) + ")", re.IGNORECASE)


# An everyday grade word at either end of a change between grades is a grade: "down from good to requires
# improvement", "from 'inadequate' to good" (the pair says what both words are).
_FROM_BEFORE = re.compile(r"\bfrom\s+['‘“\"]?$", re.IGNORECASE)
_TO_GRADE_AFTER = re.compile(r"^['’”\"]?\s+to\s+(?:be\s+)?['‘“\"]?(?:" + grades.GRADE_RE.pattern + ")", re.IGNORECASE)
_FROM_GRADE_TO_BEFORE = re.compile(r"\bfrom\s+['‘“\"]?(?:" + grades.GRADE_RE.pattern + r")['’”\"]?\s+to\s+['‘“\"]?$",
                                   re.IGNORECASE)


def stated_grades(text: str) -> set[str]:
    """The grades a paragraph names as grades (present or past): everyday words only where cued as a rating."""
    out = set()
    for match in grade_matches(text):
        word = match.group()
        before, after = text[max(0, match.start() - 60):match.start()], text[match.end():match.end() + 60]
        if grades.is_cued_word(word.lower()) and not _changes_between(before, after):
            rated = _RATED_JUST_BEFORE.search(before) and _SERVICE_AFTER.match(after) or \
                settings.ROUND29_GRADE_FOR_AREA and _FOR_AREA.match(text[match.end():match.end() + 120])
            if not rated and (_NOT_A_GRADE.match(after) or not (_CUE_BEFORE.search(before) or _CUE_AFTER.match(after)
                                                                or (word[:1].isupper() and match.start() > 0))) \
                    and not (settings.ROUND25_GRADE_ENDS_SENTENCE and _rated_in_sentence(text, match)):
                continue
        out.add(grades.grade_of_match(match))
    return out


# Round 25 (`settings.ROUND25_GRADE_ENDS_SENTENCE`): a rating verb earlier in the sentence, however far before the
# grade word that ends it ("inspectors rated the borough's help for families and children outstanding."): the
# verb's object can be a long name, beyond `_CUE_BEFORE`'s 40 characters. The word must end the sentence, so "rated
# good for its schools" or "found good practice" stay as they were. "found" is left out (the lead, round 25): a
# finding reaches further than a rating ("found that the work with families was good"), and leaving it out changed
# no judged paragraph shown on the fixtures (561/728) or the real text (532/712).
_RATING_VERB_EARLIER = re.compile(r"\b(?:rat(?:ed|es)|judged?s?|graded?s?|deemed|assessed|labelled|branded)\b"
                                  r"[^.;!?]{0,120}$", re.IGNORECASE)
_ENDS_SENTENCE = re.compile(r"^['’”\"]?\s*(?:[.;!?]|$)")


def _rated_in_sentence(text: str, match: re.Match) -> bool:
    """True for a grade word ending its sentence after a rating verb earlier in the same sentence."""
    return bool(_ENDS_SENTENCE.match(text[match.end():match.end() + 5])
                and _RATING_VERB_EARLIER.search(text[max(0, match.start() - 140):match.start()]))


def _changes_between(before: str, after: str) -> bool:
    """True for a grade word at either end of "from <grade> to <grade>"."""
    return bool(_FROM_BEFORE.search(before) and _TO_GRADE_AFTER.match(after) or _FROM_GRADE_TO_BEFORE.search(before))


# What every way of writing a grade contains (grades.GRADES' phrasings): a paragraph with none of it states no
# such grade, and the grade patterns need not run over it (long report paragraphs).
_GRADE_HINTS = {"outstanding": re.compile(r"outstanding|excellen|highest|top", re.IGNORECASE),
                "good": re.compile(r"good|well", re.IGNORECASE), "adequate": re.compile(r"adequate", re.IGNORECASE),
                "requires improvement": re.compile(r"requir|\bRI\b", re.IGNORECASE),
                "inadequate": re.compile(r"inadequate|poor|lowest|worst|failing", re.IGNORECASE)}


def _may_state(asked: frozenset[str], text: str) -> bool:
    """False when the text cannot state any of the asked grades (a cheap test before the grade patterns)."""
    return any(_GRADE_HINTS[grade].search(text) for grade in asked if grade in _GRADE_HINTS) or \
        any(grade not in _GRADE_HINTS for grade in asked)


def answers(asked: Asked, text: str, round_up: bool = False) -> int:
    """How well the paragraph's own words answer: the asked grade (answer_grade_weight), the judged area beside it, a
    movement, a list of councils for a question about councils as a set, and in a round-up (`round_up`: a
    document about several councils) the asked council named without a list of others."""
    stated = stated_grades_cached(text) if _may_state(asked.grades, text) else frozenset()
    if asked.left and not (told_earlier(text) or _tells_change(text)):
        # The grade left, stated with no earlier time and no change, is another judgement's grade of the same day
        # ("three judgements came out outstanding; the other two were good"), not the movement's start.
        stated -= asked.left
    count = 0
    if asked.grades and asked.grades & stated:
        count += settings.RANKING.answer_grade_weight
        words = {_stem(word) for word in set(folded_words(text))}
        area = any(all(any(alt <= words for alt in word) for word in area) for area in asked.areas) or \
            settings.ROUND29_AREA_NAMES and any(pattern.search(text) for pattern in asked.area_names)
        # A question naming two grades (a movement, a sub-judgement against the overall grade) is answered best by
        # the paragraph stating both; for a question about a judged area, only where the area is named too (a
        # paragraph giving "good with outstanding features" does not say which area was outstanding).
        count += len(asked.grades) > 1 and asked.grades <= stated and (area or not asked.areas)
        count += area
    if asked.figures and figures_held(text, asked.figures):
        # Round 31: the quoted figure is worth one more than the asked grade, in its place: a paragraph stating the
        # grade too counts one more than the grade alone (the change told beside a figure still outweighs it).
        count += 1 + (0 if asked.grades & stated else settings.RANKING.answer_grade_weight)
    left = asked.left & stated
    # The grade left tells the change ("had held a 'good' rating until now"): it counts once more, and as a movement.
    count += bool(left) * settings.RANKING.answer_left_extra
    if asked.movement and (left or sentence_moves(text) or stated and _CHANGED.search(text) or changed_since(text)):
        count += 1
    if asked.listing or round_up and asked.councils:
        named = _councils_named(text)
        if asked.listing:
            count += (len(named) >= 2) * _list_worth(asked)
        else:
            count += bool(named & asked.councils) and len(named - asked.councils) <= 1
            # A question listing councils is answered by the paragraph listing them, whatever others it names.
            count += len(asked.councils) > 1 and len(named & asked.councils) > 1
    return count


# An earlier time told beside a grade: "had held", "at its previous inspection", "last rated", "until now", "in 2019",
# "two years ago", "good two years after inadequate", "moved from". Without one, two grades in a paragraph are two judgements of one inspection.
_EARLIER_TIME = re.compile(r"\b(?:had|previous(?:ly)?|last|until|before|after|earlier|former(?:ly)?|from|since|once|"
                           r"used\s+to|ago|(?:19|20)\d\d)\b", re.IGNORECASE)


def _tells_change(text: str) -> bool:
    """True for a paragraph telling a change ("has climbed out of its 'inadequate' grade", "lowered to")."""
    return bool(sentence_moves(text) or _CHANGED.search(text) or changed_since(text))


def told_earlier(text: str) -> bool:
    """True for a paragraph telling an earlier time (where a grade it states can be the grade left)."""
    return bool(_EARLIER_TIME.search(text))


def shown_paragraph(asked: Asked, candidates: Iterable[tuple[int, str]], round_up: bool = False,
                   window: int | None = None) -> int:
    """The position among the candidates ((paragraph number, text), the best-ranked first, then in ranking order;
    read lazily) of the paragraph to show: the best-ranked one when it answers as well as any, else the best answer,
    ties to the earliest in the document after its opening paragraph. Ties do not follow the ranking below the best:
    the backends order a document's lesser paragraphs differently (ts_rank is flatter than BM25F) and must show the
    same one."""
    window = settings.RANKING.answer_candidates if window is None else window
    if asked.topical(round_up) and settings.RANKING.topic_rule != "off" and len(asked.topic) > 1:
        # (one topic word: every candidate has it, and the candidates' texts need not be read)
        # Ranking round 15: a topic question's paragraph (search/topic.py).
        return _topic_paragraph(asked, candidates, min(window, settings.RANKING.topic_candidates))
    if not asked.anything:
        return 0
    most = _most(asked, round_up)
    chosen, best = 0, None
    for at, (number, text) in enumerate(islice(candidates, window)):
        # Ranking round 14: a tie below the best-ranked goes to the earliest paragraph after the opening one. A
        # story's opening summarises (headline words, "now rated good"); the paragraph after it that answers as
        # well tells it in full. Chosen on each fold of the judged sets, it lifted the other's shown share.
        complete = not reaction(text) and not (settings.ROUND30_CUT_SHORT and cut_short(text))
        key = (answers(asked, text, round_up), complete, at == 0, number > 1, -number)
        if best is None or key > best:
            chosen, best = at, key
        if at == 0 and key[0] >= most and key[1]:
            break  # the best-ranked paragraph answers fully
    return chosen


def _topic_paragraph(asked: Asked, candidates: Iterable[tuple[int, str]], window: int) -> int:
    """A topic question's paragraph (search/topic.py)."""
    rule = settings.RANKING.topic_rule
    candidates = iter(candidates)
    first = next(candidates, None)
    if first is None:
        return 0
    if settings.ROUND31_VISIT_TOLD and any(VISIT_TOLD in word[0] for word in asked.topic) \
            and not _VISIT_WORD.search(first[1]):
        # Round 31: the visit told counts only where the best-ranked paragraph speaks of a visit.
        asked = dataclasses.replace(asked, topic=tuple(word for word in asked.topic if VISIT_TOLD not in word[0]))
    if not settings.ROUND29_OPENING_TOPIC or first[0] == 1:
        return topic_choice(asked.topic, chain([first], candidates), rule, window)
    # Round 29: the opening may replace a best-ranked paragraph the topic rule keeps (an opening best-ranked is
    # the topic rule's own case); a best-ranked with every topic word is kept unless it is someone's comment.
    comment = settings.ROUND29_REACTION_OPENING and reaction(first[1])
    if not comment and topic_counts(asked.topic, [first[1]])[0] == len(asked.topic):
        return topic_choice(asked.topic, chain([first], candidates), rule, window)
    listed = [first, *islice(candidates, window - 1)]
    return topic_choice(asked.topic, iter(listed), rule, window) or _opening_instead(asked.topic, listed, comment)


def _opening_instead(topic: Topic, listed: list[tuple[int, str]], comment: bool = False) -> int:
    """Round 29 (`settings.ROUND29_OPENING_TOPIC`): the position of the opening paragraph among a topic question's
    candidates when it is a sentence (not a headline) with more topic words than the best-ranked, else 0. A page's
    lede states the finding a question quotes ("the council was ordered to improve after an inspection found ..."),
    while a later paragraph can rank first by repeating part of the question's words in its background. With
    `comment` (`settings.ROUND29_REACTION_OPENING`: the best-ranked is someone's reaction) an opening that is no
    reaction needs only some topic word and at most one fewer: the comment repeats the question's words, the lede
    states what was found."""
    opening = next((at for at, (number, text) in enumerate(listed) if number == 1 and not is_headline(text)), None)
    if not opening:
        return 0
    best, lede = topic_counts(topic, [listed[0][1], listed[opening][1]])
    if lede > best:
        return opening
    return opening if comment and lede and lede >= best - 1 and not reaction(listed[opening][1]) else 0


# Someone's reaction to a finding: a person's title and a verb of saying in one paragraph ("Councillor Read, cabinet
# member for children's services, said the result ..."). News reports state the finding, then the reactions to it,
# which repeat the grade; among paragraphs answering alike the statement comes first. ("Ofsted says Bradford ..."
# reports the finding: the inspectorate is no person's title.)
_FINDING_NOUN = r"(?:reports?|letters?|ofsted|inspectors?|inspectorate|inspections?|watchdog|reviews?)"
_SAYING = re.compile(r"\b(?:said|says|saying|told|added|according\s+to"
                     r"(?!\s+(?:the\s+|its\s+|their\s+)?(?:new\s+|latest\s+)?" + _FINDING_NOUN + r"\b))\b",
                     re.IGNORECASE)
# The inspection's own words are the finding, whoever else the paragraph names: "the new report says ... under the
# current director", "in a letter to the director, inspectors said ...". A saying verb straight after such a subject
# (an aside between commas allowed: "the report, published today, says") attributes nothing to a person.
def _finding_subject(aside: int) -> re.Pattern:
    """A finding noun right before a saying verb, an aside of up to `aside` characters between commas allowed."""
    return re.compile(r"\b" + _FINDING_NOUN + r"['’]?s?\s*(?:,[^,]{0,%d},\s*)?$" % aside, re.IGNORECASE)


_FINDING_SUBJECT = _finding_subject(40)
# Round 29 (`settings.ROUND29_REACTION_OPENING`): an aside up to 60 characters ("the letter, addressed to the
# council's corporate director for children, says"): an addressee with a title is no speaker.
_FINDING_SUBJECT_WIDE = _finding_subject(60)
_TITLE = re.compile(r"\b(?:councillor|cllr|cabinet\s+member|portfolio\s+holder|leader|chief\s+executive|minister|"
                    r"mayor|spokes(?:man|woman|person)|MP|chair(?:man|woman)?|secretary|director)\b", re.IGNORECASE)


# A sentence's end: a stop (and any closing quote) before the next sentence's capital or opening quote; not the stop
# of a title before a name ("Dr. Jane Smith, director of children's services, said").
_SENTENCE_END = re.compile(r"(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bMrs)(?<!\bCllr)(?<!\bProf)"
                           r"[.!?][\"')\]’”]*\s+(?=[\"'‘“]?[A-Z])")


def reaction(text: str) -> bool:
    """True for a paragraph opening by attributing words to a person by title (a reaction, not the finding). A
    paragraph stating the finding first and a person's words after it ("Four councils received a single star: ...
    The minister said their results worried her") is the finding."""
    end = None if text.lstrip()[:1] in "\"'‘“" else _SENTENCE_END.search(text)  # a quotation opening is someone's
    first = text[:end.start() + 1] if end else text
    subject = _FINDING_SUBJECT_WIDE if settings.ROUND29_REACTION_OPENING else _FINDING_SUBJECT
    return bool(_TITLE.search(first)) and any(not subject.search(first[max(0, m.start() - 80):m.start()])
                                              for m in _SAYING.finditer(first))


# Round 30 (`settings.ROUND30_CUT_SHORT`): a paragraph the page's text cut off. It has no sentence end and either
# ends on a word that cannot end a sentence ("after a", "which it was given at the", a trailing comma or dash),
# carries a photo credit ("Picture: <agency>", "(Image: <council>)"), or runs on past a full sentence and stops
# mid-way ("... in 2019. The visit before it had left the"). A numbered list line ("3. Leadership: Inadequate") and
# a paragraph ending on a web address ("the full report is at www.<site>") are not cut.
_CUT_WORD = re.compile(r"(?:\b(?:the|an?|of|for|to|with|and|or|in|on|by|at|as|from|that|which|who|is|are|was|were|"
                       r"be|been|has|have|had|its|their|our|this|but|than|into)|[,–—-])\s*$", re.IGNORECASE)
_CREDIT = re.compile(r"\b(?:Picture|Photo|Image|Photograph)\s*:|\((?:Photo|Image|Picture)\b", re.IGNORECASE)
_RUNS_ON = re.compile(r"(?<!^)(?<!^\d)(?<!^\d\d)(?<!^\d\d\d)[.!?][\"'’”)]*\s+[\"'‘“]?[A-Z]")
_WEB_END = re.compile(r"(?:www\.|https?://|\.(?:com|org|uk|gov)\b)\S*$", re.IGNORECASE)


def cut_short(text: str) -> bool:
    """True for a paragraph the page's text cut off: a teaser stopping mid-sentence, a photo caption with its credit."""
    text = text.strip()
    if not is_headline(text) or _WEB_END.search(text):
        return False
    return bool(_CUT_WORD.search(text) or _CREDIT.search(text) or _RUNS_ON.search(text))


def _most(asked: Asked, round_up: bool) -> int:
    """The highest `answers` can give for this question (a candidate reaching it ends the search)."""
    r = settings.RANKING
    return (bool(asked.grades) * (r.answer_grade_weight + bool(asked.areas) + (len(asked.grades) > 1))
            + bool(asked.left) * r.answer_left_extra + asked.movement
            + bool(asked.figures) * (1 + (not asked.grades) * r.answer_grade_weight)
            + (_list_worth(asked) if asked.listing else round_up and bool(asked.councils) + (len(asked.councils) > 1)))


@lru_cache(maxsize=4096)
def _councils_named(text: str) -> frozenset[str]:
    """The councils a paragraph names, cached (one pattern over every council name and alias is slow)."""
    return frozenset(value for value, _ in councils_in(text))


@lru_cache(maxsize=4096)
def stated_grades_cached(text: str) -> frozenset[str]:
    """`stated_grades`, cached per paragraph text (a page's paragraphs come back for the next question)."""
    return frozenset(stated_grades(text))


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A folded word's stem, cached (paragraphs repeat their words)."""
    return stem(word)
