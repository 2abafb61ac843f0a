"""Spreadsheet safety: text that Excel or LibreOffice would run as a formula is made inert."""

from __future__ import annotations

import re

# Control characters a spreadsheet cell cannot hold (openpyxl's ILLEGAL_CHARACTERS_RE): they
# are removed before the check, so none can stand in front of a formula and then vanish.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Full-width forms too: a later normalisation (NFKC) or a spreadsheet may read them as ASCII.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralise(value: object) -> object:
    """Text without the control characters a cell cannot hold, with a leading apostrophe when
    it starts like a formula; anything that is not text is kept."""
    if not isinstance(value, str):
        return value
    text = _CONTROLS.sub("", value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
