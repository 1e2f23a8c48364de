"""Facet values for a Document: council, year, severity, sub-judgements and their evidence."""
from __future__ import annotations

from ..models import Document


def annotate(doc: Document) -> Document:
    """Fill the facet fields of a Document in place and return it."""
    return doc
