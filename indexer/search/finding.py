"""A paragraph reporting this inspection's finding may be shown from past the candidates (ranking round 19).

A document's candidates for the paragraph shown (search/answer.py) are its paragraphs in the best one's tier that
match nearly all of the question's words. A long question's answer often matches fewer of them: "Government
inspectors have judged the service Hull gives to children in its care to be 'adequate'" for a question also asking
about a joint inspection with another regulator, or "Ofsted says Thurrock Council's children's services still have
changes to make" for one listing the story's whistleblowers and workloads. So, when the paragraph chosen among the
candidates reports no finding itself, a matching paragraph from past them is shown instead if it

- reports the inspection's finding in a sentence of its own: an inspection noun before a judging or reporting verb
  ("Ofsted has judged", "inspectors found", "the letter says", "the report, out this week, gives") or the service
  judged in the passive ("was rated", "are judged"); not told against an earlier time ("since it was rated", "at the
  previous inspection ... had been rated") nor dated only by years before the page's own; not someone else's words
  ("the council says");
- states the asked grade in that sentence, where the question asks one;
- answers at least as well as the chosen paragraph (`answers`) and is no reaction;
- has at least `finding_share` as many of the question's words of its own as the chosen paragraph: widening is for
  the finding told in fewer of the question's words, not for a paragraph that merely mentions one of them.

A question naming a year before the page's asks about an earlier event too: nothing changes for it. Among several,
the best answer, then the earliest, is shown. Backend-neutral: both backends pass the chosen paragraph and the
document's other matching paragraphs with words of their own (`settings.Ranking.finding_rule`, "on" or "off").
"""
from __future__ import annotations

import re
from typing import Callable, Iterable, Sequence

from indexer import settings
from indexer.search.answer import Asked, answers, reaction, stated_grades_cached

# A sentence's end (as answer._SENTENCE_END, without the title exceptions a finding sentence seldom needs).
_SENTENCE = re.compile(r"(?<=[.!?])[\"'’”)]*\s+(?=[\"'‘“]?[A-Z])")
_INSPECTION = (r"(?:ofsted|inspectors?|inspectorate|inspections?|visits?|reports?|letters?|watchdog|reviews?|"
               r"judge?ments?|assessments?)['’]?s?")
_VERB = (r"(?:rat(?:ed|es|ing)|judged?s?|grad(?:ed|es)|found|finds?|conclud(?:ed|es)|describ(?:ed|es)|says|said|"
         r"saying|reported|reports|accepts?|recognised|recognises|branded|labelled|deemed|gave|gives|given|called|"
         r"calls|praised|criticised|noted|notes|warned|speaks?\s+of|spoke\s+of|names|lists|sets?\s+out|identifie[sd]|"
         r"highlight(?:s|ed)|points?\s+to|pointed\s+to)")
# The inspection as the subject of a judging or reporting verb, an aside allowed ("the report, out this week, gives").
_ACTIVE = re.compile(r"\b" + _INSPECTION + r"\b[^.;]{0,80}?\b" + _VERB + r"\b", re.IGNORECASE)
# The service judged, in the passive ("was rated", "are now judged").
_PASSIVE = re.compile(r"\b(?:is|are|was|were|been|be|being)\s+(?:now\s+|still\s+|again\s+|once\s+again\s+)?"
                      r"(?:rated|judged|graded|found|deemed|branded|assessed|given)\b", re.IGNORECASE)
# An earlier time before the verb: the judgement told is an earlier one ("since it was rated", "had been judged").
_EARLIER = re.compile(r"\b(?:since|after|when|previous(?:ly)?|last|had|ago|until|before|earlier|former(?:ly)?|once|"
                      r"then)\b", re.IGNORECASE)
# Someone else speaking just before the verb ("..., the council says", "inspectors' findings, he said").
_OTHER_SPEAKER = re.compile(r"\b(?:council|authority|he|she|they|we|leaders?|director|councillors?|cllr|minister|mayor|"
                            r"spokes\w+|member|executive|MP)\b[^.;]{0,12}$", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _sentences(text: str) -> list[str]:
    """The paragraph's sentences."""
    return [s for s in _SENTENCE.split(text) if s.strip()]


def _own_time(sentence: str, year: int) -> bool:
    """False for a sentence dated only by years before the page's own (an earlier event); True when undated."""
    years = [int(y) for y in _YEAR.findall(sentence)]
    return not years or not year or max(years) >= year


def _finding_verbs(sentence: str) -> list[re.Match]:
    """The judging verbs of a sentence with the inspection (or, passive, the service) as their subject."""
    active = [m for m in _ACTIVE.finditer(sentence) if not _EARLIER.search(m.group())
              and not _OTHER_SPEAKER.search(sentence[:m.end()].rsplit(" ", 1)[0][-40:])]
    return active + list(_PASSIVE.finditer(sentence))


def reports_finding(text: str, year: int, grades: frozenset[str] = frozenset()) -> bool:
    """True for a paragraph with a sentence reporting the inspection's finding in the page's own time (`year`: the
    page's year, 0 unknown); with `grades`, a sentence stating one of them."""
    for sentence in _sentences(text):
        if not _own_time(sentence, year):
            continue
        for verb in _finding_verbs(sentence):
            if _EARLIER.search(sentence[:verb.start()][-60:]):
                continue
            if grades and not stated_grades_cached(sentence) & grades:
                continue
            return True
    return False


def asks_earlier(query_years: Iterable[int], year: int) -> bool:
    """True when the question names a year before the page's (it asks about an earlier event too)."""
    return bool(year) and any(y < year for y in query_years)


def query_years(typed: str) -> tuple[int, ...]:
    """The years a question's words name."""
    return tuple(int(y) for y in _YEAR.findall(typed))


def finding_instead(asked: Asked, shown: tuple[str, int], wider: Sequence[tuple[int, int]], read: Callable[[int], str],
                    year: int, years_asked: Iterable[int], round_up: bool = False) -> int | None:
    """The position among `wider` ((paragraph number, own query words) of the document's matching paragraphs past
    the candidates; `read(position)` gives one's text) of a paragraph reporting the finding to show instead of the
    chosen one (`shown`: its text and own query words), or None."""
    text, own = shown
    if settings.RANKING.finding_rule == "off" or not own or asks_earlier(years_asked, year):
        return None
    if reports_finding(text, year):
        return None  # the paragraph chosen reports a finding of its own
    least = answers(asked, text, round_up)
    best, chosen = None, None
    for at, (number, other_own) in enumerate(wider):
        if other_own < settings.RANKING.finding_share * own:
            continue  # read only the paragraphs with enough of the question's words
        other = read(at)
        if reaction(other) or not reports_finding(other, year, asked.grades):
            continue
        key = (answers(asked, other, round_up), -number)
        if key[0] >= least and (best is None or key > best):
            best, chosen = key, at
    return chosen
