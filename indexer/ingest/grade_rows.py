"""Rows of a grade table in a plain-text article ("Care leavers: Good", "Help and protection – Inadequate").

A council's page often ends its story with the judgements one per line, without bullets or blank lines between.
Line by line they look like headings or trailing link labels and would be lost; together they are the paragraph
that states every grade, so a run of two or more becomes one paragraph (rows joined with "; ").
"""
from __future__ import annotations

import re

from indexer import grades
from indexer.models import Block

# A label, a colon or dash, then nothing but a grade (quotes and a full stop allowed).
_ROW = re.compile(r"^(?P<label>[^:–—|]{3,90}?)\s*(?::|\s[-–—]\s|\|)\s*['‘“\"]?(?P<grade>[^'’”\"]{2,40}?)['’”\"]?\.?\s*$")


def is_grade_row(text: str) -> bool:
    """True for one table row: a short label and a grade after a colon or dash, nothing else."""
    match = _ROW.match(text.strip())
    if not match:
        return False
    found = grades.GRADE_RE.fullmatch(match.group("grade").strip())
    return found is not None


def join_grade_rows(blocks: list[Block]) -> list[Block]:
    """Runs of two or more consecutive grade rows (whatever kind they were read as) as one paragraph."""
    out: list[Block] = []
    run: list[Block] = []
    for block in [*blocks, None]:
        if block is not None and block.kind in ("heading", "para") and is_grade_row(block.text):
            run.append(block)
            continue
        if len(run) >= 2:
            out.append(Block(text="; ".join(b.text.strip().rstrip(".;") for b in run), kind="para",
                             page=run[0].page))
        else:
            out.extend(run)
        run = []
        if block is not None:
            out.append(block)
    return out
