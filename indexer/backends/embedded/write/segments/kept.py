"""The column values the search arrays need, kept from each segment as the rebuild wrote it."""
from __future__ import annotations

from array import array

import numpy as np


class SegmentColumns:
    """The column values of every written segment that the search arrays need, in docnum order.

    The build hands them to index/arrays.py instead of reading them back from the index a paragraph at a
    time (a minute at a million paragraphs).
    """

    NUMBERS = ("year", "date_sort", "n")

    def __init__(self):
        self.parts: list[dict[str, np.ndarray]] = []
        self.doc_names: dict[str, int] = {}

    def add(self, writer) -> None:
        """Keep one segment's doc ids, number columns (as stored values) and match-field lengths."""
        size = writer.docnum
        part = {}
        for name in self.NUMBERS:
            column, values = writer.numbers.get(name, (writer.schema[name].column_type, array("I")))
            numbers = np.full(size, column._default, dtype=np.int64)
            numbers[: len(values)] = np.frombuffer(values, dtype=values.typecode)
            part[name] = numbers
        for name in ("heading", "text"):
            _, values = writer.numbers.get(f"_{name}_len", (None, array("B")))
            lengths = np.zeros(size, dtype=np.uint8)
            lengths[: len(values)] = np.frombuffer(values, dtype=np.uint8)
            part[f"_{name}_len"] = lengths
        names = self.doc_names
        doc_ids = np.full(size, -1, dtype=np.int32)
        for docnum, value in writer.columns.get("doc_id", (None, []))[1]:
            doc_ids[docnum] = names.setdefault(value.decode("utf-8"), len(names))
        part["doc_id"] = doc_ids
        self.parts.append(part)

    def column(self, name: str) -> np.ndarray:
        """One kept column over all segments."""
        return np.concatenate([part[name] for part in self.parts]) if self.parts else np.zeros(0, np.int64)

    def names(self) -> list[str]:
        """Document index -> doc id."""
        out = [""] * len(self.doc_names)
        for name, index in self.doc_names.items():
            out[index] = name
        return out
