"""Requirements met by assessment: the assessments file, the rules on it, What-if and the
command line, on hand-made files with known answers (as of 01.11.2026)."""

import json
import subprocess
import sys

import pandas as pd

from analysis import build_results
from analysis.results import (
    ADVISOR_MISSING_REQUIREMENT,
    ADVISOR_REQUIREMENT_EXPIRED,
    CASE_HANDLER_MISSING_REQUIREMENT,
)
from analysis.whatif import Completion, apply_changes
from loaders import load_dataset
from loaders.schema import ASSESSMENT_KIND, EMPLOYEE_ID, REQUIREMENT_ID
from tests.helpers import AS_OF, COURSE_HEADER, STAFF_HEADER, csv_file, results_for
from tests.sample import ROOT
from wording.actions import gap_actions
from wording.validation import with_messages

STAFF = [STAFF_HEADER,
         ["1", "Anne Aas", "anne@uni.no", "U1", "Enhet én", "01.01.2020", "Nei", "saksbehandling"],
         ["2", "Bo Berg", "bo@uni.no", "U1", "Enhet én", "01.01.2020", "Nei", "innsyn; SRU"],
         ["3", "Cai Dahl", "cai@uni.no", "U1", "Enhet én", "01.01.2020", "Ja", ""],
         ["4", "Dag Eik", "dag@uni.no", "U1", "Enhet én", "01.01.2020", "Nei", "SRU"]]
COURSES = [COURSE_HEADER] + [[person, "K1", "K1", "Fullført", "01.06.2025"] for person in "124"]
# K1 a course; K4 an assessment of advisors valid 24 months; K5 one of case handlers
REQUIREMENTS = [["Id", "Navn", "Målgruppe", "Kurs", "Type", "Gyldighet (måneder)", "Frist"],
                ["K1", "Kurs for prosessrådgivere", "advisors", "K1", "", "", ""],
                ["K4", "Egnethet for opplæring og veiledning", "advisors", "", "vurdering", 24, ""],
                ["K5", "Forvaltningsloven", "case_handlers", "", "assessment", "", 30]]
ASSESSMENTS = [["Ansattnr", "E-post", "Krav", "Dato", "Resultat", "Vurdert av", "Merknad"],
               ["1", "", "K4", "15.03.2026", "Godkjent", "Leder", ""],  # met
               ["", "BO@uni.no ", "K4", "01.05.2026", "Ikke godkjent", "Leder", "Ny runde"],
               ["4", "", "K4", "01.10.2024", "Ja", "Leder", ""],  # 25 months: expired
               ["3", "", "K5", "", "Approved", "", ""],  # undated, no validity: met
               ["3", "", "K4", "01.12.2026", "Godkjent", "", ""],  # after the as-of date
               ["2", "", "K4", "01.01.2026", "kanskje", "", ""]]  # not a result


def results(assessments=ASSESSMENTS, as_of=AS_OF):
    return results_for(STAFF, COURSES, requirements=REQUIREMENTS, assessments=assessments,
                       as_of=as_of)


def gap_rows(found, kind):
    gaps = found.gaps[found.gaps["kind"] == kind]
    return sorted(zip(gaps[EMPLOYEE_ID], gaps[REQUIREMENT_ID], strict=True))


def test_assessment_requirements_are_read_with_their_kind_and_no_courses():
    kinds = {r.id: (r.kind, r.courses) for r in results().config.requirements}
    assert kinds == {"K1": ("course", ("K1",)), "K4": (ASSESSMENT_KIND, ()),
                     "K5": (ASSESSMENT_KIND, ())}


def test_approved_declined_expired_and_missing_assessments():
    found = results()
    # 1 approved; 2 declined (and an unreadable row); 4 dated 25 months back
    assert gap_rows(found, ADVISOR_MISSING_REQUIREMENT) == [("2", "K4")]
    assert gap_rows(found, ADVISOR_REQUIREMENT_EXPIRED) == [("4", "K4")]
    k4 = found.unit_requirement.set_index(REQUIREMENT_ID).loc["K4"]
    assert (k4["target"], k4["met"]) == (3, 1)
    # the case handler's undated approval meets K5, which has no validity
    assert gap_rows(found, CASE_HANDLER_MISSING_REQUIREMENT) == []
    assert not found.unit_summary["compliant"].iloc[0]


def test_an_assessment_after_the_as_of_date_counts_from_its_date():
    later = results(as_of=pd.Timestamp("2026-12-01").date())
    assert ("3", "K4") not in gap_rows(later, ADVISOR_MISSING_REQUIREMENT)  # 3 is no advisor
    status = later.person_status.set_index([EMPLOYEE_ID, REQUIREMENT_ID])["status"]
    assert status[("3", "K4")] == "met"
    assert ("3", "K4") not in results().person_status.set_index(
        [EMPLOYEE_ID, REQUIREMENT_ID]).index


def test_the_validation_report_names_the_row_and_column_of_a_bad_result():
    issues = with_messages(results().issues)
    row = issues[issues["file"] == "vurderinger.csv"]
    assert row[["row", "column", "severity"]].values.tolist() == [[7, "Resultat", "warning"]]
    assert "«kanskje» er ikke et resultat" in row["message"].iloc[0]


def test_a_course_requirement_still_needs_courses():
    broken = [REQUIREMENTS[0], ["K9", "Uten kurs", "advisors", "", "course", "", ""]]
    dataset = load_dataset(csv_file("a.csv", STAFF), csv_file("k.csv", COURSES),
                           requirements=csv_file("krav.csv", broken))
    assert with_messages(dataset.issues)["message"].tolist() == [
        "Kravet mangler kurs; raden er ikke tatt med."]


def test_what_if_marks_an_assessment_as_done():
    before = results()
    k4 = next(r for r in before.config.requirements if r.id == "K4")
    dataset = load_dataset(csv_file("a.csv", STAFF), csv_file("k.csv", COURSES),
                           requirements=csv_file("krav.csv", REQUIREMENTS),
                           assessments=csv_file("v.csv", ASSESSMENTS))
    changed = apply_changes(dataset, [], [Completion("2", k4), Completion("4", k4)], AS_OF)
    after = build_results(changed, as_of=AS_OF)
    assert gap_rows(after, ADVISOR_MISSING_REQUIREMENT) == []
    assert gap_rows(after, ADVISOR_REQUIREMENT_EXPIRED) == []
    assert after.unit_summary["compliant"].tolist() == [True]
    assert len(dataset.assessments) == 5  # the input is kept


def test_the_suggested_action_asks_for_an_assessment_not_a_course():
    found = results()
    dataset = load_dataset(csv_file("a.csv", STAFF), csv_file("k.csv", COURSES))
    actions = gap_actions(found, found.staff, dataset.courses)
    by_person = dict(zip(actions[EMPLOYEE_ID], actions["action"], strict=True))
    assert by_person["2"] == ("Få K4 vurdert (leder eller prosesseier registrerer "
                              "vurderingen).")
    assert by_person["4"] == "Få K4 vurdert på nytt (utløpt 01.10.2026)."


def test_the_command_line_reads_assessments(tmp_path):
    paths = {}
    for name, rows_ in (("staff", STAFF), ("courses", COURSES), ("requirements", REQUIREMENTS),
                        ("assessments", ASSESSMENTS)):
        paths[name] = tmp_path / f"{name}.csv"
        paths[name].write_bytes(csv_file(f"{name}.csv", rows_)[1])
    done = subprocess.run(
        [sys.executable, "report.py", *(f"--{name}={path}" for name, path in paths.items()),
         "--as-of", "2026-11-01", "--json", "-"], cwd=ROOT, capture_output=True, text=True,
        check=False)
    assert done.returncode == 0, done.stderr
    gaps = json.loads(done.stdout)["gaps"]
    assert sorted((g["kind"], g[EMPLOYEE_ID]) for g in gaps if g[REQUIREMENT_ID] == "K4") == [
        (ADVISOR_MISSING_REQUIREMENT, "2"), (ADVISOR_REQUIREMENT_EXPIRED, "4")]
