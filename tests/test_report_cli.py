"""The command line's contract: JSON shape, snapshots saved and listed, exit codes."""

import json
import subprocess
import sys

import pytest

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


@pytest.mark.parametrize(("options", "message"), [
    (["--xlsx", "{tmp}/mangler/rapport.xlsx"], "--xlsx {tmp}/mangler/rapport.xlsx: mappen "
                                               "{tmp}/mangler finnes ikke."),
    (["--xlsx", "{tmp}"], "--xlsx {tmp}: er en mappe; oppgi et filnavn."),
    (["--json", "{tmp}/mangler/r.json"], "--json {tmp}/mangler/r.json: mappen {tmp}/mangler "
                                         "finnes ikke."),
    (["--packs", "{tmp}"], "--packs {tmp}: er en mappe; oppgi et filnavn."),
    (["--db", "{tmp}/tekst.txt", "--save"], "--db {tmp}/tekst.txt: er ikke en database."),
    (["--db", "{tmp}", "--save"], "--db {tmp}: er en mappe, ikke en database."),
    (["--db", "{tmp}/skrivefeil.db", "--history"], "--db {tmp}/skrivefeil.db: finnes ikke."),
    (["--db", "postgresql+psycopg://x@127.0.0.1:1/db", "--save"],
     "--db postgresql+psycopg://x@127.0.0.1:1/db: databasen kan ikke brukes"),
])
def test_a_bad_output_or_database_gets_one_line_and_exit_2_before_anything_is_written(
        tmp_path, options, message):
    (tmp_path / "tekst.txt").write_text("ikke en database\n")
    before = sorted(tmp_path.iterdir())
    done = run(*inputs(), "--json", str(tmp_path / "ok.json"),
               *(option.format(tmp=tmp_path) for option in options))
    assert done.returncode == 2
    assert done.stderr.startswith("Feil: " + message.format(tmp=tmp_path))
    assert len(done.stderr.splitlines()) == 1 and "Traceback" not in done.stderr
    assert sorted(tmp_path.iterdir()) == before  # no report, no empty database
