"""A fourth process is one registry entry: registered here, in the test alone, it is read from
role texts and yes/no columns, judged by rules 1 and 2, and drawn as a heatmap column."""

import pytest
from streamlit.testing.v1 import AppTest

from analysis import build_results
from analysis.config import RuleConfig
from analysis.results import MISSING_PROCESS_ADVISOR
from loaders import load_dataset
from loaders.processes import Process, parse_processes, process_ids, registered
from loaders.schema import PROCESS, UNIT_ID
from tests.apptest import TIMEOUT, chart, metrics, typed_array
from tests.helpers import AS_OF, COURSE_HEADER, csv_file

PRIVACY = Process("personvern", "Personvern", "Data protection", "Privacy",
                  words=("gdpr",), headers=("pr personvern", "rådgiver personvern"))
STAFF = csv_file("ansatte.csv", [
    ["Ansattnr", "Navn", "Enhetskode", "Enhet", "Startdato", "Roller", "PR personvern"],
    ["1", "Anne Aas", "U1", "Enhet én", "01.01.2020", "saksbehandling; innsyn", "Nei"],
    ["2", "Bo Berg", "U1", "Enhet én", "01.01.2020", "SRU; GDPR", ""],
    ["3", "Cai Dahl", "U2", "Enhet to", "01.01.2020", "saksbehandling; innsyn; SRU", "Nei"],
    ["4", "Dag Eik", "U2", "Enhet to", "01.01.2020", "innsyn", ""],
    ["5", "Eva Fos", "U3", "Enhet tre", "01.01.2020", "saksbehandling; SRU", "Ja"],
    ["6", "Finn Gro", "U3", "Enhet tre", "01.01.2020", "innsyn", ""],
])
COURSES = csv_file("kurs.csv", [COURSE_HEADER] + [
    [person, course, course, "Fullført", "01.06.2025"]
    for person in "123456" for course in ("K1", "K2", "K3")])


@pytest.fixture
def fourth():
    with registered(PRIVACY):
        yield


def test_the_registry_is_the_only_place_a_process_is_named(fourth):
    assert process_ids() == ("saksbehandling", "innsyn", "SRU", "personvern")
    assert RuleConfig().processes == process_ids()
    assert parse_processes("PR SRU / GDPR") == (["SRU", "personvern"], [])


def test_the_rules_judge_the_fourth_process(fourth):
    results = build_results(load_dataset(STAFF, COURSES), as_of=AS_OF)
    cover = results.unit_process[results.unit_process[PROCESS] == "personvern"]
    # U1 by the role text's word, U3 by the yes/no column, U2 has nobody
    assert cover.set_index(UNIT_ID)["advisors"].to_dict() == {"U1": 1, "U2": 0, "U3": 1}
    missing = results.gaps[results.gaps["kind"] == MISSING_PROCESS_ADVISOR]
    assert missing[[UNIT_ID, PROCESS]].values.tolist() == [["U2", "personvern"]]
    assert results.unit_summary.set_index(UNIT_ID)["compliant"].to_dict() == {
        "U1": True, "U2": False, "U3": True}


def test_without_it_the_same_files_know_three_processes():
    results = build_results(load_dataset(STAFF, COURSES), as_of=AS_OF)
    assert set(results.unit_process[PROCESS]) == {"saksbehandling", "innsyn", "SRU"}
    assert results.unit_summary["compliant"].tolist() == [True, True, True]


def test_the_overview_heatmap_has_its_column(fourth, monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", str(tmp_path / "snapshots.db"))
    app = AppTest.from_file("../dashboard.py", default_timeout=TIMEOUT)
    app.session_state["as_of"] = AS_OF
    app.run()
    app.sidebar.file_uploader[0].set_value([(*STAFF, "text/csv"), (*COURSES, "text/csv")])
    app.run()
    assert not app.exception
    assert metrics(app)["Enheter vurdert"] == "3"
    assert list(chart(app, "process_heatmap_headings")["data"][0]["x"]) == [
        "Saksbehandling", "Innsyn", "SRU", "Personvern", "Ulike personer (min. 2)"]
    heatmap = chart(app, "process_heatmap")["data"][0]
    counts = dict(zip(heatmap["y"][1], typed_array(heatmap["text"])[:, 3].tolist(), strict=True))
    assert counts == {"Enhet én (U1)": 1, "Enhet to (U2)": 0, "Enhet tre (U3)": 1}
