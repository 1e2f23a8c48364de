"""Rows for spreadsheets: cells that a spreadsheet would run as a formula are neutralised (OWASP's rule)."""
from __future__ import annotations

# A cell starting with one of these is a formula (or can smuggle one) in Excel, LibreOffice and Google Sheets.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value):
    """Prefix a text cell that starts like a formula with a single quote; other values pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def neutralise_row(row: dict) -> dict:
    """A CSV row with every text cell neutralised."""
    return {key: neutralise_cell(value) for key, value in row.items()}
