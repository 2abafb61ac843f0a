"""Reading a file into raw sheets (grids of cells), whatever its format; no interpretation."""

from __future__ import annotations

import csv
import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote

import pandas as pd
from defusedxml.ElementTree import fromstring, iterparse
from pandas._libs.lib import to_object_array
from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from loaders import zipcheck
from loaders.errors import InputError
from loaders.issues import Note, note
from loaders.zipcheck import inspect_zip, spaced_number

MAX_FILE_BYTES = 50 * 1024 * 1024
SNIFF_CHARS = 4096  # csv.Sniffer takes quadratic time on quote-heavy text: sniff the start only

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")
_BINARY_MAGICS = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"Rar!", b"7z\xbc")
NOT_A_SPREADSHEET = note("not_a_spreadsheet")
CORRUPT = note("corrupt")
NO_SHEETS = note("no_sheets")
XLSB = note("xlsb")
NUMBERS = note("numbers")
DATE_OUT_OF_RANGE = note("date_out_of_range")
# a numeric cell far below any date (under -10^10 days): calamine cannot make a date of it
_NEGATIVE_CELL = re.compile(rb"(<c\b[^>]*?)\ss=\"\d+\"([^>]*>(?:<f\b[^>]*/>|<f\b[^>]*>[^<]*</f>)?"
                            rb"<v>\s*-\s*(\d[\d.]*(?:[eE][+-]?\d+)?)\s*</v>)")


@dataclass(frozen=True)
class RawSheet:
    """One sheet as the user sees it: grid row 0 is Excel row 1 (or CSV line 1)."""

    file: str
    sheet: str
    grid: pd.DataFrame
    formulas_without_value: list[tuple[int, str]] = field(default_factory=list)  # (row, column)
    error_cells: list[tuple[int, str, str]] = field(default_factory=list)  # (row, column, #N/A)
    hidden: bool = False  # a sheet the workbook hides: read only when no visible one matches


def read_source(source: str | Path | tuple[str, bytes]) -> tuple[str, bytes]:
    """Return (display name, bytes) of a path or an uploaded (name, bytes) pair."""
    if isinstance(source, tuple):
        name, data = source
        return name, bytes(data)
    path = Path(source)
    if not path.exists():
        raise InputError(str(path), note("no_such_file"))
    if not path.is_file():
        raise InputError(str(path), note("not_a_file"))
    if path.stat().st_size > MAX_FILE_BYTES:
        raise InputError(str(path), _too_big(path.stat().st_size))
    try:
        return str(path), path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), note("unreadable", reason=exc.strerror)) from None


def read_sheets(source: str | Path | tuple[str, bytes]) -> list[RawSheet]:
    """Read every sheet of an Excel/ODS workbook, or the single table of a CSV file."""
    name, data = read_source(source)
    if len(data) > MAX_FILE_BYTES:
        raise InputError(name, _too_big(len(data)))
    if not data.strip():
        raise InputError(name, note("empty"))
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED_MARK in data:
            raise InputError(name, note("password"))
        return _read_excel(name, data)
    if data.startswith(b"PK\x03\x04"):
        checked = inspect_zip(name, data)
        _check_package(name, data)
        found = checked.findings()  # and the sheets' XML freed before the reader allocates
        sheets = _read_excel(name, data)
        return [replace(sheet, formulas_without_value=found[sheet.sheet].formulas_without_value,
                        error_cells=found[sheet.sheet].error_cells)
                if sheet.sheet in found else sheet for sheet in sheets]
    if data.startswith(_BINARY_MAGICS) or b"\x00" in data[:4096]:
        raise InputError(name, NOT_A_SPREADSHEET)
    return [RawSheet(name, "", _read_csv(name, data))]


def _check_package(name: str, data: bytes) -> None:
    """What kind of zip this is, before the Excel reader meets it: unsupported formats, other
    zips and workbooks without their workbook or content part get a clear message."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:  # inspect_zip has opened it already
        parts = {info.filename.lower(): info.filename for info in archive.infolist()}
        if "xl/workbook.bin" in parts:
            raise InputError(name, XLSB)
        if "index.zip" in parts or any(part.startswith("index/") for part in parts):
            raise InputError(name, NUMBERS)
        if "xl/workbook.xml" in parts:
            return
        if any(part.startswith("xl/") for part in parts):
            raise InputError(name, CORRUPT)  # a workbook's parts without the workbook
        if "content.xml" not in parts and "mimetype" not in parts:
            raise InputError(name, NOT_A_SPREADSHEET)  # a zip of something else
        try:
            mimetype = archive.read(parts["mimetype"]) if "mimetype" in parts else b""
        except (zipfile.BadZipFile, EOFError, OSError, ValueError):
            raise InputError(name, CORRUPT) from None
        if mimetype and b"opendocument.spreadsheet" not in mimetype:
            raise InputError(name, NOT_A_SPREADSHEET)  # a text document, a presentation …
        if "content.xml" not in parts:
            raise InputError(name, CORRUPT)


def _broken_workbook(data: bytes) -> bool:
    """Whether an xlsx the reader failed on (or found no sheets in) lacks a part it needs (the
    package's or the workbook's relationships, the part of a sheet the workbook lists) or has
    an XML part that is not well-formed (cut short, binary garbage)."""
    if not data.startswith(b"PK\x03\x04"):
        return False  # an xls
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = {info.filename.lower(): info.filename for info in archive.infolist()}
            if "xl/workbook.xml" not in parts:
                return False  # not an xlsx (an ods, an xls)
            rels = parts.get("xl/_rels/workbook.xml.rels")
            if rels is None or "_rels/.rels" not in parts:
                return True
            for part in parts.values():
                if part.lower().endswith((".xml", ".rels")):
                    with archive.open(part) as handle:  # streamed: memory stays small
                        for _, element in iterparse(handle):
                            element.clear()
            workbook = fromstring(archive.read(parts["xl/workbook.xml"]))
            targets = {rel.get("Id"): rel.get("Target", "")
                       for rel in fromstring(archive.read(rels))}
            for sheet in workbook.iter():
                if not sheet.tag.endswith("}sheet"):
                    continue
                rel_id = next((v for k, v in sheet.attrib.items() if k.endswith("}id")), None)
                target = unquote(targets.get(rel_id) or "")
                part = (target.lstrip("/") if target.startswith("/")
                        else posixpath.join("xl", target))
                if not target or posixpath.normpath(part).lower() not in parts:
                    return True
    except (zipfile.BadZipFile, EOFError, OSError, KeyError, SyntaxError, ValueError):
        return True  # defusedxml's refusals are ValueErrors, XML syntax errors SyntaxErrors
    return False


def _too_big(size: int) -> Note:
    return note("too_big", size=f"{size / 1024 / 1024:.0f}", limit=MAX_FILE_BYTES // 1024 // 1024)


def _read_excel(name: str, data: bytes) -> list[RawSheet]:
    """Every worksheet through python-calamine straight into a pandas frame of raw cells.

    pandas' own calamine engine converts each cell in Python, which took longer than the
    Rust parsing itself; the loaders normalise cells anyway (see `make bench`)."""
    try:
        sheets = _calamine_sheets(data)
    except BaseException as exc:  # the Rust reader can panic, which derives from BaseException
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            raise
        if _broken_workbook(data):
            raise InputError(name, CORRUPT) from None
        sheets = _without_impossible_dates(name, data, exc)
    if not sheets:
        raise InputError(name, CORRUPT if _broken_workbook(data) else NO_SHEETS)
    return [RawSheet(name, sheet, _grid(rows), hidden=hidden) for sheet, rows, hidden in sheets]


def _grid(rows: list[list[object]]) -> pd.DataFrame:
    """The cells as an object frame over one row-major array: pandas' own frame of a list of
    lists makes the same array, then copies it into columns (0.15 s of 500,000 rows)."""
    return pd.DataFrame(to_object_array(rows), dtype=object, copy=False)


def _calamine_sheets(data: bytes) -> list[tuple[str, list[list[object]], bool]]:
    """Each worksheet's name, cells and whether the workbook hides it."""
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    return [
        (meta.name, workbook.get_sheet_by_name(meta.name).to_python(skip_empty_area=False),
         meta.visible != SheetVisibleEnum.Visible)
        for meta in workbook.sheets_metadata if meta.typ == SheetTypeEnum.WorkSheet
    ]


def _without_impossible_dates(name: str, data: bytes,
                              exc: BaseException) -> list[tuple[str, list[list[object]], bool]]:
    """The sheets once more, after calamine gave up on a date-formatted number far outside
    the calendar (it panics, `TimeDelta::milliseconds out of bounds`): in an xlsx, such cells
    lose their date format and are read as the numbers they are, so the loaders report them
    on their rows as dates they cannot read. Any other failure: the file cannot be read."""
    if "TimeDelta" not in str(exc):
        raise InputError(name, note("corrupt_because", reason=_short(exc))) from None
    try:
        repaired = _undated_xlsx(data)
        if repaired is None:
            raise InputError(name, DATE_OUT_OF_RANGE)
        return _calamine_sheets(repaired)
    except BaseException as again:
        if isinstance(again, KeyboardInterrupt | SystemExit | InputError):
            raise
        raise InputError(name, DATE_OUT_OF_RANGE) from None


def _undated_xlsx(data: bytes) -> bytes | None:
    """The xlsx with its far-negative numeric cells stripped of their style; None if none."""
    source = zipfile.ZipFile(io.BytesIO(data))
    changed = False
    buffer = io.BytesIO()
    with source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename.lower().startswith("xl/worksheets/"):
                repaired = _NEGATIVE_CELL.sub(_unstyled, content)
                changed = changed or repaired != content
                content = repaired
            target.writestr(item, content)
    return buffer.getvalue() if changed else None


def _unstyled(match: re.Match[bytes]) -> bytes:
    if float(match.group(3)) < 1e10:
        return match.group(0)
    return match.group(1) + match.group(2)


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
    # the csv module refuses fields over 131,072 characters; no field is longer than the file
    if csv.field_size_limit() < MAX_FILE_BYTES:
        csv.field_size_limit(MAX_FILE_BYTES)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    if not any(any(cell.strip() for cell in row) for row in rows):
        raise InputError(name, note("empty"))
    width = max(len(row) for row in rows)
    _check_csv_extent(name, rows, width)
    padded = [row + [""] * (width - len(row)) for row in rows]
    return pd.DataFrame(padded, dtype=object)


def _check_csv_extent(name: str, rows: list[list[str]], width: int) -> None:
    """Every line is padded to the widest: refuse one absurdly wide line among short ones, as
    zipcheck refuses an absurd used range, before the grid is built."""
    extent, cells = width * len(rows), sum(len(row) for row in rows)
    if width <= zipcheck.MAX_COLUMNS and extent <= zipcheck.MAX_RANGE_CELLS and (
            extent <= zipcheck.MAX_SPARSE_CELLS or extent <= 20 * cells):
        return
    line = next(number for number, row in enumerate(rows, start=1) if len(row) == width)
    raise InputError(name, note("csv_too_wide", line=line, fields=spaced_number(width),
                                cells=spaced_number(extent)))


def _sniff_delimiter(text: str) -> str:
    """`;`, `,` or tab, guessed from the first 50 lines, at most SNIFF_CHARS characters."""
    head = text[:SNIFF_CHARS]
    if len(text) > SNIFF_CHARS and "\n" in head:
        head = head[:head.rindex("\n")]  # whole lines only, where there is a line break
    sample = "\n".join(head.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=";,\t").delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in ";,\t"}
        return max(counts, key=counts.get)
