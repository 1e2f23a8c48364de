"""What an index costs on disk, in total and part by part."""
from __future__ import annotations

import re
from pathlib import Path

# reportsearch's files by part: (part, pattern on the path inside the generation), first match wins.
PARTS = (
    ("Whoosh stored fields (paragraph text, titles, outcomes)", r"_stored\.col$"),
    ("Whoosh postings (frequencies; positions in older indexes)", r"\.pst$"),
    ("Whoosh term dictionary", r"\.trm$"),
    ("Whoosh columns (lengths, sort keys)", r"\.col$"),
    ("word pairs (phrases)", r"arrays/inv_.*_pair_"),
    ("inverted arrays (postings)", r"arrays/inv_"),
    ("word sequences", r"arrays/seq_"),
    ("facet and document arrays", r"arrays/"),
    ("other (spelling words, file list, build info)", r""),
)


def size(path: Path) -> int:
    """Bytes of a file or of every file under a folder."""
    path = Path(path)
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def breakdown(generation: Path) -> dict[str, int]:
    """Bytes per part of one reportsearch generation."""
    out = {name: 0 for name, _ in PARTS}
    for path in Path(generation).rglob("*"):
        if not path.is_file():
            continue
        relative = path.relative_to(generation).as_posix()
        for name, pattern in PARTS:
            if re.search(pattern, relative):
                out[name] += path.stat().st_size
                break
    return out
