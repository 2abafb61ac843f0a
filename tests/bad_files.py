"""A corpus of files that cannot be used, built on the fly, with the exact message each gets."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import msoffcrypto.format.ooxml
from streamlit.testing.v1 import AppTest

from tests.apptest import as_written
from tests.helpers import COURSE_HEADER, STAFF_HEADER, csv_file, xlsx_file
from tests.sample import ROOT, SAMPLE_AS_OF

Input = tuple[str, bytes] | Path  # an input file's (name, content), or a file already on disk


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


def run_report(folder: Path, inputs: dict[str, Input], *options: str,
               timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """`report.py --<kind> FILE …` as a user runs it, the (name, content) inputs written to
    `folder` first; stdout and stderr captured as text."""
    arguments: list[str] = []
    for kind, source in inputs.items():
        if isinstance(source, tuple):
            name, data = source
            source = folder / name
            source.write_bytes(data)
        arguments += [f"--{kind}", str(source)]
    return subprocess.run([sys.executable, "report.py", *arguments, *options], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


def error_line(folder: Path, message: str) -> str:
    """The one line report.py writes to stderr for a file in `folder` that cannot be used;
    `message` is the InputError's text, which starts with the file's name."""
    return f"Feil: {folder}/{message}\n"


def upload_keeps_the_data_shown_before(name: str, data: bytes, message: str) -> None:
    """Upload a file that cannot be used (with a course file) to the app on the sample data:
    no exception, the same figures as before, and the file's exact message in the sidebar."""
    app = AppTest.from_file("../dashboard.py", default_timeout=120)
    app.session_state["as_of"] = SAMPLE_AS_OF
    app.run()
    before = [m.value for m in app.metric]
    courses = csv_file("kurs.csv", [COURSE_HEADER])
    app.sidebar.file_uploader[0].set_value([(name, data, "application/octet-stream"),
                                            (courses[0], courses[1], "text/csv")])
    app.run()
    assert not app.exception
    assert [m.value for m in app.metric] == before
    # the status names the file that was not used and why; the data shown stay
    assert f"Ikke brukt: {message}" in [as_written(e.value) for e in app.sidebar.error]
