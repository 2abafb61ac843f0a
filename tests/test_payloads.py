"""Issue 17: nothing from a file reaches another user as a live formula. Every text column of
every input sheet carries formula payloads (behind a control character, a tab or a CR, in
full-width forms); the Excel report from the command line and from the app holds no formula,
and the payloads stay readable as text."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from analysis import build_results
from exports.excel import write_excel_report
from exports.plan_excel import write_plan
from loaders import load_dataset
from tests.bad_files import run_report
from tests.helpers import ADVISOR_HEADER, AS_OF, COURSE_HEADER, STAFF_HEADER, csv_file

PAYLOADS = ['\x01=HYPERLINK("http://x.example","klikk")', '\t=1+1', '\r=2+2',
            '\uff1dHYPERLINK("http://x.example")', '@SUM(1+1)', '+47 999', '-3+3',
            "=cmd|' /C calc'!A0"]
REQUIREMENT_HEADER = ["id", "name", "audience", "courses", "valid_months", "grace_days"]


def _payload(row: int) -> str:
    return PAYLOADS[row % len(PAYLOADS)]


def payload_files() -> dict[str, tuple[str, bytes]]:
    """A small data set whose every text cell (names, e-mails, unit names, roles, course names
    and codes, processes, requirement names) is a payload; ids stay usable so the results
    hold the payloads in every table."""
    staff = [[100 + i, _payload(i), _payload(i + 1), "AB"[i % 2], _payload(i + 2), "01.01.2020",
              "Ja", "innsyn; SRU; saksbehandling" if i % 3 else _payload(i)]
             for i in range(len(PAYLOADS))]
    courses = [[100 + i, _payload(i + 3), _payload(i + 4), "Fullført", "01.06.2026"]
               for i in range(len(PAYLOADS))]
    advisors = [[100 + i, "AB"[i % 2], "innsyn" if i % 2 else _payload(i), ""]
                for i in range(len(PAYLOADS))]
    requirements = [REQUIREMENT_HEADER,
                    ["K1", _payload(5), "advisors", _payload(3), "", ""],
                    ["K3", _payload(6), "case_handlers", _payload(4), 12, 30]]
    # CSV: a control character cannot be written into an xlsx cell, but a CSV holds anything
    return {"staff": csv_file("hr.csv", [STAFF_HEADER, *staff]),
            "courses": csv_file("kurs.csv", [COURSE_HEADER, *courses]),
            "advisors": csv_file("radgivere.csv", [ADVISOR_HEADER, *advisors]),
            "requirements": csv_file("krav.csv", requirements)}


def cells(workbook_bytes: bytes) -> list:
    workbook = openpyxl.load_workbook(io.BytesIO(workbook_bytes))
    return [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]


def assert_no_formula_and_payloads_as_text(workbook_bytes: bytes) -> None:
    every = cells(workbook_bytes)
    assert [cell.coordinate for cell in every if cell.data_type == "f"] == []
    texts = {str(cell.value) for cell in every if isinstance(cell.value, str)}
    shown = "\n".join(texts)
    assert "'=HYPERLINK(\"http://x.example\",\"klikk\")" in texts  # the control is gone
    assert "'\uff1dHYPERLINK" in shown and "'@SUM(1+1)" in shown
    assert not any(text.startswith(("=", "\x01")) for text in texts)


@pytest.fixture(scope="module")
def payload_results():
    dataset = load_dataset(**payload_files())
    return dataset, build_results(dataset, as_of=AS_OF)


def test_the_payloads_reach_the_result_tables(payload_results):
    dataset, results = payload_results
    names = set(results.staff["name"])
    assert '=HYPERLINK("http://x.example","klikk")' in names  # its control character removed
    assert "\uff1dHYPERLINK(\"http://x.example\")" in names or '=HYPERLINK("http://x.example")' \
        in names


def test_the_excel_report_holds_no_formula(payload_results):
    dataset, results = payload_results
    report = io.BytesIO()
    write_excel_report(results, report, dataset.tables)
    assert_no_formula_and_payloads_as_text(report.getvalue())


def test_the_plan_task_list_holds_no_formula(payload_results):
    from analysis.plan import make_plan

    _, results = payload_results
    target = io.BytesIO()
    write_plan(make_plan(results), results, target)
    assert [c.coordinate for c in cells(target.getvalue()) if c.data_type == "f"] == []


def test_the_command_line_report_holds_no_formula(tmp_path):
    out = tmp_path / "rapport.xlsx"
    done = run_report(tmp_path, payload_files(), "--as-of", AS_OF.isoformat(), "--xlsx",
                      str(out))
    assert (done.returncode, done.stderr) == (0, "")
    assert_no_formula_and_payloads_as_text(out.read_bytes())
    assert zipfile.ZipFile(out).testzip() is None
