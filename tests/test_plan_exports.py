"""The plan's Excel task list, its JSON on the command line and the unit packs on the sample
data: known counts, formula-safe cells, and no name from another unit in a unit's pack."""

import io
import json
import re
import subprocess
import sys
import zipfile

import openpyxl
import pytest

from analysis import build_results
from analysis.plan import make_plan
from exports.plan_excel import write_plan
from exports.unit_packs import INDEX_NAME, write_unit_packs
from loaders import load_dataset
from tests.helpers import AS_OF, COURSE_HEADER, STAFF_HEADER, csv_file
from tests.sample import ROOT, SAMPLE_AS_OF, SAMPLE_INPUTS
from tests.test_exports import _pdf_text


@pytest.fixture(scope="module")
def sample():
    results = build_results(load_dataset(**SAMPLE_INPUTS), as_of=SAMPLE_AS_OF)
    return results, make_plan(results)


def test_the_task_list_has_a_row_per_action_and_the_cost_per_unit(sample):
    results, plan = sample
    buffer = io.BytesIO()
    write_plan(plan, results, buffer, sample=True)
    workbook = openpyxl.load_workbook(buffer)
    assert workbook.sheetnames == ["Tiltak", "Kostnad per enhet"]
    tasks = list(workbook["Tiltak"].iter_rows(min_row=2, values_only=True))
    assert tasks[0] == ("Enhetskode", "Enhet", "Tiltak", "Person", "Ansattnr", "Prosess",
                        "Krav", "Frist", "Ansvarlig")
    assert len(tasks) - 1 == len(plan.actions) == 440
    ihk = [row for row in tasks if row[0] == "IHK"]
    assert [row[2] for row in ihk] == [
        "Oppnevn som prosessrådgiver for innsyn.",
        "Meld på K2 DFØ-kurs i forvaltning og offentlighetsloven.",
        "Avtal vurdering av K5 Egnethet for opplæring og veiledning.",
        "Meld på K3 Saksbehandlerskolen (saksbehandler; fristen gikk ut 27.10.2025)."]
    assert ihk[0][8] == "Enhetsleder (leder.ihk@ntnu.no)"
    assert ihk[3][7].date().isoformat() == "2025-10-27"  # the case handler's deadline
    cost = list(workbook["Kostnad per enhet"].iter_rows(min_row=3, values_only=True))
    assert sum(row[5] for row in cost) == 440
    # a relief says why: an advisor lacking requirements, where the unit has enough without
    assert [(row[0], row[2], row[3]) for row in tasks if row[2].startswith("Frita")] == [
        ("IES", "Frita som prosessrådgiver for saksbehandling (mangler K2, K8); enheten har nok "
                "rådgivere for prosessen uten.", "Berit Nilsen"),
        ("ISA", "Frita som prosessrådgiver for saksbehandling (mangler K2, K3, K8); enheten har "
                "nok rådgivere for prosessen uten.", "Åse Vik")]


def test_a_name_that_looks_like_a_formula_stays_text_in_the_task_list():
    staff = [STAFF_HEADER,
             [1, "=HYPERLINK(\"http://x\")", "a@x.no", "A", "Inst A", "01.01.2020", "Nei", ""],
             [2, "Bo", "b@x.no", "A", "Inst A", "01.01.2020", "Nei", ""]]
    results = build_results(load_dataset(staff=csv_file("a.csv", staff),
                                         courses=csv_file("k.csv", [COURSE_HEADER])),
                            as_of=AS_OF)
    buffer = io.BytesIO()
    write_plan(make_plan(results), results, buffer)
    cells = [cell for row in openpyxl.load_workbook(buffer)["Tiltak"].iter_rows()
             for cell in row]
    assert not [cell for cell in cells if cell.data_type == "f"]
    assert "'=HYPERLINK(\"http://x\")" in {cell.value for cell in cells}


def test_each_unit_pack_names_only_that_units_people(sample):
    results, plan = sample
    buffer = io.BytesIO()
    packed = write_unit_packs(results, plan, buffer)
    archive = zipfile.ZipFile(buffer)
    assert len(packed) == len(results.unit_summary) == 65
    index = archive.read(INDEX_NAME).decode("utf-8-sig").splitlines()
    assert index[0] == "Enhetskode;Enhet;Leder e-post;Fil"
    assert "IHK;Institutt for historiske og klassiske studier;leder.ihk@ntnu.no;IHK.pdf" in index
    names = dict(zip(results.staff["employee_id"], results.staff["name"], strict=False))
    files = dict(line.split(";")[::3] for line in index[1:])
    assert files["IØT"] == "IØT.pdf"  # codes keep their letters; odd characters become _
    for unit in packed:
        text = _pdf_text(archive.read(files[unit]))
        own = set(results.staff.loc[results.staff["unit_id"] == unit, "employee_id"]) | set(
            results.advisors.loc[results.advisors["unit_id"] == unit, "employee_id"])
        shown = set(re.findall(r"\((\d{6})\)", text)) | set(re.findall(r"\b(\d{6})\b", text))
        assert shown <= own, (unit, shown - own)
        # every person is shown as "name (employee number)": the name is that person's
        for name, person in re.findall(r"([^\n()]+) \((\d{6})\)", text):
            assert name.strip().endswith(names[person]), (unit, name, person)
    assert "Ida Rønning (370542)" in _pdf_text(archive.read("IHK.pdf"))


def test_the_command_line_writes_the_plan_as_json_and_the_packs(tmp_path):
    inputs = [f"--{kind}={path}" for kind, path in SAMPLE_INPUTS.items()]
    done = subprocess.run([sys.executable, "report.py", *inputs, "--as-of=2026-11-01",
                           "--plan=-", f"--packs={tmp_path / 'packs.zip'}"], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    plan = json.loads(done.stdout)
    assert len(plan["actions"]) == 440 and plan["unsolvable"] == []
    assert plan["actions"][0] == {"unit_id": "UB", "action": "appoint", "employee_id": "145130",
                                  "process": "saksbehandling", "requirement_id": "",
                                  "role": "advisor", "deadline": None}
    assert len(zipfile.ZipFile(tmp_path / "packs.zip").namelist()) == 66
