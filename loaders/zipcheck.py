"""Checks on zipped workbooks (xlsx, xlsm, ods) before the Excel reader expands them."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from loaders.errors import InputError

MAX_UNZIPPED_BYTES = 600 * 1024 * 1024
MAX_ZIP_RATIO = 200
_PROLOG_BYTES = 4096
_CELL_WITH_FORMULA = re.compile(rb"<c\b[^>]*\br=\"([A-Z]+)(\d+)\"[^>]*>(.*?)</c>", re.S)
_SAVED_VALUE = re.compile(rb"<v>[^<]+</v>|<is>")
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


@dataclass
class ZipFindings:
    """What the archive revealed: formula cells without a saved value, per sheet name."""

    formulas_without_value: dict[str, list[tuple[int, str]]] = field(default_factory=dict)


def inspect_zip(name: str, data: bytes) -> ZipFindings:
    """Refuse bombs and XML entity tricks; find formula cells that have no saved value."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError(name, "filen er skadet og kan ikke åpnes som regneark.") from None
    with archive:
        entries = archive.infolist()
        unzipped = sum(entry.file_size for entry in entries)
        if unzipped > MAX_UNZIPPED_BYTES or unzipped > MAX_ZIP_RATIO * max(len(data), 1):
            raise InputError(
                name, "filen pakker seg ut til mistenkelig mye data (zip-bombe?) og ble ikke åpnet."
            )
        xml_parts = [e.filename for e in entries if e.filename.endswith((".xml", ".rels"))]
        try:
            for part in xml_parts:
                with archive.open(part) as handle:
                    prolog = handle.read(_PROLOG_BYTES)
                if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
                    raise InputError(name, "filen inneholder XML-definisjoner som ikke er tillatt "
                                     "i et regneark (mulig XML-bombe) og ble ikke åpnet.")
            return ZipFindings(_formulas_without_value(archive, set(xml_parts)))
        except (zipfile.BadZipFile, EOFError, OSError, KeyError, DefusedXmlException,
                SyntaxError, ValueError) as exc:
            if isinstance(exc, InputError):
                raise
            raise InputError(name, "filen er skadet og kan ikke åpnes som regneark.") from None


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


def _formulas_without_value(archive: zipfile.ZipFile,
                            parts: set[str]) -> dict[str, list[tuple[int, str]]]:
    found: dict[str, list[tuple[int, str]]] = {}
    for sheet, part in _sheet_parts(archive, parts).items():
        if part not in parts:
            continue
        xml = archive.read(part)
        if b"<f" not in xml:  # the common case: no formulas at all, skip the slow scan
            continue
        for column, row, body in _CELL_WITH_FORMULA.findall(xml):
            if b"<f" in body and not _SAVED_VALUE.search(body):
                found.setdefault(sheet, []).append((int(row), column.decode()))
    return found
