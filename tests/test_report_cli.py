"""The command line's contract: JSON shape, snapshots saved and listed, exit codes."""

import json
import subprocess
import sys

from tests.sample import ROOT, SAMPLE_AS_OF, SAMPLE_INPUTS


def run(*args):
    return subprocess.run([sys.executable, "report.py", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def inputs():
    return [item for kind, path in SAMPLE_INPUTS.items() for item in (f"--{kind}", path)]


def test_json_has_the_canonical_tables_and_columns():
    done = run(*inputs(), "--as-of", SAMPLE_AS_OF, "--json", "-")
    assert done.returncode == 0 and done.stderr == ""
    document = json.loads(done.stdout)
    assert list(document) == ["as_of", "unit_process", "unit_summary", "unit_requirement",
                              "gaps", "issues"]
    assert document["as_of"] == "2026-11-01"
    assert list(document["unit_summary"][0]) == [
        "unit_id", "unit_name", "parent_id", "staff", "advisors", "missing_processes",
        "advisors_missing_requirements", "compliant"]
    assert list(document["gaps"][0]) == ["kind", "unit_id", "process", "employee_id",
                                         "requirement_id", "message"]
    assert list(document["unit_requirement"][0]) == ["unit_id", "requirement_id", "audience",
                                                     "target", "met", "share"]
    # one row per line, so the file reads (and diffs) as a table
    rows = sum(len(document[name]) for name in document if name != "as_of")
    assert len(done.stdout.splitlines()) == rows + 3 + 2 * (len(document) - 1)
    assert json.loads(done.stdout.splitlines()[3].rstrip(",")) == document["unit_process"][0]


def test_snapshots_are_saved_and_listed(tmp_path):
    db = tmp_path / "snap.db"
    for day, label in (("2026-09-01", "September"), ("2026-11-01", "November")):
        done = run(*inputs(), "--as-of", day, "--db", db, "--save", "--label", label)
        assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    done = run("--db", db, "--history", "--json", "-")
    assert done.returncode == 0
    snapshots = json.loads(done.stdout)["snapshots"]
    assert [(s["as_of"], s["label"], s["units"]) for s in snapshots] == [
        ("2026-09-01", "September", 65), ("2026-11-01", "November", 65)]
    assert snapshots[1]["compliant_units"] == 25
    assert len(snapshots[1]["unit_summary"]) == 65
    assert snapshots[1]["source"] == ("hr_ansatte.xlsx, kursdata.xlsx, prosessradgivere.xlsx, "
                                      "kompetansekrav.xlsx, enheter.xlsx, vurderinger.xlsx")


def test_history_needs_a_database():
    done = run("--history")
    assert done.returncode == 2
    assert done.stderr.strip().endswith("--save, --history, --publish og --grant krever --db")
