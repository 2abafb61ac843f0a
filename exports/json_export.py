"""The result tables as plain JSON-ready row objects with the canonical names."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd

from analysis.results import Results
from wording import gaps, validation

TABLES = ("unit_process", "unit_summary", "unit_requirement", "gaps", "issues")


def _plain(value: object) -> object:
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp | dt.date):
        return value.isoformat()[:10]
    if hasattr(value, "item"):  # numpy scalars
        return _plain(value.item())
    if value is pd.NA:
        return None
    return value


def _column_values(column: pd.Series) -> list[object]:
    """A column's cells as JSON values, typed columns converted whole (a cell-by-cell pass
    took a second at national size); object columns, which may mix types, cell by cell."""
    if column.dtype == object:
        return [_plain(value) for value in column.tolist()]
    if pd.api.types.is_datetime64_any_dtype(column):
        column = column.dt.strftime("%Y-%m-%d")
    return column.astype(object).where(column.notna(), None).tolist()


def table_rows(frame: pd.DataFrame) -> list[dict[str, object]]:
    columns = {name: _column_values(frame[name]) for name in frame.columns}
    return [dict(zip(columns, row, strict=True)) for row in zip(*columns.values(), strict=True)]


def results_to_dict(results: Results) -> dict[str, object]:
    document: dict[str, object] = {"as_of": results.as_of.isoformat()}
    worded = {"gaps": gaps.with_messages(results.gaps, results),
              "issues": validation.with_messages(results.issues)}
    for name in TABLES:
        document[name] = table_rows(worded.get(name, getattr(results, name)))
    return document
