"""Reading a file into raw sheets (grids of cells), whatever its format; no interpretation."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd
from python_calamine import CalamineWorkbook, SheetTypeEnum

from loaders.errors import InputError
from loaders.zipcheck import inspect_zip

MAX_FILE_BYTES = 50 * 1024 * 1024

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")
_BINARY_MAGICS = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"Rar!", b"7z\xbc")


@dataclass(frozen=True)
class RawSheet:
    """One sheet as the user sees it: grid row 0 is Excel row 1 (or CSV line 1)."""

    file: str
    sheet: str
    grid: pd.DataFrame
    formulas_without_value: list[tuple[int, str]] = field(default_factory=list)  # (row, column)


def read_source(source: str | Path | tuple[str, bytes]) -> tuple[str, bytes]:
    """Return (display name, bytes) of a path or an uploaded (name, bytes) pair."""
    if isinstance(source, tuple):
        name, data = source
        return name, bytes(data)
    path = Path(source)
    if not path.exists():
        raise InputError(str(path), "filen finnes ikke.")
    if not path.is_file():
        raise InputError(str(path), "er ikke en fil.")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise InputError(str(path), _too_big_message(path.stat().st_size))
    try:
        return str(path), path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"filen kan ikke leses ({exc.strerror}).") from None


def read_sheets(source: str | Path | tuple[str, bytes]) -> list[RawSheet]:
    """Read every sheet of an Excel/ODS workbook, or the single table of a CSV file."""
    name, data = read_source(source)
    if len(data) > MAX_FILE_BYTES:
        raise InputError(name, _too_big_message(len(data)))
    if not data.strip():
        raise InputError(name, "filen er tom.")
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED_MARK in data:
            raise InputError(
                name,
                "arbeidsboka er passordbeskyttet. Fjern passordet i Excel og last opp på nytt.",
            )
        return _read_excel(name, data)
    if data.startswith(b"PK\x03\x04"):
        findings = inspect_zip(name, data)
        formulas = findings.formulas_without_value
        return [replace(sheet, formulas_without_value=formulas.get(sheet.sheet, []))
                for sheet in _read_excel(name, data)]
    if data.startswith(_BINARY_MAGICS) or b"\x00" in data[:4096]:
        raise InputError(
            name, "filen er ikke et regneark (bruk .xlsx, .xlsm, .xls, .ods eller .csv)."
        )
    return [RawSheet(name, "", _read_csv(name, data))]


def _too_big_message(size: int) -> str:
    return (
        f"filen er for stor ({size / 1024 / 1024:.0f} MB); grensen er "
        f"{MAX_FILE_BYTES // 1024 // 1024} MB."
    )


def _read_excel(name: str, data: bytes) -> list[RawSheet]:
    """Every worksheet through python-calamine straight into a pandas frame of raw cells.

    pandas' own calamine engine converts each cell in Python, which took longer than the
    Rust parsing itself; the loaders normalise cells anyway (see `make bench`)."""
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = [
            (meta.name, workbook.get_sheet_by_name(meta.name).to_python(skip_empty_area=False))
            for meta in workbook.sheets_metadata if meta.typ == SheetTypeEnum.WorkSheet
        ]
    except BaseException as exc:  # the Rust reader can panic, which derives from BaseException
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            raise
        raise InputError(name, f"filen er skadet eller ikke et regneark ({_short(exc)}).") from None
    return [RawSheet(name, sheet, pd.DataFrame(rows, dtype=object)) for sheet, rows in sheets]


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _read_csv(name: str, data: bytes) -> pd.DataFrame:
    text = _decode(data)
    delimiter = _sniff_delimiter(text)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    if not any(any(cell.strip() for cell in row) for row in rows):
        raise InputError(name, "filen er tom.")
    width = max(len(row) for row in rows)
    padded = [row + [""] * (width - len(row)) for row in rows]
    return pd.DataFrame(padded, dtype=object)


def _sniff_delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=";,\t").delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in ";,\t"}
        return max(counts, key=counts.get)
