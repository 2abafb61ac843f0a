"""Many units and deep unit trees: 4,000 single-person units, a 3,000-level chain and loops of
parents go through the whole pipeline with the right figures (speed is measured in the bench;
these inputs once took minutes, so a test that finishes at all guards the linear code)."""

import pandas as pd
import pytest

from analysis import build_results
from analysis.hierarchy import FACULTY_ID, faculties
from analysis.overview import overview_tables
from analysis.unit_view import child_rollup, unit_options, unit_path, units_below
from loaders import load_dataset
from tests.helpers import AS_OF, COURSE_HEADER, STAFF_HEADER, csv_file
from wording.actions import gap_actions
from wording.validation import with_messages

UNITS_HEADER = ["Enhetskode", "Enhetsnavn", "Overordnet enhetskode"]
PARENT_HEADER = "Overordnet enhet"
MANY = 4_000
LEVELS = 3_000


def person(i: int, unit: str, name: str, *extra: str) -> list[object]:
    return [10_000 + i, f"Person {i}", f"p{i}@x.no", unit, name, "01.01.2020", "Ja", "", *extra]


def pipeline(staff: list[list[object]], units: list[list[object]] | None = None):
    """load_dataset, build_results, the overview and the gaps' actions, as the app runs them."""
    dataset = load_dataset(staff=csv_file("ansatte.csv", staff),
                           courses=csv_file("kurs.csv", [COURSE_HEADER]),
                           units=units and csv_file("enheter.csv", units))
    results = build_results(dataset, as_of=AS_OF)
    overview = overview_tables(results, None)
    actions = gap_actions(results, results.staff, dataset.courses)
    return dataset, results, overview, actions


def code(i: int) -> str:
    return f"C{i:05d}"


def chain(levels: int, via: str) -> tuple[list[list[object]], list[list[object]] | None]:
    """Each unit the parent of the next, one person in each: parents from a units file, or
    from the staff file's parent column."""
    if via == "units":
        staff = [STAFF_HEADER, *(person(i, code(i), f"Nivå {i}") for i in range(levels))]
        units = [UNITS_HEADER, *([code(i), f"Nivå {i}", code(i - 1) if i else ""]
                                 for i in range(levels))]
        return staff, units
    staff = [[*STAFF_HEADER, PARENT_HEADER],
             *(person(i, code(i), f"Nivå {i}", code(i - 1) if i else "") for i in range(levels))]
    return staff, None


def test_four_thousand_single_person_units():
    staff = [STAFF_HEADER, *(person(i, f"U{i:05d}", f"Enhet {i}") for i in range(MANY))]
    dataset, results, overview, actions = pipeline(staff)

    assert len(dataset.units) == MANY and dataset.units["evaluated"].all()
    assert dataset.issues.empty
    summary = results.unit_summary
    assert len(summary) == MANY
    assert (summary["staff"] == 1).all() and (summary["advisors"] == 0).all()
    assert (summary["missing_processes"] == 3).all() and not summary["compliant"].any()
    # per unit: too few advisors, three processes without one, the case handler lacks K3
    assert results.gaps["kind"].value_counts().to_dict() == {
        "missing_process_advisor": 3 * MANY, "too_few_advisors": MANY,
        "case_handler_missing_requirement": MANY}

    kpis = overview.kpis
    assert (kpis.units, kpis.compliant_units, kpis.advisors) == (MANY, 0, 0)
    assert (kpis.case_handlers_due, kpis.case_handlers_trained) == (MANY, 0)
    assert len(overview.rollup) == MANY  # no tree: each unit is its own faculty
    assert overview.rollup["units"].eq(1).all() and overview.rollup["staff"].sum() == MANY
    assert overview.coverage is not None and overview.training is not None

    assert len(actions) == 5 * MANY
    last = actions[(actions["unit_id"] == "U03999") & (actions["kind"] == "too_few_advisors")]
    assert last["action"].tolist() == [
        "Oppnevn 2 nye prosessrådgivere; kandidater: Person 3999 (mangler K1, K2, K3)."]

    options = unit_options(results.units)
    assert len(options) == MANY and not options["rollup"].any()
    assert options["label"].iloc[0] == "Enhet 0 (U00000)"
    assert unit_path(results.units, "U02500") == ["U02500"]
    assert units_below(results.units, "U02500") == ["U02500"]
    assert child_rollup(results.units, results.unit_summary, "U02500").empty


@pytest.mark.parametrize("via", ["units", "staff"])
def test_three_thousand_level_chain(via):
    staff, units = chain(LEVELS, via)
    dataset, results, overview, actions = pipeline(staff, units)

    assert dataset.issues.empty
    assert len(results.unit_summary) == LEVELS  # every level has its person, so is judged
    tree = results.units.set_index("unit_id")
    assert tree.loc[code(1), "parent_id"] == code(0) and tree.loc[code(0), "parent_id"] == ""
    assert tree["has_children"].sum() == LEVELS - 1

    # one root holds all: the faculty is the level below it, for every unit under it
    groups = faculties(results.units).set_index("unit_id")[FACULTY_ID]
    assert groups[code(0)] == code(0)
    assert (groups.drop(code(0)) == code(1)).all()
    assert overview.rollup[["faculty_id", "units", "staff"]].values.tolist() == [
        [code(0), 1, 1], [code(1), LEVELS - 1, LEVELS - 1]]

    for level in (0, 1, 1_500, LEVELS - 1):
        path = unit_path(results.units, code(level))
        assert path == [code(i) for i in range(level + 1)]
    assert units_below(results.units, code(1)) == [code(i) for i in range(1, LEVELS)]
    assert units_below(results.units, code(LEVELS - 1)) == [code(LEVELS - 1)]
    children = child_rollup(results.units, results.unit_summary, code(1_000))
    assert children[["unit_id", "units", "compliant_units", "staff"]].values.tolist() == [
        [code(1_001), LEVELS - 1_001, 0, LEVELS - 1_001]]

    options = unit_options(results.units)
    assert len(options) == LEVELS and not options["rollup"].any()
    # the root is the only unit above two faculties (itself and the level below): first
    assert options["unit_id"].iloc[0] == code(0)
    assert options["unit_id"].iloc[1:4].tolist() == [code(1), code(2), code(3)]
    assert options["label"].iloc[2] == f"{code(1)} › Nivå 2 ({code(2)})"

    assert len(actions) == 5 * LEVELS
    assert actions["kind"].value_counts()["too_few_advisors"] == LEVELS


LOOP = ("Overordnet enhet går i ring: {ring} (→ peker på overordnet enhet). Koblingen fra "
        "«{head}» til «{parent}» brukes ikke, så «{head}» står øverst i enhetstreet.")


def loop_message(*units: str, count: str = "") -> str:
    ring = " → ".join(f"«{u}»" for u in [*units, units[0]])
    return LOOP.format(ring=ring, head=units[0], parent=units[1]).replace(
        "(→", f"({count}→")


def units_file(*rows: tuple[str, str]) -> list[list[object]]:
    return [UNITS_HEADER, *([unit, f"Enhet {unit}", parent] for unit, parent in rows)]


def one_each(units: str) -> list[list[object]]:
    return [STAFF_HEADER, *(person(i, unit, f"Enhet {unit}") for i, unit in enumerate(units))]


def issues(dataset) -> list[tuple]:
    return [tuple(issue) for issue in with_messages(dataset.issues)[
        ["file", "row", "column", "severity", "message"]].itertuples(index=False)]


@pytest.mark.parametrize("rows,expected,tops", [
    pytest.param([("A", "B"), ("B", "A")], [(2, loop_message("A", "B"))], {"A"}, id="two"),
    pytest.param([("S", "S")], [(2, "Enheten «S» er oppgitt som sin egen overordnede enhet; "
                               "koblingen brukes ikke, og enheten står øverst i enhetstreet.")],
                 {"S"}, id="own-parent"),
    # the loop is cut at its unit first in the file (F), wherever the walk entered it
    pytest.param([("T", "D"), ("F", "E"), ("D", "F"), ("E", "D")],
                 [(3, loop_message("F", "E", "D"))], {"F"}, id="three-with-a-tail"),
    pytest.param([("A", "B"), ("B", "A"), ("C", "D"), ("D", "C"), ("E", "")],
                 [(2, loop_message("A", "B")), (4, loop_message("C", "D"))], {"A", "C", "E"},
                 id="two-loops"),
])
def test_a_loop_in_the_units_file_is_reported_once_and_cut(rows, expected, tops):
    staff = one_each([unit for unit, _ in rows])
    dataset, results, overview, _ = pipeline(staff, units_file(*rows))
    assert issues(dataset) == [("enheter.csv", row, "Overordnet enhetskode", "warning", message)
                               for row, message in expected]
    assert set(results.units.loc[results.units["parent_id"] == "", "unit_id"]) == tops
    assert overview.kpis.units == len(rows)
    for unit, _ in rows:
        path = unit_path(results.units, unit)
        assert path[0] in tops and path[-1] == unit and len(set(path)) == len(path)


def test_a_loop_through_the_staff_files_parent_column_is_reported_on_its_row():
    staff = [[*STAFF_HEADER, PARENT_HEADER],
             person(1, "A", "Enhet A", "Enhet B"),  # the parent by name
             person(2, "B", "Enhet B", "A"),
             person(3, "F", "Fakultet F", "Fakultet F")]  # a faculty's own staff: no loop
    dataset, results, _, _ = pipeline(staff)
    assert issues(dataset) == [("ansatte.csv", 2, PARENT_HEADER, "warning",
                                loop_message("A", "B"))]
    assert results.units[["unit_id", "parent_id"]].values.tolist() == [
        ["A", ""], ["B", "A"], ["F", ""]]
    assert units_below(results.units, "A") == ["A", "B"]


def test_a_ring_of_three_thousand_units_is_named_briefly_and_cut():
    rows = [(code(i), code((i + 1) % LEVELS)) for i in range(LEVELS)]
    dataset, results, overview, _ = pipeline(one_each([unit for unit, _ in rows]),
                                             units_file(*rows))
    shown = [f"«{code(i)}»" for i in range(6)]
    ring = " → ".join([*shown, "…", f"«{code(LEVELS - 1)}»", f"«{code(0)}»"])
    assert issues(dataset) == [("enheter.csv", 2, "Overordnet enhetskode", "warning",
                                LOOP.format(ring=ring, head=code(0), parent=code(1)).replace(
                                    "(→", f"({LEVELS} enheter; →"))]
    # cut at C00000: the chain now runs C00000 ← C02999 ← C02998 … ← C00001
    assert unit_path(results.units, code(1)) == [code(0), *(code(i) for i in
                                                             range(LEVELS - 1, 0, -1))]
    assert overview.kpis.units == LEVELS


def test_the_hierarchy_cuts_a_loop_it_is_given_directly():
    """A units table from elsewhere (not the loaders) with a loop still terminates."""
    units = pd.DataFrame({"unit_id": ["A", "B", "C"], "unit_name": ["a", "b", "c"],
                          "parent_id": ["B", "A", "A"], "has_children": [True, True, False],
                          "evaluated": [False, False, True]})
    assert faculties(units)[FACULTY_ID].tolist() == ["A", "B", "C"]
    assert unit_path(units, "C") == ["A", "C"]
    assert units_below(units, "A") == ["C"]
    assert unit_options(units)["unit_id"].tolist() == ["A", "C"]
