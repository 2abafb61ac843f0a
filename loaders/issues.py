"""The validation report as facts: every problem with file, sheet, Excel row, column, severity
and a note (what is wrong, as a catalogue key and its values). The words come at the edge
(wording.validation), in the reader's language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

ISSUE_FACTS = ["file", "sheet", "row", "column", "severity", "note"]
ISSUE_COLUMNS = ["file", "sheet", "row", "column", "severity", "message"]  # as exported
ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Note:
    """What is wrong, without words: `key` names the sentence in the catalogue (i18n, prefixed
    "issue."), `values` fill it. A value may itself be a Note (a reason inside a sentence)."""

    key: str
    values: Mapping[str, object] = field(default_factory=dict)


def note(key: str, **values: object) -> Note:
    return Note(key, values)


def issue_frame(rows: list[dict[str, object]] | dict[str, object]) -> pd.DataFrame:
    """Issue rows (or columns) as the report's frame: ISSUE_FACTS, rows as nullable ints."""
    return pd.DataFrame(rows, columns=ISSUE_FACTS).astype({"row": "Int64"})


class IssueLog:
    """Collects problems lazily so a file's every problem is reported, not just the first."""

    def __init__(self) -> None:
        self.rows: list[dict[str, object]] = []

    def add(self, file: str, sheet: str, row: int | None, column: str, severity: str,
            said: Note) -> None:
        self.rows.append({"file": file, "sheet": sheet, "row": row, "column": column,
                          "severity": severity, "note": said})

    def frame(self) -> pd.DataFrame:
        return issue_frame(self.rows)
