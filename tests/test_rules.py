"""Each rule of the brief on small hand-built inputs with known answers."""

import pandas as pd
import pytest

from tests.helpers import ADVISOR_HEADER, COURSE_HEADER, STAFF_HEADER, results_for, rows

FULL_TRAINING = [
    # completes K1, K2 and K3 of the default requirements for a person
    [
        "{id}",
        "K1",
        "Kurs i ny saksbehandlingsløsning for prosessrådgiver",
        "Fullført",
        "01.01.2026",
    ],
    ["{id}", "", "DFØ: En sak for Walter", "Fullført", "01.01.2026"],
    ["{id}", "SBS", "Saksbehandlerskolen", "Fullført", "01.01.2026"],
]


def trained(*people):
    return [[cell.format(id=person) for cell in row] for person in people for row in FULL_TRAINING]


def kinds(results, unit):
    return sorted(g["kind"] for g in rows(results.gaps, unit_id=unit))


def test_compliant_unit_with_two_trained_advisors():
    staff = [
        STAFF_HEADER,
        [1, "Anne", "a@x.no", "A", "Inst A", "01.01.2020", "Ja", "saksbehandling; innsyn"],
        [2, "Bjørn", "b@x.no", "A", "Inst A", "01.01.2020", "Nei", "PR SRU"],
    ]
    results = results_for(staff, [COURSE_HEADER, *trained(1, 2)])
    summary = rows(results.unit_summary, unit_id="A")[0]
    assert summary == {
        "unit_id": "A",
        "unit_name": "Inst A",
        "parent_id": "",
        "staff": 2,
        "advisors": 2,
        "missing_processes": 0,
        "advisors_missing_requirements": 0,
        "compliant": True,
    }
    assert results.gaps.empty


def test_one_person_for_all_processes_is_too_few():
    staff = [
        STAFF_HEADER,
        [1, "Anne", "a@x.no", "A", "Inst A", "", "Nei", "Innsyn/SRU/saksbehandling"],
    ]
    results = results_for(staff, [COURSE_HEADER, *trained(1)])
    assert kinds(results, "A") == ["too_few_advisors"]
    assert rows(results.unit_summary, unit_id="A")[0]["compliant"] is False


def test_person_counted_once_for_two_sources_and_two_roles():
    staff = [
        STAFF_HEADER,
        [1, "Anne", "a@x.no", "A", "Inst A", "", "Nei", "saksbehandling; innsyn"],
        [2, "Bo", "b@x.no", "A", "Inst A", "", "Nei", ""],
    ]
    advisors = [
        ADVISOR_HEADER,
        [1, "", "Saksbehandling", "01.01.2025"],
        [1.0, "A", "innsyn", ""],
        [2, "", "SRU", ""],
    ]
    results = results_for(staff, [COURSE_HEADER, *trained(1, 2)], advisors=advisors)
    counts = dict(
        zip(results.unit_process["process"], results.unit_process["advisors"], strict=True)
    )
    assert counts == {"saksbehandling": 1, "innsyn": 1, "SRU": 1}
    assert rows(results.unit_summary, unit_id="A")[0]["advisors"] == 2
    assert rows(results.unit_summary, unit_id="A")[0]["compliant"]


def test_advisor_counts_for_the_unit_in_the_advisors_file():
    staff = [
        STAFF_HEADER,
        [1, "Anne", "a@x.no", "A", "Inst A", "", "Nei", ""],
        [2, "Bo", "b@x.no", "B", "Inst B", "", "Nei", ""],
    ]
    advisors = [ADVISOR_HEADER, [1, "B", "innsyn", ""]]
    results = results_for(staff, [COURSE_HEADER], advisors=advisors)
    by_unit = results.unit_process.set_index(["unit_id", "process"])["advisors"]
    assert by_unit[("B", "innsyn")] == 1
    assert by_unit[("A", "innsyn")] == 0


def test_unit_that_only_groups_others_is_not_judged():
    units = [
        ["Enhetskode", "Enhetsnavn", "Overordnet enhetskode"],
        ["ROOT", "Uni", ""],
        ["FAK", "Fakultetet", "ROOT"],
        ["A", "Inst A", "FAK"],
        ["C", "Inst C", "FAK"],
    ]
    staff = [STAFF_HEADER, [1, "Anne", "a@x.no", "A", "Inst A", "", "Ja", "innsyn"]]
    results = results_for(staff, [COURSE_HEADER], units=units)
    judged = set(results.unit_summary["unit_id"])
    assert judged == {"A", "C"}  # C has no staff but no children: judged, and empty
    empty = rows(results.unit_summary, unit_id="C")[0]
    assert (empty["staff"], empty["advisors"], empty["missing_processes"]) == (0, 0, 3)
    assert kinds(results, "C") == ["missing_process_advisor"] * 3 + ["too_few_advisors"]
    assert rows(results.unit_summary, unit_id="A")[0]["parent_id"] == "FAK"


def test_faculty_with_own_staff_is_judged():
    units = [
        ["Enhetskode", "Enhetsnavn", "Overordnet enhetskode"],
        ["FAK", "Fakultetet", ""],
        ["A", "Inst A", "FAK"],
    ]
    staff = [
        STAFF_HEADER,
        [1, "Anne", "a@x.no", "FAK", "Fakultetet", "", "Ja", ""],
        [2, "Bo", "b@x.no", "A", "Inst A", "", "Ja", ""],
    ]
    results = results_for(staff, [COURSE_HEADER], units=units)
    assert set(results.unit_summary["unit_id"]) == {"FAK", "A"}


def test_grace_period_boundary_is_inclusive():
    staff = [
        STAFF_HEADER,
        [1, "Due", "", "A", "Inst A", "2026-08-03", "Ja", ""],  # exactly 90 days before
        [2, "New", "", "A", "Inst A", "2026-08-04", "Ja", ""],  # 89 days: in grace
        [3, "Nodate", "", "A", "Inst A", "", "Ja", ""],
        [4, "Academic", "", "A", "Inst A", "01.01.2000", "Nei", ""],
    ]
    results = results_for(staff, [COURSE_HEADER])
    k3 = rows(results.unit_requirement, unit_id="A", audience="case_handlers")[0]
    assert (k3["target"], k3["met"]) == (2, 0)
    missing = rows(results.gaps, kind="case_handler_missing_requirement")
    assert sorted(g["employee_id"] for g in missing) == ["1", "3"]


def test_completion_on_the_as_of_date_counts_and_later_does_not():
    staff = [
        STAFF_HEADER,
        [1, "On", "", "A", "Inst A", "", "Ja", ""],
        [2, "After", "", "A", "Inst A", "", "Ja", ""],
    ]
    courses = [
        COURSE_HEADER,
        [1, "", "Saksbehandlerskolen", "Fullført", "01.11.2026"],
        [2, "", "Saksbehandlerskolen", "Fullført", "02.11.2026"],
    ]
    results = results_for(staff, courses)
    k3 = rows(results.unit_requirement, unit_id="A", audience="case_handlers")[0]
    assert (k3["target"], k3["met"], k3["share"]) == (2, 1, 0.5)


@pytest.mark.parametrize(
    "status,counts",
    [
        ("Fullført", True),
        ("Gjennomført", True),
        ("Bestått", True),
        ("Completed", True),
        ("Passed", True),
        ("Påmeldt", False),
        ("Pågår", False),
        ("Ikke bestått", False),
        ("Ikke startet", False),
        ("", False),
    ],
)
def test_status_decides_even_with_a_date(status, counts):
    staff = [STAFF_HEADER, [1, "Anne", "", "A", "Inst A", "", "Ja", ""]]
    courses = [COURSE_HEADER, [1, "", "Saksbehandlerskolen", status, "01.01.2026"]]
    k3 = rows(results_for(staff, courses).unit_requirement, audience="case_handlers")[0]
    assert k3["met"] == int(counts)


def test_without_status_column_a_date_means_completed():
    staff = [
        STAFF_HEADER,
        [1, "Anne", "", "A", "Inst A", "", "Ja", ""],
        [2, "Bo", "", "A", "Inst A", "", "Ja", ""],
    ]
    courses = [
        ["Ansattnr", "Kursnavn", "Fullført dato"],
        [1, "SAKSBEHANDLERSKOLEN 2025", "2025-03-01"],
        [2, "Saksbehandlerskolen", ""],
    ]
    k3 = rows(results_for(staff, courses).unit_requirement, audience="case_handlers")[0]
    assert (k3["target"], k3["met"]) == (2, 1)


def test_expired_training_and_validity_boundary():
    requirements = [
        ["id", "name", "audience", "courses", "valid_months", "grace_days"],
        ["K2", "DFØ", "advisors", "DFO-1; offentleglova", "12", ""],
    ]
    staff = [
        STAFF_HEADER,
        [1, "Old", "", "A", "Inst A", "", "Nei", "innsyn"],
        [2, "Edge", "", "A", "Inst A", "", "Nei", "SRU"],
        [3, "None", "", "A", "Inst A", "", "Nei", "saksbehandling"],
    ]
    courses = [
        COURSE_HEADER,
        [1, "dfo-1", "", "Fullført", "31.10.2025"],
        [2, "", "Innsyn – om offentleglova", "Fullført", "01.11.2025"],
    ]
    results = results_for(staff, courses, requirements=requirements)
    gaps = {
        (g["employee_id"], g["kind"]) for g in rows(results.gaps, unit_id="A") if g["employee_id"]
    }
    assert gaps == {("1", "advisor_requirement_expired"), ("3", "advisor_missing_requirement")}
    summary = rows(results.unit_summary, unit_id="A")[0]
    assert summary["advisors_missing_requirements"] == 2


def test_advisor_who_is_due_case_handler_gets_both_gaps():
    staff = [STAFF_HEADER, [1, "Anne", "", "A", "Inst A", "01.01.2020", "Ja", "innsyn"]]
    results = results_for(staff, [COURSE_HEADER])
    k3 = {g["kind"] for g in rows(results.gaps, requirement_id="K3")}
    assert k3 == {"advisor_missing_requirement", "case_handler_missing_requirement"}


def test_process_specific_audience_and_empty_target_share():
    requirements = [
        ["ID", "Navn", "Målgruppe", "Kurs", "Gyldighet (måneder)", "Frist (dager)"],
        ["K9", "Innsynskurs", "advisors:innsyn", "INN-1", "", ""],
        ["K3", "Saksbehandlerskolen", "case_handlers", "SBS", "", "30"],
    ]
    staff = [
        STAFF_HEADER,
        [1, "Anne", "", "A", "Inst A", "", "Nei", "innsyn"],
        [2, "Bo", "", "A", "Inst A", "", "Nei", "SRU"],
    ]
    results = results_for(staff, [COURSE_HEADER], requirements=requirements)
    k9 = rows(results.unit_requirement, requirement_id="K9")[0]
    assert (k9["audience"], k9["target"], k9["met"]) == ("advisors:innsyn", 1, 0)
    gap = rows(results.gaps, requirement_id="K9")
    assert [(g["employee_id"], g["process"]) for g in gap] == [("1", "innsyn")]
    k3 = rows(results.unit_requirement, requirement_id="K3")[0]
    assert k3["target"] == 0 and pd.isna(k3["share"])


def test_ids_and_codes_stay_text_as_written():
    staff = [
        ["Ansattnr", "Navn", "Enhetskode", "Enhet"],
        ["12345.0", "Anne", "090006", "Inst"],
        [194660100, "Bo", "194660100", "Sek"],
    ]
    results = results_for(staff, [COURSE_HEADER])
    assert set(results.unit_summary["unit_id"]) == {"090006", "194660100"}
    assert set(results.targets["employee_id"]) == {"12345", "194660100"}


def test_unit_name_is_the_id_when_there_is_no_code():
    staff = [
        ["Ansattnr", "Navn", "Enhet", "Fakultet"],
        [1, "Anne", "  Institutt  for   fysikk ", "NV"],
    ]
    results = results_for(staff, [COURSE_HEADER])
    assert rows(results.unit_summary)[0]["unit_id"] == "Institutt for fysikk"
    assert rows(results.unit_summary)[0]["parent_id"] == "NV"


def test_gaps_are_grouped_per_unit_and_kind_with_persons_counted_once():
    import pandas as pd

    from analysis.gap_groups import gap_groups

    gaps = pd.DataFrame({
        "kind": ["case_handler_missing_requirement"] * 3 + ["missing_process_advisor",
                                                           "advisor_missing_requirement",
                                                           "advisor_missing_requirement"],
        "unit_id": ["B", "B", "A", "A", "A", "A"],
        "employee_id": ["7", "8", "1", "", "2", "2"],
    })
    grouped = gap_groups(gaps, ["A", "B"])
    assert grouped.values.tolist() == [
        ["A", "missing_process_advisor", 1, 0],
        ["A", "advisor_missing_requirement", 2, 1],  # one advisor lacking two courses
        ["A", "case_handler_missing_requirement", 1, 1],
        ["B", "case_handler_missing_requirement", 2, 2],
    ]
