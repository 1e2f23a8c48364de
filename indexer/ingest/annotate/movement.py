"""Grade movement: the grades a council left and reached ("moves out of inadequate", "downgraded to
inadequate", "improved from inadequate to good"), as values of the hidden `grade_change` field.

An article is read by rules over its sentences and the one grade table; a report, which states only its current
judgement, takes its movement from the official outcomes history (its council's previous graded inspection).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from indexer import settings
from indexer.grades import BY_VALUE, compares_as, grade_of_match, grades_agree, is_cued_word
from indexer.models import Document
from indexer.ingest.annotate import outcomes as outcome_table
from indexer.ingest.annotate.attribution import council_mentions
from indexer.ingest.annotate.earlier_grade import dated_before
from indexer.ingest.annotate.intervention_exit import leaves_intervention
from indexer.ingest.annotate.grade_context import (RATING_NOUN_OF, about_others, given_by_earlier_inspection, is_past,
                                                   shed_by_action, since_clause)
from indexer.ingest.annotate.severity import is_sub_area
from indexer.ingest.annotate.text_units import Sentence, document_sentences
from indexer.ingest.annotate.scan import grade_matches

IMPROVED, DECLINED = "improved", "declined"
_Q = r"['‘“\"]?"
# Verbs only ("improvement" is a noun: "requiring improvement in order to be good" is no movement).
_UP = (r"upgrad(?:e|ed|es|ing)|improv(?:e|ed|es|ing)|rais(?:e|ed|es|ing)|r[io]se|risen|rising|climb(?:s|ed|ing)?"
       r"|jump(?:s|ed|ing)?|leap(?:s|t|ed|ing)?|lift(?:s|ed|ing)?|promot(?:e|ed|es|ing)"
       r"|(?:went|gone|go(?:es)?|mov(?:e|ed|es|ing)|step(?:s|ped)?)\s+up")
_DOWN = (r"downgrad(?:e|ed|es|ing)|dropp?(?:ed|s|ing)?|f[ae]ll(?:s|en|ing)?|slipp?(?:ed|s|ing)?|slump(?:s|ed|ing)?|cut"
         r"|plung(?:e|ed|es|ing)|s[au]nk|demot(?:e|ed|es|ing)|slid(?:e|es|ing)?|relegat(?:e|ed|es|ing)"
         r"|(?:went|gone|go(?:es)?)\s+down")
_NEUTRAL = r"mov(?:e|ed|es|ing)|go(?:es|ing)?|went|gone|chang(?:e|ed|es|ing)|shift(?:s|ed|ing)?"
_VERB = rf"\b(?:(?P<up>{_UP})|(?P<down>{_DOWN})|{_NEUTRAL})\b"
# A word that only says a grade changed ("no longer", "moved out of", "jumped two grades", "shaken off").
CUE_WORD = re.compile(rf"(?:{_UP}|{_DOWN}|{_NEUTRAL}|longer|out|off|shaken|shook|shed|lost|grades?|one|two|three)",
                      re.IGNORECASE)
_FILLER = r"(?:(?:the|an?|its|their|being|been|be|rated|judged|graded|as)\s+|(?:judgement|rating|grade)\s+of\s+)*"
# After "to" no "be": "improvement since 2011, when services were judged to be good" names a past grade.
_TO_FILLER = r"(?:(?:the|an?|its|their|rated|judged|graded)\s+)*"
# "no longer rated inadequate", "moved out of the inadequate category" (a bare "not" is no change of grade).
_NO_LONGER = re.compile(rf"\b(?:no longer|out of)\s+{_FILLER}{_Q}$", re.IGNORECASE)
# "upgrades Doncaster from 'inadequate'", "climbed from inadequate" ("ranged from" is no movement: no verb).
_FROM = re.compile(rf"{_VERB}[^.;]{{0,50}}?\bfrom\s+{_FILLER}{_Q}$", re.IGNORECASE)
# Round 32: the rating noun with an adjective ("from an overall grade of", "to a grade of").
_FROM_32 = re.compile(rf"{_VERB}[^.;]{{0,50}}?\bfrom\s+{RATING_NOUN_OF}{_Q}$", re.IGNORECASE)
_TO_32 = re.compile(rf"{_VERB}[^.;]{{0,90}}?\b(?:to|into)\s+{RATING_NOUN_OF}{_Q}$", re.IGNORECASE)
# "rated outstanding, up from good", "inadequate, down two grades from good": a bare "up"/"down" before "from".
_UP_DOWN_FROM = re.compile(rf"\b(?P<way>up|down)\s+(?:(?:a|one|two|three)\s+grades?\s+)?from\s+{_FILLER}{_Q}$",
                           re.IGNORECASE)
# "downgraded to inadequate", "lifted the rating from the 'inadequate' it gave in 2013 to 'requires improvement'"
_TO = re.compile(rf"{_VERB}[^.;]{{0,90}}?\b(?:to|into)\s+{_TO_FILLER}{_Q}$", re.IGNORECASE)
# Words that make a grade word an adjective ("improved to good effect", "fell to inadequate levels").
_NOUN_AFTER = re.compile(r"^['’”\"]?\s+(?:practice|progress|quality|standards?|levels?|housing|supervision|effect"
                         r"|use|work|examples?|reasons?|relationships?|news|start|idea|deal|number|evidence|people"
                         r"|place|time|enough|care|provision)\b", re.IGNORECASE)
# An everyday grade word ("good", "outstanding") is a grade here only where the phrase ends with it: "moved to
# good in 2018", "upgraded to 'good' overall" — not "cut funding to outstanding councils".
_PHRASE_END = re.compile(r"^['’”\"]?(?:\s*(?:$|[.,;:!?)–—-])|\s+(?:rating|grade|judgement|verdict|overall|label|for|in"
                         r"|by|from|after|and|but|with|at|since|under|following|last|this|when|on|as|before|across"
                         r"|it|its|to|status|category)\b)", re.IGNORECASE)
_RATED_BEFORE = re.compile(rf"\b(?:rated|judged|graded|deemed|been|was|were|as)\s+{_Q}$", re.IGNORECASE)


@dataclass(frozen=True)
class Move:
    """One grade change a sentence states: the grade left and/or reached, and the direction when known."""

    left: str = ""
    reached: str = ""
    direction: str = ""


def sentence_moves(sentence: str) -> list[Move]:
    """The grade changes one sentence states ("shaken off its inadequate rating", "downgraded to inadequate")."""
    out = []
    for match in grade_matches(sentence):
        before = sentence[max(0, match.start() - 120):match.start()]
        after = sentence[match.end():match.end() + 30]
        grade = grade_of_match(match)
        if _NOUN_AFTER.match(after) or is_cued_word(match.group()) and not _PHRASE_END.match(after):
            continue
        if settings.ROUND33_OTHERS_LEFT and about_others(before[-80:]):
            continue  # round 33: "one of which has now moved out of 'inadequate'": another council's move
        if _NO_LONGER.search(before) or shed_by_action(before[-60:]):
            out.append(Move(left=grade))
        elif (found := _FROM.search(before)) or settings.ROUND32_RATING_NOUN_MOVES and (found := _FROM_32.search(before)):
            out.append(Move(left=grade, direction=_direction(found)))
        elif (found := _UP_DOWN_FROM.search(before)):
            out.append(Move(left=grade, direction=IMPROVED if found.group("way").lower() == "up" else DECLINED))
        elif (found := _TO.search(before)) or settings.ROUND32_RATING_NOUN_MOVES and (found := _TO_32.search(before)):
            out.append(Move(reached=grade, direction=_direction(found)))
    return out


def _direction(verb: re.Match) -> str:
    """Improved or declined as the verb says ("upgraded", "dropped"); '' for "moved", "changed"."""
    return IMPROVED if verb.group("up") else DECLINED if verb.group("down") else ""


# Round 7: a grade the text marks as the first of the council's history ("first judged", "originally rated").
_FIRST_GRADE = re.compile(r"\b(?:first|originally|initially)\s+(?:rated|judged|graded|found|deemed|branded|labell?ed|declared"
                          r"|classed|placed|put)\s+(?:as\s+|to\s+be\s+|in\s+)?['‘“\"]?$", re.IGNORECASE)


# Round 33: "the 2015 inspection, which found Stoke ...", "its 2019 report, which judged the council ...": the finding of
# an inspection the sentence dates by its year, told in a relative clause.
_DATED_FINDING = re.compile(r"\b(?:19|20)\d\d\s+(?:[\w'’-]+\s+){0,2}?(?:inspection|report|judgement|verdict)s?,?\s+"
                            r"(?:which|that)\s+(?:had\s+)?(?:found|judged|rated|graded|deemed|branded)\s+"
                            r"(?:[\w'’-]+\s+){0,4}?(?:as\s+|to\s+be\s+)?['‘“\"]?$", re.IGNORECASE)


def past_grades(sentences: list[Sentence], subject: str, day: dt.date | None) -> list[str]:
    """Overall grades the text gives the subject council's earlier inspections ("in 2015, when they were judged
    inadequate", "previously rated good"); not those of areas of work or of other councils."""
    out = []
    for sentence in sentences:
        text = sentence.text
        if is_sub_area(text) or any(code != subject for _, code in council_mentions(text, day)):
            continue
        for match in grade_matches(text):
            before, after = text[max(0, match.start() - 60):match.start()], text[match.end():match.end() + 40]
            if is_cued_word(match.group()) and not _RATED_BEFORE.search(before):
                continue  # "the previous inspection found good practice"
            if _FIRST_GRADE.search(before):
                continue  # "a decade after it was first judged inadequate": where the history began, not the grade left
            earlier = given_by_earlier_inspection(text[:match.start()]) == "previous"
            # round 9: "since they were judged inadequate" stands as the current grade until a newer one is stated,
            # and in the history it is an earlier inspection's grade all the same
            earlier = earlier or since_clause(text[max(0, match.start() - 120):match.start()])
            # round 17: "four years ago … 'required improvement'", "the 'inadequate' judgement of 2022"
            earlier = earlier or dated_before(text[:match.start()], after, day.year if day else None)
            # round 33: "since the 2015 inspection, which found Stoke required improvement": a dated inspection's
            # finding, told in a relative clause, is history (a grade equal to the current one is dropped by the caller)
            earlier = earlier or settings.ROUND33_DATED_FINDING and bool(_DATED_FINDING.search(before))
            if not _NOUN_AFTER.match(after) and (is_past(before, after) or earlier):
                out.append(grade_of_match(match))
    return out


def rank(grade: str) -> int:
    """Where a grade sorts on the current scale (1 = best)."""
    return BY_VALUE[compares_as(grade)].rank


def change_values(moves: list[Move], current: str = "") -> list[str]:
    """The `grade_change` values of some moves: "from <grade>", "to <grade>", "improved", "declined".

    A grade left, with a different current grade, also reached that grade (single-subject documents only pass
    `current`); the direction follows from the two grades when the words do not say it."""
    left = [m.left for m in moves if m.left]
    reached = [m.reached for m in moves if m.reached]
    if current and any(not grades_agree(g, current) for g in left):
        reached.append(current)
    directions = [m.direction for m in moves if m.direction]
    if not directions and left and reached:
        directions = [IMPROVED if rank(reached[0]) < rank(left[0]) else DECLINED]
    values = [f"from {g}" for g in left] + [f"to {g}" for g in reached] + directions
    return list(dict.fromkeys(values))


def article_moves(sentences: list[Sentence], subject: str, current: str, day: dt.date | None) -> list[Move]:
    """Every change the sentences state; for one subject council with a current grade, also an earlier grade
    that differs from it ("rated inadequate in 2022 … now good")."""
    moves = [m for s in sentences for m in sentence_moves(s.text)]
    if subject and current:
        moves += [Move(left=g) for g in past_grades(sentences, subject, day) if not grades_agree(g, current)]
        # round 17: intervention follows an inadequate grade, so leaving it left that grade
        if not grades_agree("inadequate", current) and any(leaves_intervention(s.text) for s in sentences):
            moves.append(Move(left="inadequate"))
    return moves


def report_moves(code: str, published: dt.date | None, current: str) -> list[Move]:
    """A report's change from its council's previous graded inspection in the official record."""
    if not (code and published and current):
        return []
    earlier = [o for o in outcome_table.for_council(code)
               if o.published and o.published < published and outcome_table.official_grade(o)]
    if not earlier:
        return []
    previous = outcome_table.official_grade(earlier[-1])
    return [] if grades_agree(previous, current) else [Move(left=previous, reached=current)]


def grade_change(doc: Document, is_report: bool) -> tuple[list[str], str]:
    """A document's `grade_change` values and where they come from; none for a document about no council (a
    school's inspection), nor for a report without a linked official outcome (its long text is not read)."""
    if not doc.council_code:
        return [], ""
    single = len(doc.council_code) == 1
    current = doc.severity[0] if single and doc.severity else ""
    if is_report:
        published = doc.outcomes[0].get("published") if doc.outcomes else None
        day = dt.date.fromisoformat(published) if published else None
        return change_values(report_moves(doc.council_code[0], day, current)), "official outcomes history"
    subject = doc.council_code[0] if single else ""
    moves = article_moves(document_sentences(doc), subject, current, doc.published)
    return change_values(moves, current if single else ""), "text"
