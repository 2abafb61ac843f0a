"""An access list from a file the owner keeps: one row per person with an e-mail, a role and,
for the role Enhet/unit, the unit codes (comma-separated). The rows that cannot be used are
reported with their row and column; the rest can be given at once."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from loaders.errors import InputError
from loaders.issues import ERROR, issue_frame, note
from loaders.read import read_sheets
from store.access import OWNER, UNIT, VIEWER

HEADERS = {  # canonical field → headers as owners write them (compared without case)
    "email": ("e-post", "epost", "e-postadresse", "email", "e-mail", "mail"),
    "role": ("rolle", "role", "tilgang", "access"),
    "units": ("enheter", "enhet", "enhetskoder", "units", "unit", "unit codes"),
}
ROLE_WORDS = {"owner": OWNER, "prosesseier": OWNER, "eier": OWNER, "unit": UNIT, "enhet": UNIT,
              "viewer": VIEWER, "ledelse": VIEWER, "leder": VIEWER, "management": VIEWER}
EMAIL_SHAPE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class AccessRows:
    grants: list[tuple[str, str, tuple[str, ...]]]  # (e-mail, role, units) to give
    issues: pd.DataFrame  # ISSUE_FACTS of the rows left out


def read_access_list(source: tuple[str, bytes], known_units: set[str]) -> AccessRows:
    """The usable rows of the file's first sheet whose header row names the e-mail and role."""
    sheet = read_sheets(source)[0]
    grid = sheet.grid.fillna("").astype(str).map(str.strip)
    header_row, columns = _header(grid)
    if header_row is None:
        raise InputError(sheet.file, note("access_headers"))
    grants, problems = [], []

    def problem(row: int, field: str, key: str, **values: object) -> None:
        problems.append({"file": sheet.file, "sheet": sheet.sheet, "row": row + 1,
                         "column": grid.iat[header_row, columns[field]], "severity": ERROR,
                         "note": note(key, **values)})

    for row in range(header_row + 1, len(grid)):
        cells = {field: grid.iat[row, column] for field, column in columns.items()}
        if not any(cells.values()):
            continue
        email, role_word = cells["email"], cells["role"].lower()
        units = tuple(u.strip() for u in re.split(r"[,;]", cells.get("units", "")) if u.strip())
        role = ROLE_WORDS.get(role_word)
        unknown = [u for u in units if u not in known_units]
        if not EMAIL_SHAPE.match(email):
            problem(row, "email", "access_bad_email", value=email)
        elif role is None:
            problem(row, "role", "access_bad_role", value=cells["role"])
        elif role == UNIT and not units:
            problem(row, "units" if "units" in columns else "role", "access_no_units")
        elif role == UNIT and unknown:
            problem(row, "units", "access_unknown_units", value=", ".join(unknown))
        else:
            grants.append((email, role, units if role == UNIT else ()))
    return AccessRows(grants, issue_frame(problems))


def _header(grid: pd.DataFrame) -> tuple[int | None, dict[str, int]]:
    """The first of the top rows naming an e-mail and a role column, and where each field is."""
    for row in range(min(len(grid), 10)):
        found = {}
        for column, text in enumerate(grid.iloc[row]):
            for field, names in HEADERS.items():
                if text.lower() in names and field not in found:
                    found[field] = column
        if {"email", "role"} <= set(found):
            return row, found
    return None, {}
