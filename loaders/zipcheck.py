"""Checks on zipped workbooks (xlsx, xlsm, ods) before the Excel reader expands them."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from loaders.errors import InputError
from loaders.issues import note

MAX_UNZIPPED_BYTES = 600 * 1024 * 1024
MAX_ZIP_RATIO = 200
_PROLOG_BYTES = 4096
_CELL_WITH_FORMULA = re.compile(rb"<c\b[^>]*\br=\"([A-Z]+)(\d+)\"[^>]*>(.*?)</c>", re.S)
_SAVED_VALUE = re.compile(rb"<v>[^<]+</v>|<is>")
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
# The reader allocates the whole used range, from A1 to the farthest cell: refuse ranges far
# larger than the cells in them before it tries (a single cell at XFD1048576 is 17 billion).
MAX_SPARSE_CELLS = 2_000_000
MAX_RANGE_CELLS = 60_000_000
MAX_COLUMNS = 20_000
_LAST_ROW = re.compile(rb"<row\b[^>]*?\br=\"(\d+)\"")
# the farthest column: look for three-letter references first (rare), then two-letter ones
_CELLS_BY_WIDTH = (re.compile(rb" r=\"([A-Z]{3,})\d"), re.compile(rb" r=\"([A-Z]{2})\d"))


@dataclass
class ZipFindings:
    """What the archive revealed: formula cells without a saved value, per sheet name."""

    formulas_without_value: dict[str, list[tuple[int, str]]] = field(default_factory=dict)


def inspect_zip(name: str, data: bytes) -> ZipFindings:
    """Refuse bombs and XML entity tricks; find formula cells that have no saved value."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError(name, note("corrupt")) from None
    with archive:
        entries = archive.infolist()
        unzipped = sum(entry.file_size for entry in entries)
        if unzipped > MAX_UNZIPPED_BYTES or unzipped > MAX_ZIP_RATIO * max(len(data), 1):
            raise InputError(name, note("zip_bomb"))
        xml_parts = [e.filename for e in entries if e.filename.endswith((".xml", ".rels"))]
        try:
            for part in xml_parts:
                with archive.open(part) as handle:
                    prolog = handle.read(_PROLOG_BYTES)
                if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
                    raise InputError(name, note("xml_bomb"))
            sheets = _sheet_parts(archive, set(xml_parts))
            _check_extent(name, archive, sheets, set(xml_parts))
            return ZipFindings(_formulas_without_value(archive, sheets, set(xml_parts)))
        except (zipfile.BadZipFile, EOFError, OSError, KeyError, DefusedXmlException,
                SyntaxError, ValueError) as exc:
            if isinstance(exc, InputError):
                raise
            raise InputError(name, note("corrupt")) from None


def _sheet_parts(archive: zipfile.ZipFile, parts: set[str]) -> dict[str, str]:
    """Sheet name → worksheet part, from the workbook and its relationships (parsed safely)."""
    if "xl/workbook.xml" not in parts or "xl/_rels/workbook.xml.rels" not in parts:
        return {}
    workbook = fromstring(archive.read("xl/workbook.xml"))
    rels = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
    sheets = {}
    for sheet in workbook.iter():
        if sheet.tag.endswith("}sheet"):
            target = targets.get(sheet.get(f"{_REL_NS}id"), "").lstrip("/")
            sheets[sheet.get("name", "")] = target if target.startswith("xl/") else f"xl/{target}"
    return sheets


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - ord("A") + 1
    return number


def _check_extent(name: str, archive: zipfile.ZipFile, sheets: dict[str, str],
                  parts: set[str]) -> None:
    """Refuse a sheet whose used range would make the reader allocate absurd amounts."""
    for sheet, part in sheets.items():
        if part not in parts:
            continue
        xml = archive.read(part)
        last = xml.rfind(b"<row ")
        rows = int(m.group(1)) if last >= 0 and (m := _LAST_ROW.match(xml, last)) else 0
        columns = 26
        for pattern in _CELLS_BY_WIDTH:
            found = pattern.findall(xml)
            if found:
                columns = max(_column_number(letters) for letters in set(found))
                break
        cells = xml.count(b"<c ") + xml.count(b"<c>")
        extent = rows * columns
        if columns > MAX_COLUMNS or extent > MAX_RANGE_CELLS or (
                extent > MAX_SPARSE_CELLS and extent > 20 * max(cells, 1)):
            rows_, columns_, extent_, cells_ = map(spaced_number, (rows, columns, extent, cells))
            raise InputError(name, note("sheet_too_wide", sheet=sheet, rows=rows_,
                                        columns=columns_, extent=extent_, cells=cells_))


def spaced_number(number: int) -> str:
    """12 345 678, with non-breaking spaces, as the messages write big numbers."""
    return f"{number:,}".replace(",", "\u00a0")


def _formulas_without_value(archive: zipfile.ZipFile, sheets: dict[str, str],
                            parts: set[str]) -> dict[str, list[tuple[int, str]]]:
    found: dict[str, list[tuple[int, str]]] = {}
    for sheet, part in sheets.items():
        if part not in parts:
            continue
        xml = archive.read(part)
        if b"<f" not in xml:  # the common case: no formulas at all, skip the slow scan
            continue
        for column, row, body in _CELL_WITH_FORMULA.findall(xml):
            if b"<f" in body and not _SAVED_VALUE.search(body):
                found.setdefault(sheet, []).append((int(row), column.decode()))
    return found
