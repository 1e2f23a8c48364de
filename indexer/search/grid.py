"""Where a search's matches are: matching paragraphs counted per council and year, each cell a filtered search."""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from ..models import SearchRequest
from .execute import selection
from .urls import query_string


@dataclass
class Grid:
    """A council x year table of matching paragraph counts (year 0 = unknown), with a link per cell."""

    years: list[int]
    rows: list[dict]   # {"council", "total", "documents", "cells": [{"year", "count", "query"}], "query"}
    column_totals: list[int]
    total: int
    peak: int

    def as_dict(self) -> dict:
        """JSON-friendly form."""
        return {"years": [y or None for y in self.years], "total": self.total, "column_totals": self.column_totals,
                "rows": [{**r, "cells": [{**c, "year": c["year"] or None} for c in r["cells"]]} for r in self.rows]}


def council_year_grid(gen, req: SearchRequest) -> Grid:
    """Counts of the search's matching paragraphs per council (rows, most first) and year (columns)."""
    _, _, _, final = selection(gen, req)
    found = gen.years[final]
    years = sorted({int(y) for y in np.unique(found)}, key=lambda y: (y == 0, y))
    column = {year: i for i, year in enumerate(years)}
    rows = []
    for council, ids in gen.keyword_postings.get("council", {}).items():
        hits = ids[final[ids]]
        if not hits.size:
            continue
        counts = np.zeros(len(years), dtype=np.int64)
        for year, count in zip(*np.unique(gen.years[hits], return_counts=True)):
            counts[column[int(year)]] = count
        cells = [{"year": year, "count": int(counts[i]), "query": _cell_query(req, council, year) if counts[i] else None}
                 for i, year in enumerate(years)]
        rows.append({"council": council, "total": int(hits.size), "documents": int(np.unique(gen.doc_ids[hits]).size),
                     "cells": cells, "query": query_string(replace(req, council=[council]), page=1)})
    rows.sort(key=lambda r: (-r["total"], r["council"]))
    totals = [sum(r["cells"][i]["count"] for r in rows) for i in range(len(years))]
    peak = max((c["count"] for r in rows for c in r["cells"]), default=0)
    return Grid(years, rows, totals, int(final.sum()), peak)


def _cell_query(req: SearchRequest, council: str, year: int) -> str:
    """The search narrowed to one council and one year (unknown year: the council only)."""
    narrowed = replace(req, council=[council], year=[year] if year else [], year_from=None, year_to=None)
    return query_string(narrowed, page=1)
