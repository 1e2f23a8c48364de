"""Where a search's matches are: the backend's council x year counts as a table whose every cell is a search."""
from __future__ import annotations

from dataclasses import dataclass, replace

from indexer.contract import GridCounts
from indexer.models import SearchRequest
from indexer.search.urls import query_string


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


def grid_page(counts: GridCounts, req: SearchRequest) -> Grid:
    """The counts with a search link per council and per cell, column totals and the largest cell."""
    rows = []
    for row in counts.rows:
        cells = [{"year": c.year, "count": c.count, "query": _cell_query(req, row.council, c.year) if c.count else None}
                 for c in row.cells]
        rows.append({"council": row.council, "total": row.total, "documents": row.documents, "cells": cells,
                     "query": query_string(replace(req, council=[row.council]), page=1)})
    totals = [sum(r["cells"][i]["count"] for r in rows) for i in range(len(counts.years))]
    peak = max((c["count"] for r in rows for c in r["cells"]), default=0)
    return Grid(counts.years, rows, totals, counts.total, peak)


def _cell_query(req: SearchRequest, council: str, year: int) -> str:
    """The search narrowed to one council and one year (unknown year: the council only)."""
    narrowed = replace(req, council=[council], year=[year] if year else [], year_from=None, year_to=None)
    return query_string(narrowed, page=1)
