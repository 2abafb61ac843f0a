"""Small hand-made input files for tests: CSV text or xlsx bytes from lists of rows."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile

import openpyxl

from analysis import build_results
from loaders import load_dataset

AS_OF = dt.date(2026, 11, 1)


def csv_file(name: str, rows: list[list[object]], sep: str = ";") -> tuple[str, bytes]:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=sep, lineterminator="\n").writerows(
        ["" if v is None else v for v in row] for row in rows)
    return name, buffer.getvalue().encode("utf-8")


def xlsx_file(name: str, sheets: dict[str, list[list[object]]]) -> tuple[str, bytes]:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return name, buffer.getvalue()


STAFF_HEADER = ["Ansattnr", "Navn", "E-post", "Enhetskode", "Enhet", "Startdato",
                "Saksbehandler", "Roller"]
COURSE_HEADER = ["Ansattnr", "Kurskode", "Kurs", "Status", "Fullført dato"]
ADVISOR_HEADER = ["Ansattnr", "Enhet", "Prosess", "Oppnevnt dato"]


def results_for(staff, courses, advisors=None, requirements=None, units=None, as_of=AS_OF,
                assessments=None):
    """Results for hand-made rows (header rows included) given as lists."""
    files = {
        "assessments": assessments and csv_file("vurderinger.csv", assessments),
        "staff": csv_file("ansatte.csv", staff),
        "courses": csv_file("kurs.csv", courses),
        "advisors": advisors and csv_file("radgivere.csv", advisors),
        "requirements": requirements and csv_file("krav.csv", requirements),
        "units": units and csv_file("enheter.csv", units),
    }
    dataset = load_dataset(**files)
    return build_results(dataset, as_of=as_of)


def rows(frame, **where):
    """Rows of a frame matching column=value filters, as a list of dicts."""
    for column, value in where.items():
        frame = frame[frame[column] == value]
    return frame.to_dict("records")


def names_in(text: str, names: set[str]) -> list[str]:
    """The names that occur in `text`, sorted: each checked in full only when all its words
    occur, so thousands of names scan megabytes of page or file in a moment."""
    words = set(re.findall(r"\w+", text))
    return sorted(name for name in names
                  if set(re.findall(r"\w+", name)) <= words and name in text)


def download_text(file_name: str, data: bytes) -> str:
    """The text a downloaded file shows: an Excel file's cells, a zip's members (PDF pages,
    CSV), or the file as text."""
    if file_name.endswith(".xlsx"):
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
        return "\n".join(str(value) for sheet in workbook for row in sheet.iter_rows(
            values_only=True) for value in row if value is not None)
    if file_name.endswith(".zip"):
        archive = zipfile.ZipFile(io.BytesIO(data))
        return "\n".join(download_text(member, archive.read(member))
                         for member in archive.namelist())
    if file_name.endswith(".pdf"):
        from tests.test_exports import _pdf_text

        return _pdf_text(data)
    return data.decode("utf-8-sig", errors="ignore")
