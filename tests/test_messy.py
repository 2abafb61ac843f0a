"""The command line gives the same results on messy exports as on their clean equivalents."""

import json
import subprocess
import sys
from collections import Counter

import pandas as pd

from loaders.values import parse_date
from tests.sample import ROOT, SAMPLE_AS_OF, SAMPLE_INPUTS

NBSP = "\u00a0"


def _run(tmp_path, name, **inputs):
    out = tmp_path / f"{name}.json"
    args = [sys.executable, "report.py", "--as-of", SAMPLE_AS_OF.isoformat(), "--json", str(out)]
    for kind, path in inputs.items():
        args += [f"--{kind}", str(path)]
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(out.read_text(encoding="utf-8"))


def _messy_staff(path):
    """cp1252 `;`-CSV with title lines, odd headers, float-looking ids and text dates."""
    staff = pd.read_excel(SAMPLE_INPUTS["staff"], sheet_name="Ansatte", header=3, dtype=object,
                          engine="calamine")
    staff = staff.rename(columns={"Ansattnr": f" ANSATT{NBSP}NR. ", "E-post": "E-POST",
                                  "Org.enhet-ID": "org.enhet-id", "Startdato": "Start dato"})
    staff[f" ANSATT{NBSP}NR. "] = staff[f" ANSATT{NBSP}NR. "].map(lambda v: f"{v}.0")
    staff["E-POST"] = staff["E-POST"].str.upper()
    staff["Start dato"] = pd.to_datetime(staff["Start dato"]).dt.strftime("%-d.%-m.%Y")
    staff["Organisasjonsenhet"] = "  " + staff["Organisasjonsenhet"] + NBSP
    body = staff.to_csv(sep=";", index=False, lineterminator="\r\n")
    text = "Personalrapport;;\r\nUttrekksdato: 01.11.2026;;\r\n\r\n" + body
    path.write_bytes(text.encode("cp1252"))


def _messy_courses(path):
    """English headers on the second sheet under a title, ids as text, ISO dates with time."""
    courses = pd.read_excel(SAMPLE_INPUTS["courses"], dtype=object, engine="calamine")
    courses = courses.rename(columns={"Ansattnummer": "Employee ID", "Kurskode": "Course code",
                                      "Kurs": "Course title", "Fullført dato": "Completion date"})
    courses["Employee ID"] = courses["Employee ID"].astype(str)
    # the clean export's own dates (Excel dates and Moodle's "14/10/26, 09:15") as ISO text
    courses["Completion date"] = [
        f"{day:%Y-%m-%d} 12:00:00" if day else "" for day, _ in
        map(parse_date, courses["Completion date"])]
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame({"Info": ["Eksport fra læringsportalen"]}).to_excel(
            writer, sheet_name="Om", index=False)
        pd.DataFrame([["Kursrapport"], [""]]).to_excel(writer, sheet_name="Data", index=False,
                                                       header=False)
        courses.to_excel(writer, sheet_name="Data", index=False, startrow=2)


def test_messy_exports_give_the_clean_results(tmp_path):
    clean = _run(tmp_path, "clean", **SAMPLE_INPUTS)
    _messy_staff(tmp_path / "hr.csv")
    _messy_courses(tmp_path / "kurs.xlsx")
    messy = _run(tmp_path, "messy", **{**SAMPLE_INPUTS, "staff": tmp_path / "hr.csv",
                                       "courses": tmp_path / "kurs.xlsx"})
    for table in ("unit_process", "unit_summary", "unit_requirement", "gaps"):
        assert messy[table] == clean[table], table
    # the same decisions are reported (leavers, ended appointments, ...), on other rows
    assert Counter(i["message"] for i in messy["issues"]) == Counter(
        i["message"] for i in clean["issues"])
