"""Which of a council's official inspections a page reports, chosen by scoring every inspection against all the
page's evidence at once (round 7, issue 22).

Each clue is one thing the text says that an inspection fits or not: the grade it reports, a grade it says the
council left, the sub-judgements it states, a framework or era its words belong to, years it mentions (a lower bound),
a relative anchor ("two years after … 2012"), an inspection month or season, a publication day ("published today
(July 29)"), a stated direction of change or a run of equal grades. An inspection's score is the sum of its clues'
weights where it fits, minus where it contradicts them. The best inspection is taken only when it clearly beats the
next one; otherwise nothing is chosen, and the page's year is left to other evidence or left empty rather than
guessed. A choice is *official* when a clue that dates the inspection (its dates, month or publication day) is what
separates it from the rest, else *inferred*.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Callable

from indexer import numbers, settings
from indexer.grades import GRADE_PATTERN, GRADE_RE, grade_of_match, grades_agree, official_grades_for
from indexer.models import Outcome
from indexer.ingest.annotate import outcomes as outcome_table
from indexer.ingest.annotate.areas import article_subjudgements
from indexer.ingest.annotate.calendar import named_frameworks
from indexer.ingest.annotate.history import change_words, completes_run, direction_fits, previous_grade, run_length
from indexer.ingest.annotate.new_framework import first_year_outcome
from indexer.ingest.annotate.nth_time import nth_judgement
from indexer.ingest.annotate.today_date import today_day
from indexer.ingest.annotate.dates import YEAR_RE
from indexer.ingest.annotate.grade_context import about_others


@dataclass
class Clue:
    """One piece of evidence: how much it weighs and how well an inspection fits it (1 fits, -1 contradicts)."""

    words: str
    weight: float
    fit: Callable[[Outcome], float]
    dated: bool = False  # the clue dates the inspection itself (its dates, month or publication day)
    kept: bool = False  # counts even when no inspection fits it (the grade); other clues then say nothing
    hard: bool = False  # a limit the text sets (a year it mentions): an inspection that contradicts it is out


@dataclass
class Choice:
    """The inspection chosen, why, and how sure: official (a dating clue decided it) or inferred."""

    outcome: Outcome | None
    why: str = ""
    official: bool = False
    scores: list[tuple[float, Outcome]] = field(default_factory=list)


def grade_clues(grade: str | None, left: list[str], left_said: list[str] = ()) -> list[Clue]:
    """The reported grade and the grades the council left. A grade the text says was left ("no longer inadequate")
    cannot also be the current one: when it is the reported grade (or none is reported), the left one counts."""
    if not grade or any(grades_agree(grade, g) for g in left_said):
        left = list(dict.fromkeys([*left, *left_said]))
    clues = []
    if grade and not any(grades_agree(grade, g) for g in left):
        wanted = official_grades_for(grade)
        clues.append(Clue(f"the grade the page reports ({grade})", settings.YEAR_CLUE_GRADE,
                          lambda o: 1.0 if outcome_table.official_grade(o) in wanted else -1.0, kept=True))
    if left:
        clues.append(Clue(f"the grade it left ({' or '.join(dict.fromkeys(left))})", settings.YEAR_CLUE_LEFT,
                          lambda o: 1.0 if any(grades_agree(g, previous_grade(o)) for g in left) else -1.0))
        clues.append(Clue("not the grade it left", settings.YEAR_CLUE_LEFT,
                          lambda o: -1.0 if any(grades_agree(g, outcome_table.official_grade(o)) for g in left) else 0.0,
                          kept=True))
    return clues


# "no longer inadequate", "no longer judged 'inadequate'", "two years after it was judged inadequate": the grade the
# council left, which the reported inspection's previous grade must be.
_NO_LONGER = re.compile(r"\bno\s+longer\s+(?:be\s+)?(?:(?:rated|judged|graded|regarded\s+as|classed\s+as|counts?\s+as|count(?:ed)?\s+as"
                        r"|deemed|considered)\s+)?['‘“\"]?(?P<grade>inadequate|requires?\s+improvement|good)\b"
                        r"|\b(?:mov(?:ed|es|ing)|climb(?:ed|s)|came|come|comes|got|gets|lift(?:ed|s)|emerg(?:ed|es)|brought|pull(?:ed|s))"
                        r"\s+(?:[\w'’]+\s+){0,4}?out\s+of\s+(?:(?:its|their|the|an?)\s+)?"
                        r"['‘“\"]?(?P<grade3>inadequate|requires?\s+improvement)\b"
                        r"|\b(?:years?|months?)\s+(?:after|since)\s+(?:[\w'’]+\s+){0,8}?(?:was|were|had\s+been|being)\s+"
                        r"(?:judged|rated|graded|found|branded|labelled)\s+(?:to\s+be\s+)?['‘“\"]?"
                        r"(?P<grade2>inadequate|requires?\s+improvement|good|outstanding)\b", re.IGNORECASE)


def left_in_text(text: str) -> list[str]:
    """Grades the text says the council left ("no longer inadequate", "two years after … judged inadequate")."""
    low = text.lower()
    if "no longer" not in low and " out of " not in low and " after " not in low and " since " not in low:
        return []
    found = []
    for match in _NO_LONGER.finditer(text):
        if settings.ROUND33_OTHERS_LEFT and about_others(text[max(0, match.start() - 60):match.start()]):
            continue  # round 33: "two other councils ..., one of which has now moved out of 'inadequate'": theirs
        found.append(GRADE_RE.search(match.group("grade") or match.group("grade2") or match.group("grade3")))
    return [grade_of_match(m) for m in found if m]


# "two years after Barnsley's child protection was judged inadequate", "three years on from the 2015 verdict",
# "four years later": the reported inspection came that many years after an earlier one.
_NUMBERS = {**{word: numbers.WORDS[word] for word in numbers.words_between(1, 12)}, "a": 1, "a couple of": 2}
# Round 9: "had been judged inadequate nine years ago" counts back from the page's own year to the grade before it.
_YEARS_AFTER = re.compile(r"\b(?P<n>a couple of|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
                          r"\s+years?\s+(?:after|since|on\s+from|later|on|(?P<ago>ago))\b", re.IGNORECASE)


def _anchor_year(sentence: str, after: str, code: str, before: str | None = None) -> int | None:
    """The year an 'N years after …' counts from: a year in the same sentence, else the council's one official
    inspection with the grade the clause names (after the words; for "… ago", the grade before them)."""
    years = [int(y) for y in YEAR_RE.findall(sentence)]
    if years:
        return min(years)
    if before is not None:  # "… had been judged inadequate nine years ago": the grade in the same clause, just before
        before = re.split(r"[,;:()]|\b(?:and|but|while|whereas)\b", before[-120:])[-1]
    match = GRADE_RE.search(after[:160]) if before is None else ([None] + list(GRADE_RE.finditer(before)))[-1]
    if not match:
        return None
    wanted = official_grades_for(grade_of_match(match))
    dated = [o.published.year for o in outcome_table.for_council(code)
             if o.published and outcome_table.official_grade(o) in wanted]
    return dated[0] if len(dated) == 1 else None


def relative_clues(text: str, code: str) -> list[Clue]:
    """'N years after/later/on' anchored to a year: the inspection published in the year it reaches."""
    low = text.lower()
    if "year" not in low or not any(w in low for w in (" after", " since", " later", " on", " ago")):
        return []
    clues = []
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        match = _YEARS_AFTER.search(sentence)
        if not match:
            continue
        n = match.group("n").lower()
        span = int(n) if n.isdigit() else _NUMBERS[n]
        ago = bool(match.group("ago"))
        anchor = _anchor_year(sentence, sentence[match.end():], code, sentence[:match.start()] if ago else None)
        if anchor is None:
            continue
        target = anchor + span
        clues.append(Clue(f"“{match.group(0)}” {anchor} → {target}", settings.YEAR_CLUE_RELATIVE,
                          lambda o, t=target: 1.0 if o.published.year == t else 0.3 if abs(o.published.year - t) == 1
                          else -0.5))
        break  # the first such clause is the story's own; later ones recount history
    return clues


def bound_clues(latest: int | None) -> list[Clue]:
    """The latest year the page mentions: the inspection it reports is no older."""
    if not latest:
        return []
    return [Clue(f"no older than {latest}, the latest year the page mentions", settings.YEAR_CLUE_BOUND,
                 lambda o: 0.0 if o.published.year >= latest else -1.0, hard=True)]


def next_after_clues(latest: int | None, grade: str | None = None, said: str = "") -> list[Clue]:
    """A year a page names is usually the previous inspection's: the first inspection after it (with the reported
    grade, when the page gives one) fits best."""
    if not latest:
        return []
    wanted = official_grades_for(grade) if grade else None

    def fit(o: Outcome) -> float:
        # round 9: "the last inspection in 2016" names the year it was held, so an inspection held in 2016 and
        # published in February 2017 is that one, not the next
        later = [p for p in outcome_table.for_council(o.la_code) if p.published
                 and outcome_table.inspected_year(p) > latest
                 and (wanted is None or outcome_table.official_grade(p) in wanted)]
        return 1.0 if later and later[0] is o else 0.0
    return [Clue(f"the first such inspection after {said or latest}", settings.YEAR_CLUE_NEXT_AFTER, fit)]


def area_clues(text: str) -> list[Clue]:
    """Each sub-judgement the page states ("care leavers inadequate") against the inspection's recorded one."""
    found = article_subjudgements(re.split(r"(?<=[.!?])\s+|\n+", text))
    clues = []
    for area, grade in found.items():
        def fit(o: Outcome, area=area, grade=grade) -> float:
            recorded = outcome_table.area_grade(o, area)
            return 0.0 if not recorded else 1.0 if grades_agree(grade, recorded) else -1.0
        clues.append(Clue(f"{area.replace('_', ' ')} {grade}", settings.YEAR_CLUE_AREA, fit))
    return clues


_RI_SINCE = dt.date(2013, 11, 1)  # "requires improvement" replaced "adequate" with the single inspection framework
# A local safeguarding children board rated in the council's inspection: only the single inspection framework
# (November 2013 - 2018) reviewed the boards (replaced by safeguarding partnerships in 2019); it alone graded
# adoption performance as a judgement of its own, too.
_BOARD = re.compile(r"\b(?:local\s+)?safeguarding\s+(?:children\s+)?boards?\b|\bLSCBs?\b", re.IGNORECASE)
_BOARD_RATED = re.compile(r"\b(?:rated|judged|graded|found)\b", re.IGNORECASE)
# Round 8: the board as what the inspection reviewed ("together with its review of the Local Safeguarding Children
# Board", "the LSCB review"): Ofsted reviewed boards only in the single inspection framework; never the board's own
# reviews ("the board's serious case review").
_BOARD_REVIEWED = re.compile(r"\breview\s+of\s+(?:the\s+)?(?:\w+\s+)?(?:local\s+)?safeguarding\s+children(?:['’]?s)?\s+boards?\b"
                             r"|\bLSCB\s+review\b|\breview\s+of\s+the\s+LSCB\b", re.IGNORECASE)
# Adoption with its grade: "adoption was judged good", "good for adoption", "graded good: leadership and adoption".
_ADOPTION_GRADED = re.compile(rf"\badoption\b[^.;]{{0,60}}?(?:{GRADE_PATTERN})"
                              rf"|(?:{GRADE_PATTERN})['’”\"]?\s+(?:for|on|in)\s+(?:its\s+|their\s+)?adoption\b"
                              rf"|(?:{GRADE_PATTERN})['’”\"]?\s*:[^.;]{{0,80}}\badoption\b", re.IGNORECASE)


def era_clues(text: str, grade: str | None) -> list[Clue]:
    """Framework and era words: a named framework, the word for the third grade, a rated safeguarding board."""
    clues = []
    named = named_frameworks(text)
    if named:
        clues.append(Clue(f"the framework it names ({', '.join(sorted(named))})", settings.YEAR_CLUE_ERA,
                          lambda o: 1.0 if o.framework in named else -1.0))
    if grade == "requires improvement":
        clues.append(Clue("“requires improvement” (a grade since November 2013)", settings.YEAR_CLUE_ERA,
                          lambda o: 1.0 if o.published >= _RI_SINCE else -1.0))
    elif grade == "adequate":
        clues.append(Clue("“adequate” (the third grade before November 2013)", settings.YEAR_CLUE_ERA,
                          lambda o: 1.0 if o.published < dt.date(2014, 1, 1) else -1.0))
    low = text.lower()
    sentences = re.split(r"(?<=[.!?])\s+|\n+", text) if "board" in low or "lscb" in low or "adoption" in low else []
    if any(_BOARD.search(s) and _BOARD_RATED.search(s) or _BOARD_REVIEWED.search(s) for s in sentences):
        clues.append(Clue("a safeguarding children board rated (single inspection framework)", settings.YEAR_CLUE_ERA,
                          lambda o: 1.0 if o.framework == "SIF" else -1.0))
    if any(_ADOPTION_GRADED.search(s) for s in sentences if "adoption" in s.lower()):
        clues.append(Clue("adoption graded (a judgement of the single inspection framework)", settings.YEAR_CLUE_ERA,
                          lambda o: 1.0 if o.framework == "SIF" else -1.0))
    return clues


def today_clues(text: str) -> list[Clue]:
    """'Published today (July 29)': the inspection published on that day of the year."""
    found = today_day(text) if "today" in text.lower() else None
    if not found:
        return []
    return [Clue(f"published on the story's “today” ({found[1]}/{found[0]})", settings.YEAR_CLUE_DAY,
                 lambda o: 1.0 if abs((o.published - _same_year(o.published, found)).days) <= 1 else -0.5, dated=True)]


def _same_year(day: dt.date, month_day: tuple[int, int]) -> dt.date:
    """A month and day in the same year as `day` (28 February for a 29th in a common year)."""
    month, d = month_day
    try:
        return dt.date(day.year, month, d)
    except ValueError:
        return dt.date(day.year, month, 28)


def change_clues(text: str) -> list[Clue]:
    """A stated direction of change ("downgraded") or kept grade, and a run of equal grades ("third time running")."""
    clues = []
    down, up, kept = change_words(text)
    if down != up or kept:  # a change needs an earlier graded inspection to change from
        clues.append(Clue("the change it states", settings.YEAR_CLUE_CHANGE,
                          lambda o: -1.0 if not direction_fits(o, text) else 1.0 if previous_grade(o) else 0.0))
    wanted = run_length(text)
    if wanted:
        clues.append(Clue(f"a run of {wanted} equal grades", settings.YEAR_CLUE_CHANGE,
                          lambda o: 1.0 if completes_run(o, wanted) else -1.0))
    return clues


def counted_clues(text: str, code: str, grade: str | None) -> list[Clue]:
    """'Rated inadequate for the third time' (the council's third such judgement) and an inspection called new (one in
    its framework's first year): the inspections the text's own count or word singles out."""
    low = text.lower()
    clues = []
    counted = nth_judgement(code, grade, text) if " time" in low else None
    if counted is not None:
        clues.append(Clue("the judgement the text counts (“for the third time”)", settings.YEAR_CLUE_RELATIVE,
                          lambda o: 1.0 if o is counted else -1.0))
    first = first_year_outcome(code, grade, text) if "new" in low or "first" in low else None
    if first is not None:
        clues.append(Clue("an inspection the text calls new (a framework's first year)", settings.YEAR_CLUE_ERA,
                          lambda o: 1.0 if o is first else 0.0))
    return clues


def dated_clue(words: str, fitting: list[Outcome], loosely: list[Outcome] = ()) -> Clue:
    """Inspections the text's dates (a range, a month, a season) fit: by their recorded dates fully, by months
    estimated from a publication date half as well."""
    ids, loose = {id(o) for o in fitting}, {id(o) for o in loosely}
    return Clue(words, settings.YEAR_CLUE_DATES, lambda o: 1.0 if id(o) in ids else 0.5 if id(o) in loose else 0.0,
                dated=True)


def choose(rows: list[Outcome], clues: list[Clue]) -> Choice:
    """Of the inspections no hard limit rules out, the one whose clues add up best, when it beats the next by a clear
    margin and something positive supports it; otherwise none."""
    rows = [o for o in rows if o.published and not any(c.hard and c.fit(o) < 0 for c in clues)]
    clues = [c for c in clues if c.kept or c.hard or any(c.fit(o) > 0 for o in rows)]  # one nothing fits tells nothing
    clues = list({c.words: c for c in reversed(clues)}.values())[::-1]  # one year named twice is one clue
    if not rows or not clues:
        return Choice(None)
    scored = sorted(((sum(c.weight * c.fit(o) for c in clues), o) for o in rows),
                    key=lambda so: (-so[0], so[1].published))
    best, winner = scored[0]
    runner = scored[1][0] if len(scored) > 1 else None
    if best < settings.YEAR_CLUE_MIN or (runner is not None and best - runner < settings.YEAR_CLUE_MARGIN):
        return Choice(None, scores=scored)
    support = [c for c in clues if c.fit(winner) > 0]
    second = scored[1][1] if len(scored) > 1 else None
    official = any(c.dated and (second is None or c.fit(second) <= 0) for c in support)
    why = "; ".join(c.words for c in support[:4])
    return Choice(winner, why, official, scored)
