"""Untrusted files are read in a limited worker: a native abort, a runaway parse or a memory
hog ends only the worker, with one clear message naming the file; absurd used ranges are refused
before the reader allocates them."""

import dataclasses
import io
import os
import subprocess
import sys
import time

import openpyxl
import pandas as pd
import pytest

from analysis import RuleConfig, build_results
from analysis.results import Results, staffing_of
from loaders import InputError, load_dataset
from loaders.inspect import inspect_upload
from loaders.isolated import (
    IsolatedLoad,
    load_dataset_isolated,
    load_prepared_isolated,
    run_isolated,
)
from tests.apptest import TIMEOUT, as_written, metrics
from tests.helpers import ADVISOR_HEADER, COURSE_HEADER, STAFF_HEADER, csv_file, xlsx_file
from tests.sample import ROOT, SAMPLE_AS_OF, SAMPLE_INPUTS

FAR_CELL_MESSAGE = (
    "hr.xlsx: arket «Ark» har celler helt ut til rad 1\u00a0048\u00a0576 og kolonne "
    "16\u00a0384 (17\u00a0179\u00a0869\u00a0184 celler å lese, men bare 10 er i bruk). Slett "
    "tomme rader og kolonner i Excel (eller kopier dataene til et nytt ark) og last opp på nytt.")
CRASH_MESSAGE = ("filen fikk leseren til å stoppe (for stor, eller skadet på en måte leseren "
                 "ikke tåler) og ble ikke brukt. Lagre den på nytt i Excel, eller del den opp.")


def far_cell_xlsx() -> tuple[str, bytes]:
    """A small staff file with one stray cell at XFD1048576: the reader would allocate 17
    billion cells (549 GB) and abort the whole process."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Ark"
    sheet.append(["Ansattnr", "Navn", "Enhet"])
    sheet.append([1, "Kari", "A"])
    sheet.append([2, "Ola", "A"])
    sheet["XFD1048576"] = "x"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return "hr.xlsx", buffer.getvalue()


def test_an_absurd_used_range_is_refused_before_reading():
    with pytest.raises(InputError) as refused:
        load_dataset(staff=far_cell_xlsx(), courses=csv_file("k.csv", [COURSE_HEADER]))
    assert str(refused.value) == FAR_CELL_MESSAGE


def test_a_large_but_dense_sheet_is_not_refused():
    rows = [STAFF_HEADER] + [[n, f"P{n}", "", "A", "A", "", "Ja", ""] for n in range(30_000)]
    dataset = load_dataset(staff=xlsx_file("hr.xlsx", {"Ark": rows}),
                           courses=csv_file("k.csv", [COURSE_HEADER]))
    assert len(dataset.staff) == 30_000


def _abort(reading, name):
    reading(name)
    os.abort()


def _read_far_cell_unchecked(reading, data):
    """The reader on the far-cell file without the range check: allocation fails, Rust aborts."""
    from python_calamine import CalamineWorkbook

    reading("hr.xlsx")
    CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0).to_python(
        skip_empty_area=False)


def _spin(reading):
    reading("treg.xlsx")
    while True:
        pass


def _hog(reading):
    reading("stor.xlsx")
    return bytearray(1024**3)  # fits this machine easily, not the 512 MB the test allows


def test_a_native_abort_ends_only_the_worker_and_names_the_file():
    with pytest.raises(InputError) as stopped:
        run_isolated(_abort, "kurs.xlsx")
    assert str(stopped.value) == f"kurs.xlsx: {CRASH_MESSAGE}"


def test_the_readers_own_abort_on_the_far_cell_file_is_contained():
    with pytest.raises(InputError) as stopped:
        run_isolated(_read_far_cell_unchecked, far_cell_xlsx()[1])
    assert str(stopped.value) == f"hr.xlsx: {CRASH_MESSAGE}"
    # this process lives on and reads the next file normally
    assert len(load_dataset_isolated(**SAMPLE_INPUTS).units) == 77


def test_a_runaway_parse_is_stopped_by_the_wall_clock(monkeypatch):
    monkeypatch.setenv("WORKER_WALL_SECONDS", "2")
    started = time.monotonic()
    with pytest.raises(InputError) as stopped:
        run_isolated(_spin)
    assert str(stopped.value) == ("treg.xlsx: lesingen tok mer enn 2 sekunder og ble stoppet. "
                                  "Er filen uvanlig stor?")
    assert time.monotonic() - started < 30


def test_a_runaway_parse_is_stopped_by_the_cpu_limit(monkeypatch):
    monkeypatch.setenv("WORKER_CPU_SECONDS", "1")
    with pytest.raises(InputError) as stopped:
        run_isolated(_spin)
    assert str(stopped.value) == "treg.xlsx: lesingen brukte for mye regnetid og ble stoppet."


def test_a_memory_hog_meets_the_address_space_limit(monkeypatch):
    monkeypatch.setenv("WORKER_MEMORY_MB", "512")
    with pytest.raises(InputError) as stopped:
        run_isolated(_hog)
    assert str(stopped.value) == "stor.xlsx: filen krever mer minne enn en opplasting kan bruke."


def test_the_isolated_load_equals_the_in_process_one():
    here, there = load_dataset(**SAMPLE_INPUTS), load_dataset_isolated(**SAMPLE_INPUTS)
    for name in ("staff", "units", "advisors", "courses", "issues"):
        assert getattr(here, name).equals(getattr(there, name)), name


def test_files_read_apart_and_joined_report_as_if_read_in_one_go():
    """The course file is read apart from the others (beside them, or when the Data page
    looks at it): its notes from reading, from its rows and from matching its people come
    in the same places of the report either way."""
    files = {
        "staff": xlsx_file("hr.xlsx", {"Ark1": [
            STAFF_HEADER, [1, "Anne Li", "anne@x.no", "A1", "Seksjon A", "31.02.2020", "Ja", ""],
            [2, "Bo Ek", "", "A1", "Seksjon A", "01.01.2020", "kanskje", "innsyn"]]}),
        "courses": csv_file("kurs.csv", [
            COURSE_HEADER, [1, "", "Saksbehandlerskolen", "Fullført", ""],
            [9, "", "Saksbehandlerskolen", "Fullført", "01.02.2024"],
            [2, "", "Saksbehandlerskolen", "kanskje", "01.02.2024"], [], ["Sum", 3]]),
        "advisors": csv_file("radgivere.csv", [ADVISOR_HEADER, [7, "A1", "innsyn", ""]]),
    }
    whole = load_dataset(**files)
    prepared = {kind: inspect_upload(name, data, kind)[1] for kind, (name, data) in files.items()}
    courses = prepared.pop("courses")
    joined = load_prepared_isolated(prepared, courses)
    beside = load_dataset_isolated(**files)
    assert [table.file for table in whole.tables] == ["hr.xlsx", "kurs.csv", "radgivere.csv"]
    # as load_dataset reported them when it read every file in turn: the files' own notes
    # first, then the rows', file by file, the course records' people last
    assert whole.issues["file"].tolist() == ["kurs.csv", "kurs.csv", "hr.xlsx", "hr.xlsx",
                                             "radgivere.csv", "kurs.csv", "kurs.csv", "kurs.csv"]
    assert [n.key for n in whole.issues["note"]] == [
        "total_row", "blank_row", "not_a_date", "case_handler_not_yes_no", "appointed_not_staff",
        "unknown_status", "course_undated", "course_unknown_person"]
    for other in (joined, beside):
        assert [table.file for table in other.tables] == ["hr.xlsx", "kurs.csv", "radgivere.csv"]
        for name in ("staff", "units", "advisors", "courses", "issues", "assessments"):
            assert getattr(whole, name).equals(getattr(other, name)), name


def test_of_two_broken_files_the_first_given_is_named():
    staff = csv_file("hr.csv", [["Navn", "Noe"], ["Anne", 1]])
    courses = csv_file("kurs.csv", [["Noe annet"], [1]])
    for load in (load_dataset, load_dataset_isolated):
        with pytest.raises(InputError) as raised:
            load(staff=staff, courses=courses)
        assert raised.value.file == "hr.csv"
        with pytest.raises(InputError) as raised:
            load(staff=csv_file("hr.csv", [STAFF_HEADER]), courses=courses)
        assert raised.value.file == "kurs.csv"  # a staff file without rows is found last


def test_the_command_line_refuses_the_far_cell_file_in_one_line(tmp_path):
    name, data = far_cell_xlsx()
    (tmp_path / name).write_bytes(data)
    done = subprocess.run([sys.executable, "report.py", "--staff", str(tmp_path / name),
                           "--courses", str(SAMPLE_INPUTS["courses"]), "--json", "-"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [f"Feil: {tmp_path}/{FAR_CELL_MESSAGE}"]


def test_a_course_file_the_reader_would_die_on_is_named_though_read_beside_the_others(
        tmp_path, monkeypatch):
    """The course file has a worker of its own: its crash names it, with the other files
    fine; and with the range check opened wide the reader really aborts there."""
    _, data = far_cell_xlsx()
    (tmp_path / "kurs.xlsx").write_bytes(data)
    command = [sys.executable, "report.py", "--staff", str(SAMPLE_INPUTS["staff"]),
               "--courses", str(tmp_path / "kurs.xlsx"), "--json", "-"]
    refused = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert refused.returncode == 2
    assert refused.stderr.startswith(f"Feil: {tmp_path}/kurs.xlsx: arket «Ark»")
    monkeypatch.setenv("UPLOAD_MAX_SPARSE_CELLS", str(10**12))
    monkeypatch.setenv("UPLOAD_MAX_RANGE_CELLS", str(10**12))
    crashed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert crashed.returncode == 2
    assert crashed.stderr.splitlines() == [f"Feil: {tmp_path}/kurs.xlsx: {CRASH_MESSAGE}"]


def test_an_upload_that_aborts_the_reader_keeps_the_server_and_the_data(monkeypatch):
    """With the range check opened wide, the far-cell upload really aborts the reader: only
    the worker dies, the sample figures stay, and the next upload works."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("UPLOAD_MAX_SPARSE_CELLS", str(10**12))
    monkeypatch.setenv("UPLOAD_MAX_RANGE_CELLS", str(10**12))
    app = AppTest.from_file("../dashboard.py", default_timeout=TIMEOUT)
    app.session_state["as_of"] = SAMPLE_AS_OF
    app.run()
    name, data = far_cell_xlsx()
    courses = csv_file("kurs.csv", [COURSE_HEADER])
    app.sidebar.file_uploader[0].set_value([(name, data, "application/vnd.ms-excel"),
                                            (courses[0], courses[1], "text/csv")])
    app.run()
    assert not app.exception
    assert metrics(app)["Enheter vurdert"] == "65"
    assert f"hr.xlsx: {CRASH_MESSAGE}" in " ".join(as_written(e.value) for e in app.sidebar.error)
    staff = csv_file("ansatte.csv", [STAFF_HEADER, [1, "Kari", "", "A1", "Seksjon A", "", "Ja",
                                                    "saksbehandling"]])
    app.sidebar.file_uploader[0].set_value([(staff[0], staff[1], "text/csv"),
                                            (courses[0], courses[1], "text/csv")])
    app.run()
    assert not app.exception
    assert metrics(app)["Enheter vurdert"] == "1"


def _frames(reading):
    texts = pd.concat([pd.Series(["0123", None, "Kari"], dtype="str"),
                       pd.Series(["", "Ola"], dtype="str")], ignore_index=True)
    return {"records": pd.DataFrame({
        "text": texts, "na_text": texts.astype("string[pyarrow]"), "flag": [True] * 5,
        "date": pd.to_datetime(["2026-01-31", None, "1900-01-01", "2026-12-04", None]),
        "row": range(2, 7)}), "empty": pd.Series([], dtype="str"), "issues": [{"row": 2}]}


def test_what_a_worker_returns_arrives_as_it_was_made():
    """Its arrays travel apart from the pickle, text columns in their own Arrow chunks:
    the values, the missing ones, the dtypes and the chunks all arrive as they were."""
    sent = _frames(None)
    received = run_isolated(_frames)
    assert received["records"].equals(sent["records"])
    assert received["records"].dtypes.equals(sent["records"].dtypes)
    assert received["records"]["text"].array.__arrow_array__().num_chunks == 2
    assert received["records"]["text"].tolist()[:2] == ["0123", sent["records"]["text"][1]]
    assert received["empty"].dtype == "str" and received["empty"].empty
    assert received["issues"] == [{"row": 2}]


def test_results_from_staffing_computed_while_the_courses_are_read_are_the_same():
    """The command computes who is employed, appointed and due from the other files while
    the course file is still read: the results are those of the whole data set at once."""
    loading = IsolatedLoad(**SAMPLE_INPUTS)
    staffing = staffing_of(loading.others().without_courses(), RuleConfig(), SAMPLE_AS_OF)
    dataset = loading.dataset()
    apart = build_results(dataset, RuleConfig(), SAMPLE_AS_OF, staffing)
    whole = build_results(dataset, RuleConfig(), SAMPLE_AS_OF)
    for field in dataclasses.fields(Results):
        value = getattr(apart, field.name)
        if isinstance(value, pd.DataFrame):
            assert value.equals(getattr(whole, field.name)), field.name
    assert len(staffing.advisors) == len(whole.advisors) > 0
    assert whole.gaps.equals(build_results(load_dataset(**SAMPLE_INPUTS), RuleConfig(),
                                           SAMPLE_AS_OF).gaps)


def test_a_file_that_cannot_be_used_leaves_no_staffing_and_is_named_by_the_dataset(tmp_path):
    staff = tmp_path / "hr.xlsx"
    staff.write_bytes(b"PK\x03\x04 not a workbook")
    loading = IsolatedLoad(staff=staff, courses=SAMPLE_INPUTS["courses"])
    assert loading.others() is None
    with pytest.raises(InputError) as refused:
        loading.dataset()
    assert refused.value.file == str(staff) and refused.value.note.key == "corrupt"
