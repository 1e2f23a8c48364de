"""Round 20 (issue 22): "N years after" a judgement the page dates gives an undated page's year by arithmetic.

"More than two years after Ofsted's damning report", with the report's year named ("the full inspection of 2022");
"four years after the last full inspection", the page naming only that inspection's year (2019): the page tells of
now, N years after the judgement, so its year is the judgement's year plus N. The judgement's year is the one the
clause after "after" names, or, when the clause names none, the one year the whole page names (a page naming several
years does not say which one the clause means, and a year in the same sentence outside the clause, "In 2024, two
years after …", may be the page's own). The clause must name a judgement, report or inspection ("ten years
after the school's rebuild" counts from no judgement). Used only where the year is inferred or empty, and never
before a dated event the page names.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from indexer import settings
from indexer.ingest.annotate.dates import YEAR_RE, without_copy_dates
from indexer.numbers import WORDS, words_between

_NUMBER = "|".join(words_between(2, 10)) + r"|[2-9]|10"
# "N years after|since|on from <clause>" (to a comma: what follows is the news), not "within two years of" (an aim)
_YEARS_AFTER = re.compile(rf"\b(?P<n>{_NUMBER})\s+years\s+(?:after|since|on\s+from)\b(?P<clause>[^.;,]{{0,100}})",
                          re.IGNORECASE)
_JUDGEMENT = re.compile(r"\b(?:inadequate|judg\w*|rat(?:ed|ing)|inspect\w*|verdict|report|assess\w*|grade\w*|"
                        r"found|Ofsted)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?\n]")
# Round 28: a bound before N ("less than three years after", "over four years after", "just over six years after")
_QUALIFIER = re.compile(r"\b(less\s+than|under|nearly|almost|(?:just\s+)?over|more\s+than)\s+$", re.IGNORECASE)


@dataclass
class YearsAfter:
    """A year read from a span after a dated judgement, with its reasoning."""

    year: int
    why: str
    anchor: int = 0  # round 28: the judgement's year the count starts from
    count: int = 0  # N
    qualifier: str = ""  # "less than", "over", ... before N (round 28)


def years_after_year(text: str, latest_event: int | None) -> YearsAfter | None:
    """The judgement's year plus N for the first "N years after <a judgement>" the page writes, when the judgement's
    year is known (named in the clause, or the page's one year); None otherwise or before a dated event it names."""
    if not settings.ROUND20_YEARS_AFTER:
        return None
    text = without_copy_dates(text)
    years = {int(y) for y in YEAR_RE.findall(text)}
    for match in _YEARS_AFTER.finditer(text):
        clause = match.group("clause")
        if not _JUDGEMENT.search(clause):
            continue
        named = YEAR_RE.findall(clause)
        if named:
            anchor = int(named[0])
        elif len(years) == 1 and not _year_beside(text, match):
            anchor = next(iter(years))
        else:  # "In 2024, two years after …": the page's one year may be its own, not the judgement's
            return None
        word = match.group("n").lower()
        year = anchor + (WORDS.get(word) or int(word))
        if year > dt.date.today().year or (latest_event and latest_event > year):
            return None
        qualifier = _QUALIFIER.search(text[max(0, match.start() - 20):match.start()])
        return YearsAfter(year, f"inferred: “{match.group(0).strip()[:90]}” counts from {anchor}: {year}", anchor,
                          WORDS.get(word) or int(word), qualifier.group(1).lower() if qualifier else "")
    return None


def _year_beside(text: str, match: re.Match) -> bool:
    """Whether the sentence of "N years after <clause>" names a year outside the clause (then the year may be now)."""
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, match.start())), default=0)
    end = _SENTENCE_END.search(text, match.end())
    rest = text[start:match.start()] + " " + text[match.end():end.start() if end else len(text)]
    return bool(YEAR_RE.search(rest))
