"""CSV downloads that open cleanly in Norwegian Excel and never run a formula."""

from __future__ import annotations

import pandas as pd

from exports.safe import neutralise


def to_safe_csv(frame: pd.DataFrame) -> bytes:
    """`;`-separated UTF-8 with BOM (what Norwegian Excel expects), text cells neutralised."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise)
    safe.columns = [neutralise(str(column)) for column in safe.columns]
    return safe.to_csv(sep=";", index=False).encode("utf-8-sig")
