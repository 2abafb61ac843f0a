"""The validation report: every problem with file, sheet, Excel row, column, severity, message."""

from __future__ import annotations

import pandas as pd

ISSUE_COLUMNS = ["file", "sheet", "row", "column", "severity", "message"]
ERROR = "error"
WARNING = "warning"


class IssueLog:
    """Collects problems lazily so a file's every problem is reported, not just the first."""

    def __init__(self) -> None:
        self.rows: list[dict[str, object]] = []

    def add(self, file: str, sheet: str, row: int | None, column: str, severity: str,
            message: str) -> None:
        self.rows.append({"file": file, "sheet": sheet, "row": row, "column": column,
                          "severity": severity, "message": message})

    def frame(self) -> pd.DataFrame:
        frame = pd.DataFrame(self.rows, columns=ISSUE_COLUMNS)
        return frame.astype({"row": "Int64"})
