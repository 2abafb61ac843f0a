"""Checks on zipped workbooks (xlsx, xlsm, ods) before the Excel reader expands them."""

from __future__ import annotations

import io
import re
import struct
import zipfile
from dataclasses import dataclass, field

import deflate
import numpy as np
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from loaders.errors import InputError
from loaders.issues import note

MAX_UNZIPPED_BYTES = 600 * 1024 * 1024
MAX_ZIP_RATIO = 200
_PROLOG_BYTES = 4096
_CELL_WITH_FORMULA = re.compile(rb"<c\b[^>]*\br=\"([A-Z]+)(\d+)\"[^>]*>(.*?)</c>", re.S)
_SAVED_VALUE = re.compile(rb"<v>[^<]+</v>|<is>")
_ERROR_CELL = re.compile(rb"<c\b([^>]*\bt=\"e\"[^>]*)>(.*?)</c>", re.S)
_REFERENCE = re.compile(rb"\br=\"([A-Z]+)(\d+)\"")
_VALUE = re.compile(rb"<v>([^<]*)</v>")
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
# The reader allocates the whole used range, from A1 to the farthest cell: refuse ranges far
# larger than the cells in them before it tries (a single cell at XFD1048576 is 17 billion).
MAX_SPARSE_CELLS = 2_000_000
MAX_RANGE_CELLS = 60_000_000
MAX_COLUMNS = 20_000
_COUNT_CHUNK = 4 * 1024 * 1024
_LAST_ROW = re.compile(rb"<row\b[^>]*?\br=\"(\d+)\"")
# the farthest column: look for three-letter references first (rare), then two-letter ones
_CELLS_BY_WIDTH = (re.compile(rb" r=\"([A-Z]{3,})\d"), re.compile(rb" r=\"([A-Z]{2})\d"))
# the scans for what most sheets lack look at the XML in slices of this many bytes: numpy's
# temporary arrays stay small, and a slice is all it looks at before finding one
_SCAN_CHUNK = 1024 * 1024
_QUOTE, _EQUALS, _R, _SPACE, _A = ord('"'), ord("="), ord("r"), ord(" "), ord("A")


@dataclass(frozen=True)
class SheetFindings:
    formulas_without_value: list[tuple[int, str]]  # (row, column letters)
    error_cells: list[tuple[int, str, str]]  # (row, column letters, the error: #N/A, #REF! …)


@dataclass
class CheckedZip:
    """An archive that passed the checks the Excel reader needs first, with each sheet's XML
    kept for the checks on its cells (`findings`)."""

    name: str
    sheets: dict[str, tuple[zipfile.ZipInfo, bytes | bytearray]] = field(default_factory=dict)

    def findings(self) -> dict[str, SheetFindings]:
        """Sheet name → its formula cells without a saved value and its error cells (the
        reader gives both as blanks); a part whose CRC is wrong is refused. Frees the kept
        XML."""
        found = {}
        sheets, self.sheets = self.sheets, {}
        for sheet, (info, xml) in sheets.items():
            if deflate.crc32(xml) != info.CRC:
                raise InputError(self.name, note("corrupt"))
            found[sheet] = SheetFindings(_formulas_without_value(xml), _error_cells(xml))
        return found


def inspect_zip(name: str, data: bytes) -> CheckedZip:
    """Refuse bombs, XML entity tricks and absurd used ranges: what must be refused before the
    Excel reader allocates anything."""
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
            checked = CheckedZip(name)
            # each sheet's XML is inflated once, here: it is the bulk of the file, and
            # inflating it costs a twentieth of the Excel reader's own parse
            for sheet, part in _sheet_parts(archive, set(xml_parts)).items():
                if part in xml_parts:
                    xml = _inflated(archive, data, part)
                    _check_extent(name, sheet, xml)
                    checked.sheets[sheet] = archive.getinfo(part), xml
            return checked
        except (zipfile.BadZipFile, EOFError, OSError, KeyError, DefusedXmlException,
                SyntaxError, ValueError) as exc:
            if isinstance(exc, InputError):
                raise
            raise InputError(name, note("corrupt")) from None


def _inflated(archive: zipfile.ZipFile, data: bytes, part: str) -> bytes | bytearray:
    """A part's bytes, inflated with libdeflate (six times zlib's speed here) into exactly the
    size the archive declares, which the bomb check has bounded; its CRC is checked later."""
    info = archive.getinfo(part)
    if info.compress_type != zipfile.ZIP_DEFLATED or info.flag_bits & 0x1:
        return archive.read(part)  # stored or encrypted parts: zipfile's own way
    start = info.header_offset
    if data[start:start + 4] != b"PK\x03\x04":
        raise zipfile.BadZipFile(part)
    name_length, extra_length = struct.unpack("<HH", data[start + 26:start + 30])
    begin = start + 30 + name_length + extra_length
    try:
        inflated = deflate.deflate_decompress(data[begin:begin + info.compress_size],
                                              info.file_size)
    except deflate.DeflateError:
        raise zipfile.BadZipFile(part) from None
    return inflated


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


def _check_extent(name: str, sheet: str, xml: bytes | bytearray) -> None:
    """Refuse a sheet whose used range would make the reader allocate absurd amounts."""
    last = xml.rfind(b"<row ")
    rows = int(m.group(1)) if last >= 0 and (m := _LAST_ROW.match(xml, last)) else 0
    columns = 26
    if _has_wide_cell(xml):
        for pattern in _CELLS_BY_WIDTH:
            found = pattern.findall(xml)
            if found:
                columns = max(_column_number(letters) for letters in set(found))
                break
    extent = rows * columns
    if extent <= MAX_SPARSE_CELLS and columns <= MAX_COLUMNS:
        return  # no need to count the cells
    if columns <= MAX_COLUMNS and extent <= MAX_RANGE_CELLS and extent <= 20 * _cells_at_least(
            xml, -(-extent // 20)):
        return  # dense enough without counting the rare cells written without attributes
    cells = xml.count(b"<c ") + xml.count(b"<c>")
    if columns > MAX_COLUMNS or extent > MAX_RANGE_CELLS or extent > 20 * max(cells, 1):
        rows_, columns_, extent_, cells_ = map(spaced_number, (rows, columns, extent, cells))
        raise InputError(name, note("sheet_too_wide", sheet=sheet, rows=rows_,
                                    columns=columns_, extent=extent_, cells=cells_))


def _cells_at_least(xml: bytes | bytearray, needed: int) -> int:
    """The cells written with attributes, counted until `needed` are found: a dense sheet's
    first megabytes show it is dense. A cell cut by a chunk's end is missed, so this is at
    most the true count."""
    cells = 0
    for start in range(0, len(xml), _COUNT_CHUNK):
        cells += xml.count(b"<c ", start, start + _COUNT_CHUNK)
        if cells >= needed:
            break
    return cells


def spaced_number(number: int) -> str:
    """12 345 678, with non-breaking spaces, as the messages write big numbers."""
    return f"{number:,}".replace(",", "\u00a0")


def _error_cells(xml: bytes | bytearray) -> list[tuple[int, str, str]]:
    """The (row, column, error) of each cell holding an Excel error such as #N/A or #REF!."""
    if not _contains(xml, b't="e"', rare=3):  # the common case
        return []
    cells = []
    for attributes, body in _ERROR_CELL.findall(xml):
        reference, value = _REFERENCE.search(attributes), _VALUE.search(body)
        if reference:
            cells.append((int(reference[2]), reference[1].decode(),
                          value[1].decode(errors="replace") if value else "#?"))
    return cells


def _formulas_without_value(xml: bytes | bytearray) -> list[tuple[int, str]]:
    """The (row, column) of each formula cell of a sheet that has no saved value."""
    if not _contains(xml, b"<f", rare=1):  # the common case: no formulas, no slow scan
        return []
    return [(int(row), column.decode())
            for column, row, body in _CELL_WITH_FORMULA.findall(xml)
            if b"<f" in body and not _SAVED_VALUE.search(body)]


def _contains(xml: bytes | bytearray, needle: bytes, rare: int) -> bool:
    """`needle in xml`, found from the places of its byte at `rare`, one that is rare in a
    sheet's XML: a tenth of the time of `in`, which looks at every "<" and quote of it."""
    octets = np.frombuffer(xml, np.uint8)
    for start in range(0, len(octets), _SCAN_CHUNK):
        at = np.flatnonzero(octets[start:start + _SCAN_CHUNK] == needle[rare]) + start
        at = at[(at >= rare) & (at + len(needle) - rare <= len(octets))]
        for offset, byte in enumerate(needle):
            at = at[octets[at - rare + offset] == byte]
        if len(at):
            return True
    return False


def _has_wide_cell(xml: bytes | bytearray) -> bool:
    """Whether a cell lies beyond column Z (` r="AA…`): a quote before two capital letters,
    found in whole slices at once, then checked for the ` r=` before it. Twice the speed of
    a regular expression, which stops at every one of the sheet's ` r="`."""
    octets = np.frombuffer(xml, np.uint8)
    for start in range(0, len(octets), _SCAN_CHUNK):
        first = max(start - 3, 0)  # a reference cut by a slice's start is seen in this one
        part = octets[first:start + _SCAN_CHUNK + 2]
        capital = (part - _A) < 26  # uint8: below "A" wraps round to a large number
        at = np.flatnonzero((part[:-2] == _QUOTE) & capital[1:-1] & capital[2:]) + first
        at = at[at >= 3]
        at = at[(octets[at - 1] == _EQUALS) & (octets[at - 2] == _R) & (octets[at - 3] == _SPACE)]
        if len(at):
            return True
    return False
