"""The bundled sample data as the tests use it: fixed as-of date, all six files."""

import datetime as dt
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_data"
SAMPLE_AS_OF = dt.date(2026, 11, 1)
SAMPLE_INPUTS = {
    "staff": SAMPLE / "hr_ansatte.xlsx",
    "courses": SAMPLE / "kursdata.xlsx",
    "advisors": SAMPLE / "prosessradgivere.xlsx",
    "requirements": SAMPLE / "kompetansekrav.xlsx",
    "units": SAMPLE / "enheter.xlsx",
    "assessments": SAMPLE / "vurderinger.xlsx",
}
GOLDEN = ROOT / "tests" / "golden"


def portable(tables: dict) -> dict:
    """The result tables with issue file names relative, as the golden files keep them."""
    issues = [{**issue, "file": Path(issue["file"]).name} for issue in tables["issues"]]
    return {**tables, "issues": issues}
