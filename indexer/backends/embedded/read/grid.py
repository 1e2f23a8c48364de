"""Where a search's matches are: matching paragraphs counted per council and year."""
from __future__ import annotations

import numpy as np

from indexer.contract import GridCell, GridCounts, GridRow
from indexer.backends.embedded.collector.facets import filter_postings
from indexer.backends.embedded.read.execute import selection
from indexer.models import SearchRequest


def council_year_counts(gen, req: SearchRequest) -> GridCounts:
    """Counts of the search's matching paragraphs per council (rows, most first) and year (columns)."""
    _, _, _, final = selection(gen, req)
    found = gen.years[final]
    years = sorted({int(y) for y in np.unique(found)}, key=lambda y: (y == 0, y))
    column = {year: i for i, year in enumerate(years)}
    rows = []
    for council, ids in filter_postings(gen, "council").items():  # a row's link is the council filter (round 27)
        hits = ids[final[ids]]
        if not hits.size:
            continue
        counts = np.zeros(len(years), dtype=np.int64)
        for year, count in zip(*np.unique(gen.years[hits], return_counts=True)):
            counts[column[int(year)]] = count
        rows.append(GridRow(council, int(hits.size), int(np.unique(gen.doc_ids[hits]).size),
                            [GridCell(year, int(counts[i])) for i, year in enumerate(years)]))
    rows.sort(key=lambda r: (-r.total, r.council))
    return GridCounts(years, rows, int(final.sum()))
