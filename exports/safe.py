"""Spreadsheet safety: text that Excel or LibreOffice would run as a formula is made inert."""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """A text cell starting like a formula gets a leading apostrophe; anything else is kept."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
