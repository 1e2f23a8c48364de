"""A council the text names as the one its successor replaced ("took over from Cumbria County Council", "the old
Cumbria County Council") is history on a page that names the successor too: the successor is the main subject, and
the predecessor keeps only the grades the text hands it by name."""
from __future__ import annotations

import re

from indexer.ingest.annotate.gazetteer import authorities

# Words right before a name that make it the body replaced: "took over from", "the old", "the former", "replaced".
_REPLACED = re.compile(r"\b(?:took\s+over\s+from|taken\s+over\s+from|tak(?:es|ing)\s+over\s+from|replaced|replacing|succeeded"
                       r"|(?:the|its)\s+(?:old|former|abolished|previous)|under\s+the\s+(?:old|former))\s+$", re.IGNORECASE)


def replaced_councils(text: str, mentions: list) -> set[str]:
    """Codes of the councils named as replaced whose successor the text names as well."""
    named = {code for _, code in mentions}
    table = authorities()
    out = set()
    for mention, code in mentions:
        auth = table.get(code)
        if auth and set(auth.successors) & named and _REPLACED.search(text[max(0, mention.start - 40):mention.start]):
            out.add(code)
    return out


# Round 10: "the old county council", "the former council", "its predecessor authority": a back-reference, with no
# name, to the body the successor replaced (u10 refers to Cumbria only this way when it grades it).
_PREDECESSOR_REF = re.compile(r"\b(?:the|its)\s+(?:old|former|abolished|previous|predecessor)\s+(?:(?:county|city|borough"
                              r"|district|unitary|local)\s+)?(?:council|authority)\b|\bpredecessor\s+(?:council|authority)\b",
                              re.IGNORECASE)


def refers_to_predecessor(sentence: str) -> bool:
    """True when a sentence refers back to a replaced council without naming it."""
    return bool(_PREDECESSOR_REF.search(sentence))
