"""Round 30 (issue 22, years30): a span the page counts on from the judgement it follows dates the page.

"Nine months on from the damning inspection report", "almost a year on from a critical Ofsted report", "a year after
it was rated inadequate": the page tells of now, that long after the judgement. When the record links the page to
that judgement (the council's inspection the page's grade and clues pick), the page is not from the judgement's own
day: it is from the report's day plus the span. The year stays inferred.

Read only when the page reports no new graded inspection (a new inspection "a year after a focused visit" counts from
a visit, and its own report dates the page), when the clause after "on from", "after" or "since" names a judgement
(a report, an inspection, a rating, a verdict, findings) and no visit, and when a year the clause names is the linked
inspection's. Nor when the record holds another report of the council about the span before the linked one: the
span then counts from that report, and the linked inspection is the page's own. Counts of two years and more are
round 20's (years_after.py); this reads months and one year.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from indexer.models import Outcome
from indexer.ingest.annotate import outcomes as outcome_table
from indexer.ingest.annotate.visits import new_full_inspection
from indexer.numbers import value_of

_MONTHS_N = r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|\d{1,2}"
_SPAN = re.compile(rf"\b(?P<qual>almost|nearly|just\s+over|just\s+under|more\s+than|less\s+than|over|under|around|about)?"
                   rf"\s*\b(?:(?P<months>{_MONTHS_N})\s+months|(?P<year>a|one)\s+year)\s+"
                   rf"(?:on\s+from|after|since)\s+(?P<clause>[^.;,!?\n]{{0,100}})", re.IGNORECASE)
_JUDGEMENT = re.compile(r"\b(?:report|inspection|rat(?:ed|ing)|judg\w*|verdict|findings|branded|assessment)\b",
                        re.IGNORECASE)
_VISIT = re.compile(r"\bvisits?\b|\breviews?\b|\bappoint\w*|\bopen\w*", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_EXTRA = {"almost": -1, "nearly": -1, "just under": -1, "less than": -1, "under": -1,
          "just over": 1, "more than": 1, "over": 1}


@dataclass
class SpanOn:
    """The page's year from a span counted on from the linked judgement, with its reasoning."""

    year: int
    why: str




def _held_in(outcome: Outcome, year: int) -> bool:
    """True when the inspection was held or published in the year."""
    return year in {outcome_table.inspected_year(outcome), outcome.published.year,
                    *(d.year for d in (outcome.start, outcome.end) if d)}


def _earlier_row_at(outcome: Outcome, months: int) -> bool:
    """True when the council has another recorded report about the span before the linked one (within three
    months): then the span counts from that report ("inspectors came back 11 months after the initial report"), and
    the linked inspection is the page's own new one, not its anchor."""
    target = outcome.published.year * 12 + outcome.published.month - months
    return any(o is not outcome and o.published and o.published < outcome.published
               and abs(o.published.year * 12 + o.published.month - target) <= 3
               for o in outcome_table.for_council(outcome.la_code))


def span_on_year(text: str, outcome: Outcome | None) -> SpanOn | None:
    """The linked judgement's report day plus the span the page counts on from it; None when the page counts no such
    span, reports a new graded inspection, or names another judgement's year in the clause."""
    if outcome is None or outcome.published is None or new_full_inspection(text):
        return None
    for match in _SPAN.finditer(text):
        clause = match.group("clause")
        if not _JUDGEMENT.search(clause) or _VISIT.search(clause):
            continue
        years = [int(y) for y in _YEAR.findall(clause)]
        if years and not _held_in(outcome, years[0]):
            continue
        months = 12 if match.group("year") else value_of(match.group("months"))
        if not months or months > 24:
            continue
        qual = " ".join((match.group("qual") or "").lower().split())
        months += _EXTRA.get(qual, 0)
        day = outcome.published
        if _earlier_row_at(outcome, months):
            return None  # the record holds the judgement the span counts from: the linked one is the page's own
        total = day.year * 12 + day.month - 1 + months
        year = total // 12
        said = " ".join(match.group(0).split())[:90]
        return SpanOn(year, f"inferred: “{said}” counts on from the report of {outcome.published.isoformat()}: "
                            f"{dt.date(year, total % 12 + 1, 1).strftime('%B %Y')}")
    return None
