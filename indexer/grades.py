"""The one Ofsted grade vocabulary: rank, display order, equivalences and every way a grade is written.

Everything else (settings, extraction, facets, evaluation) derives its grade words and orderings from GRADES.
This module imports nothing from the package so that `settings` can use it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


# Round 7: the 2002-08 Comprehensive Performance Assessment scored children's services in stars and the 2005-08
# annual performance assessments and 2009-12 annual ratings on four numbered bands (4 the best, unlike inspection
# grades, where 1 is). A star count is a grade only as a rating ("the maximum four stars", "a single star", "two stars
# for children's services"), never on its own ("a four-star hotel"); a band number only as a score out of four.
_STAR_AS_RATING = (r"[- ]stars?(?=\s+(?:for\s+(?:its\s+|their\s+)?(?:children|services)|ratings?\b|overall\b|in\s+the\s+(?:CPA|assessment))"
                   # round 15: a count of stars the sentence glosses as a grade ("three stars, meaning good")
                   r"|,?\s+(?:meaning|which\s+means|i\.e\.)\s)")
# "the second-lowest of Ofsted's four grades", "the top one of four ratings": the rank may be counted out of the scale.
_OF_FOUR = r"(?:one\s+)?of\s+(?:the\s+|Ofsted['’]s\s+|its\s+)?(?:four|4)\s+(?:possible\s+)?(?:ratings|grades|judgements)"
# The 2005-08 annual performance assessments' own band descriptors: well above, consistently above, only at, and not
# meeting the minimum requirements (outstanding, good, adequate, inadequate).
_MINIMUM = r"(?:the\s+)?minimum\s+requirements"
# round 15: also "given a rating of two out of four", "scored three out of a possible four"
_SCORED = (r"(?:scored?|scoring|got|gets|given|awarded|achieved|received|rated)\s+(?:a\s+|the\s+)?"
           r"(?:(?:score|rating|mark|grade)\s+of\s+|grade\s+)?")
_OUT_OF_FOUR = r"\s+out\s+of\s+(?:a\s+(?:possible|maximum)\s+(?:of\s+)?)?(?:4|four)\b"
# Round 26 (old26, ROUND26_SCORE_SHAPES): the real pages print the band's number as a score in shapes of their own: the
# score named by its noun, a year or "just" between ("an overall grading of two out of four", "a rating for 2008
# of just 1", on a scale of 4), or "as being" with the scale in brackets ("assessed the services as being 1
# (out of 4)"). The scale then ends the phrase (a dash, a stop, "or 'adequate'", "for ..."): "three out of four
# areas" counts areas.
SCORE_SHAPES = True
_SCORE_OF = (r"(?:\b(?:score|scoring|rating|mark|grade|grading)\s+(?:for\s+(?:19|20)\d\d\s+)?of\s+(?:just\s+|only\s+)?"
             r"|\bas\s+being\s+)")
_SCALE_ENDS = (r"\s*\(?\s*out\s+of\s+(?:a\s+(?:possible|maximum)\s+(?:of\s+)?)?(?:4|four)(?:\s*\))?"
               r"(?=\s*(?:[.,;:!?)\-–—]|$)|\s+(?:or|for|in|overall|after|following)\b)")


def _score_shape(number: str) -> tuple[str, ...]:
    """The round-26 score shapes for one band number ("one|1"), or none with the switch off."""
    return (rf"{_SCORE_OF}(?:{number}){_SCALE_ENDS}",) if SCORE_SHAPES else ()
# round 15: the 2005-12 annual ratings' end bands named by place ("put in the bottom band", "in the top band")
_END_BAND = r"\s+band\b(?!\s+(?:of\s+)?(?:pay|tax|council\s+tax|salar))"
# Round 13: the annual ratings' band verb, not after a word that denies it. "Failing to perform adequately" is a
# statutory direction's finding (any era), "not performing well" a criticism: neither hands out a band.
# Round 24 (apa24, settings.ROUND24_QUOTED_BANDS mirrors it): the bands' adverb quoted after the verb ("performing
# 'adequately'", "performs “poorly”"): pages quote the band's own word. grades.py imports nothing from the package,
# so its switch lives here.
QUOTED_BANDS = True
BAND_QUOTE = r"['‘’“”\"]{0,2}" if QUOTED_BANDS else ""
# The 2005-11 annual ratings' four-point scale as pages write it ("performing well"), and the ways a page says it of
# a subject or names it as a grade (council.py's school-story test, calendar.py's rating round).
APA_SCALE = r"perform(?:ing|s|ed)\s+(?:excellently|well|adequately|poorly)\b"
_APA_OPEN_QUOTES = r"['‘’“”\"]*"
_APA_VERBS = (r"(?:(?:was|were|is|are|has|have|had|been|being|now|still|judged|rated|ranked|found|deemed|assessed|classed"
              r"|graded|considered|said|to|be|as)\s+){1,4}")


def apa_scale_said(subjects: str, nouns: str) -> str:
    """A pattern's text: the scale said of one of `subjects` ("the council was performing well"), before one of
    `nouns` ("a 'performing well' rating"), or as "a rating of 'performing well'"."""
    return (r"\b(?:" + subjects + r")(?:['’]s)?\s+" + _APA_VERBS + _APA_OPEN_QUOTES + APA_SCALE
            + r"|[‘“\"']" + APA_SCALE + r"[’”\"']?\s+(?:" + nouns + r")\b"
            + r"|\b(?:rating|grade|score|verdict|category)\s+of\s+" + _APA_OPEN_QUOTES + APA_SCALE)


PERFORM = (r"(?<!failing to )(?<!fails to )(?<!failed to )(?<!fail to )(?<!unable to )(?<!not )(?<!n't )"
           r"\bperform")

# Round 19: the service as a whole (children's services, children's social care, social care but not adults') said
# to need to improve. Not after "where" or "which" ("the areas where children's services need to improve" names the
# areas, not the grade); "that" stays allowed, it mostly reports speech ("told the council that its children's
# services need to improve"). Python's lookbehinds are fixed-width, so each subject and clause word gets its own.
_SUBJECTS = (r"children['’]s\sservices\s", r"children['’]s\ssocial\scare\s", r"social\scare\s")
_NOT_AFTER = "".join(rf"(?<!{word}\s{det}{subject})" for subject in _SUBJECTS for word in ("where", "which")
                     for det in ("", r"its\s", r"their\s", r"the\s"))
NEED_TO_IMPROVE = (r"(?=(?:still\s+|also\s+)?need)" + _NOT_AFTER + r"(?<!adult\ssocial\scare\s)"
                   + "(?:" + "|".join(f"(?<={subject})" for subject in _SUBJECTS) + ")"
                   + r"(?:still\s+|also\s+)?need(?:s|ed)?\s+to\s+improve"
                   + r"(?=\s*(?:[.,;:!?)]|$|\s+in\s+(?:every|all|each)\b|\s+overall\b))")


@dataclass(frozen=True)
class Grade:
    """One overall grade: its facet value, where it sorts, what it compares equal to, and how it is written."""

    value: str
    rank: int  # 1 = best; used to pick the lower of two judgements
    display: int  # position in facet lists (the current scale first, then pre-2013 "adequate")
    compares_as: str  # the current-scale grade it counts as when text and official record are compared
    phrasings: tuple[str, ...] = ()  # regexes that name the grade on their own
    # regexes of the pre-2013 bands (CPA stars, scores out of four, the annual assessments' descriptors, a rank "of
    # four grades"): rare, so searched only in texts that hold one of their cue words (has_band_cue)
    bands: tuple[str, ...] = ()
    cued_words: tuple[str, ...] = ()  # everyday words that are this grade only after a rating cue ("rated good")
    report_words: tuple[str, ...] = ()  # how report judgement tables print it
    number: str = ""  # "Grade 3" on the pre-2013 four-point scale
    scale: str = "current"  # current | pre-2013 | both
    meaning: str = ""  # what the grade means on its scale, for readers (document pages)


GRADES: tuple[Grade, ...] = (
    Grade("outstanding", rank=1, display=0, compares_as="outstanding", number="1", scale="both",
          phrasings=(rf"{PERFORM}(?:s|ing|ed)?\s+{BAND_QUOTE}excellently",
                     # 2008-10 annual ratings' top band: "rated as excellent", "the excellent band".
                     r"(?:rated|judged|graded|assessed|ranked|deemed|classed)\s+(?:as\s+)?['‘“\"]?excellent\b",
                     r"(?<=the\s['‘“\"])excellent(?=['’”\"]\s+(?:band|label|rating|grade))|(?<=the\s)excellent(?=\s+band)",
                     r"(?:the\s+)?(?:highest|top)\s+(?:possible\s+)?(?:rating|grade|judgement)"),
          bands=(rf"(?:the\s+)?(?:highest|top)\s+{_OF_FOUR}",
                 r"(?:maximum|full|top|highest)\s+(?:of\s+)?(?:four|4)[- ]stars?\b", rf"(?:four|4){_STAR_AS_RATING}",
                 rf"{_SCORED}(?:four|4){_OUT_OF_FOUR}", *_score_shape("four|4"), rf"well\s+above\s+{_MINIMUM}", rf"(?:top|highest){_END_BAND}"),
          cued_words=("outstanding",), report_words=("outstanding",),
          meaning="the highest of Ofsted’s four grades, on both the pre-2013 and the current scale"),
    Grade("good", rank=2, display=1, compares_as="good", number="2", scale="both",
          phrasings=(rf"{PERFORM}(?:s|ing)?\s+{BAND_QUOTE}well",
                     # "the second-highest rating": one below the top
                     r"second[- ](?:highest|best|top)\s+(?:possible\s+)?(?:rating|grade|judgement)"),
          bands=(rf"second[- ](?:highest|best|top)\s+{_OF_FOUR}",
                 rf"(?:three|3){_STAR_AS_RATING}", rf"{_SCORED}(?:three|3){_OUT_OF_FOUR}", *_score_shape("three|3"),
                 rf"(?:consistently\s+)?above\s+{_MINIMUM}"),
          cued_words=("good",), report_words=("good",),
          meaning="the second of Ofsted’s four grades, on both the pre-2013 and the current scale"),
    # Pre-2013 "adequate" was the third of four grades; Ofsted's 2013 scale replaced it with requires improvement.
    Grade("adequate", rank=3, display=3, compares_as="requires improvement", number="3", scale="pre-2013",
          phrasings=(rf"{PERFORM}(?:s|ing|ed)?\s+{BAND_QUOTE}adequately",),
          bands=(rf"(?:two|2){_STAR_AS_RATING}", r"(?<=stars to )(?:two|2)\b(?![- ]star)", rf"{_SCORED}(?:two|2){_OUT_OF_FOUR}", *_score_shape("two|2"),
                 rf"(?:only|just)\s+(?:at\s+|meets?\s+|meeting\s+|delivers?\s+|delivering\s+|delivered\s+)?{_MINIMUM}"),
          cued_words=("adequate",), report_words=("adequate",),
          meaning="the third of four grades on Ofsted’s pre-2013 scale (below good, above inadequate); "
                  "since November 2013 that point is called “requires improvement to be good”"),
    Grade("requires improvement", rank=4, display=2, compares_as="requires improvement",
          phrasings=(r"requires?\s+improvement(?:\s+to\s+be\s+good)?", r"require\s+improvement",
                     # round 23: the full name with "further" ("it requires further improvement to be
                     # good"): without "to be good", "further improvement" is a finding, not the grade
                     r"requires?\s+further\s+improvement\s+to\s+be\s+good",
                     r"requiring\s+improvement", r"required\s+improvement(?:\s+to\s+be\s+good)?", r"\bRI\b",
                     # round 19: the press's plain words for it, said of the service as a whole: "its children's
                     # services (still) need to improve", "children's social care needed to improve" (the clause
                     # ends there, or "in every area" follows); never with an object ("needs to improve care for …")
                     NEED_TO_IMPROVE,
                     # "the second-lowest rating": one above the bottom
                     r"second[- ](?:lowest|worst)\s+(?:possible\s+)?(?:rating|grade|judgement)"),
          bands=(rf"second[- ](?:lowest|worst)\s+{_OF_FOUR}",),
          report_words=("requires improvement(?: to be good)?", "require improvement"),
          meaning="the third of Ofsted’s four grades since November 2013 (below good, above inadequate); "
                  "before then the third grade was “adequate”"),
    Grade("inadequate", rank=5, display=4, compares_as="inadequate", number="4", scale="both",
          phrasings=(r"inadequate", rf"{PERFORM}(?:s|ing|ed)?\s+{BAND_QUOTE}poorly",
                     r"(?:the\s+)?(?:lowest|worst)\s+(?:possible\s+)?(?:rating|grade|judgement)",
                     # 2008-10 annual assessment: "the councils rated poor"; "poor" alone is too common a word.
                     r"(?:rated|judged|graded|assessed|ranked|deemed|classed)\s+(?:as\s+)?['‘“\"]?poor\b",
                     # the 2009-11 band's name: quoted ("a 'poor' verdict") or naming the band ("the poor list")
                     r"(?<=['‘“\"])poor(?=['’”\"])", r"\bpoor(?=\s+(?:list|band|category|rating|verdict|grade|label)\b)",
                     # "councils with failing children's services include A, B": the press's word for inadequate.
                     r"failing(?=\s+(?:children['’]s\s+(?:services|social\s+care)|child\s+protection))"),
          bands=(rf"(?:the\s+)?(?:lowest|worst)\s+{_OF_FOUR}",
                 r"\b(?:a\s+)?single[- ]star\b(?![- ]councils?)", r"(?<=stars to )(?:one|1)\b(?![- ]star)",
                 rf"(?:one|1|zero|no){_STAR_AS_RATING}", rf"{_SCORED}(?:one|1){_OUT_OF_FOUR}", *_score_shape("one|1"), rf"(?:bottom|lowest){_END_BAND}",
                 rf"(?:not|fail(?:s|ed|ing)?\s+to)\s+(?:deliver|meet)(?:ing|s)?\s+{_MINIMUM}|below\s+{_MINIMUM}"),
          report_words=("inadequate",),
          meaning="the lowest of Ofsted’s four grades, on both the pre-2013 and the current scale"),
)
BY_VALUE: dict[str, Grade] = {g.value: g for g in GRADES}
VALUES: tuple[str, ...] = tuple(g.value for g in GRADES)
DISPLAY_ORDER: tuple[str, ...] = tuple(g.value for g in sorted(GRADES, key=lambda g: g.display))
BY_NUMBER: dict[str, str] = {g.number: g.value for g in GRADES if g.number}
CUED_WORDS: frozenset[str] = frozenset(w for g in GRADES for w in g.cued_words)
# The words a judgement table prints, longest first (for patterns such as "Overall effectiveness: <grade>").
REPORT_WORDS: str = "|".join(sorted((w for g in GRADES for w in g.report_words), key=len, reverse=True))


def _phrase_table() -> list[tuple[str, str]]:
    """(regex, grade value) for every phrasing and cued word; longer patterns first so they win at a position."""
    pairs = [(p, g.value) for g in GRADES for p in g.phrasings + g.bands]
    pairs += [(rf"\b{w}\b", g.value) for g in GRADES for w in g.cued_words]
    return sorted(pairs, key=lambda pv: len(pv[0]), reverse=True)


_PHRASES = _phrase_table()
# Any grade phrasing, without groups, for use inside other patterns (the rare pre-2013 bands left out: ~20 more
# alternatives in every pattern built on it would slow each of them for a few 2008 round-ups).
GRADE_PATTERN = "|".join(f"(?:{p})" for p, g in _PHRASES if not any(p in gr.bands for gr in GRADES))
_BAND_PATTERNS = frozenset(p for g in GRADES for p in g.bands)
# A text naming no band cue needs only the common phrasings: the bands' 20 alternatives would slow every scan ~2.5x.
_BAND_CUES = ("star", "out of", "inimum requirement", " four ", " 4 ", " band")


def has_band_cue(text: str) -> bool:
    """True when a text may name a band (every band phrasing holds one of these; plain substring tests are cheap)."""
    return ("star" in text or "out of" in text or " four " in text or " 4 " in text
            or "inimum requirement" in text or " band" in text)  # _BAND_CUES, unrolled: this runs for every scan
_ALL_RE = re.compile("|".join(f"(?P<g{i}>{p})" for i, (p, _) in enumerate(_PHRASES)), re.IGNORECASE)
# the same group names (indices into _PHRASES), so grade_of_match reads a match of either
_COMMON_RE = re.compile("|".join(f"(?P<g{i}>{p})" for i, (p, _) in enumerate(_PHRASES) if p not in _BAND_PATTERNS),
                        re.IGNORECASE)


class _GradeRegex:
    """GRADE_RE: every grade phrasing; the band phrasings are tried only in a text holding a band cue."""

    pattern = _ALL_RE.pattern

    @staticmethod
    def _for(text: str) -> re.Pattern:
        return _ALL_RE if has_band_cue(text) else _COMMON_RE

    def finditer(self, text: str, *args):
        return self._for(text).finditer(text, *args)

    def search(self, text: str, *args):
        return self._for(text).search(text, *args)

    def match(self, text: str, *args):
        return self._for(text).match(text, *args)

    def fullmatch(self, text: str, *args):
        return self._for(text).fullmatch(text, *args)


GRADE_RE = _GradeRegex()


def grade_of_match(match: re.Match) -> str:
    """The facet value of a GRADE_RE match."""
    return _PHRASES[int(match.lastgroup[1:])][1]


def normalise_grade(text: str | None) -> str | None:
    """'Requires improvement to be good' -> 'requires improvement'; None when no grade is named."""
    if not text:
        return None
    match = GRADE_RE.search(text)
    return grade_of_match(match) if match else None


def worst_grade(grades) -> str:
    """The lowest of several grades ('' when none is a grade)."""
    present = [BY_VALUE[g] for g in grades if g in BY_VALUE]
    return max(present, key=lambda g: g.rank).value if present else ""


def compares_as(grade: str | None) -> str | None:
    """The current-scale grade a grade counts as for comparison ("adequate" -> "requires improvement")."""
    return BY_VALUE[grade].compares_as if grade in BY_VALUE else grade


def grades_agree(found: str | None, official: str | None) -> bool:
    """True when a document's grade and the official one are the same judgement (pre-2013 adequate ≈ RI)."""
    if not found or not official:
        return found == official
    return found == official or compares_as(found) == compares_as(official)


def equivalents(grade: str) -> set[str]:
    """Every grade value that compares equal to `grade`."""
    return {g.value for g in GRADES if grades_agree(grade, g.value)}


def official_grades_for(text_grade: str) -> set[str]:
    """The official grades a document's grade word can stand for: "adequate" may be a journalist's word for
    requires improvement, but "requires improvement" (a 2013 term) never means a pre-2013 "adequate"."""
    return {text_grade, compares_as(text_grade)}


def meaning(grade: str | None) -> str:
    """What a grade means on its scale ("" for a value that is not a grade)."""
    return BY_VALUE[grade].meaning if grade in BY_VALUE else ""


def is_cued_word(text: str) -> bool:
    """True for everyday words ("good", "poor") that name a grade only after a rating cue."""
    return text.lower() in CUED_WORDS
