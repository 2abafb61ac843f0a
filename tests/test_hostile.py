"""Hostile files (issue 10): each gets one clear Norwegian message naming the file, or normal
results with the problem on its row; never a traceback, in the loaders or on the command line.

The corpus is built here, small, from openpyxl, odfpy, xlwt, zipfile and plain bytes."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import struct
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import odf.opendocument
import odf.table
import odf.text
import openpyxl
import pandas as pd
import pytest
import xlwt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import build_results
from analysis.config import Requirement, RuleConfig
from analysis.evidence import requirement_evidence
from analysis.training import LAST_DAY, requirement_status
from exports.excel import write_excel_report
from exports.json_export import results_to_dict
from loaders import InputError, load_dataset, read, zipcheck
from loaders.normalise import MAX_GRACE_DAYS, MAX_VALID_MONTHS
from loaders.values import cell_text, id_text, is_blank, parse_date, texts_of
from tests.bad_files import error_line, run_report, upload_keeps_the_data_shown_before
from tests.helpers import ADVISOR_HEADER, AS_OF, COURSE_HEADER, STAFF_HEADER, csv_file, xlsx_file
from wording.validation import with_messages

STAFF_OK = csv_file("ansatte_ok.csv", [
    STAFF_HEADER, [1, "Kari Nordmann", "kari@ntnu.no", "A", "Enhet A", "01.01.2020", "Ja",
                   "innsyn; SRU"]])
COURSES_OK = csv_file("kurs_ok.csv", [COURSE_HEADER, [1, "K3", "Saksbehandlerskolen", "Fullført",
                                                      "01.01.2026"]])
REQUIREMENT_HEADER = ["id", "name", "audience", "courses", "valid_months", "grace_days"]
CORRUPT = "filen er skadet og kan ikke åpnes som regneark."
NOT_A_SPREADSHEET = "filen er ikke et regneark (bruk .xlsx, .xlsm, .xls, .ods eller .csv)."
CONTROLS_REMOVED = "Cellen hadde usynlige kontrolltegn; de er fjernet."
NOT_A_DATE = "er ikke en dato (bruk dd.mm.åååå); verdien er ignorert."
LONG = 32767  # the most characters an Excel cell holds


# ---- building the files ----------------------------------------------------------------------

def staff_row(employee_id: object = 1, name: object = "Kari Nordmann", unit: object = "A",
              start: object = "", flag: object = "Ja", roles: object = "innsyn") -> list[object]:
    return [employee_id, name, "", unit, f"Enhet {unit}"[:LONG], start, flag, roles]


def staff_xlsx(*rows: list[object], name: str = "hr.xlsx") -> tuple[str, bytes]:
    return xlsx_file(name, {"Ark": [STAFF_HEADER, *rows]})


def edited_zip(data: bytes, edit: Callable[[str, bytes], bytes | None]) -> bytes:
    """The archive with each part passed through `edit` (None drops the part)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = edit(item.filename, source.read(item.filename))
            if content is not None:
                target.writestr(item, content)
    return buffer.getvalue()


def xlsx_edited(edit: Callable[[str, bytes], bytes | None], name: str = "hr.xlsx",
                rows: tuple[list[object], ...] = (staff_row(),)) -> Callable[[], tuple]:
    return lambda: (name, edited_zip(staff_xlsx(*rows)[1], edit))


def without(part: str) -> Callable[[str, bytes], bytes | None]:
    return lambda name, content: None if name == part else content


def in_part(part: str, old: bytes, new: bytes) -> Callable[[str, bytes], bytes | None]:
    return lambda name, content: content.replace(old, new) if name == part else content


def cut_short(part: str) -> Callable[[str, bytes], bytes | None]:
    return lambda name, content: content[: len(content) // 2] if name == part else content


def with_entry_field(part: str, local_offset: int, value: int) -> Callable[[], tuple]:
    """A staff workbook whose zip headers (the local one and the central directory's) state
    another 4-byte `value` for one field of `part`: its CRC (local offset 14) or size (22)."""
    def build() -> tuple[str, bytes]:
        data = bytearray(staff_xlsx(staff_row())[1])
        name = part.encode()
        for signature, field_offset, name_offset in ((b"PK\x03\x04", local_offset, 30),
                                                     (b"PK\x01\x02", local_offset + 2, 46)):
            start = data.find(signature)
            while data[start + name_offset:start + name_offset + len(name)] != name:
                start = data.find(signature, start + 1)
            data[start + field_offset:start + field_offset + 4] = struct.pack("<I", value)
        return "hr.xlsx", bytes(data)
    return build


def plain_zip(name: str, parts: dict[str, bytes]) -> Callable[[], tuple[str, bytes]]:
    def build() -> tuple[str, bytes]:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for part, content in parts.items():
                archive.writestr(part, content)
        return name, buffer.getvalue()
    return build


def ods_staff(start_value: str) -> tuple[str, bytes]:
    """An OpenDocument staff file whose one start date is an ODS date cell."""
    document = odf.opendocument.OpenDocumentSpreadsheet()
    table = odf.table.Table(name="Ark")
    for cells in (STAFF_HEADER, staff_row()):
        row = odf.table.TableRow()
        for header, value in zip(STAFF_HEADER, cells, strict=True):
            if header == "Startdato" and cells is not STAFF_HEADER:
                cell = odf.table.TableCell(valuetype="date", datevalue=start_value)
                cell.addElement(odf.text.P(text=start_value))
            elif isinstance(value, int):
                cell = odf.table.TableCell(valuetype="float", value=str(value))
            else:
                cell = odf.table.TableCell(valuetype="string")
                cell.addElement(odf.text.P(text=str(value)))
            row.addElement(cell)
        table.addElement(row)
    document.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    document.save(buffer)
    return "hr.ods", buffer.getvalue()


def ods_without_content() -> tuple[str, bytes]:
    return "hr.ods", edited_zip(ods_staff("2020-01-01")[1], without("content.xml"))


def dated_workbook(value: float, name: str) -> tuple[str, bytes]:
    """A staff workbook whose one start date is a date-formatted number (xlsx or xls)."""
    if name.endswith(".xls"):
        book = xlwt.Workbook()
        sheet = book.add_sheet("Ark")
        for column, header in enumerate(STAFF_HEADER):
            sheet.write(0, column, header)
        for column, cell in enumerate(staff_row()):
            if STAFF_HEADER[column] == "Startdato":
                sheet.write(1, column, value, xlwt.easyxf(num_format_str="DD.MM.YYYY"))
            else:
                sheet.write(1, column, cell)
        buffer = io.BytesIO()
        book.save(buffer)
        return name, buffer.getvalue()
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Ark"
    sheet.append(STAFF_HEADER)
    sheet.append(staff_row(start=value))
    sheet["F2"].number_format = "DD.MM.YYYY"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return name, buffer.getvalue()


def csv_text(name: str, text: str, tail: bytes = b"") -> Callable[[], tuple[str, bytes]]:
    return lambda: (name, text.encode("utf-8") + tail)


def staff_csv(*rows: list[object]) -> str:
    return "\n".join(";".join(str(cell) for cell in row) for row in [STAFF_HEADER, *rows]) + "\n"


MANY_ROWS = [staff_row(i, f"Person {i}") for i in range(1, 201)]  # well over 4 KB of text
assert len(staff_csv(*MANY_ROWS)) > 4096


def requirements(valid_months: object, grace_days: object) -> Callable[[], tuple[str, bytes]]:
    return lambda: csv_file("krav.csv", [
        REQUIREMENT_HEADER,
        ["K3", "Saksbehandlerskolen", "case_handlers", "K3;Saksbehandlerskolen", valid_months,
         grace_days],
        ["K3", "Saksbehandlerskolen", "advisors", "K3;Saksbehandlerskolen", valid_months, ""]])


# ---- the corpus ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Hostile:
    """One hostile file: the input it is given as, how it is built, and what the user gets:
    the exact InputError text, or (sheet, row, column, severity, message) of one issue among
    normal results (None: normal results without any issue)."""

    kind: str
    build: Callable[[], tuple[str, bytes]]
    message: str = ""
    issue: tuple[str, int, str, str, str] | None = None


CORPUS: dict[str, Hostile] = {
    # 1. zips that are no (whole) workbook
    "xlsx_without_workbook_xml": Hostile(
        "staff", xlsx_edited(without("xl/workbook.xml")), f"hr.xlsx: {CORRUPT}"),
    "xlsx_without_workbook_rels": Hostile(
        "staff", xlsx_edited(without("xl/_rels/workbook.xml.rels")), f"hr.xlsx: {CORRUPT}"),
    "xlsx_without_package_rels": Hostile(
        "staff", xlsx_edited(without("_rels/.rels")), f"hr.xlsx: {CORRUPT}"),
    "xlsx_without_sheet_part": Hostile(
        "staff", xlsx_edited(without("xl/worksheets/sheet1.xml")), f"hr.xlsx: {CORRUPT}"),
    "xlsx_sheet_relation_to_nowhere": Hostile("staff", xlsx_edited(in_part(
        "xl/_rels/workbook.xml.rels", b"worksheets/sheet1.xml", b"worksheets/borte.xml")),
        f"hr.xlsx: {CORRUPT}"),
    "xlsx_sheet_cut_short": Hostile(
        "staff", xlsx_edited(cut_short("xl/worksheets/sheet1.xml")), f"hr.xlsx: {CORRUPT}"),
    "xlsx_sheet_crc_wrong": Hostile(
        "staff", with_entry_field("xl/worksheets/sheet1.xml", 14, 12345), f"hr.xlsx: {CORRUPT}"),
    "xlsx_sheet_size_understated": Hostile(
        "staff", with_entry_field("xl/worksheets/sheet1.xml", 22, 10), f"hr.xlsx: {CORRUPT}"),
    "xlsx_without_sheets": Hostile("staff", xlsx_edited(in_part(
        "xl/workbook.xml", b'<sheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/relationships" name="Ark" sheetId="1" state="visible" r:id="rId1"/>', b"")),
        "hr.xlsx: arbeidsboka har ingen regneark."),
    "ods_without_content": Hostile("staff", ods_without_content, f"hr.ods: {CORRUPT}"),
    "word_document_named_xlsx": Hostile("staff", plain_zip("hr.xlsx", {
        "[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"}),
        f"hr.xlsx: {NOT_A_SPREADSHEET}"),
    # 2. NUL bytes after the first 4 KB (earlier ones mean "not a spreadsheet", as before)
    "csv_nul_in_a_cell_after_4_kb": Hostile("staff", csv_text(
        "nul.csv", staff_csv(*MANY_ROWS, staff_row(201, "Ola\x00Nordmann"))),
        issue=("", 202, "Navn", "warning", CONTROLS_REMOVED)),
    "csv_nul_padding_after_4_kb": Hostile(
        "staff", csv_text("nulfyll.csv", staff_csv(*MANY_ROWS), b"\x00" * 3000)),
    # 3. control characters in cells (and in a header)
    "csv_control_characters": Hostile("staff", csv_text("kontroll.csv", staff_csv(
        staff_row(1, "Ka\x01ri\x1b Nordmann", "A\x7f", roles="innsyn\x08")).replace(
        "Navn", "Navn\x07", 1)), issue=("", 2, "Navn", "warning", CONTROLS_REMOVED)),
    "xlsx_control_characters": Hostile("staff", xlsx_edited(in_part(
        "xl/worksheets/sheet1.xml", b"KARIMARK", b"Ka\x01ri_x001B_ Nordmann&#127;"),
        rows=(staff_row(name="KARIMARK"),)),
        issue=("Ark", 2, "Navn", "warning", CONTROLS_REMOVED)),
    # 4. CSV fields beyond the csv module's limit (131,072), and a sniffer-hostile line
    "csv_field_of_200000_characters": Hostile("staff", csv_text("lang.csv", staff_csv(
        staff_row(1, "K" * 200_000, flag="J" * 200_000))),
        issue=("", 2, "Saksbehandler", "warning", f"«{'J' * 200}… (200000 tegn)» er ikke "
               "Ja/Nei; personen regnes ikke som saksbehandler.")),
    "csv_one_line_of_100000_fields": Hostile("staff", csv_text("bred.csv", staff_csv(
        staff_row(1), *[staff_row(n) for n in range(2, 60)]) + ";" * 100_000 + "\n"),
        "bred.csv: linje 61 har 100\u00a0001 felt, mens filen ellers har langt færre; det "
        "ville gitt en tabell på 6\u00a0100\u00a0061 celler. Sjekk skilletegnet, eller fjern "
        "linjen, og last opp på nytt."),
    "csv_quote_heavy_line": Hostile("staff", csv_text("sitat.csv", staff_csv(
        staff_row(1), staff_row(2, '"' + 'x"";' * 50_000 + '"', flag="Kanskje"))),
        issue=("", 3, "Saksbehandler", "warning",
               "«Kanskje» er ikke Ja/Nei; personen regnes ikke som saksbehandler.")),
    # 5. 32,767-character texts (Excel's most) in every text column
    "xlsx_32767_character_texts": Hostile("staff", lambda: staff_xlsx(
        staff_row(1, "N" * LONG, "U" * LONG, roles="R" * LONG),
        staff_row(2, "Ola", "U" * LONG, roles="innsyn; SRU; saksbehandling")),
        issue=("Ark", 2, "Roller", "warning",
               f"Forstår ikke «{'r' * 200}… ({LONG} tegn)» i rollen «{'R' * 200}… ({LONG} "
               "tegn)»; kjente prosesser er saksbehandling, innsyn og SRU.")),
    # 6. requirements whose validity or grace period leaves the calendar
    "requirements_valid_months_99999999": Hostile("requirements", requirements(99999999, ""),
        issue=("", 2, "valid_months", "warning",
               "«99999999» er mer enn 1200 måneder; 1200 måneder er brukt.")),
    "requirements_grace_days_10_to_9": Hostile("requirements", requirements("", 10**9),
        issue=("", 2, "grace_days", "warning",
               "«1000000000» er mer enn 36500 dager; 36500 dager er brukt.")),
    "requirements_10_to_20": Hostile("requirements", requirements(10**20, 10**20),
        issue=("", 2, "grace_days", "warning",
               "«100000000000000000000» er mer enn 36500 dager; 36500 dager er brukt.")),
    "requirements_negative": Hostile("requirements", requirements(-14640, -5),
        issue=("", 2, "valid_months", "warning",
               "«-14640» er ikke et helt tall; feltet er ignorert.")),
    # 7. dates outside the calendar, in text, in date cells, in every format
    "csv_start_dates_out_of_range": Hostile("staff", csv_text("datoer.csv", staff_csv(
        *(staff_row(i, f"Person {i}", start=start) for i, start in enumerate(
            ["0000-01-01", "99999-01-01", "01.01.99999", "3000000", "9999-12-31T23:30:00Z",
             "0001-01-01T00:00:00+05:00"], start=1)))),
        issue=("", 2, "Startdato", "warning", f"«0000-01-01» {NOT_A_DATE}")),
    "csv_completion_date_year_99999": Hostile("courses", lambda: csv_file("kurs.csv", [
        COURSE_HEADER, [1, "K3", "Saksbehandlerskolen", "Fullført", "99999-01-01"]]),
        issue=("", 2, "Fullført dato", "warning", f"«99999-01-01» {NOT_A_DATE}")),
    "xlsx_date_serial_after_9999": Hostile("staff", lambda: dated_workbook(3e6, "hr.xlsx"),
        issue=("Ark", 2, "Startdato", "warning", f"«3000000» {NOT_A_DATE}")),
    # calamine panics on a date-formatted number under -10^11 days (its message goes to the
    # worker's stderr, not the command line's): an xlsx is read again with those cells undated
    "xlsx_date_serial_far_negative": Hostile("staff", lambda: dated_workbook(-1e15, "hr.xlsx"),
        issue=("Ark", 2, "Startdato", "warning", f"«-1000000000000000» {NOT_A_DATE}")),
    "xls_date_serial_after_9999": Hostile("staff", lambda: dated_workbook(3e6, "hr.xls"),
        issue=("Ark", 2, "Startdato", "warning", f"«3000000» {NOT_A_DATE}")),
    "xls_date_serial_far_negative": Hostile(
        "staff", lambda: dated_workbook(-1e15, "hr.xls"),
        "hr.xls: filen har en datocelle med en verdi langt utenfor kalenderen og kan ikke "
        "leses. Rett eller tøm cellen i Excel og last opp på nytt."),
    "ods_date_year_99999": Hostile("staff", lambda: ods_staff("99999-01-01"),
        issue=("Ark", 2, "Startdato", "warning", f"«99999-01-01» {NOT_A_DATE}")),
    # 8. formats that are not read
    "xlsb": Hostile("staff", plain_zip("hr.xlsb", {
        "[Content_Types].xml": b"<Types/>", "_rels/.rels": b"<Relationships/>",
        "xl/workbook.bin": b"\x83\x01\x00", "xl/_rels/workbook.bin.rels": b"<Relationships/>",
        "xl/worksheets/sheet1.bin": b"\x81\x01\x00"}),
        "hr.xlsb: filtypen støttes ikke: .xlsb (binær Excel-arbeidsbok). Lagre filen som "
        ".xlsx i Excel og last opp på nytt."),
    "apple_numbers": Hostile("staff", plain_zip("hr.numbers", {
        "Index/Document.iwa": b"\x00\x1f\x8b junk", "Metadata/Properties.plist": b"<plist/>",
        "preview.jpg": b"\xff\xd8\xff"}),
        "hr.numbers: filtypen støttes ikke: .numbers (Apple Numbers). Eksporter regnearket til "
        "Excel (.xlsx) eller CSV i Numbers og last opp på nytt."),
}


def inputs_for(case: str) -> dict[str, tuple[str, bytes]]:
    hostile = CORPUS[case]
    return {"staff": STAFF_OK, "courses": COURSES_OK, hostile.kind: hostile.build()}


def issue_rows(issues: pd.DataFrame) -> list[tuple]:
    return [(row.file, row.sheet, int(row.row), row.column, row.severity, row.message)
            for row in with_messages(issues).itertuples(index=False)]


# ---- the loaders -----------------------------------------------------------------------------

@pytest.mark.parametrize("case", list(CORPUS))
def test_loader_gives_the_message_or_the_row_issue(case):
    hostile = CORPUS[case]
    inputs = inputs_for(case)
    name = inputs[hostile.kind][0]
    if hostile.message:
        with pytest.raises(InputError) as raised:
            load_dataset(**inputs)
        assert str(raised.value) == hostile.message
        return
    dataset = load_dataset(**inputs)
    results = build_results(dataset, as_of=AS_OF)
    if hostile.issue is None:
        assert results.issues.empty
    else:
        assert (name, *hostile.issue) in issue_rows(results.issues)
    json.dumps(results_to_dict(results))
    write_excel_report(results, io.BytesIO(), dataset.tables)


def test_control_characters_are_dropped_from_the_text():
    dataset = load_dataset(**inputs_for("csv_control_characters"))
    person = dataset.staff.iloc[0]
    assert (person["name"], person["unit_id"]) == ("Kari Nordmann", "A")
    assert list(dataset.advisors["process"]) == ["innsyn"]
    assert [issue[3] for issue in issue_rows(dataset.issues)] == [
        "Navn", "Enhetskode", "Enhet", "Roller"]
    assert dataset.tables[0].mapping["Navn"] == "name"
    xlsx = load_dataset(**inputs_for("xlsx_control_characters"))
    assert list(xlsx.staff["name"]) == ["Kari Nordmann"]


def test_nul_bytes_late_in_a_csv_lose_no_row():
    dataset = load_dataset(**inputs_for("csv_nul_in_a_cell_after_4_kb"))
    assert len(dataset.staff) == 201
    assert dataset.staff["name"].iloc[-1] == "OlaNordmann"
    assert len(load_dataset(**inputs_for("csv_nul_padding_after_4_kb")).staff) == 200


def test_a_field_beyond_the_csv_limit_is_read_whole():
    dataset = load_dataset(**inputs_for("csv_field_of_200000_characters"))
    assert len(dataset.staff["name"].iloc[0]) == 200_000


def test_four_digit_years_are_never_read_as_two_digit_ones():
    assert parse_date("01.01.0001") == (dt.date(1, 1, 1), True)
    assert parse_date("01.01.0000") == (None, False)
    assert parse_date("01.01.26") == (dt.date(2026, 1, 1), True)
    assert parse_date("01.01.0026") == (dt.date(26, 1, 1), True)


def test_every_out_of_range_start_date_is_a_row_warning():
    dataset = load_dataset(**inputs_for("csv_start_dates_out_of_range"))
    assert [(issue[2], issue[5]) for issue in issue_rows(dataset.issues)] == [
        (row, f"«{text}» {NOT_A_DATE}") for row, text in enumerate(
            ["0000-01-01", "99999-01-01", "01.01.99999", "3000000", "9999-12-31T23:30:00Z",
             "0001-01-01T00:00:00+05:00"], start=2)]
    assert dataset.staff["start_date"].isna().all() and len(dataset.staff) == 6


def test_32767_character_texts_everywhere_survive_results_and_exports(tmp_path):
    text = {letter: letter * LONG for letter in "NUTRBX"}
    staff = staff_xlsx(staff_row(1, text["N"], text["U"], roles=text["R"]),
                       staff_row(2, "Ola", text["U"], roles="innsyn; SRU; saksbehandling"),
                       staff_row(3, text["N"], "B", roles="innsyn"))
    courses = xlsx_file("kurs.xlsx", {"Ark": [COURSE_HEADER,
                                              [1, text["T"], text["T"], "Fullført", "01.01.2026"],
                                              [2, "K3", "Saksbehandlerskolen " + text["T"],
                                               text["T"], ""]]})
    advisors = xlsx_file("radgivere.xlsx", {"Ark": [ADVISOR_HEADER, [2, text["X"], "innsyn", ""],
                                                    [3, "B", text["R"], ""]]})
    requirement_file = xlsx_file("krav.xlsx", {"Ark": [
        REQUIREMENT_HEADER, ["K3", text["T"], "case_handlers", "K3;" + text["T"], 12, 30],
        ["K" * LONG, text["T"], "advisors", text["T"], "", ""]]})
    files = {"staff": staff, "courses": courses, "advisors": advisors,
             "requirements": requirement_file}
    dataset = load_dataset(**files)
    results = build_results(dataset, as_of=AS_OF)
    assert not results.gaps.empty and len(results.staff) == 3
    assert all(len(message) < 1000 for message in with_messages(results.issues)["message"]
               if "finnes ikke" not in message)  # quoted cell texts are cut
    json.dumps(results_to_dict(results))
    report = io.BytesIO()
    write_excel_report(results, report, dataset.tables)
    workbook = openpyxl.load_workbook(report, read_only=True)
    assert max(len(str(cell)) for sheet in workbook for row in sheet.values for cell in row
               if cell is not None) <= LONG
    out = tmp_path / "rapport.xlsx"
    done = run_report(tmp_path, files, "--as-of", AS_OF.isoformat(), "--json", "-",
                      "--xlsx", str(out))
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(done.stdout)["unit_summary"]
    assert openpyxl.load_workbook(out, read_only=True).sheetnames


# ---- the date arithmetic with capped and with absurd numbers ---------------------------------

def test_requirement_numbers_are_capped_for_the_rules():
    dataset = load_dataset(**inputs_for("requirements_10_to_20"))
    config = RuleConfig().with_requirements(dataset.requirements)
    assert [(r.valid_months, config.grace_for(r)) for r in config.requirements] == [
        (MAX_VALID_MONTHS, MAX_GRACE_DAYS), (MAX_VALID_MONTHS, RuleConfig().grace_days)]
    assert RuleConfig().grace_for(Requirement("K", "K", "case_handlers", ("K",),
                                              grace_days=10**12)) == MAX_GRACE_DAYS


@pytest.mark.parametrize("as_of", [dt.date(1, 1, 1), dt.date(1, 3, 1), AS_OF,
                                   dt.date(9999, 12, 31)])
@pytest.mark.parametrize("months", [0, 1, MAX_VALID_MONTHS, 99999999, 10**12])
def test_validity_arithmetic_stays_in_the_calendar(as_of, months):
    dataset = load_dataset(staff=STAFF_OK, courses=csv_file("kurs.csv", [
        COURSE_HEADER, [1, "K3", "Saksbehandlerskolen", "Fullført", "01.01.0001"],
        [1, "K3", "Saksbehandlerskolen", "Fullført", "30.12.9999"]]))
    requirement = Requirement("K3", "K3", "advisors", ("K3",), valid_months=months)
    status = requirement_status(requirement_evidence(dataset, requirement), requirement, as_of)
    assert len(status) == 1
    assert status["valid_until"].max() <= LAST_DAY


@pytest.mark.parametrize("as_of", ["0001-01-01", "9999-12-31"])
def test_command_line_computes_on_the_calendar_edges(as_of, tmp_path):
    done = run_report(tmp_path, {"staff": STAFF_OK, "courses": COURSES_OK,
                                 "requirements": requirements(10**20, 10**20)()},
                      "--as-of", as_of, "--json", "-")
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(done.stdout)["as_of"] == as_of


# ---- the command line: every file of the corpus, in parallel ---------------------------------

@pytest.fixture(scope="module")
def command_line_runs(tmp_path_factory):
    """report.py on every file of the corpus, three at a time: (folder, completed run)."""
    def run(case: str):
        folder = tmp_path_factory.mktemp(case)
        return folder, run_report(folder, inputs_for(case), "--as-of", AS_OF.isoformat(),
                                  "--json", "-", "--xlsx", str(folder / "rapport.xlsx"))
    with ThreadPoolExecutor(max_workers=3) as pool:
        return dict(zip(CORPUS, pool.map(run, CORPUS), strict=True))


@pytest.mark.parametrize("case", list(CORPUS))
def test_command_line_exits_2_with_one_line_or_0_with_the_issue(case, command_line_runs):
    hostile = CORPUS[case]
    folder, done = command_line_runs[case]
    if hostile.message:
        assert (done.returncode, done.stdout) == (2, "")
        assert done.stderr == error_line(folder, hostile.message)
        return
    assert (done.returncode, done.stderr) == (0, "")
    issues = [tuple(issue.values()) for issue in json.loads(done.stdout)["issues"]]
    name = inputs_for(case)[hostile.kind][0]
    if hostile.issue is None:
        assert issues == []
    else:
        assert (str(folder / name), *hostile.issue) in issues
    assert openpyxl.load_workbook(folder / "rapport.xlsx", read_only=True).sheetnames


# ---- the app: an unusable upload keeps the data shown before ---------------------------------

@pytest.mark.parametrize("case", ["xlsx_without_workbook_xml", "apple_numbers", "xlsb",
                                  "xls_date_serial_far_negative"])
def test_hostile_upload_keeps_the_data_shown_before(case):
    """The uploader takes only the supported extensions, so the .numbers and .xlsb files
    come renamed to .xlsx, as users do: their content still names the real format."""
    name, data = CORPUS[case].build()
    shown = name if name.endswith((".xlsx", ".xls")) else name.rsplit(".", 1)[0] + ".xlsx"
    upload_keeps_the_data_shown_before(shown, data, CORPUS[case].message.replace(name, shown, 1))


# ---- property checks -------------------------------------------------------------------------

FAST = settings(max_examples=80, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
ANY_TEXT = st.text(st.characters(codec="utf-8"), max_size=40)  # controls, NUL, every space
CONTROL_TEXT = st.text(st.sampled_from("\x00\x01\x07\x0b\x0c\x1b\x1c\x1f\x7f\x85\x9f\xa0\u2003"
                                       "\u3000 \t\n\rab;\"1"), max_size=20)


@FAST
@given(st.lists(st.one_of(ANY_TEXT, CONTROL_TEXT, st.none(), st.floats(allow_nan=True),
                          st.integers(-(10**20), 10**20)), max_size=30))
def test_vectorised_texts_equal_the_cell_by_cell_ones_for_any_text(values):
    assert texts_of(values) == [cell_text(v) for v in values]
    assert texts_of(values, as_id=True) == [id_text(v) for v in values]
    for value in values:
        text = cell_text(value)
        assert text == text.strip() and "  " not in text
        assert not any(ord(c) < 0x20 or 0x7f <= ord(c) < 0xa0 for c in text)
        assert is_blank(value) == (text == "")


@FAST
@given(st.one_of(ANY_TEXT, CONTROL_TEXT, st.integers(-(10**30), 10**30),
                 st.floats(allow_nan=True, allow_infinity=True),
                 st.datetimes(timezones=st.sampled_from([None, dt.UTC,
                                                         dt.timezone(dt.timedelta(hours=-5))])),
                 st.from_regex(r"\A[0-9]{1,6}[-./][0-9]{1,2}[-./][0-9]{1,6}([ T][0-9:]{1,8}"
                               r"(Z|[+-][0-9]{2}:?[0-9]{2})?)?\Z")))
def test_any_date_cell_is_a_date_or_a_warning(value):
    date, ok = parse_date(value)
    assert date is None or isinstance(date, dt.date)
    assert ok or date is None


@FAST
@given(st.lists(st.one_of(st.integers(-(10**25), 10**25), st.floats(allow_nan=True),
                          st.sampled_from(["", "inf", "-0", "1e400", "12,5", "nan", "1200",
                                           "36501"])), min_size=2, max_size=2),
       st.sampled_from([dt.date(1, 1, 1), AS_OF, dt.date(9999, 12, 31)]))
def test_any_validity_and_grace_give_results(numbers, as_of):
    valid_months, grace_days = numbers
    try:
        dataset = load_dataset(staff=STAFF_OK, courses=COURSES_OK,
                               requirements=requirements(valid_months, grace_days)())
    except InputError:
        return
    results_to_dict(build_results(dataset, as_of=as_of))


@FAST
@given(st.lists(st.lists(st.one_of(CONTROL_TEXT, ANY_TEXT, st.text("x;\"", min_size=0,
                                                                     max_size=300)),
                         min_size=1, max_size=8), max_size=10))
def test_csv_tables_with_controls_and_quotes_never_raise_anything_else(rows):
    text = staff_csv(staff_row(), *rows).encode("utf-8")
    try:
        dataset = load_dataset(staff=("t.csv", text), courses=COURSES_OK)
    except InputError:
        return
    results_to_dict(build_results(dataset, as_of=AS_OF))


_XML_PIECES = st.lists(st.sampled_from([b" r=\"", b"AB", b"A", b"1", b"<f", b"<", b"f", b"t=\"e\"",
                                        b"t=\"", b"e", b"\"", b" ", b"=", b"r", b"Z", b"zz"]),
                       max_size=40).map(b"".join)


@given(_XML_PIECES)
def test_the_sheet_scans_find_what_in_and_a_regular_expression_find(xml):
    """The zip checks' numpy scans, over slices of 5 bytes so that many a needle is cut by a
    slice's end, answer as `in` and the regular expression they replace do."""
    original = zipcheck._SCAN_CHUNK
    zipcheck._SCAN_CHUNK = 5
    try:
        for text in (xml, bytearray(xml)):
            assert zipcheck._contains(text, b"<f", rare=1) == (b"<f" in xml)
            assert zipcheck._contains(text, b't="e"', rare=3) == (b't="e"' in xml)
            assert zipcheck._has_wide_cell(text) == bool(re.search(rb' r="[A-Z]{2}', xml))
    finally:
        zipcheck._SCAN_CHUNK = original


@FAST
@given(st.integers(0, 4).flatmap(lambda width: st.lists(st.lists(
    st.one_of(ANY_TEXT, st.none(), st.booleans(), st.floats(allow_nan=True),
              st.integers(-(10**20), 10**20), st.dates()), min_size=width, max_size=width),
    max_size=6)))
def test_the_frame_of_cells_is_pandas_own_frame_of_the_rows(rows):
    """The reader's frame over one row-major array (pandas' own helper) holds the cells of
    pandas' frame of the same rows, in the same places and with the same labels."""
    grid, reference = read._grid(rows), pd.DataFrame(rows, dtype=object)
    assert grid.shape == reference.shape
    assert grid.equals(reference)
    assert list(grid.columns) == list(reference.columns) and list(grid.index) == list(
        reference.index)
    assert [[type(cell) for cell in row] for row in grid.to_numpy().tolist()] == [
        [type(cell) for cell in row] for row in rows]
