"""The overall grade a query implies: "children's services rated outstanding 2025", "inadequate 2014".

A query naming one grade and no council, no judged area, no movement, no other inspected body (a school, a nursery,
a children's home, a safeguarding board) and no set or count of councils asks for services holding that grade: it
lifts them one tier, like a grade said "overall". Without it, an article about another grade that names the asked one
for a single area ("good overall; leadership outstanding") ranks level with the document giving the whole service
that grade, which the grade's word alone cannot tell apart.
"""
from __future__ import annotations

import re

from indexer.search.movement import movements_in
from indexer.search.provider import names_provider
from indexer.search.understand import councils_in, grades_in, overall_grades_in, subjudgements_in

# Bodies other than a council's children's services that Ofsted grades with the same words.
_OTHER_BODY = re.compile(r"\b(?:schools?|pupils?|academy|academies|nurser(?:y|ies)|primary|secondary|colleges?|"
                         r"(?:children['’]?s?|care)\s+homes?|homes?|agency|agencies|lscbs?|boards?|"
                         r"special\s+measures)\b", re.IGNORECASE)
# Councils as a set or counted ("councils rated poor", "28 excellent"): a round-up answers, and a round-up's grades
# are many; a named council's documents tell its history, each with the grade of its day.
_SET_OR_COUNT = re.compile(r"\b(?:councils|authorities|boroughs|las|\d+|one|two|three|four|five|six|seven|eight|"
                           r"nine|ten|eleven|twelve|dozen)\b", re.IGNORECASE)


def implied_overall(text: str) -> list[str]:
    """The one grade a query names, as the overall grade it asks for; empty when it names an area, a movement,
    another body, several grades or none."""
    named = list(dict.fromkeys(grade for grade, _ in grades_in(text)))
    if len(named) != 1 or names_other_body(text) or _SET_OR_COUNT.search(_without_years(text)) \
            or councils_in(text) or subjudgements_in(text) or overall_grades_in(text) or movements_in(text):
        return []
    return named


def names_other_body(text: str) -> bool:
    """True when a query names a body other than a council's children's services (a school, a nursery, a home)."""
    return bool(_OTHER_BODY.search(text)) or names_provider(text)


# One inspected provider ("council-run children's home", "a Peterborough nursery", "the school"), or a council's
# children's centres, which Ofsted inspects as one group ("Poole children's centres"). Not a body that is part of the
# council's services ("social work academy", "virtual school", "adoption agency", "safeguarding board").
_ONE_PROVIDER = re.compile(r"\b(?:(?:children['’]?s?|care)\s+home(?!s)|nurser(?:y|ies)|children['’]?s?\s+centres?|"
                           r"(?<!social\swork\s)(?<!virtual\s)(?:school|academy)(?!s))\b", re.IGNORECASE)
# A council's homes or schools as a set ("children's homes and schools inspection results"): its whole provision,
# which the council's own papers report.
_PROVISION = re.compile(r"\b(?:(?:children['’]?s?|care)\s+homes|schools|academies)\b", re.IGNORECASE)


def names_one_provider(text: str) -> bool:
    """True when a query names one inspected provider (a children's or care home, a nursery, a school, a council's
    children's centres) and no set of homes or schools."""
    return bool(_ONE_PROVIDER.search(text)) and not _PROVISION.search(text)


def council_movements(text: str) -> list[str]:
    """The grade movements a query names as a council's: none when it names another inspected body and no council
    ("day nursery downgraded from good to inadequate" is the nursery's; the documents' movements are councils')."""
    if names_other_body(text) and not councils_in(text):
        return []
    return movements_in(text)


def _without_years(text: str) -> str:
    """The query with its years taken out (a year is no count of councils)."""
    return re.sub(r"\b(?:19|20)\d\d\b", " ", text)
