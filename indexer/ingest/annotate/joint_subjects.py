"""Round 12: councils named as one plural subject ("North and West Northamptonshire councils", "Leeds and Bradford
councils have agreed …"): a page naming its main council that way is about each of them."""
from __future__ import annotations

import datetime as dt
import re

from indexer.ingest.annotate.places import council_groups, subject_mentions

# The list is the head of one plural noun phrase: "A and B councils", "A and B County Councils".
_PLURAL_AFTER = re.compile(r"^(?:['’]s?)?\s+(?:(?:city|borough|county|district)\s+)?councils\b", re.IGNORECASE)


def joint_subjects(sentences: list, day: dt.date | None, primary: str) -> list[str]:
    """The councils named with `primary` in one "A and B councils" phrase, in order (`primary` left out)."""
    out: list[str] = []
    for sentence in sentences:
        if "ouncils" not in sentence.text:
            continue
        mentions = subject_mentions(sentence.text, day)
        for group in council_groups(sentence.text, mentions):
            codes = list(dict.fromkeys(code for _, code in group))
            if len(codes) >= 2 and primary in codes and _PLURAL_AFTER.match(sentence.text[group[-1][0].end:]):
                out += [c for c in codes if c != primary and c not in out]
    return out
