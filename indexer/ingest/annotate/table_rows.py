"""Round 30 (aasev30, `settings.ROUND30_TABLE_ROWS`): a table of councils, one row per council, read row by row.

A stored page keeps a table in one of a few layouts, and round 15's result lines ("Bury – Good", nothing after the
grade) read none of them once the row has more cells than a name and a grade:

- one row per line, its cells between bars, tabs, dashes or semicolons ("3 | Leeds | ILACS | Good | 412 days",
  "Leeds - children's score 3; overall 4 stars");
- one cell per line, a line holding only a bar between cells (the header's cells first, then each row's): the row's
  width is the number of cells before the first one that is a council's name;
- one row per line with its cells run together ("3LeedsILACSGood412"): the cells are split where a small letter or a
  figure meets a capital or a figure.

A row is a council's name standing as a whole cell (after a rank number, if any) and exactly one cell holding a grade
word (the grade), else a score of children's services: a cell that says it ("children's score 3"), or a bare figure
in a column whose header names children or young people. A score is read on the four-band scale of the 2002-12
assessments (4 the best), only where the page names that scale (the Audit Commission, a CPA, "out of 4"); a star
rating of the whole council is never a children's grade. A table is three or more such rows; fewer are left to the
sentence rules (a line or two shaped like a row is a headline's or a caption's shape).
"""
from __future__ import annotations

import datetime as dt
import re

from indexer.grades import GRADE_RE, grade_of_match
from indexer.ingest.annotate.places import subject_mentions

MIN_ROWS = 3
MAX_CELL = 60
_BAR_LINE = re.compile(r"^\s*\|\s*$")
_CELL_SPLIT = re.compile(r"\s*(?:\||\t|\s[-–—]\s|;)\s*")
# Cells run together: a small letter or a figure meets a capital, a run of capitals meets a capitalised word
# ("ILACSGood"), a letter meets a figure.
_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=\d)(?=[A-Z])|(?<=[A-Za-z])(?=\d)")
_RANK = re.compile(r"^\d{1,3}\.?$")
_COUNCIL_TAIL = re.compile(r"^\s*(?:(?:City|Borough|County|Metropolitan\s+Borough|District)\s+)?(?:Council|MBC|CC|BC)?\s*$",
                           re.IGNORECASE)
_CHILDREN = re.compile(r"\bchild|\byoung\s+people", re.IGNORECASE)
_SCORE_CELL = re.compile(r"\bchild\w*['’]?s?\b[^0-9]{0,40}?\b(?:score|rating|band|grade)\D{0,5}\b([1-4])\b(?!\s*(?:star|\d))",
                         re.IGNORECASE)
_BARE_SCORE = re.compile(r"^([1-4])$")
# The four-band scale with 4 the best is the 2002-12 assessments' (Ofsted's own grade numbers run the other way).
_FOUR_BEST = re.compile(r"\bAudit\s+Commission\b|\bCPA\b|comprehensive\s+performance\s+assessment|"
                        r"annual\s+performance\s+assessment|\bout\s+of\s+(?:4|four)\b", re.IGNORECASE)
_SCORE_GRADES = {"4": "outstanding", "3": "good", "2": "adequate", "1": "inadequate"}
_AFTER_GRADE = re.compile(r"^['’”\"]?\s*(?:\([^()]{0,40}\))?\s*[.*]?\s*$")


def table_rows(raw_text: str, day: dt.date | None) -> list[tuple[str, str, str]]:
    """(council code, grade, row as read) for every row of every table of councils on the page."""
    lines = [line.strip() for line in raw_text.split("\n")]
    scale = bool(_FOUR_BEST.search(raw_text))
    out: list[tuple[str, str, str]] = []
    for header, rows in _stacked_tables(lines) + _line_tables(lines):
        found = [row for row in (_read_row(cells, header, scale, day) for cells in rows) if row]
        if len(found) >= MIN_ROWS:
            out.extend(found)
    seen: set[str] = set()
    return [row for row in out if not (row[0] in seen or seen.add(row[0]))]


def _stacked_tables(lines: list[str]) -> list[tuple[list[str], list[list[str]]]]:
    """Tables kept one cell per line with a bar line between cells: (header cells, rows of cells)."""
    tables = []
    i = 0
    while i < len(lines):
        cells = []
        j = i
        while j + 1 < len(lines) and lines[j] and not _BAR_LINE.match(lines[j]) and _BAR_LINE.match(lines[j + 1]):
            cells.append(lines[j])
            j += 2
        if len(cells) >= 2 * MIN_ROWS:
            if j < len(lines) and lines[j] and not _BAR_LINE.match(lines[j]):
                cells.append(lines[j])  # the last cell has no bar after it
            first = next((k for k, cell in enumerate(cells) if _council_cell(cell, None)), None)
            if first and first >= 2:  # a header of two or more cells sets the width
                width = first
                rows = [cells[k:k + width] for k in range(first, len(cells), width)]
                tables.append((cells[:first], [row for row in rows if len(row) == width]))
            i = j + 1
        else:
            i += 1
    return tables


def _line_tables(lines: list[str]) -> list[tuple[list[str], list[list[str]]]]:
    """Tables kept one row per line (cells between separators, or run together): (header cells, rows of cells)."""
    tables = []
    header: list[str] = []
    rows: list[list[str]] = []
    for line in lines + [""]:
        cells = _cells(line)
        if cells and _council_cell(cells[1] if _RANK.match(cells[0]) and len(cells) > 1 else cells[0], None):
            rows.append(cells)
            continue
        if rows:
            tables.append((header, rows))
            rows = []
        if cells:  # the last line of cells before the rows is their header
            header = cells
    return tables


def _cells(line: str) -> list[str]:
    """A line's cells: split at bars, tabs, dashes or semicolons; a line of cells run together split at the joins;
    none for a line of prose."""
    if not line or len(line) > 400 or re.search(r"[a-z][.!?]\s+[A-Z]", line):
        return []
    cells = [c.strip() for c in _CELL_SPLIT.split(line.strip("| ")) if c.strip()]
    if len(cells) >= 2 and all(len(c) <= MAX_CELL for c in cells):
        return cells
    joins = len(re.findall(r"[a-z][A-Z]|^\d{1,3}[A-Z]", line))
    if joins >= 2:
        cells = [c.strip() for c in _GLUE.split(line) if c.strip()]
        if len(cells) >= 3 and all(len(c) <= MAX_CELL for c in cells):
            return cells
    return []


def _council_cell(cell: str, day: dt.date | None) -> str | None:
    """The code of the council a cell names, the name filling the cell (its council word allowed), else None."""
    if len(cell) > MAX_CELL:
        return None
    mentions = subject_mentions(cell, day)
    if len(mentions) != 1:
        return None
    mention, code = mentions[0]
    if cell[:mention.start].strip() or not _COUNCIL_TAIL.match(cell[mention.end:]):
        return None
    return code


def _read_row(cells: list[str], header: list[str], scale: bool, day: dt.date | None) -> tuple[str, str, str] | None:
    """(code, grade, row) of one row, else None."""
    at = 1 if _RANK.match(cells[0]) and len(cells) > 1 else 0
    code = _council_cell(cells[at], day)
    if not code:
        return None
    row = " | ".join(cells)
    graded = []
    for cell in cells[at + 1:]:
        match = GRADE_RE.match(cell.lstrip("'‘“\""))
        if match and _AFTER_GRADE.match(cell.lstrip("'‘“\"")[match.end():]):
            graded.append(grade_of_match(match))
    if len(set(graded)) == 1:
        return code, graded[0], row
    if graded or not scale:
        return None
    scores = {m.group(1) for cell in cells[at + 1:] for m in [_SCORE_CELL.search(cell)] if m}
    if not scores and len(header) == len(cells):  # a bare figure under a header naming children
        scores = {m.group(1) for cell, head in zip(cells, header) if _CHILDREN.search(head)
                  for m in [_BARE_SCORE.match(cell)] if m}
    if len(scores) == 1:
        return code, _SCORE_GRADES[scores.pop()], row
    return None
