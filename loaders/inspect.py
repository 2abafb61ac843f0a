"""What an uploaded file looks like to the loaders: its kind, sheet, header row and mapping."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from loaders.errors import InputError
from loaders.issues import note
from loaders.read import read_sheets
from loaders.schema import IGNORED, aliases
from loaders.table import guess_kind, locate_table


@dataclass(frozen=True)
class UploadReport:
    """One uploaded file as the Data page shows it, before it is used."""

    name: str
    kind: str | None
    sheet: str = ""
    header_row: int = 0
    rows: int = 0
    mapping: dict[str, str | None] = field(default_factory=dict)
    preview: pd.DataFrame | None = None
    error: InputError | None = None  # why the file cannot be used


def inspect_upload(name: str, data: bytes, kind: str | None = None,
                   manual: dict[str, str] | None = None) -> UploadReport:
    """Read a file far enough to show how it will be understood; never raises for bad input."""
    try:
        sheets = read_sheets((name, data))
        kind = kind or guess_kind(sheets)
        if kind is None:
            return UploadReport(name, None, error=InputError(name, note("choose_kind")))
        table = locate_table(sheets, kind, manual)
    except InputError as error:
        return UploadReport(name, kind, error=error)
    rows = int(table.frame.notna().any(axis=1).sum())
    return UploadReport(name, kind, table.sheet, table.header_row, rows, table.mapping,
                        table.preview)


def mappable_columns(kind: str) -> list[str]:
    """The canonical columns a user may map an unrecognised header to, for one kind."""
    return [column for column in aliases(kind) if column != IGNORED]
