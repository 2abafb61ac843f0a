"""What an uploaded file looks like to the loaders: its kind, sheet, header row and mapping."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from loaders.dataset import PreparedCourses, prepare_courses
from loaders.errors import InputError
from loaders.issues import note
from loaders.read import RawSheet, read_sheets
from loaders.schema import COURSE_RECORDS, IGNORED, aliases
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


# What a read file is kept as for its use: a course file normalised already (most of a large
# data set's reading), any other file as its sheets (they are joined with each other).
Prepared = PreparedCourses | list[RawSheet]


def inspect_upload(name: str, data: bytes, kind: str | None = None,
                   manual: dict[str, str] | None = None) -> tuple[UploadReport, Prepared | None]:
    """Read a file far enough to show how it will be understood, and, when it can be used,
    the file prepared for its use (so using it after looking at it reads it no more); never
    raises for bad input."""
    report, sheets = _inspected(name, data, kind, manual)
    if report.error or sheets is None:
        return report, None
    if report.kind == COURSE_RECORDS:
        return report, prepare_courses(sheets, manual)
    return report, sheets


def _inspected(name: str, data: bytes, kind: str | None,
               manual: dict[str, str] | None) -> tuple[UploadReport, list[RawSheet] | None]:
    try:
        sheets = read_sheets((name, data))
        kind = kind or guess_kind(sheets)
        if kind is None:
            return UploadReport(name, None, error=InputError(name, note("choose_kind"))), None
        table = locate_table(sheets, kind, manual)
    except InputError as error:
        return UploadReport(name, kind, error=error), None
    rows = int(table.frame.notna().any(axis=1).sum())
    return UploadReport(name, kind, table.sheet, table.header_row, rows, table.mapping,
                        table.preview), sheets


def mappable_columns(kind: str) -> list[str]:
    """The canonical columns a user may map an unrecognised header to, for one kind."""
    return [column for column in aliases(kind) if column != IGNORED]
