"""A report's cover: the PDF's first page, or the opening lines of a report saved as text.

A report saved as a text file carries the same cover lines as the PDF (authority, kind of inspection, "Inspection
date: …"), so it can be read as a report (fast, and its facets come from its own header) instead of as an
article (every sentence scanned for councils and grades, slow on a 300-paragraph report, and less exact).
"""
from __future__ import annotations

import re

from indexer.models import Document

_TEXT_KINDS = ("text", "markdown")
_COVER_LINES = 12
# The dated inspection line of a cover ("Inspection date: 22 May 2015 – 18 June 2015"): what marks an opening as
# a report's cover rather than an article that mentions an inspection report.
_DATED_INSPECTION = re.compile(r"\binspection dates?\s*:\s*\d", re.IGNORECASE)


def cover_text(doc: Document) -> str:
    """The text of the document's cover page; "" when it has none."""
    if doc.kind == "pdf":
        return doc.meta.get("first_page_text", "")
    if doc.kind not in _TEXT_KINDS:
        return ""
    lines = []
    for line in doc.meta.get("raw_text", "").split("\n"):
        if line.strip():
            lines.append(line.strip())
            if len(lines) == _COVER_LINES:
                break
    opening = "\n".join(lines)
    return opening if _DATED_INSPECTION.search(opening) else ""
