"""The English local authorities as the site names them: one record per council (its facet name, ONS code,
region, predecessors and successors), found by name, code or alias."""
from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from indexer import settings
from indexer.ingest.annotate.gazetteer import authorities, display_name


@dataclass(frozen=True)
class Council:
    """One local authority as the site shows it: the facet value is its name."""

    code: str
    name: str
    council_name: str
    region: str
    abolished: dt.date | None
    successors: tuple[str, ...]    # names
    predecessors: tuple[str, ...]  # names

    def as_dict(self) -> dict:
        """JSON-friendly form."""
        return {"code": self.code, "name": self.name, "council_name": self.council_name, "region": self.region,
                "abolished": self.abolished.isoformat() if self.abolished else None,
                "successors": list(self.successors), "predecessors": list(self.predecessors)}


@lru_cache(maxsize=1)
def _regions() -> dict[str, str]:
    """ONS code -> region, from the gazetteer."""
    with open(settings.GAZETTEER_CSV, newline="", encoding="utf-8") as handle:
        return {row["code"]: row["region"] for row in csv.DictReader(handle)}


@lru_cache(maxsize=1)
def all_councils() -> dict[str, Council]:
    """Every authority by its facet name."""
    auths = authorities()
    out = {}
    for code, auth in auths.items():
        name = display_name(code)
        out[name] = Council(code, name, auth.council_name, _regions().get(code, ""), auth.valid_to,
                            tuple(display_name(c) for c in auth.successors if c in auths),
                            tuple(display_name(c) for c in auth.predecessors if c in auths))
    return out


def regions() -> list[str]:
    """The English regions, sorted."""
    return sorted({c.region for c in all_councils().values() if c.region})


def find_council(text: str) -> Council | None:
    """A council by its name, ONS code or any alias, ignoring case."""
    wanted = " ".join(text.split()).lower()
    councils = all_councils()
    for name, council in councils.items():
        if name.lower() == wanted or council.code.lower() == wanted:
            return council
    for code, auth in authorities().items():
        if any(alias.lower() == wanted for alias in auth.aliases):
            return councils[display_name(code)]
    return None
