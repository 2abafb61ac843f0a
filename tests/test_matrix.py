"""The competency matrix on a small hand-made unit: symbols, dates, expiry and grace boundaries."""

import pytest

from analysis import build_results
from analysis.matrix import (
    ADVISORS_ONLY,
    CASE_HANDLERS_ONLY,
    competency_matrix,
    filter_matrix,
    requirement_cells,
    symbol_counts,
    with_words,
)
from loaders import load_dataset
from tests.helpers import AS_OF, COURSE_HEADER, csv_file

REQUIREMENTS = [
    ["id", "name", "audience", "courses", "valid_months", "grace_days"],
    ["K1", "Løsningen", "advisors", "K1-KURS", "", ""],
    ["K2", "Forvaltning", "advisors", "K2-KURS", "36", ""],
    ["K3", "Saksbehandlerskolen", "advisors", "SBS", "", ""],
    ["K3", "Saksbehandlerskolen", "case_handlers", "SBS", "", "90"],
]
STAFF = [
    ["Ansattnr", "Navn", "Enhetskode", "Enhet", "Overordnet enhet", "Startdato",
     "Saksbehandler", "Roller"],
    [1, "Anne", "A", "Inst A", "F1", "01.01.2020", "Ja", "innsyn; saksbehandling"],
    [2, "Bo", "A", "Inst A", "F1", "01.01.2015", "Nei", "SRU"],
    [3, "Cato", "A", "Inst A", "F1", "03.08.2026", "Ja", ""],  # exactly 90 days before: due
    [4, "Dina", "A", "Inst A", "F1", "04.08.2026", "Ja", ""],  # 89 days: in the grace period
    [5, "Eli", "A", "Inst A", "F1", "01.10.2026", "Ja", ""],  # new, but already trained
    [6, "Finn", "A", "Inst A", "F1", "01.01.2010", "Nei", ""],  # neither: not in the matrix
    [7, "Gro", "A", "Inst A", "F1", "01.01.2010", "Nei", "innsyn"],
    [8, "Hege", "B", "Inst B", "F2", "01.01.2010", "Ja", ""],
]
COURSES = [
    COURSE_HEADER,
    [1, "K1-KURS", "", "Fullført", "01.02.2025"],
    [1, "K2-KURS", "", "Fullført", "31.12.2023"],  # valid until 31.12.2026 = as-of + 60 days
    [1, "SBS", "", "Fullført", "15.03.2024"],
    [2, "K2-KURS", "", "Fullført", "01.01.2024"],  # valid until 01.01.2027: one day later
    [2, "SBS", "", "Fullført", "10.10.2020"],
    [5, "SBS", "", "Fullført", "20.10.2026"],
    [7, "K1-KURS", "", "Fullført", "01.06.2022"],
    [7, "K2-KURS", "", "Fullført", "31.10.2023"],  # valid until 31.10.2026: expired
    [7, "SBS", "", "Fullført", "01.06.2022"],
    [8, "SBS", "", "Ikke bestått", "01.06.2022"],
]


@pytest.fixture(scope="module")
def data():
    dataset = load_dataset(staff=csv_file("ansatte.csv", STAFF),
                           courses=csv_file("kurs.csv", COURSES),
                           requirements=csv_file("krav.csv", REQUIREMENTS))
    return dataset, build_results(dataset, as_of=AS_OF)


def cells_by_name(matrix):
    return {row["name"]: (row["K1"], row["K2"], row["K3"]) for row in matrix.to_dict("records")}


def test_each_cell_shows_a_symbol_and_the_date_that_matters(data):
    assert cells_by_name(competency_matrix(*data, expiring_days=60)) == {
        "Anne": ("✔ 01.02.2025", "⚠ 31.12.2026", "✔ 15.03.2024"),
        "Bo": ("✖", "✔ 01.01.2024", "✔ 10.10.2020"),
        "Gro": ("✔ 01.06.2022", "✖ 31.10.2026", "✔ 01.06.2022"),
        "Cato": ("–", "–", "✖"),
        "Dina": ("–", "–", "⏳ 02.11.2026"),
        "Eli": ("–", "–", "✔ 20.10.2026"),
        "Hege": ("–", "–", "✖"),
    }


@pytest.mark.parametrize("days,anne_k2", [(59, "✔ 31.12.2023"), (60, "⚠ 31.12.2026"),
                                          (0, "✔ 31.12.2023")])
def test_expiring_soon_includes_the_last_day_of_the_window(data, days, anne_k2):
    matrix = competency_matrix(*data, expiring_days=days)
    assert cells_by_name(matrix)["Anne"][1] == anne_k2
    assert cells_by_name(matrix)["Bo"][1] == "✔ 01.01.2024"


def test_states_and_grace_boundary(data):
    cells = requirement_cells(*data, expiring_days=60)
    states = {(r["employee_id"], r["requirement_id"]): r["state"]
              for r in cells.to_dict("records")}
    assert states == {
        ("1", "K1"): "completed", ("1", "K2"): "expiring", ("1", "K3"): "completed",
        ("2", "K1"): "missing", ("2", "K2"): "completed", ("2", "K3"): "completed",
        ("7", "K1"): "completed", ("7", "K2"): "expired", ("7", "K3"): "completed",
        ("3", "K3"): "missing", ("4", "K3"): "grace", ("5", "K3"): "completed",
        ("8", "K3"): "missing",
    }


def test_rows_are_advisors_and_case_handlers_with_their_roles(data):
    matrix = competency_matrix(*data, expiring_days=60)
    rows = [(r["unit_id"], r["name"], r["advisor"], r["case_handler"], r["processes"])
            for r in matrix.to_dict("records")]
    assert rows == [
        ("A", "Anne", True, True, "saksbehandling, innsyn"),
        ("A", "Bo", True, False, "SRU"),
        ("A", "Gro", True, False, "innsyn"),
        ("A", "Cato", False, True, ""),
        ("A", "Dina", False, True, ""),
        ("A", "Eli", False, True, ""),
        ("B", "Hege", False, True, ""),
    ]
    assert set(matrix["faculty_id"]) == {"F1", "F2"}


@pytest.mark.parametrize("filters,names", [
    ({"role": ADVISORS_ONLY}, ["Anne", "Bo", "Gro"]),
    ({"role": CASE_HANDLERS_ONLY}, ["Anne", "Cato", "Dina", "Eli", "Hege"]),
    ({"process": "innsyn"}, ["Anne", "Gro"]),
    ({"faculty": "F2"}, ["Hege"]),
    ({"unit": "A", "role": CASE_HANDLERS_ONLY}, ["Anne", "Cato", "Dina", "Eli"]),
    ({"unit": "B", "process": "SRU"}, []),
])
def test_filters(data, filters, names):
    matrix = competency_matrix(*data, expiring_days=60)
    assert list(filter_matrix(matrix, **filters)["name"]) == names


def test_symbol_counts_and_csv_words(data):
    matrix = competency_matrix(*data, expiring_days=60)
    assert symbol_counts(matrix, ["K1", "K2", "K3"]) == {
        "✔": 7, "⚠": 1, "✖": 4, "⏳": 1, "–": 8}
    words = with_words(matrix, "ja", "nei")
    assert list(words.loc[words["name"] == "Bo", ["advisor", "case_handler"]].iloc[0]) == [
        "ja", "nei"]


def test_a_unit_without_advisors_or_case_handlers_gives_an_empty_matrix():
    staff = [STAFF[0], [1, "Anne", "A", "Inst A", "", "", "Nei", ""]]
    dataset = load_dataset(staff=csv_file("ansatte.csv", staff),
                           courses=csv_file("kurs.csv", [COURSE_HEADER]))
    matrix = competency_matrix(dataset, build_results(dataset, as_of=AS_OF), expiring_days=60)
    assert matrix.empty
    assert list(matrix.columns[-3:]) == ["K1", "K2", "K3"]
    assert symbol_counts(matrix, ["K1", "K2", "K3"]) == {"✔": 0, "⚠": 0, "✖": 0, "⏳": 0, "–": 0}
