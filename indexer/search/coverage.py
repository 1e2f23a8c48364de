"""What a query names that the collection has nothing about: a council, grade or year with no documents, said
plainly at the top of the results (and in JSON) instead of silently answering with other councils' documents."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from indexer.models import SearchRequest
from indexer.contract import Collection
from indexer.search.understand import councils_in, grades_in, years_in
from indexer.search.urls import toggle_url


@dataclass(frozen=True)
class NotIndexed:
    """A council, grade or year the query names with no document in the index, and the search without it."""

    facet: str            # council | severity | year
    value: str            # the facet value ("Birmingham", "outstanding", "2008")
    typed: str            # as the user wrote it
    message: str          # "No documents about Birmingham are indexed"
    without_url: str      # the same search without those words (relative "?q=…"); "" when nothing would be left
    related: tuple[str, ...] = ()  # a predecessor or successor council that has documents ("Bournemouth" -> BCP)

    def as_dict(self) -> dict:
        """JSON-friendly form."""
        return {**self.__dict__, "related": list(self.related)}


def _without(req: SearchRequest, typed: str) -> str:
    """The search with the typed words taken out of the query ("" when nothing is left to search)."""
    rest = re.sub(rf"(?<!\w){re.escape(typed)}(?:['’]s)?(?!\w)", " ", req.q, flags=re.IGNORECASE)
    rest = re.sub(r"\s+", " ", rest).strip(" ,")
    return toggle_url(replace(req, q=rest)) if rest else ""


def _related(value: str, held) -> tuple[list[tuple[str, str]], bool]:
    """The council's predecessors and successors that have documents ("its successor …", name), and whether one
    of them is the same
    children's services under the same name (Buckinghamshire County Council, then Buckinghamshire Council)."""
    from indexer.ingest.councils import all_councils

    council = all_councils().get(value)
    if council is None:
        return [], False
    family = [(f"its predecessor {name}", name) for name in council.predecessors if held.has_council(name)]
    family += [(f"its successor {name}", name) for name in council.successors if held.has_council(name)]
    base = value.split(" (")[0]
    return family, any(name.split(" (")[0] == base for _, name in family)


def _council_note(value: str, typed: str, req: SearchRequest, held) -> NotIndexed | None:
    """The notice for a council without documents; None when it has some, or its same-named forerunner has."""
    if held.has_council(value):
        return None
    related, same_service = _related(value, held)
    if same_service:
        return None
    message = f"No documents about {value} are indexed"
    if related:
        message = f"No documents about {value} itself are indexed; {' and '.join(role for role, _ in related)} has some"
    return NotIndexed("council", value, typed, message, _without(req, typed), tuple(name for _, name in related))


def not_indexed(held: Collection, known: dict[str, set[str]], text: str, req: SearchRequest) -> list[NotIndexed]:
    """Councils, grades and years the query names that no indexed document is about."""
    if not text.strip():
        return []
    out: list[NotIndexed] = []
    for value, typed in dict(councils_in(text)).items():
        note = _council_note(value, typed, req, held)
        if note is not None:
            out.append(note)
    severities = known.get("severity", set())
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
