"""The pre-2013 assessment regimes in one table, each dated by its own years (round 11, issue 22).

Before Ofsted's inspections of local authority children's services that the official record holds, councils'
children's services were scored in yearly rounds: the Audit Commission's Comprehensive Performance Assessment (CPA,
star ratings, 2002 to its final round published in March 2009), the annual performance assessments (APA, 2005-08)
and Ofsted's annual ratings (December 2009 to 2011). A page that scores a council in one of these regimes, and names
no year after the regime ended, reports a round of that regime: none of the record's later inspections, and its year
lies within the regime's years.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from indexer import numbers
from indexer.grades import BAND_QUOTE, PERFORM
from indexer.ingest.annotate.dates import YEAR_RE
from indexer.settings import ROUND24_OLD_REGIME_NAMES


@dataclass(frozen=True)
class Regime:
    """One assessment regime: its name, the years its results were published, the words that name it."""

    name: str
    first: int
    last: int
    words: re.Pattern
    final: re.Pattern | None = None  # words that call the round reported the regime's last one


# Round 24 (apa24): the APA as pages print it: capitalised as a title ("Annual Performance Assessment"), with the
# inspectorate inside the name ("the annual Ofsted performance assessments") or the abbreviation in the plural.
_APA_WORDS = (re.compile(r"\bannual\s+(?:Ofsted['’]?s?\s+)?performance\s+assessments?\b|(?-i:\bAPAs?\b)", re.IGNORECASE)
              if ROUND24_OLD_REGIME_NAMES else re.compile(r"\bannual performance assessments?\b|\bAPA\b"))

REGIMES = (
    Regime("CPA", 2002, 2009,
           re.compile(r"\bComprehensive Performance Assessments?\b|\bCPA\b"
                      # the Audit Commission scoring councils (stars, scores, league tables) is the CPA by another name
                      r"|\bAudit Commission\b[^.]{0,160}?\b(?:stars?|scored|league tables?)\b", re.IGNORECASE),
           re.compile(r"\b(?:last|final)\s+(?:round\s+of\s+(?:the\s+)?|ever\s+)?(?:CPA|Comprehensive Performance "
                      r"Assessment)\b", re.IGNORECASE)),
    # every regime of the table scored children's services on four numbered bands (4 the best): a council "scored
    # one for children's services" is scored in one of them, whichever it is
    Regime("four-band score", 2002, 2011,
           re.compile(r"\bscored\s+(?:a\s+|only\s+)?(?:one|two|three|four|[1-4])\b(?:\s+out\s+of\s+(?:four|4))?,?"
                      r"[^.;]{0,30}?\bfor\s+(?:its\s+|their\s+)?children['’]s\s+services\b", re.IGNORECASE)),
    Regime("APA", 2005, 2008, _APA_WORDS),
    Regime("annual rating", 2009, 2011,
           re.compile(r"\b(?:annual|yearly)\s+(?:round\s+of\s+)?(?:children['’]s services\s+)?(?:ratings?|assessments?)\b"
                      rf"|{PERFORM}(?:s|ing)?\s+{BAND_QUOTE}(?:poorly|adequately|excellently)\b"
                      r"|['‘“]?excellent['’”]?\s+band\b", re.IGNORECASE)),
)



def regime(name: str) -> Regime:
    """The table's entry for a regime by name."""
    return next(r for r in REGIMES if r.name == name)


# The later inspections' own words (the grade introduced in November 2013, the frameworks since): a page using them
# speaks of an old regime as history, whatever years it names.
_LATER_WORDS = re.compile(r"\brequires?\s+improvement\b|\brequiring\s+improvement\b|\bILACS\b"
                          r"|\bsingle\s+inspection\s+framework\b", re.IGNORECASE)


def regimes_reported(text: str) -> list[Regime]:
    """The regimes a page scores councils in, when it names no year after the regime ended and none of the later
    inspections' words (a page that does speaks of the regime as history)."""
    if _LATER_WORDS.search(text):
        return []
    years = [int(y) for y in YEAR_RE.findall(text)]
    latest = max(years) if years else None
    return [r for r in REGIMES if r.words.search(text) and (latest is None or latest <= r.last)]


def final_round_year(text: str) -> tuple[int | None, str]:
    """The year of a regime's last round when the page calls the round it reports the last ("the final CPA")."""
    for regime in regimes_reported(text):
        match = regime.final.search(text) if regime.final else None
        if match:
            return regime.last, f"inferred: “{match.group(0)}”: the {regime.name}'s last round was published in {regime.last}"
    return None, ""


# Round 11: Ofsted's national tallies of the 2009-11 annual ratings (152 councils; a few held back each year), by
# band: a page that gives the tallies (or the change from the year before) names its round by them.
ANNUAL_ROUNDS = {
    2009: {"excellent": 10, "well": 93, "adequate": 40, "poor": 9, "held back": 0},
    2010: {"excellent": 20, "well": 77, "adequate": 37, "poor": 12, "held back": 6},
    2011: {"excellent": 28, "well": 71, "adequate": 33, "poor": 15, "held back": 5},
}
_BAND = {
    "excellent": re.compile(r"excellent\w*|top\s+(?:band|rating|mark)|highest\s+(?:band|rating|mark)", re.IGNORECASE),
    "well": re.compile(r"(?:perform\w*|doing)\s+well|\bgood\b", re.IGNORECASE),
    "adequate": re.compile(r"adequate\w*", re.IGNORECASE),
    "poor": re.compile(r"poor\w*", re.IGNORECASE),
    # results withheld until further inspections: "six further councils are being held back", "five still to come"
    "held back": re.compile(r"held\s+back|withheld|still\s+to\s+come|wait\s+for\s+their\s+results", re.IGNORECASE),
}
_COUNT = re.compile(r"\b(?:(?P<digits>\d{1,3})(?![\d%.,]\d|\s*(?:%|per\s*cent))"
                    rf"|(?P<tens>{'|'.join(numbers.TENS)})[\s-](?P<unit>one|two|three|four|five|six|seven|eight|nine)"
                    rf"|(?P<word>{'|'.join(sorted(set(numbers.WORDS) | set(numbers.TENS), key=len, reverse=True))}))\b"
                    r"(?!\s*(?:per\s*cent|%))", re.IGNORECASE)
# "twice as many … excellent", "the number … excellent doubles", "eight more than a year ago": the change of a band's
# tally from the round before.
_DOUBLED = re.compile(r"\b(?:twice|double[sd]?|doubling)\b", re.IGNORECASE)
_MORE_THAN = re.compile(r"\b(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+more\s+than\s+"
                        r"(?:a\s+year\s+(?:ago|earlier|before)|last\s+year|the\s+(?:year|round)\s+before|the\s+previous\s+year)",
                        re.IGNORECASE)


def _count_value(match: re.Match) -> int:
    """The number a count match stands for."""
    if match.group("digits"):
        return int(match.group("digits"))
    if match.group("tens"):
        return numbers.TENS[match.group("tens").lower()] + numbers.WORDS[match.group("unit").lower()]
    word = match.group("word").lower()
    return numbers.TENS.get(word, numbers.WORDS.get(word, -1))


def _band_counts(sentence: str) -> list[tuple[int, str]]:
    """(number, band) pairs: each count with the first band word after it, before the next count or 80 characters."""
    counts = list(_COUNT.finditer(sentence))
    pairs = []
    for i, match in enumerate(counts):
        end = counts[i + 1].start() if i + 1 < len(counts) else len(sentence)
        window = sentence[match.end():min(end, match.end() + 80)]
        found = [(m.start(), band) for band, pattern in _BAND.items() for m in [pattern.search(window)] if m]
        if found:
            pairs.append((_count_value(match), min(found)[1]))
    return pairs


def _change_fits(sentence: str, year: int) -> int:
    """+1 / -1 when the sentence states how the excellent band changed from the round before and `year` fits or
    not; 0 when it states none (or the year has no round before it in the table)."""
    before = ANNUAL_ROUNDS.get(year - 1)
    if not before or not _BAND["excellent"].search(sentence):
        return 0
    now, then = ANNUAL_ROUNDS[year]["excellent"], before["excellent"]
    more = _MORE_THAN.search(sentence)
    if more:
        n = more.group("n").lower()
        return 1 if (int(n) if n.isdigit() else numbers.WORDS[n]) == now - then else -1
    if _DOUBLED.search(sentence):
        return 1 if now == 2 * then else -1
    return 0


def annual_round_by_tallies(text: str) -> tuple[int | None, str]:
    """The annual-rating round whose national tallies (or change in the excellent band) the page gives, when one round
    fits at least two of them and better than every other; else none."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if any(p.search(s) for p in _BAND.values())]
    scores = {}
    for year, tally in ANNUAL_ROUNDS.items():
        score = 0
        for sentence in sentences:
            score += sum(1 if tally[band] == n else -1 for n, band in _band_counts(sentence))
            score += _change_fits(sentence, year)
        scores[year] = score
    ranked = sorted(scores.items(), key=lambda ys: -ys[1])
    (best, top), second = ranked[0], ranked[1][1]
    if top >= 2 and top > second:
        return best, f"inferred: the national tallies the page gives fit the {best} annual ratings"
    return None, ""
