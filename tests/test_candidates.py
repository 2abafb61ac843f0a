"""Candidate ranking, suggested actions and the Unit view's helpers on small hand-made inputs
with known answers."""

import pandas as pd
import pytest

from analysis.candidates import courses_meeting, gaps_for_process, rank_candidates
from analysis.config import DEFAULT_REQUIREMENTS
from analysis.unit_view import (
    advisor_training,
    case_handler_training,
    child_rollup,
    unit_options,
    units_below,
)
from loaders import load_dataset
from tests.helpers import COURSE_HEADER, STAFF_HEADER, csv_file, results_for
from wording.actions import gap_actions

K1 = ["{id}", "K1", "Kurs i ny saksbehandlingsløsning for prosessrådgiver", "Fullført",
      "01.01.2026"]
K2 = ["{id}", "SAK-W", "DFØ: En sak for Walter", "Fullført", "01.01.2026"]
K3 = ["{id}", "SBS", "Saksbehandlerskolen", "Fullført", "01.01.2026"]


def done(person, *courses):
    return [[cell.format(id=person) for cell in course] for course in courses]


def dataset_for(staff, courses):
    return load_dataset(staff=csv_file("ansatte.csv", staff),
                        courses=csv_file("kurs.csv", courses))


STAFF = [
    STAFF_HEADER,
    [1, "Anne", "a@x.no", "A", "Inst A", "01.01.2015", "Ja", "saksbehandling"],
    [2, "Bo", "b@x.no", "A", "Inst A", "01.01.2010", "Ja", ""],
    [3, "Cato", "c@x.no", "A", "Inst A", "01.01.2005", "Nei", ""],
    [4, "Dina", "d@x.no", "A", "Inst A", "01.01.2020", "Ja", ""],
    [5, "Eli", "e@x.no", "A", "Inst A", "01.01.2012", "Ja", ""],
    [6, "Finn", "f@x.no", "A", "Inst A", "01.01.2018", "Ja", "innsyn"],
    [7, "Gro", "g@x.no", "B", "Inst B", "01.01.2001", "Ja", ""],
    [8, "Hans", "h@x.no", "A", "Inst A", "", "Ja", ""],
]
COURSES = [COURSE_HEADER, *done(1, K1, K2, K3), *done(2, K3), *done(3, K1, K3),
           *done(4, K1, K3), *done(5, K1, K3), *done(6, K1, K2, K3), *done(7, K1, K2, K3),
           *done(8, K1, K3)]


@pytest.fixture(scope="module")
def results():
    return results_for(STAFF, COURSES)


@pytest.fixture(scope="module")
def dataset_frames():
    dataset = dataset_for(STAFF, COURSES)
    return dataset.staff, dataset.courses


def ranked(results, staff, unit, process):
    frame = rank_candidates(staff, results.advisors, results.person_status, results.config,
                            unit, process)
    return list(frame["employee_id"])


def test_fewest_lacking_first_then_case_handlers_then_longest_tenure(results, dataset_frames):
    staff, _ = dataset_frames
    # Anne lacks nothing (already advisor, but for another process); Eli, Dina and Hans lack K2
    # and are case handlers (oldest start first, unknown start last); Cato lacks K2 but is no
    # case handler despite the longest tenure; Bo lacks K1 and K2. Finn (innsyn) and Gro
    # (other unit) are left out.
    assert ranked(results, staff, "A", "innsyn") == ["1", "5", "4", "8", "3", "2"]


def test_lacking_requirements_and_other_roles_are_listed(results, dataset_frames):
    staff, _ = dataset_frames
    frame = rank_candidates(staff, results.advisors, results.person_status, results.config,
                            "A", "innsyn").set_index("employee_id")
    assert frame.loc["1", ["lacking", "lacking_requirements", "advisor_for"]].tolist() == [
        0, "", "saksbehandling"]
    assert frame.loc["2", ["lacking", "lacking_requirements", "advisor_for"]].tolist() == [
        2, "K1, K2", ""]


def test_too_few_advisors_needs_someone_who_is_not_yet_an_advisor(results, dataset_frames):
    staff, _ = dataset_frames
    assert ranked(results, staff, "A", None) == ["5", "4", "8", "3", "2"]


def test_order_does_not_depend_on_row_order(results, dataset_frames):
    staff, _ = dataset_frames
    shuffled = staff.sample(frac=1, random_state=7)
    assert ranked(results, shuffled, "A", "innsyn") == ["1", "5", "4", "8", "3", "2"]


REQUIREMENTS_HEADER = ["id", "name", "audience", "courses", "valid_months", "grace_days"]


def test_expired_and_process_specific_requirements_count_as_lacking():
    staff = [
        STAFF_HEADER,
        [1, "Anne", "a@x.no", "A", "Inst A", "01.01.2015", "Ja", "saksbehandling"],
        [2, "Bo", "b@x.no", "A", "Inst A", "01.01.2010", "Ja", ""],
        [3, "Cato", "c@x.no", "A", "Inst A", "01.01.2011", "Ja", ""],
    ]
    courses = [COURSE_HEADER,
               [2, "K1", "Kurs K1", "Fullført", "01.01.2026"],
               [2, "K2", "Kurs K2", "Fullført", "01.01.2020"],  # 36 months: expired by 2026
               [3, "K1", "Kurs K1", "Fullført", "01.01.2026"],
               [3, "K2", "Kurs K2", "Fullført", "01.01.2026"]]
    requirements = [REQUIREMENTS_HEADER,
                    ["K1", "Kurs K1", "advisors", "K1", "", ""],
                    ["K2", "Kurs K2", "advisors", "K2", 36, ""],
                    ["K4", "Innsynskurs", "advisors:innsyn", "K4", "", ""]]
    results = results_for(staff, courses, requirements=requirements)
    people = dataset_for(staff, courses).staff
    for_innsyn = rank_candidates(people, results.advisors, results.person_status,
                                 results.config, "A", "innsyn")
    assert list(zip(for_innsyn["employee_id"], for_innsyn["lacking_requirements"],
                    strict=True)) == [("3", "K4"), ("2", "K2, K4"), ("1", "K1, K2, K4")]
    for_sru = rank_candidates(people, results.advisors, results.person_status,
                              results.config, "A", "SRU")
    assert list(for_sru["lacking"]) == [0, 1, 2]


def test_courses_meeting_a_requirement_are_named_from_the_export(dataset_frames):
    _, courses = dataset_frames
    k2 = next(r for r in DEFAULT_REQUIREMENTS if r.id == "K2")
    assert courses_meeting(courses, k2.courses) == ["DFØ: En sak for Walter (SAK-W)"]
    nothing = courses.iloc[0:0]
    assert courses_meeting(nothing, ("K9", "Kurs ni")) == ["K9", "Kurs ni"]


def test_every_gap_gets_a_concrete_action(results, dataset_frames):
    staff, courses = dataset_frames
    actions = gap_actions(results, staff, courses)
    assert list(zip(actions["kind"], actions["unit_id"], actions["process"], strict=True)) == [
        ("missing_process_advisor", "A", "SRU"), ("missing_process_advisor", "B", "SRU"),
        ("missing_process_advisor", "B", "innsyn"),
        ("missing_process_advisor", "B", "saksbehandling"), ("too_few_advisors", "B", "")]
    assert list(actions["action"].iloc[[0, 4]]) == [
        "Oppnevn rådgiver for SRU; kandidater: Anne (oppfyller alle krav), "
        "Finn (oppfyller alle krav), Eli (mangler K2).",
        "Oppnevn 2 nye prosessrådgivere; kandidater: Gro (oppfyller alle krav).",
    ]


def test_course_gap_names_the_course_and_the_person():
    staff = [STAFF_HEADER,
             [1, "Anne", "a@x.no", "A", "Inst A", "01.01.2015", "Ja", "saksbehandling; SRU"],
             [2, "Bo", "b@x.no", "A", "Inst A", "01.01.2010", "Ja", "innsyn"]]
    courses = [COURSE_HEADER, *done(1, K1, K3), *done(2, K1, K2, K3)]
    results = results_for(staff, courses)
    dataset = dataset_for(staff, courses)
    actions = gap_actions(results, dataset.staff, dataset.courses)
    assert actions[["kind", "name", "requirement_id", "action"]].to_dict("records") == [
        {"kind": "advisor_missing_requirement", "name": "Anne", "requirement_id": "K2",
         "action": "Fullfør K2: DFØ: En sak for Walter (SAK-W)."}]


def test_gaps_for_a_process_include_its_advisors_course_gaps():
    actions = pd.DataFrame({
        "kind": ["missing_process_advisor", "advisor_missing_requirement",
                 "advisor_missing_requirement", "case_handler_missing_requirement"],
        "unit_id": ["A", "A", "A", "A"], "process": ["innsyn", "", "", ""],
        "employee_id": ["", "1", "2", "1"]})
    advisors = pd.DataFrame({"unit_id": ["A", "A"], "employee_id": ["1", "2"],
                             "process": ["SRU", "innsyn"]})
    assert list(gaps_for_process(actions, advisors, "innsyn")) == [True, False, True, False]
    assert list(gaps_for_process(actions, advisors, "SRU")) == [False, True, False, False]


def test_unit_view_states_for_advisors_and_case_handlers():
    staff = [STAFF_HEADER,
             [1, "Anne", "a@x.no", "A", "Inst A", "01.01.2015", "Ja", "saksbehandling"],
             [2, "Bo", "b@x.no", "A", "Inst A", "01.09.2026", "Ja", ""],  # due 30.11.2026
             [3, "Cato", "c@x.no", "A", "Inst A", "01.01.2020", "Ja", ""]]
    courses = [COURSE_HEADER,
               [1, "K1", "Kurs K1", "Fullført", "15.12.2023"],  # valid to 15.12.2026: soon
               [1, "K2", "Kurs K2", "Fullført", "01.01.2020"],  # valid to 01.01.2023: expired
               [3, "K3", "Saksbehandlerskolen", "Fullført", "01.03.2020"]]
    requirements = [REQUIREMENTS_HEADER,
                    ["K1", "Kurs K1", "advisors", "K1", 36, ""],
                    ["K2", "Kurs K2", "advisors", "K2", 36, ""],
                    ["K3", "Saksbehandlerskolen", "advisors", "K3", "", ""],
                    ["K3", "Saksbehandlerskolen", "case_handlers", "K3", "", 90]]
    results = results_for(staff, courses, requirements=requirements)
    people = dataset_for(staff, courses).staff
    training = advisor_training(results, people, ["A"])
    assert dict(zip(training["requirement_id"], training["state"], strict=True)) == {
        "K1": "expiring", "K2": "expired", "K3": "missing"}
    handlers = case_handler_training(results, people, ["A"]).set_index("employee_id")
    assert handlers["state"].to_dict() == {"1": "lacking", "2": "in_grace", "3": "has_it"}
    assert handlers.loc["2", "due_on"] == pd.Timestamp("2026-11-30")


def test_unit_choices_group_units_under_their_faculty():
    units = [["Enhetskode", "Enhetsnavn", "Overordnet enhetskode"],
             ["F", "Fakultet F", ""], ["A", "Inst A", "F"], ["B", "Inst B", "F"],
             ["C", "Seksjon C", ""]]
    staff = [STAFF_HEADER,
             [1, "Anne", "a@x.no", "A", "Inst A", "", "Ja", "saksbehandling; innsyn"],
             [2, "Bo", "b@x.no", "A", "Inst A", "", "Ja", "SRU"],
             [3, "Cato", "c@x.no", "B", "Inst B", "", "Ja", ""],
             [4, "Dina", "d@x.no", "C", "Seksjon C", "", "Ja", "saksbehandling; innsyn; SRU"]]
    results = results_for(staff, [COURSE_HEADER, *done(1, K1, K2, K3), *done(2, K1, K2, K3)],
                          units=units)
    options = unit_options(results.units)
    assert list(options["label"]) == ["Fakultet F (F)", "F › Inst A (A)",
                                      "F › Inst B (B)", "Seksjon C (C)"]
    assert list(options["rollup"]) == [True, False, False, False]
    assert units_below(results.units, "F") == ["A", "B"]
    children = child_rollup(results.units, results.unit_summary, "F")
    assert children[["unit_id", "units", "compliant_units", "staff", "advisors",
                     "units_missing_process"]].values.tolist() == [
        ["A", 1, 1, 2, 2, 0], ["B", 1, 0, 1, 0, 1]]


def test_candidates_are_ranked_once_per_data_set_whatever_the_language(monkeypatch):
    """Ranking is the slow step: a page in English after one in bokmål words the same facts."""
    import streamlit as st

    import state
    from tests.apptest import run_page

    calls = []
    ranked = state.gap_remedies

    def counting(*args, **kwargs):
        calls.append(1)
        return ranked(*args, **kwargs)

    st.cache_data.clear()
    monkeypatch.setattr(state, "gap_remedies", counting)
    bokmal = run_page("views/gaps.py", enhet="IHK")
    english = run_page("views/gaps.py", enhet="IHK", lang="en")
    assert not bokmal.exception and not english.exception
    assert len(calls) == 1
    actions = [line for m in english.markdown for line in m.value.splitlines()
               if line.startswith("- ")]
    assert actions and all("Oppnevn" not in a and "Fullfør" not in a for a in actions)
