"""The brief's "Real exports" semantics on hand-built files: employment in force, appointment
periods, several rows of one person, units by name, portal vocabularies, dates, identities."""

import datetime as dt

import pandas as pd
import pytest

from analysis import build_results
from loaders import load_dataset
from tests.helpers import AS_OF, csv_file, rows, xlsx_file
from wording.validation import with_messages

HR = ["Ansattnr", "Navn", "E-post", "Enhetskode", "Enhet", "Startdato", "Sluttdato",
      "Saksbehandler", "Roller"]
COURSES = ["Ansattnr", "Kurskode", "Kurs", "Status", "Fullført dato"]
K1 = ["K1", "Kurs i ny saksbehandlingsløsning for prosessrådgiver"]
K2 = ["", "DFØ: En sak for Walter"]
K3 = ["SBS", "Saksbehandlerskolen"]
REQUIREMENTS = [["id", "name", "audience", "courses", "valid_months", "grace_days"],
                ["K1", "Elements-kurs", "advisors", "K1", "", ""],
                ["K2", "DFØ-kurs", "advisors", "Walter", "36", ""],
                ["K3", "Saksbehandlerskolen", "advisors", "SBS", "", ""],
                ["K3", "Saksbehandlerskolen", "case_handlers", "SBS", "", "90"]]


def trained(*people, date="01.01.2026"):
    return [[person, *course, "Fullført", date] for person in people for course in (K1, K2, K3)]


def compute(staff, courses, advisors=None, units=None, as_of=AS_OF, requirements=None):
    dataset = load_dataset(
        staff=csv_file("hr.csv", staff), courses=csv_file("kurs.csv", courses),
        advisors=advisors and csv_file("radgivere.csv", advisors),
        units=units and csv_file("enheter.csv", units),
        requirements=requirements and csv_file("krav.csv", requirements))
    return dataset, build_results(dataset, as_of=as_of)


def issues(results, **where):
    return [(i["file"], i["row"], i["column"], i["message"])
            for i in rows(with_messages(results.issues), **where)]


def gaps(results, unit):
    return sorted((g["kind"], g["process"], g["employee_id"], g["requirement_id"])
                  for g in rows(results.gaps, unit_id=unit))


def summary(results, unit):
    return rows(results.unit_summary, unit_id=unit)[0]


# --- employment in force -------------------------------------------------------------------

LEAVERS = [
    HR,
    [1, "Anne", "", "A", "Inst A", "01.01.2015", "", "Ja", "saksbehandling; innsyn"],
    [2, "Bjørn", "", "A", "Inst A", "01.01.2015", "31.10.2026", "Nei", "SRU"],
    [3, "Cato", "", "A", "Inst A", "01.01.2015", "01.11.2026", "Ja", ""],
    [4, "Dina", "", "A", "Inst A", "01.01.2015", "15.10.2026", "Ja", ""],
    [5, "Eli", "", "A", "Inst A", "15.11.2026", "", "Ja", ""],
    [6, "Finn", "", "A", "Inst A", "01.01.2015", "31.12.2027", "Nei", "SRU"],
]


def test_a_leaver_is_not_staff_advisor_or_due_case_handler():
    _, results = compute(LEAVERS, [COURSES, *trained(1, 6)])
    # 2 left the day before (not in force); 3 leaves on the as-of date (in force); 4 has left;
    # 5 starts after the as-of date (staff, not yet due); 6 leaves next year (in force)
    assert summary(results, "A")["staff"] == 4
    assert sorted(results.staff["employee_id"]) == ["1", "3", "5", "6"]
    srus = rows(results.unit_process, unit_id="A", process="SRU")[0]
    assert srus["advisors"] == 1  # Finn, not Bjørn
    assert gaps(results, "A") == [("case_handler_missing_requirement", "", "3", "K3")]
    assert issues(results, row=3) == [
        ("hr.csv", 3, "Sluttdato", "Sluttet 31.10.2026: telles ikke som ansatt, "
         "prosessrådgiver eller saksbehandler per 01.11.2026.")]
    assert issues(results, row=5)[0][3].startswith("Sluttet 15.10.2026")


def test_the_leavers_sru_appointment_leaves_the_unit_without_sru():
    staff = [row for row in LEAVERS if row[0] != 6]
    _, results = compute(staff, [COURSES, *trained(1, 2)])
    assert gaps(results, "A") == [("case_handler_missing_requirement", "", "3", "K3"),
                                  ("missing_process_advisor", "SRU", "", ""),
                                  ("too_few_advisors", "", "", "")]
    assert summary(results, "A")["compliant"] is False


def test_an_appointment_of_a_leaver_does_not_count_and_says_why():
    advisors = [["Ansattnr", "Enhet", "Prosess"], [4, "A", "SRU"], [77, "A", "SRU"]]
    dataset, results = compute(LEAVERS, [COURSES, *trained(1, 6)], advisors=advisors)
    assert rows(results.unit_process, unit_id="A", process="SRU")[0]["advisors"] == 1
    assert issues(results, file="radgivere.csv") == [
        ("radgivere.csv", 2, "Ansattnr", "Oppnevnt, men ikke ansatt: 4 sluttet 15.10.2026; "
         "oppnevningen for SRU telles ikke per 01.11.2026."),
        ("radgivere.csv", 3, "Ansattnr", "Oppnevnt, men ikke ansatt: 77 finnes ikke i "
         "ansattlisten. Oppnevningen telles ikke."),
    ]


def test_the_validation_report_is_sorted_by_file_sheet_and_row():
    """Loader notes and as-of decisions come together in the order of the user's files."""
    advisors = [["Ansattnr", "Enhet", "Prosess"], [4, "A", "SRU"], [77, "A", "SRU"]]
    _, results = compute(LEAVERS, [COURSES, [1, *K1, "Kanskje", ""]], advisors=advisors)
    assert [(i["file"], i["row"]) for i in results.issues.to_dict("records")] == [
        ("hr.csv", 3), ("hr.csv", 5), ("kurs.csv", 2), ("radgivere.csv", 2),
        ("radgivere.csv", 3)]


def test_employment_is_decided_on_the_as_of_date():
    dataset = load_dataset(staff=csv_file("hr.csv", LEAVERS),
                           courses=csv_file("kurs.csv", [COURSES, *trained(1, 2, 6)]))
    earlier = build_results(dataset, as_of=dt.date(2026, 10, 1))
    assert summary(earlier, "A")["staff"] == 6  # everyone: Bjørn and Dina had not left yet
    assert rows(earlier.unit_process, unit_id="A", process="SRU")[0]["advisors"] == 2


# --- appointment periods ------------------------------------------------------------------

def test_appointment_periods_are_inclusive_and_reported():
    staff = [HR] + [[n, f"P{n}", "", "A", "Inst A", "01.01.2015", "", "Nei", ""]
                    for n in range(1, 6)]
    advisors = [["Ansattnr", "Enhet", "Prosess", "Oppnevnt dato", "Til dato"],
                [1, "A", "saksbehandling", "01.11.2026", ""],  # starts on the as-of date
                [2, "A", "innsyn", "", "01.11.2026"],  # ends on the as-of date
                [3, "A", "SRU", "02.11.2026", ""],  # starts tomorrow
                [4, "A", "SRU", "01.01.2024", "31.10.2026"],  # ended yesterday
                [5, "A", "SRU", "01.01.2024", "31.12.2027"]]
    _, results = compute(staff, [COURSES, *trained(1, 2, 5)], advisors=advisors)
    counts = {r["process"]: r["advisors"] for r in rows(results.unit_process, unit_id="A")}
    assert counts == {"saksbehandling": 1, "innsyn": 1, "SRU": 1}
    assert sorted(results.advisors["employee_id"]) == ["1", "2", "5"]
    assert issues(results, file="radgivere.csv") == [
        ("radgivere.csv", 4, "Oppnevnt dato", "Oppnevningen for SRU begynner 02.11.2026; "
         "telles ikke per 01.11.2026."),
        ("radgivere.csv", 5, "Til dato", "Oppnevningen for SRU endte 31.10.2026; telles ikke "
         "per 01.11.2026."),
    ]
    assert summary(results, "A")["compliant"] is True


def test_a_future_appointment_does_not_make_a_unit_compliant_today():
    staff = [HR, [1, "Anne", "", "A", "Inst A", "01.01.2015", "", "Nei", "saksbehandling"],
             [2, "Bo", "", "A", "Inst A", "01.01.2015", "", "Nei", "innsyn"]]
    advisors = [["Ansattnr", "Enhet", "Prosess", "Oppnevnt dato"], [2, "A", "SRU", "01.12.2026"]]
    dataset, today = compute(staff, [COURSES, *trained(1, 2)], advisors=advisors)
    assert gaps(today, "A") == [("missing_process_advisor", "SRU", "", "")]
    later = build_results(dataset, as_of=dt.date(2026, 12, 1))
    assert summary(later, "A")["compliant"] is True


# --- several rows of one person ----------------------------------------------------------

def test_two_rows_in_one_unit_merge_earliest_start_any_case_handler_roles_added():
    staff = [HR + ["Stillingsprosent"],
             [1, "Anne", "", "A", "Inst A", "01.01.2010", "", "Nei", "innsyn", 80],
             [2, "Bo", "", "A", "Inst A", "01.01.2010", "", "Nei", "SRU", 100],
             [1, "Anne", "", "A", "Inst A", "01.10.2026", "", "Ja", "saksbehandling", 20]]
    _, results = compute(staff, [COURSES, *[r for r in trained(1, 2) if r[1] != "SBS"]])
    anne = rows(results.staff, employee_id="1")
    assert len(anne) == 1
    assert anne[0]["start_date"] == pd.Timestamp(2010, 1, 1)
    assert anne[0]["case_handler"] is True or anne[0]["case_handler"] == True  # noqa: E712
    assert summary(results, "A")["staff"] == 2
    assert {r["process"]: r["advisors"] for r in rows(results.unit_process, unit_id="A")} == {
        "saksbehandling": 1, "innsyn": 1, "SRU": 1}
    # due since 2010, not in the grace period of the new 20 % position
    assert ("case_handler_missing_requirement", "", "1", "K3") in gaps(results, "A")
    assert issues(results, row=4)[0][3].startswith("Ansattnummer 1 står flere ganger i samme")


@pytest.mark.parametrize(
    "extra_header,a_value,b_value,chosen,reason",
    [
        ("Stillingstype", "Bistilling", "Hovedstilling", "B", "hovedstilling"),
        ("Hovedstilling", "Nei", "Ja", "B", "hovedstilling"),
        ("Stillingsprosent", "40", "60", "B", "høyeste stillingsprosent"),
        ("Stillingsprosent", "60 %", "40 %", "A", "høyeste stillingsprosent"),
        ("Stilling", "Rådgiver", "Rådgiver", "A", "første rad i ansattlisten"),
    ],
)
def test_an_advisor_row_without_unit_goes_to_the_main_position(extra_header, a_value, b_value,
                                                               chosen, reason):
    staff = [HR + [extra_header],
             [1, "Anne", "", "A", "Inst A", "01.01.2015", "", "Nei", "", a_value],
             [1, "Anne", "", "B", "Inst B", "01.01.2015", "", "Nei", "", b_value]]
    advisors = [["Ansattnr", "Enhet", "Prosess"], [1, "", "innsyn"]]
    _, results = compute(staff, [COURSES, *trained(1)], advisors=advisors)
    assert results.advisors[["unit_id", "employee_id", "process"]].values.tolist() == [
        [chosen, "1", "innsyn"]]
    assert issues(results, file="radgivere.csv") == [
        ("radgivere.csv", 2, "Enhet", f"Raden har ingen enhet, og 1 har stillinger i A, B: "
         f"{chosen} er valgt ({reason}).")]


def test_the_main_position_is_chosen_among_rows_in_force():
    staff = [HR + ["Stillingstype"],
             [1, "Anne", "", "A", "Inst A", "01.01.2015", "30.06.2026", "Nei", "", "Hovedstilling"],
             [1, "Anne", "", "B", "Inst B", "01.01.2015", "", "Nei", "", "Bistilling"]]
    advisors = [["Ansattnr", "Enhet", "Prosess"], [1, "", "innsyn"]]
    _, results = compute(staff, [COURSES, *trained(1)], advisors=advisors)
    assert results.advisors["unit_id"].tolist() == ["B"]


# --- units named, not coded ---------------------------------------------------------------

def test_advisor_units_given_by_name_resolve_and_unknown_ones_are_reported_on_their_row():
    staff = [HR, [1, "Anne", "", "194660100", "Institutt for A", "", "", "Nei", ""],
             [2, "Bo", "", "194660200", "Institutt for B", "", "", "Nei", ""]]
    advisors = [["Ansattnr", "Enhet", "Prosess"],
                [1, "  institutt  FOR a ", "innsyn"],
                [2, "Institutt for A", "SRU"],
                [2, "Institutt for Z", "saksbehandling"]]
    _, results = compute(staff, [COURSES, *trained(1, 2)], advisors=advisors)
    assert sorted(results.advisors[["unit_id", "process"]].values.tolist()) == [
        ["194660100", "SRU"], ["194660100", "innsyn"]]
    assert issues(results, file="radgivere.csv") == [
        ("radgivere.csv", 4, "Enhet", "Enheten «Institutt for Z» finnes ikke i ansattlisten "
         "eller enhetslisten; oppnevningen telles ikke.")]


def test_units_file_names_resolve_advisor_units_too():
    staff = [HR, [1, "Anne", "", "A", "", "", "", "Nei", ""]]
    units = [["Enhetskode", "Enhetsnavn", "Overordnet enhetskode"], ["F", "Fakultet F", ""],
             ["A", "Institutt A", "F"], ["B", "Institutt B", "F"]]
    advisors = [["Ansattnr", "Enhet", "Prosess"], [1, "institutt b", "innsyn"]]
    _, results = compute(staff, [COURSES], advisors=advisors, units=units)
    assert results.advisors[["unit_id", "process"]].values.tolist() == [["B", "innsyn"]]


# --- status words, a Fullført column with Ja/Nei, dates -------------------------------

def met(results, person, requirement):
    status = rows(results.person_status, employee_id=person, requirement_id=requirement)
    return status[0]["status"] if status else "missing"


@pytest.mark.parametrize(
    "status,expected",
    [
        ("Completed (achieved pass grade)", "met"),
        ("Completed (did not achieve pass grade)", "missing"),
        ("Complete (fail)", "missing"),
        ("Ikke bestått", "missing"),
        ("Bestått", "met"),
        ("Yes", "met"),
        ("No", "missing"),
        ("Utløpt", "expired"),
    ],
)
def test_portal_status_words_decide_even_where_the_row_has_a_date(status, expected):
    staff = [HR, [1, "Anne", "", "A", "Inst A", "", "", "Nei", "innsyn"]]
    _, results = compute(staff, [COURSES, [1, *K1, status, "01.10.2026"]])
    assert met(results, "1", "K1") == expected


def test_utlopt_gives_an_expired_advisor_gap():
    staff = [HR, [1, "Anne", "", "A", "Inst A", "", "", "Nei", "saksbehandling; innsyn"],
             [2, "Bo", "", "A", "Inst A", "", "", "Nei", "SRU"]]
    courses = [COURSES, *trained(2), [1, *K1, "Utløpt", "01.10.2020"], [1, *K2, "Fullført",
               "01.10.2026"], [1, *K3, "Fullført", "01.10.2026"]]
    _, results = compute(staff, courses)
    assert gaps(results, "A") == [("advisor_requirement_expired", "", "1", "K1")]


def test_a_fullfort_column_holding_ja_nei_is_a_status_not_a_date():
    staff = [HR, [1, "Anne", "", "A", "Inst A", "", "", "Nei", "innsyn"],
             [2, "Bo", "", "A", "Inst A", "", "", "Nei", "SRU"]]
    courses = [["Ansattnr", "Kurskode", "Kurs", "Fullført", "Fullført dato"],
               [1, *K1, "Ja", "01.10.2026"], [2, *K1, "Nei", "01.10.2026"]]
    dataset, results = compute(staff, courses)
    assert dataset.tables[1].mapping["Fullført"] == "status"
    assert dataset.tables[1].mapping["Fullført dato"] == "completion_date"
    assert (met(results, "1", "K1"), met(results, "2", "K1")) == ("met", "missing")
    assert rows(results.person_status, employee_id="1", requirement_id="K1")[0][
        "completed_on"] == pd.Timestamp(2026, 10, 1)


def test_a_ja_nei_column_beside_a_status_column_negative_wins():
    staff = [HR, [1, "Anne", "", "A", "Inst A", "", "", "Nei", "innsyn"],
             [2, "Bo", "", "A", "Inst A", "", "", "Nei", "SRU"]]
    courses = [["Ansattnr", "Kurskode", "Kurs", "Status", "Fullført", "Fullført dato"],
               [1, *K1, "Fullført", "Ja", "01.10.2026"], [2, *K1, "Fullført", "Nei", "01.10.2026"]]
    dataset, results = compute(staff, courses)
    assert dataset.tables[1].mapping["Fullført"] == "status_flag"
    assert (met(results, "1", "K1"), met(results, "2", "K1")) == ("met", "missing")


def test_a_fullfort_column_of_dates_stays_the_completion_date():
    staff = [HR, [1, "Anne", "", "A", "Inst A", "", "", "Nei", "innsyn"]]
    dataset, results = compute(staff, [["Ansattnr", "Kurs", "Fullført"],
                                       [1, K1[1], "01.10.2026"]])
    assert dataset.tables[1].mapping["Fullført"] == "completion_date"
    assert met(results, "1", "K1") == "met"


@pytest.mark.parametrize(
    "text,counts",
    [
        ("14/10/26, 09:15", True),  # Moodle
        ("14/10/2026", True),
        ("1.11.2026", True),  # on the as-of date: counts
        ("2026-10-31T23:30:00Z", True),  # 1 November in Oslo
        ("2026-11-01T23:30:00Z", False),  # 2 November in Oslo: after the as-of date
        ("2026-11-01T23:30:00+00:00", False),
        ("2026-11-02T00:30:00+02:00", True),  # 1 November 23:30 in Oslo (winter time, +01:00)
        ("02.11.26", False),
    ],
)
def test_dates_are_day_first_and_zoned_times_are_taken_in_oslo(text, counts):
    staff = [HR, [1, "Anne", "", "A", "Inst A", "", "", "Nei", "innsyn"]]
    _, results = compute(staff, [COURSES, [1, *K1, "Fullført", text]])
    assert (met(results, "1", "K1") == "met") is counts
    assert not issues(results, file="kurs.csv")


def test_an_undated_completion_meets_a_requirement_without_validity_only():
    staff = [HR, [1, "Anne", "", "A", "Inst A", "", "", "Nei", "innsyn"]]
    courses = [COURSES, [1, *K1, "Fullført", "31.31.2026"], [1, *K2, "Fullført", ""]]
    _, results = compute(staff, courses, requirements=REQUIREMENTS)
    assert met(results, "1", "K1") == "met"  # K1 has no validity
    assert met(results, "1", "K2") == "missing"  # K2 is valid 36 months: cannot be shown fresh
    assert [i[3] for i in issues(results, file="kurs.csv")] == [
        "«31.31.2026» er ikke en dato (bruk dd.mm.åååå); verdien er ignorert.",
        "Fullført uten (lesbar) dato: teller for krav uten gyldighetstid, aldri for krav med "
        "gyldighetstid.",
        "Fullført uten (lesbar) dato: teller for krav uten gyldighetstid, aldri for krav med "
        "gyldighetstid.",
    ]
    assert ("advisor_missing_requirement", "innsyn", "1", "K2") not in gaps(results, "A")
    assert ("advisor_missing_requirement", "", "1", "K2") in gaps(results, "A")


def test_the_portals_valid_until_is_kept_and_a_passed_one_warned_about():
    staff = [HR, [1, "Anne", "", "A", "Inst A", "", "", "Nei", "innsyn"]]
    courses = [COURSES + ["Gyldig til"], [1, *K1, "Fullført", "01.10.2024", "01.10.2026"],
               [1, *K3, "Fullført", "01.10.2024", "01.10.2027"],
               [1, "HMS", "HMS-kurs", "Fullført", "01.10.2020", "01.10.2022"]]
    _, results = compute(staff, courses)
    k1 = rows(results.person_status, employee_id="1", requirement_id="K1")[0]
    assert (k1["status"], k1["portal_valid_until"]) == ("met", pd.Timestamp(2026, 10, 1))
    assert issues(results, file="kurs.csv") == [
        ("kurs.csv", 2, "Gyldig til", "Gyldig til 01.10.2026 i portalen er passert per "
         "01.11.2026; kravets gyldighetstid avgjør om kravet er oppfylt.")]


# --- identities ------------------------------------------------------------------------------

def test_numeric_ids_match_ignoring_leading_zeros_and_keep_the_staff_files_form():
    staff = [HR, [12345, "Anne", "", "A", "Inst A", "", "", "Nei", "innsyn"],
             ["00777", "Bo", "", "A", "Inst A", "", "", "Nei", "SRU"]]
    courses = [COURSES, ["00012345", *K1, "Fullført", "01.10.2026"],
               ["777", *K1, "Fullført", "01.10.2026"]]
    advisors = [["Ansattnr", "Enhet", "Prosess"], ["0012345", "A", "saksbehandling"]]
    _, results = compute(staff, courses, advisors=advisors)
    assert (met(results, "12345", "K1"), met(results, "00777", "K1")) == ("met", "met")
    assert sorted(set(results.advisors["employee_id"])) == ["00777", "12345"]
    assert issues(results, file="kurs.csv") == [
        ("kurs.csv", 2, "Ansattnr", "2 ansattnummer er koblet til ansattlisten uten innledende "
         "nuller (f.eks. 00012345 = 12345); ansattlistens form brukes.")]
    assert issues(results, file="radgivere.csv") == [
        ("radgivere.csv", 2, "Ansattnr", "1 ansattnummer er koblet til ansattlisten uten "
         "innledende nuller (f.eks. 0012345 = 12345); ansattlistens form brukes.")]


def test_emails_match_ignoring_case_and_spaces_but_never_across_domains():
    staff = [HR, [1, "Anne", "anne.li@ntnu.no", "A", "Inst A", "", "", "Nei", "innsyn"]]
    courses = [["E-post", "Kurs", "Status", "Fullført dato"],
               [" Anne.Li @NTNU.no ", K1[1], "Fullført", "01.10.2026"],
               ["anne.li@uio.no", K3[1], "Fullført", "01.10.2026"]]
    _, results = compute(staff, courses)
    assert met(results, "1", "K1") == "met"
    assert met(results, "1", "K3") == "missing"


@pytest.mark.parametrize(
    "codes,resolved,warned",
    [
        (["090006"], "090006", True),
        (["090006", "0090006"], "90006", False),  # two codes fit: no guess
    ],
)
def test_a_numeric_unit_code_matches_a_zero_padded_one_only_when_exactly_one_fits(
        codes, resolved, warned):
    staff = xlsx_file("hr.xlsx", {"Ansatte": [["Ansattnr", "Navn", "Enhetskode",
                                               "Saksbehandler"], [1, "Anne", 90006, "Nei"]]})
    units = [["Enhetskode", "Enhetsnavn"], *[[f"'{c}", f"Enhet {c}"] for c in codes]]
    units = csv_file("enheter.csv", [["Enhetskode", "Enhetsnavn"],
                                     *[[c, f"Enhet {c}"] for c in codes]])
    dataset = load_dataset(staff=staff, courses=csv_file("kurs.csv", [COURSES]), units=units)
    assert dataset.staff["unit_id"].tolist() == [resolved]
    notes = [m for m in with_messages(dataset.issues)["message"] if "innledende nuller" in m]
    assert notes == ([f"Enhetskoden 90006 er lest som {resolved} (innledende nuller mangler)."]
                     if warned else [])


def test_without_a_case_handler_column_everyone_is_one_and_the_user_is_told():
    staff = [["Ansattnr", "Navn", "Enhet", "Stillingsbetegnelse"],
             [1, "Anne", "A", "Professor"], [2, "Bo", "A", "Rådgiver"]]
    _, results = compute(staff, [COURSES])
    assert sorted(results.case_handlers_due["employee_id"]) == ["1", "2"]
    assert issues(results, file="hr.csv") == [
        ("hr.csv", 1, "saksbehandler (ja/nei)", "Ansattlisten har ingen kolonne for "
         "saksbehandler (Ja/Nei): alle ansatte regnes som saksbehandlere og må ha "
         "Saksbehandlerskolen etter fristen.")]
