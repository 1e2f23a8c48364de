"""Round 29 (issue 22): the year of an undated national tally of single-framework inspections, from the record.

Ofsted's annual reports and the trade press count the single inspection framework's results so far ("of 50
inspections, ten councils were rated inadequate and 28 more require improvement"; "of the 60 single-framework
inspections, fifteen found good services"). The official record holds every
one of those inspections with its publication date, so the count of inspections and the grade figures given with
it fix the point in the record's running tally the page was written at: the day the record reaches that many
inspections with exactly those figures. The year of that day is taken, marked inferred (an annual report comes out
a few weeks after its last inspection). Nothing is taken unless every grade figure the page gives agrees with the
record's running tally and at least one does; a bare count is no evidence.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from indexer import numbers
from indexer.ingest.annotate.outcomes import all_outcomes, official_grade

# The number words of the project's one table, "one" to "twenty" (a figure of none is no figure).
_WORD_NUMBERS = {word: n for word, n in numbers.WORDS.items() if n}
_NUMBER = rf"\d{{1,3}}(?:\s*(?:%|per\s*cent))?|{'|'.join(_WORD_NUMBERS)}"
# "of the 59 children's services inspections", "Of 43 inspections", "of the 87 local authorities inspected", "of the
# 41 councils whose judgements have been published":
# the tally's total, the count of inspections (or of councils inspected) it is out of.
_TOTAL = re.compile(r"\bof\s+(?:the\s+)?(?P<total>\d{2,3})\s+(?:[\w'’-]+\s+){0,6}?(?:inspections|inspected|published)\b",
                    re.IGNORECASE)
# The single inspection framework named, or its grade "requires improvement" (the frameworks since 2013).
_SIF_ERA = re.compile(r"\bsingle\s+(?:inspection|assessment)\b|\bSIF\b|\brequir\w*\s+improvement\b", re.IGNORECASE)
_GRADE = r"(?P<grade{n}>inadequate|requir\w*\s+improvement|good|outstanding)"
# "eight councils were found inadequate", "another 30 requiring improvement", "45% were rated 'requires improvement'",
# "80% rated either 'inadequate' or 'requiring improvement'" (two grades: their sum).
_FIGURE = re.compile(rf"\b(?P<count>{_NUMBER})(?!\w)(?P<between>(?:\s+[\w'’-]+){{0,6}}?)\s+(?:as\s+)?(?:either\s+)?['‘“]?"
                     + _GRADE.format(n="") + r"['’”]?(?:\s+or\s+['‘“]?" + _GRADE.format(n="2") + r")?",
                     re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(frozen=True)
class TallyYear:
    """The year, the day the record's tally reaches the page's figures, and why."""
    year: int
    day: dt.date
    why: str


@lru_cache(maxsize=1)
def _sif_rows() -> tuple[tuple[dt.date, str], ...]:
    """(publication day, overall grade) of every single-framework inspection, in publication order."""
    rows = [(o.published, official_grade(o)) for o in all_outcomes()
            if o.framework == "SIF" and o.published and official_grade(o)]
    return tuple(sorted(rows))


def _grade_key(word: str) -> str:
    """The record's overall-grade value for a grade word of the page."""
    word = word.lower()
    return "requires improvement" if word.startswith("requir") else word


def _figures(sentences: list[str]) -> list[tuple[set[str], str]]:
    """(grades, figure) pairs: each grade figure the sentences give (a count, or a percentage with its '%')."""
    found = []
    for sentence in sentences:
        for match in _FIGURE.finditer(sentence):
            if re.search(r"\b(?:for|in)\b", match.group("between") or "", re.IGNORECASE):
                continue  # "outstanding for leadership", "good in 14 of the 22 categories": a sub-judgement
            grades = {_grade_key(match.group("grade"))} | ({_grade_key(match.group("grade2"))}
                                                            if match.group("grade2") else set())
            found.append((grades, match.group("count")))
    return found


def _agrees(figure: str, grades: set[str], counts: dict[str, int], total: int) -> bool:
    """A page's figure against the record's running tally of `total` inspections."""
    have = sum(counts.get(g, 0) for g in grades)
    figure = figure.lower()
    if "%" in figure or "per" in figure:
        return round(100 * have / total) == int(re.match(r"\d+", figure).group(0))
    return have == (_WORD_NUMBERS.get(figure) or int(figure))


def tally_year(text: str) -> TallyYear | None:
    """The year an undated page's single-framework tally was true in the record, when its figures agree."""
    if not _SIF_ERA.search(text):
        return None
    sentences = [s for s in _SENTENCE_END.split(text) if s.strip()]
    rows = _sif_rows()
    for at, sentence in enumerate(sentences):
        match = _TOTAL.search(sentence)
        if not match:
            continue
        total = int(match.group("total"))
        if not 10 <= total <= len(rows):
            continue
        figures = _figures(sentences[at:at + 3])
        figures = [(g, f) for g, f in figures if f != match.group("total")]
        if not figures:
            continue
        counts: dict[str, int] = {}
        for _, grade in rows[:total]:
            counts[grade] = counts.get(grade, 0) + 1
        if all(_agrees(f, g, counts, total) for g, f in figures):
            day = rows[total - 1][0]
            return TallyYear(day.year, day, f"inferred: the page's tally (“{match.group(0)}”, "
                                            f"{len(figures)} grade figure(s)) is the record's running count of "
                                            f"single-framework inspections on {day.isoformat()}, so {day.year}")
    return None
