"""A corpus of files that cannot be used, built on the fly, with the exact message each gets."""

from __future__ import annotations

import io
import zipfile

import msoffcrypto.format.ooxml

from tests.helpers import STAFF_HEADER, xlsx_file


def _encrypted_xlsx() -> bytes:
    _, plain = xlsx_file("hr.xlsx", {"Ark": [STAFF_HEADER, [1, "Kari", "", "A", "A", "", "", ""]]})
    encrypted = io.BytesIO()
    msoffcrypto.format.ooxml.OOXMLFile(io.BytesIO(plain)).encrypt("hemmelig", encrypted)
    return encrypted.getvalue()


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (30 * 1024 * 1024))
    return buffer.getvalue()


def _xml_bomb() -> bytes:
    _, plain = xlsx_file("hr.xlsx", {"Ark": [STAFF_HEADER]})
    source = zipfile.ZipFile(io.BytesIO(plain))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                body = data.split(b"?>", 1)[-1]
                data = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>' + body)
            archive.writestr(item, data)
    return buffer.getvalue()


def _corrupt_xlsx() -> bytes:
    _, plain = xlsx_file("hr.xlsx", {"Ark": [STAFF_HEADER]})
    return plain[: len(plain) // 2]


BAD_FILES: dict[str, tuple[str, bytes | None, str]] = {
    # case: (file name, content — built lazily where costly, exact message)
    "empty": ("tom.xlsx", b"", "tom.xlsx: filen er tom."),
    "blank_csv": ("blank.csv", b" \r\n;;\r\n", "blank.csv: filen er tom."),
    "corrupt": ("skadet.xlsx", None,
                "skadet.xlsx: filen er skadet og kan ikke åpnes som regneark."),
    "encrypted": ("passord.xlsx", None, "passord.xlsx: arbeidsboka er passordbeskyttet. "
                                        "Fjern passordet i Excel og last opp på nytt."),
    "zip_bomb": ("bombe.xlsx", None, "bombe.xlsx: filen pakker seg ut til mistenkelig mye data "
                                     "(zip-bombe?) og ble ikke åpnet."),
    "xml_bomb": ("xmlbombe.xlsx", None, "xmlbombe.xlsx: filen inneholder XML-definisjoner som "
                                        "ikke er tillatt i et regneark (mulig XML-bombe) og ble "
                                        "ikke åpnet."),
    "pdf_named_xlsx": ("rapport.xlsx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
                       "rapport.xlsx: filen er ikke et regneark (bruk .xlsx, .xlsm, .xls, .ods "
                       "eller .csv)."),
    "png_named_csv": ("bilde.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
                      "bilde.csv: filen er ikke et regneark (bruk .xlsx, .xlsm, .xls, .ods "
                      "eller .csv)."),
    "no_header": ("notater.csv", "Møtereferat\nVi snakket om været\n".encode(),
                  "notater.csv: fant ingen kjent overskriftsrad for ansattliste (HR) i de "
                  "første 30 radene. Sjekk at filen har kolonneoverskrifter."),
    "missing_unit": ("uten_enhet.csv", b"Ansattnr;Navn\n1;Kari\n",
                     "uten_enhet.csv: filen mangler kolonne for enhetskode/enhetsnavn (nødvendig "
                     "i ansattliste (HR))."),
    "oversized": ("stor.csv", None, "stor.csv: filen er for stor (51 MB); grensen er 50 MB."),
}
_BUILDERS = {"corrupt": _corrupt_xlsx, "encrypted": _encrypted_xlsx, "zip_bomb": _zip_bomb,
             "xml_bomb": _xml_bomb, "oversized": lambda: b"a;b\n" * (51 * 1024 * 1024 // 4)}


def bad_file(case: str) -> tuple[str, bytes, str]:
    """(file name, bytes, the exact message the user gets) for one case of the corpus."""
    name, data, message = BAD_FILES[case]
    return name, data if data is not None else _BUILDERS[case](), message
