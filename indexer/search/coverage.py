"""What a query names that the collection has nothing about: a council, grade or year with no documents, said
plainly at the top of the results (and in JSON) instead of silently answering with other councils' documents."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..models import SearchRequest
from .collection import collection
from .understand import councils_in, grades_in, years_in
from .urls import toggle_url


@dataclass(frozen=True)
class NotIndexed:
    """A council, grade or year the query names with no document in the index, and the search without it."""

    facet: str            # council | severity | year
    value: str            # the facet value ("Birmingham", "outstanding", "2008")
    typed: str            # as the user wrote it
    message: str          # "No documents about Birmingham are indexed"
    without_url: str      # the same search without those words (relative "?q=…"); "" when nothing would be left

    def as_dict(self) -> dict:
        """JSON-friendly form."""
        return dict(self.__dict__)


def _without(req: SearchRequest, typed: str) -> str:
    """The search with the typed words taken out of the query ("" when nothing is left to search)."""
    rest = re.sub(rf"(?<!\w){re.escape(typed)}(?:['’]s)?(?!\w)", " ", req.q, flags=re.IGNORECASE)
    rest = re.sub(r"\s+", " ", rest).strip(" ,")
    return toggle_url(replace(req, q=rest)) if rest else ""


def not_indexed(gen, text: str, req: SearchRequest) -> list[NotIndexed]:
    """Councils, grades and years the query names that no indexed document is about."""
    if not text.strip():
        return []
    held = collection(gen)
    out: list[NotIndexed] = []
    for value, typed in dict(councils_in(text)).items():
        if not held.has_council(value):
            out.append(NotIndexed("council", value, typed, f"No documents about {value} are indexed",
                                  _without(req, typed)))
    severities = set(gen.keyword_postings.get("severity", {}))
    for grade, typed in dict(grades_in(text)).items():
        if grade not in severities:
            out.append(NotIndexed("severity", grade, typed, f"No indexed document gives the grade “{grade}”",
                                  _without(req, typed)))
    _, singles = years_in(text)
    for year in dict.fromkeys(singles):
        if not held.has_year(int(year)):
            span = f" (documents span {held.years[0][0]}–{held.years[-1][0]})" if held.years else ""
            out.append(NotIndexed("year", year, year, f"No documents from {year} are indexed{span}",
                                  _without(req, year)))
    return out
