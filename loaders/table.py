"""Finding a file's data sheet and header row, and mapping its headers to canonical names."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from loaders.errors import InputError
from loaders.issues import Note, note
from loaders.read import RawSheet
from loaders.schema import (
    ADVISORS,
    COMPLETION_DATE,
    COURSE_RECORDS,
    IGNORED,
    KINDS,
    REQUIREMENTS,
    STAFF,
    STATUS,
    STATUS_FLAG,
    UNITS,
    alias_index,
    required,
)
from loaders.values import cell_text, looks_like_flags

HEADER_SEARCH_ROWS = 30


@dataclass(frozen=True)
class MappedTable:
    """The data block of one sheet: canonical columns, with the Excel row number of every row."""

    file: str
    sheet: str
    header_row: int  # 1-based, as Excel shows it
    mapping: dict[str, str | None]  # raw header → canonical column (None: not recognised)
    frame: pd.DataFrame  # canonical columns holding raw cell values; index = Excel row number
    formulas_without_value: list[tuple[int, str]] = field(default_factory=list)  # (row, header)
    preview: pd.DataFrame | None = None  # the first data rows under the user's own headers
    # columns not read because an earlier one already holds the same: (header, letter, used)
    repeated: list[tuple[str, str, str]] = field(default_factory=list)
    error_cells: list[tuple[int, str, str]] = field(default_factory=list)  # (row, header, #N/A)


def _header_score(row: list[object], kind: str) -> int:
    index = alias_index(kind)
    found = {index.canonical(cell) for cell in row if cell_text(cell)}
    found.discard(None)
    return len(found - {IGNORED}) + (0.5 if IGNORED in found else 0)


def _best_header(sheet: RawSheet, kind: str) -> tuple[float, int]:
    best = (0.0, -1)
    for position, row in enumerate(sheet.grid.head(HEADER_SEARCH_ROWS).itertuples(index=False)):
        score = _header_score(list(row), kind)
        if score > best[0]:
            best = (score, position)
    return best


def kind_score(sheets: list[RawSheet], kind: str) -> float:
    """How well the best sheet's header matches a kind; used to guess an upload's kind."""
    return max((_best_header(sheet, kind)[0] for sheet in sheets), default=0.0)


def _missing_required(columns: set[str], kind: str) -> list[tuple[str, ...]]:
    return [group for group in required(kind) if not columns.intersection(group)]


def locate_table(
    sheets: list[RawSheet], kind: str, manual: dict[str, str] | None = None
) -> MappedTable:
    """Pick the sheet and header row that best match `kind` and map its columns; a visible
    sheet that matches at all before any hidden one (often an old copy kept out of sight)."""
    scored = [(_best_header(sheet, kind), sheet) for sheet in sheets]
    (score, header_pos), sheet = max(
        scored, key=lambda item: (item[0][0] >= 1 and not item[1].hidden, item[0][0]))
    file = sheets[0].file
    if score < 1 or header_pos < 0:
        raise InputError(file, note("no_header", kind=kind, rows=HEADER_SEARCH_ROWS))
    index = alias_index(kind)
    header = [cell_text(cell) for cell in sheet.grid.iloc[header_pos]]
    mapping: dict[str, str | None] = {}
    chosen: dict[str, int] = {}
    repeated: list[tuple[str, str, str]] = []
    for position, raw in enumerate(header):
        if not raw:
            continue
        canonical = (manual or {}).get(raw) or index.canonical(raw)
        if canonical == COMPLETION_DATE and raw not in (manual or {}):
            canonical = _by_content(sheet.grid.iloc[header_pos + 1:, position], header, index)
        mapping[raw] = canonical
        if canonical and canonical != IGNORED and canonical not in chosen:
            chosen[canonical] = position
        elif canonical and canonical != IGNORED:
            repeated.append((raw, _column_letters(position), header[chosen[canonical]]))
    missing = _missing_required(set(chosen), kind)
    if missing:
        where = note("in_sheet", sheet=sheet.sheet) if sheet.sheet else note("in_file")
        if missing[0] == required(kind)[0] and kind != REQUIREMENTS:  # the person (or unit) key
            raise InputError(file, note("no_identifier", what=IDENTIFIES[kind], where=where,
                                        kind=kind))
        raise InputError(file, note("missing_columns", where=where, column_groups=tuple(missing),
                                    kind=kind))
    body = sheet.grid.iloc[header_pos + 1 :, list(chosen.values())]
    body.columns = list(chosen)
    body.index = pd.RangeIndex(header_pos + 2, header_pos + 2 + len(body))
    def named(letters: str) -> str:
        return header[_column_index(letters)] if _column_index(letters) < len(header) \
            else letters

    formulas = [(row, named(letters)) for row, letters in sheet.formulas_without_value
                if row > header_pos + 1]
    errors = [(row, named(letters), error) for row, letters, error in sheet.error_cells
              if row > header_pos + 1]
    preview = sheet.grid.iloc[header_pos + 1 : header_pos + 11].map(cell_text)
    preview.columns = [name or f"(kolonne {i + 1})" for i, name in enumerate(header)]
    preview = preview.loc[:, ~preview.columns.duplicated()]
    preview.index = pd.RangeIndex(header_pos + 2, header_pos + 2 + len(preview))
    return MappedTable(file, sheet.sheet, header_pos + 1, mapping, body, formulas, preview,
                       repeated, errors)


def _by_content(cells: pd.Series, header: list[str], index) -> str:
    """A `Fullført` column holding Ja/Nei is a status, not a date: decided by its cells."""
    if not looks_like_flags(cells.head(2000).tolist()):
        return COMPLETION_DATE
    has_status = any(index.canonical(raw) == STATUS for raw in header if raw)
    return STATUS_FLAG if has_status else STATUS


def _column_letters(position: int) -> str:
    """Excel's letters of a 0-based column position: 0 → A, 26 → AA."""
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _column_index(letters: str) -> int:
    """Excel column letters → 0-based index (A → 0, AA → 26)."""
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1


# what the first group of REQUIRED columns identifies, per kind
IDENTIFIES = {STAFF: note("the_person"), ADVISORS: note("the_person"),
              COURSE_RECORDS: note("the_person"), UNITS: note("the_unit")}


def why_not_recognised(sheets: list[RawSheet]) -> Note:
    """For a file no kind fits: what the kind its headers come closest to is missing."""
    scores = {kind: kind_score(sheets, kind) for kind in KINDS}
    closest = max(scores, key=scores.get)
    if scores[closest] < 1:
        return note("not_recognised_any")
    try:
        locate_table(sheets, closest)
    except InputError as error:
        return note("looks_like", kind=closest, problem=error.note)
    return note("not_recognised")


def guess_kind(sheets: list[RawSheet]) -> str | None:
    """The input kind whose headers a file matches best, among kinds whose needs it meets."""
    best: tuple[float, str | None] = (0.0, None)
    for kind in KINDS:
        for sheet in sheets:
            score, position = _best_header(sheet, kind)
            if position < 0:
                continue
            header = sheet.grid.iloc[position]
            columns = {alias_index(kind).canonical(cell) for cell in header if cell_text(cell)}
            if not _missing_required(columns - {None}, kind) and score > best[0]:
                best = (score, kind)
    return best[1]
